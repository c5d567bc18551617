import type { Abilities } from "../../commands/getAbilities.js";
import type { MeetingPageData } from "../../commands/getMeetingPage.js";
import type { AttendanceRow, ItemDetail } from "../../db/queries/meetings.js";
import { isPreviousMinutesItem } from "../../domain/agenda-rules.js";
import { formatDate, formatDateLong } from "../../domain/dates.js";
import { ACTION_STATUS_LABELS, ITEM_KIND_LABELS } from "../../domain/labels.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { DateText, Empty, Markdown, StateBadge, TimeRange } from "./components.js";
import { ExportLinks } from "./export-links.js";
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from "./form-parts.js";
import { ObjectTabs } from "./history-page.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";
import { Apology, NextThemeForm, PlannedThemes } from "./meeting-planning.js";

type Attachment = MeetingPageData["attachments"][number];
type Previous = MeetingPageData["previous"];

function PersonLink({ personId, name }: { personId: number | null; name: string }) {
  return personId ? <a href={`/personer/${personId}`}>{name}</a> : <span>{name}</span>;
}

function AttendanceTable({ rows, caption, guests }: { rows: AttendanceRow[]; caption: string; guests?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <table class="list compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Namn</th>
          <th scope="col">{guests ? "Roll" : "Kommun"}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.personId}>
            <td>
              <PersonLink personId={a.personId} name={a.name} />
              {a.isChair && " (ordf.)"}
              {a.status === "excused" && " (förhinder)"}
            </td>
            <td>{guests ? (a.roleText ?? a.municipality ?? "–") : (a.municipality ?? "–")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Files({ files, label }: { files: Attachment[]; label: string }) {
  if (files.length === 0) return null;
  return (
    <ul class="files" aria-label={label}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/bilagor/${f.id}`}>{f.title}</a> <span class="muted">({Math.ceil(f.size / 1024)} kB)</span>
        </li>
      ))}
    </ul>
  );
}

function PreviousMinutesLink({ previous }: { previous: Previous }) {
  if (!previous) return null;
  return (
    <p class="meta previous-minutes">
      Föregående anteckningar: <a href={`/moten/${previous.id}`}>mötet {formatDate(previous.date)}</a>
      {previous.state === "approved" ? ` (justerade, version ${previous.minutesVersion})` : " (inte justerade ännu)"}
    </p>
  );
}

function Item(props: {
  item: ItemDetail;
  roundNotes: { itemId: number; municipality: string; notes: string }[];
  files: Attachment[];
  previous: Previous;
}) {
  const { item } = props;
  const notes = props.roundNotes.filter((r) => r.itemId === item.id);
  return (
    <li id={`punkt-${item.id}`} class="item">
      <h3>
        {item.title}
        {item.kind !== "item" && <span class="badge kind"> {ITEM_KIND_LABELS[item.kind]}</span>}
        {item.postponed && <span class="badge postponed"> Flyttas till nästa möte</span>}
      </h3>
      {item.raisedBy.length > 0 && (
        <p class="meta">
          Ärende från{" "}
          {item.raisedBy.map((r, i) => (
            <span key={`${r.name}-${i}`}>
              {i > 0 && (i === item.raisedBy.length - 1 ? " och " : ", ")}
              <PersonLink personId={r.personId} name={r.name} />
            </span>
          ))}
        </p>
      )}
      {item.carriedFromMeetingId && (
        <p class="meta">
          Flyttad från <a href={`/moten/${item.carriedFromMeetingId}`}>ett tidigare möte</a>
        </p>
      )}
      {isPreviousMinutesItem(item.title) && <PreviousMinutesLink previous={props.previous} />}
      <Files files={props.files} label={`Filer till ${item.title}`} />
      <Markdown source={item.notes} />
      {notes.length > 0 && (
        <dl class="round">
          {notes.map((n) => (
            <div key={n.municipality}>
              <dt>{n.municipality}</dt>
              <dd>{n.notes}</dd>
            </div>
          ))}
        </dl>
      )}
      {item.decisions.length > 0 && (
        <div class="decisions">
          {item.decisions.map((d) => (
            <p key={d.id} class="decision">
              <strong>
                Beslut {d.year}:{d.number}:
              </strong>{" "}
              {d.text}
            </p>
          ))}
        </div>
      )}
      {item.actions.length > 0 && (
        <ul class="actions" aria-label={`Uppdrag under ${item.title}`}>
          {item.actions.map((a) => (
            <li key={a.id}>
              <strong>Uppdrag:</strong> {a.text}{" "}
              <span class="muted">
                (
                {a.assignees.map((p, i) => (
                  <span key={`${p.name}-${i}`}>
                    {i > 0 && ", "}
                    <PersonLink personId={p.personId} name={p.name} />
                  </span>
                ))}
                {a.dueDate && (
                  <>
                    , senast <DateText date={a.dueDate} />
                  </>
                )}
                , {ACTION_STATUS_LABELS[a.status as keyof typeof ACTION_STATUS_LABELS] ?? a.status})
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Attendance and the agenda with notes, decisions and actions: the body of minutes, also of old versions. */
export function MinutesBody(props: {
  attendance: AttendanceRow[];
  items: ItemDetail[];
  roundNotes: { itemId: number; municipality: string; notes: string }[];
  attachments?: Attachment[];
  previous?: Previous;
  heading: string;
}) {
  const { attendance, items } = props;
  const present = attendance.filter((a) => a.status === "present");
  const guests = attendance.filter((a) => a.status === "guest");
  const absent = attendance.filter((a) => a.status === "absent" || a.status === "excused");
  const files = props.attachments ?? [];
  return (
    <>
      <section aria-labelledby="narvaro">
        <h2 id="narvaro">Närvaro</h2>
        {attendance.length === 0 ? (
          <Empty>Närvaron är inte registrerad.</Empty>
        ) : (
          <div class="columns">
            <AttendanceTable rows={present} caption={`Närvarande (${present.length})`} />
            <AttendanceTable rows={guests} caption={`Övriga (${guests.length})`} guests />
            <AttendanceTable rows={absent} caption={`Frånvarande (${absent.length})`} />
          </div>
        )}
      </section>

      <section aria-labelledby="dagordning">
        <h2 id="dagordning">{props.heading}</h2>
        <Files files={files.filter((f) => f.itemId === null)} label="Filer till mötet" />
        {items.length === 0 ? (
          <Empty>Dagordningen är tom.</Empty>
        ) : (
          <ol class="agenda">
            {items.map((item) => (
              <Item
                key={item.id}
                item={item}
                roundNotes={props.roundNotes}
                files={files.filter((f) => f.itemId === item.id)}
                previous={props.previous ?? null}
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function EditorLinks({ meetingId, history }: { meetingId: number; history: boolean }) {
  return (
    <nav aria-label="Arbeta med mötet" class="tabs">
      <ul>
        <li>
          <a href={`/moten/${meetingId}/uppgifter`}>Uppgifter</a>
        </li>
        <li>
          <a href={`/moten/${meetingId}/dagordning`}>Dagordning</a>
        </li>
        <li>
          <a href={`/moten/${meetingId}/narvaro`}>Närvaro</a>
        </li>
        <li>
          <a href={`/moten/${meetingId}/anteckningar`}>Anteckningar</a>
        </li>
        <li>
          <a href={`/moten/${meetingId}/inskickade`}>Inskickade punkter</a>
        </li>
        {history && (
          <li>
            <a href={`/moten/${meetingId}/historik`}>Historik</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

function Versions({ data }: { data: MeetingPageData }) {
  if (data.versions.length === 0 && !data.meeting.correction_reason) return null;
  return (
    <section aria-labelledby="versioner">
      <h2 id="versioner">Versioner av anteckningarna</h2>
      <ol class="versions">
        {data.versions.map((v) => (
          <li key={v.version}>
            <a href={`/moten/${data.meeting.id}/versioner/${v.version}`}>Version {v.version}</a>, justerad{" "}
            <DateText date={v.createdAt.toISOString().slice(0, 10)} />
            {v.approvedBy && ` av ${v.approvedBy}`}
            {v.reason && <span class="muted"> – rättelse: {v.reason}</span>}
          </li>
        ))}
        {data.meeting.correction_reason && (
          <li>
            Version {data.meeting.minutes_version} (rättelse pågår): {data.meeting.correction_reason}
          </li>
        )}
      </ol>
    </section>
  );
}

function Correction({
  data,
  csrf,
  state,
}: {
  data: MeetingPageData;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const s = stateFor(state, "rattelse");
  return (
    <section aria-labelledby="rattelse-rubrik">
      <h2 id="rattelse-rubrik">Rätta anteckningarna</h2>
      <details open={s !== undefined}>
        <summary>Gör en rättelse</summary>
        <p>
          Justerade anteckningar ändras aldrig i efterhand. En rättelse blir en ny version som justeras på nytt; den här
          versionen finns kvar att läsa.
        </p>
        <PostForm action={`/moten/${data.meeting.id}/rattelse`} csrf={csrf} class="stack" label="Gör en rättelse">
          <ErrorSummary state={s} labels={{ reason: "Skäl" }} />
          <TextArea
            form="rattelse"
            name="reason"
            label="Varför rättas anteckningarna?"
            value={fieldValue(s, "reason", "")}
            errors={s?.errors}
            rows={2}
            required
          />
          <button type="submit" class="button secondary">
            Öppna för rättelse
          </button>
        </PostForm>
      </details>
    </section>
  );
}

function SubmitItem({
  data,
  csrf,
  state,
}: {
  data: MeetingPageData;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const s = stateFor(state, "skicka-in");
  const submission = data.submission;
  if (!submission) return null;
  return (
    <section aria-labelledby="skicka-in-rubrik">
      <h2 id="skicka-in-rubrik">Skicka in en punkt</h2>
      {!submission.open ? (
        <>
          <ErrorSummary state={s} />
          <p>
            Sista dag att skicka in punkter till det här mötet var <DateText date={submission.deadline} />. Kontakta
            samordnaren om något ändå behöver tas upp. <a href="/inskickade">Mina inskickade punkter</a>
          </p>
        </>
      ) : (
        <details open={s !== undefined}>
          <summary>Föreslå en punkt till dagordningen</summary>
          <p class="hint">
            Skicka in senast <DateText date={submission.deadline} />. Samordnaren lägger punkten på dagordningen eller
            skjuter upp den; du ser beskedet under <a href="/inskickade">Mina inskickade punkter</a>.
          </p>
          <PostForm
            action={`/moten/${data.meeting.id}/inskickade`}
            csrf={csrf}
            class="stack"
            label="Skicka in en punkt"
            multipart
          >
            <ErrorSummary
              state={s}
              labels={{ title: "Rubrik", body: "Beskrivning", presenter_id: "Föredragande", file: "Bilaga" }}
            />
            <TextField
              form="skicka-in"
              name="title"
              label="Rubrik"
              value={fieldValue(s, "title", "")}
              errors={s?.errors}
              required
            />
            <TextArea
              form="skicka-in"
              name="body"
              label="Beskrivning (frivillig)"
              value={fieldValue(s, "body", "")}
              errors={s?.errors}
              rows={3}
            />
            <SelectField
              form="skicka-in"
              name="presenter_id"
              label="Vem föredrar punkten? (frivilligt)"
              value={fieldValue(s, "presenter_id", "")}
              errors={s?.errors}
              empty="Jag själv"
              options={submission.presenters.map((p) => [String(p.id), p.name])}
            />
            <div class="field">
              <label for="skicka-in-file">Bilaga (frivillig)</label>
              <p class="hint" id="skicka-in-file-tips">
                PDF, Word, PowerPoint, Excel, OpenDocument, bild eller text, högst 10 MB.
              </p>
              {s?.errors.file && (
                <p class="field-error" id="skicka-in-file-fel">
                  <span class="visually-hidden">Fel: </span>
                  {s.errors.file}
                </p>
              )}
              <input
                type="file"
                id="skicka-in-file"
                name="file"
                aria-describedby={s?.errors.file ? "skicka-in-file-tips skicka-in-file-fel" : "skicka-in-file-tips"}
              />
            </div>
            <button type="submit" class="button secondary">
              Skicka in
            </button>
          </PostForm>
        </details>
      )}
    </section>
  );
}

/** A meeting: header, attendance, agenda items with notes, decisions and actions; controls for those allowed. */
export function MeetingPage(props: {
  data: MeetingPageData;
  abilities?: Abilities;
  csrf?: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data } = props;
  const { meeting, neighbours } = data;
  const title = `${meeting.networkName} ${meeting.date}`;
  const noteTaker = meeting.noteTakerPersonName ?? meeting.note_taker_name;
  const can = props.abilities;
  const csrf = props.csrf ?? null;
  return (
    <Layout
      title={title}
      active="meetings"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${meeting.networkSlug}`, label: meeting.networkName },
      ]}
    >
      <h1>
        {meeting.networkName}
        <span class="subtitle">
          {formatDateLong(meeting.date)}
          {meeting.title && ` – ${meeting.title}`}
        </span>
      </h1>
      {can?.editMeetings ? (
        <EditorLinks meetingId={meeting.id} history={data.canSeeHistory} />
      ) : (
        data.canSeeHistory && <ObjectTabs href={`/moten/${meeting.id}`} current="object" />
      )}
      <Notice notice={props.notice} />
      <dl class="facts">
        <div>
          <dt>Datum och tid</dt>
          <dd>
            <DateText date={meeting.date} /> <TimeRange start={meeting.start_time} end={meeting.end_time} />
          </dd>
        </div>
        <div>
          <dt>Plats</dt>
          <dd>
            {meeting.location || "–"}
            {meeting.online_url && /^https?:\/\//i.test(meeting.online_url) && (
              <>
                {" "}
                (<a href={meeting.online_url}>länk till mötet</a>)
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StateBadge state={meeting.state} />
            {meeting.state === "cancelled" && meeting.cancelled_reason && ` – ${meeting.cancelled_reason}`}
          </dd>
        </div>
        {noteTaker && (
          <div>
            <dt>Vid tangenterna</dt>
            <dd>
              {meeting.note_taker_id ? <a href={`/personer/${meeting.note_taker_id}`}>{noteTaker}</a> : noteTaker}
            </dd>
          </div>
        )}
        {meeting.approvedByName && meeting.approved_at && (
          <div>
            <dt>Justerat av</dt>
            <dd>
              {meeting.approvedByName}, <DateText date={meeting.approved_at.toISOString().slice(0, 10)} />
            </dd>
          </div>
        )}
      </dl>
      <ExportLinks meetingId={meeting.id} state={meeting.state} />

      {data.planning && <PlannedThemes themes={data.planning.themes} />}
      {data.planning?.apology && (
        <Apology meetingId={meeting.id} apology={data.planning.apology} csrf={csrf} state={props.state} />
      )}

      <MinutesBody
        attendance={data.attendance}
        items={data.items}
        roundNotes={data.roundNotes}
        attachments={data.attachments}
        previous={data.previous}
        heading={meeting.state === "planned" || meeting.state === "notice_sent" ? "Dagordning" : "Anteckningar"}
      />

      <Versions data={data} />
      {can?.approveMinutes && meeting.state === "approved" && (
        <Correction data={data} csrf={csrf} state={props.state} />
      )}
      {can?.submitItems && (meeting.state === "planned" || meeting.state === "notice_sent") && (
        <SubmitItem data={data} csrf={csrf} state={props.state} />
      )}

      {data.planning?.nextTheme && (
        <NextThemeForm meetingId={meeting.id} next={data.planning.nextTheme} csrf={csrf} state={props.state} />
      )}

      <nav aria-label="Andra möten i nätverket" class="pager">
        {neighbours.previous && (
          <a href={`/moten/${neighbours.previous.id}`} rel="prev">
            ← Föregående möte (<DateText date={neighbours.previous.date} />)
          </a>
        )}
        {neighbours.next && (
          <a href={`/moten/${neighbours.next.id}`} rel="next">
            Nästa möte (<DateText date={neighbours.next.date} />) →
          </a>
        )}
      </nav>
    </Layout>
  );
}
