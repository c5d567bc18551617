import type {
  MeetingSubmissionsData,
  MySubmittedItemsData,
  SubmittedItemRow,
} from "../../commands/getSubmittedItems.js";
import { formatDate } from "../../domain/dates.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { DateText, Empty } from "./components.js";
import { ErrorSummary, PostForm, SelectField, TextArea } from "./form-parts.js";
import { Layout } from "./layout.js";
import { MeetingEditorLayout, type NoticeKey } from "./meeting-editor-layout.js";

/** Where an item sent in stands, in words, with a link to the meeting when there is one. */
export function SubmittedStatus({ item }: { item: SubmittedItemRow }) {
  if (item.status === "scheduled" && item.meetingId && item.meetingDate) {
    return (
      <>
        <span class="badge state-notice_sent">På dagordningen</span> för{" "}
        <a href={`/moten/${item.meetingId}${item.itemId ? `#punkt-${item.itemId}` : ""}`}>
          mötet <DateText date={item.meetingDate} />
        </a>
      </>
    );
  }
  if (item.status === "deferred") {
    return (
      <>
        <span class="badge postponed">Uppskjuten</span>
        {item.deferredToMeetingId && item.deferredToDate && (
          <>
            {" "}
            till <a href={`/moten/${item.deferredToMeetingId}`}>mötet {formatDate(item.deferredToDate)}</a>
          </>
        )}
        {item.deferredReason && <>: {item.deferredReason}</>}
      </>
    );
  }
  return <span class="badge state-planned">Väntar på samordnaren</span>;
}

function Files({ item }: { item: SubmittedItemRow }) {
  if (item.files.length === 0) return null;
  return (
    <span>
      {" "}
      · {item.files.length === 1 ? "bifogad fil" : "bifogade filer"}: {item.files.map((f) => f.title).join(", ")}
    </span>
  );
}

/** "Mina inskickade punkter": every item the member sent in and what the coordinator decided. */
export function MySubmittedItemsPage({ data }: { data: MySubmittedItemsData }) {
  return (
    <Layout title="Mina inskickade punkter" active="meetings">
      <h1>Mina inskickade punkter</h1>
      {!data.linked ? (
        <p>Ditt konto är inte kopplat till en person i något nätverk, så du kan inte skicka in punkter.</p>
      ) : data.items.length === 0 ? (
        <Empty>Du har inte skickat in några punkter. Öppna ett kommande möte och välj ”Skicka in en punkt”.</Empty>
      ) : (
        <table class="list">
          <caption>Punkter du har skickat in, senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Punkt</th>
              <th scope="col">Nätverk och möte</th>
              <th scope="col">Inskickad</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.id} id={`inskickad-${i.id}`}>
                <th scope="row">
                  {i.title}
                  <span class="muted">
                    {i.presenterName && ` · föredras av ${i.presenterName}`}
                    <Files item={i} />
                  </span>
                </th>
                <td>
                  <a href={`/natverk/${i.networkSlug}`}>{i.networkName}</a>
                  {i.meetingId && i.meetingDate && (
                    <>
                      ,{" "}
                      <a href={`/moten/${i.meetingId}`}>
                        <DateText date={i.meetingDate} />
                      </a>
                    </>
                  )}
                </td>
                <td>
                  <DateText date={i.createdAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })} />
                </td>
                <td>
                  <SubmittedStatus item={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function Decide({
  item,
  data,
  csrf,
  state,
}: {
  item: SubmittedItemRow;
  data: MeetingSubmissionsData;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const form = `skjut-upp-${item.id}`;
  const s = stateFor(state, form);
  const place = stateFor(state, `placera-${item.id}`);
  return (
    <li class="my-action" id={`inskickad-${item.id}`}>
      <h3>{item.title}</h3>
      <p class="meta">
        Inskickad av {item.senderName}{" "}
        <DateText date={item.createdAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })} />
        {item.presenterName && ` · föredras av ${item.presenterName}`}
        <Files item={item} />
      </p>
      {item.body && <p>{item.body}</p>}
      <p>
        <SubmittedStatus item={item} />
      </p>
      {item.status !== "scheduled" && (
        <>
          <PostForm
            action={`/inskickade/${item.id}/dagordning`}
            csrf={csrf}
            class="inline-form"
            label={`Lägg på dagordningen: ${item.title}`}
          >
            <input type="hidden" name="mote" value={String(data.meeting.id)} />
            <ErrorSummary state={place} />
            <button type="submit" class="button">
              Lägg på dagordningen<span class="visually-hidden">: {item.title}</span>
            </button>
          </PostForm>
          <details open={s !== undefined}>
            <summary>
              Skjut upp<span class="visually-hidden"> {item.title}</span>
            </summary>
            <PostForm
              action={`/inskickade/${item.id}/skjut-upp`}
              csrf={csrf}
              class="stack"
              label={`Skjut upp: ${item.title}`}
            >
              <input type="hidden" name="mote" value={String(data.meeting.id)} />
              <ErrorSummary state={s} labels={{ reason: "Anledning", meeting_id: "Till möte" }} />
              <TextArea
                form={form}
                name="reason"
                label="Anledning"
                hint="Avsändaren ser den och får den med e-post."
                value={fieldValue(s, "reason", "")}
                errors={s?.errors}
                rows={2}
                required
              />
              <SelectField
                form={form}
                name="meeting_id"
                label="Till möte (frivilligt)"
                value={fieldValue(s, "meeting_id", "")}
                errors={s?.errors}
                empty="Inget möte ännu"
                options={data.later.map((m) => [String(m.id), formatDate(m.date)])}
              />
              <button type="submit" class="button secondary">
                Skjut upp punkten
              </button>
            </PostForm>
          </details>
        </>
      )}
    </li>
  );
}

/** The coordinator's view of the items sent in to one meeting: put each on the agenda or defer it. */
export function MeetingSubmissionsPage(props: {
  data: MeetingSubmissionsData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data } = props;
  const { meeting } = data;
  const waiting = data.items.filter((i) => i.status !== "scheduled");
  const done = data.items.filter((i) => i.status === "scheduled");
  return (
    <MeetingEditorLayout
      meeting={{
        id: meeting.id,
        date: meeting.date,
        state: meeting.state,
        networkName: meeting.networkName,
        networkSlug: meeting.networkSlug,
      }}
      tab="submitted"
      title="Inskickade punkter"
      notice={props.notice}
    >
      <p>
        Sista dag att skicka in punkter: <DateText date={meeting.deadline} />.{" "}
        <a href={`/moten/${meeting.id}/dagordning`}>Till dagordningen</a>
      </p>
      <section aria-labelledby="vantar-rubrik">
        <h2 id="vantar-rubrik">Att ta ställning till ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <Empty>Inga punkter väntar.</Empty>
        ) : (
          <ul class="my-actions">
            {waiting.map((i) => (
              <Decide key={i.id} item={i} data={data} csrf={props.csrf} state={props.state} />
            ))}
          </ul>
        )}
      </section>
      {done.length > 0 && (
        <section aria-labelledby="klara-rubrik">
          <h2 id="klara-rubrik">På dagordningen</h2>
          <ul>
            {done.map((i) => (
              <li key={i.id}>
                {i.title} <span class="muted">(inskickad av {i.senderName})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </MeetingEditorLayout>
  );
}
