import type { MinutesEditorData } from "../../commands/getMinutesEditor.js";
import { isPreviousMinutesItem } from "../../domain/agenda-rules.js";
import { formatDate } from "../../domain/dates.js";
import { ACTION_STATUS_LABELS, ITEM_KIND_LABELS, ROLE_LABELS } from "../../domain/labels.js";
import { MEETING_STATE_LABELS } from "../../domain/meeting-state.js";
import { type FormState, fieldValue, fieldValues, stateFor } from "../forms.js";
import { DateText } from "./components.js";
import { ButtonForm, CheckboxGroup, ErrorSummary, PostForm, TextArea, TextField } from "./form-parts.js";
import { MeetingEditorLayout, type NoticeKey } from "./meeting-editor-layout.js";
import { NotesForm } from "./notes-form.js";

type Data = MinutesEditorData;
type Item = Data["items"][number];

const LABELS: Record<string, string> = {
  text: "Text",
  assignees: "Ansvariga",
  due_date: "Klart senast",
  title: "Rubrik",
  comment: "Kommentar",
};

function PreviousMinutes({ data }: { data: Data }) {
  const p = data.previous;
  if (!p) return <p class="meta">Nätverket har inget tidigare möte i Samråd.</p>;
  return (
    <p class="meta previous-minutes">
      Föregående möte: <a href={`/moten/${p.id}`}>{formatDate(p.date)}</a>
      {p.state === "approved"
        ? ` – anteckningarna är justerade (version ${p.minutesVersion}).`
        : ` – anteckningarna är inte justerade ännu (${MEETING_STATE_LABELS[p.state].toLowerCase()}).`}
    </p>
  );
}

function FollowUp({
  item,
  data,
  csrf,
  state,
}: {
  item: Item;
  data: Data;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const a = item.followUp;
  if (!a) return null;
  const form = `stang-${a.id}`;
  const s = stateFor(state, form);
  return (
    <div class="follow-up">
      <p>
        <strong>Uppdrag:</strong> {a.text}{" "}
        <span class="muted">
          ({a.assignees ?? "ingen ansvarig"}
          {a.dueDate && (
            <>
              , senast <DateText date={a.dueDate} />
            </>
          )}
          , {ACTION_STATUS_LABELS[a.status]})
        </span>
      </p>
      {a.status === "open" ? (
        <PostForm
          action={`/uppdrag/${a.id}/klart`}
          csrf={csrf}
          class="inline-form"
          label={`Avsluta uppdraget: ${a.text}`}
        >
          <ErrorSummary state={s} labels={LABELS} />
          <input type="hidden" name="mote" value={String(data.meeting.id)} />
          <TextField
            form={form}
            name="comment"
            label="Kommentar (frivillig)"
            value={fieldValue(s, "comment", "")}
            errors={s?.errors}
          />
          <button type="submit" class="button secondary small">
            Markera uppdraget som klart
          </button>
        </PostForm>
      ) : (
        a.closedComment && <p class="muted">Kommentar: {a.closedComment}</p>
      )}
    </div>
  );
}

function Decisions({
  item,
  data,
  csrf,
  state,
}: {
  item: Item;
  data: Data;
  csrf: string | null;
  state: FormState | undefined;
}) {
  if (item.decisions.length === 0) return null;
  return (
    <div class="decisions">
      {item.decisions.map((d) => {
        const form = `staende-${d.id}`;
        const s = stateFor(state, form);
        return (
          <div key={d.id} class="decision">
            <p>
              <strong>
                Beslut {d.year}:{d.number}:
              </strong>{" "}
              {d.text}
            </p>
            {d.standingTitle ? (
              <p class="meta">Stående punkt i nätverket: ”{d.standingTitle}”.</p>
            ) : (
              data.abilities.manageNetwork && (
                <details open={s !== undefined}>
                  <summary>
                    Gör till stående punkt
                    <span class="visually-hidden">
                      {" "}
                      (beslut {d.year}:{d.number})
                    </span>
                  </summary>
                  <PostForm
                    action={`/beslut/${d.id}/staende-punkt`}
                    csrf={csrf}
                    class="stack"
                    label={`Stående punkt från beslut ${d.year}:${d.number}`}
                  >
                    <ErrorSummary state={s} labels={LABELS} />
                    <input type="hidden" name="mote" value={String(data.meeting.id)} />
                    <TextField
                      form={form}
                      name="title"
                      label="Den stående punktens rubrik"
                      hint="Punkten föreslås på dagordningen för varje kommande möte."
                      value={fieldValue(s, "title", `${item.title} – rapport`)}
                      errors={s?.errors}
                      required
                    />
                    <button type="submit" class="button secondary small">
                      Skapa stående punkt
                    </button>
                  </PostForm>
                </details>
              )
            )}
          </div>
        );
      })}
    </div>
  );
}

function Actions({ item }: { item: Item }) {
  if (item.actions.length === 0) return null;
  return (
    <ul class="actions" aria-label={`Uppdrag under ${item.title}`}>
      {item.actions.map((a) => (
        <li key={a.id}>
          <strong>Uppdrag:</strong> {a.text}{" "}
          <span class="muted">
            ({a.assignees.map((p) => p.name).join(", ")}
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
  );
}

function NewDecision({
  item,
  data,
  csrf,
  state,
}: {
  item: Item;
  data: Data;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const form = `beslut-${item.id}`;
  const s = stateFor(state, form);
  return (
    <details class="add" open={s !== undefined}>
      <summary>
        Nytt beslut<span class="visually-hidden"> under {item.title}</span>
      </summary>
      <PostForm
        action={`/moten/${data.meeting.id}/punkter/${item.id}/beslut`}
        csrf={csrf}
        class="stack"
        label={`Nytt beslut under ${item.title}`}
      >
        <ErrorSummary state={s} labels={LABELS} />
        <TextArea
          form={form}
          name="text"
          label="Beslut"
          hint="Skriv beslutet som det protokollförs, t.ex. ”att anta verksamhetsplanen”. Numret sätts automatiskt."
          value={fieldValue(s, "text", "")}
          errors={s?.errors}
          rows={2}
          required
        />
        <button type="submit" class="button secondary small">
          Registrera beslutet
        </button>
      </PostForm>
    </details>
  );
}

function NewAction({
  item,
  data,
  csrf,
  state,
}: {
  item: Item;
  data: Data;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const form = `uppdrag-${item.id}`;
  const s = stateFor(state, form);
  return (
    <details class="add" open={s !== undefined}>
      <summary>
        Nytt uppdrag<span class="visually-hidden"> under {item.title}</span>
      </summary>
      <PostForm
        action={`/moten/${data.meeting.id}/punkter/${item.id}/uppdrag`}
        csrf={csrf}
        class="stack"
        label={`Nytt uppdrag under ${item.title}`}
      >
        <ErrorSummary state={s} labels={LABELS} />
        <TextArea
          form={form}
          name="text"
          label="Vad ska göras?"
          value={fieldValue(s, "text", "")}
          errors={s?.errors}
          rows={2}
          required
        />
        <CheckboxGroup
          form={form}
          name="assignees"
          legend="Ansvariga"
          options={data.members.map((m) => [
            String(m.personId),
            `${m.name}${m.municipality ? `, ${m.municipality}` : ` (${ROLE_LABELS[m.role].toLowerCase()})`}`,
          ])}
          checked={fieldValues(s, "assignees", [])}
          errors={s?.errors}
        />
        <TextField
          form={form}
          name="due_date"
          label="Klart senast"
          hint={
            data.nextMeetingDate
              ? "Förvalt: nätverkets nästa möte. ÅÅÅÅ-MM-DD."
              : "ÅÅÅÅ-MM-DD. Inget nästa möte är planerat."
          }
          value={fieldValue(s, "due_date", data.nextMeetingDate)}
          errors={s?.errors}
          inputMode="numeric"
          size="short"
        />
        <button type="submit" class="button secondary small">
          Registrera uppdraget
        </button>
      </PostForm>
    </details>
  );
}

function ItemEditor({
  item,
  data,
  csrf,
  state,
}: {
  item: Item;
  data: Data;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const m = data.meeting;
  return (
    <li id={`punkt-${item.id}`} class="item minutes-item">
      <h2 class="item-title">
        {item.title}
        {item.kind !== "item" && <span class="badge kind"> {ITEM_KIND_LABELS[item.kind]}</span>}
        {item.postponed && <span class="badge postponed"> Flyttas till nästa möte</span>}
      </h2>
      {(item.presenterName || item.raisedBy.length > 0 || item.carriedFromMeetingId) && (
        <p class="meta">
          {item.presenterName && `Föredragande: ${item.presenterName}. `}
          {item.raisedBy.length > 0 && `Ärende från ${item.raisedBy.map((r) => r.name).join(" och ")}. `}
          {item.carriedFromMeetingId && item.carriedFromDate && (
            <>
              Flyttad från <a href={`/moten/${item.carriedFromMeetingId}`}>mötet {formatDate(item.carriedFromDate)}</a>.
            </>
          )}
        </p>
      )}
      {isPreviousMinutesItem(item.title) && <PreviousMinutes data={data} />}
      {item.attachments.length > 0 && (
        <ul class="files" aria-label={`Filer till ${item.title}`}>
          {item.attachments.map((f) => (
            <li key={f.id}>
              <a href={`/bilagor/${f.id}`}>{f.title}</a>
            </li>
          ))}
        </ul>
      )}
      <FollowUp item={item} data={data} csrf={csrf} state={state} />
      <NotesForm
        form={`anteckningar-${item.id}`}
        action={`/moten/${m.id}/punkter/${item.id}/anteckningar`}
        label={`Anteckningar: ${item.title}`}
        hint="Sparas medan du skriver. Markdown: **fet**, *kursiv*, - punktlista."
        notes={item.notes}
        revision={item.revision}
        csrf={csrf}
        state={stateFor(state, `anteckningar-${item.id}`)}
        rows={item.kind === "round" ? 3 : 6}
      />
      {item.round.length > 0 && (
        <>
          <h3 class="round-title">Per kommun</h3>
          <div class="round-notes">
            {item.round.map((r) => (
              <NotesForm
                key={r.municipalityId}
                form={`runda-${item.id}-${r.municipalityId}`}
                action={`/moten/${m.id}/punkter/${item.id}/runda/${r.municipalityId}`}
                label={r.municipality}
                notes={r.notes}
                revision={r.revision}
                csrf={csrf}
                state={stateFor(state, `runda-${item.id}-${r.municipalityId}`)}
                rows={2}
                compact
              />
            ))}
          </div>
        </>
      )}
      <Decisions item={item} data={data} csrf={csrf} state={state} />
      <Actions item={item} />
      <div class="item-tools">
        <NewDecision item={item} data={data} csrf={csrf} state={state} />
        <NewAction item={item} data={data} csrf={csrf} state={state} />
        <ButtonForm
          action={`/moten/${m.id}/punkter/${item.id}/flytta-till-nasta`}
          csrf={csrf}
          hidden={{ flyttad: item.postponed ? "nej" : "ja" }}
          label={item.postponed ? "Ångra: ska inte flyttas" : "Flytta till nästa möte"}
          accessibleName={item.postponed ? `Ångra flytt av ${item.title}` : `Flytta ${item.title} till nästa möte`}
          variant="secondary"
        />
      </div>
    </li>
  );
}

function StatePanel({ data, csrf, state }: { data: Data; csrf: string | null; state: FormState | undefined }) {
  const m = data.meeting;
  const s = stateFor(state, "status");
  return (
    <section aria-labelledby="status-rubrik" class="state-panel">
      <h2 id="status-rubrik">Mötets gång</h2>
      <ErrorSummary state={s} />
      {(m.state === "planned" || m.state === "notice_sent") && (
        <>
          <p>Skriv anteckningarna under mötet. När mötet är slut markerar du det som genomfört.</p>
          <ButtonForm
            action={`/moten/${m.id}/status`}
            csrf={csrf}
            hidden={{ till: "held" }}
            label="Mötet är genomfört"
          />
        </>
      )}
      {(m.state === "held" || m.state === "minutes_draft") && (
        <>
          <p>
            {m.state === "held"
              ? "Mötet är genomfört. Spara anteckningarna som utkast så kan medlemmarna läsa dem innan de justeras."
              : "Anteckningarna är ett utkast."}{" "}
            När de är klara justeras de av ordföranden eller samordnaren; därefter kan de bara ändras genom en rättelse.
          </p>
          <div class="actions-row">
            {m.state === "held" && (
              <ButtonForm
                action={`/moten/${m.id}/status`}
                csrf={csrf}
                hidden={{ till: "minutes_draft" }}
                label="Spara som utkast"
                variant="secondary"
              />
            )}
            {data.abilities.approveMinutes && (
              <ButtonForm action={`/moten/${m.id}/justera`} csrf={csrf} label="Justera anteckningarna" />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** Live minutes: notes per item (autosaved), the round per municipality, decisions, actions, postponing, approval. */
export function MinutesEditorPage(props: {
  data: Data;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data, csrf, state } = props;
  const m = data.meeting;
  const readOnly = m.state === "approved" || m.state === "cancelled";
  return (
    <MeetingEditorLayout
      meeting={m}
      tab="minutes"
      title="Anteckningar"
      notice={props.notice}
      scripts={readOnly ? [] : ["notes-autosave.js"]}
    >
      {readOnly ? (
        <p class="notice">
          {m.state === "approved"
            ? "Anteckningarna är justerade och kan inte ändras här. En rättelse görs från mötessidan och blir en ny version."
            : "Mötet är inställt."}{" "}
          <a href={`/moten/${m.id}`}>Visa mötet</a>
        </p>
      ) : (
        <>
          <ErrorSummary state={stateFor(state, "sida")} />
          {data.items.length === 0 ? (
            <p>
              Dagordningen är tom. <a href={`/moten/${m.id}/dagordning`}>Bygg dagordningen</a> först.
            </p>
          ) : (
            <ol class="agenda minutes">
              {data.items.map((item) => (
                <ItemEditor key={item.id} item={item} data={data} csrf={csrf} state={state} />
              ))}
            </ol>
          )}
          <StatePanel data={data} csrf={csrf} state={state} />
        </>
      )}
    </MeetingEditorLayout>
  );
}
