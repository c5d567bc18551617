import type { AgendaEditorData } from "../../commands/getAgendaEditor.js";
import type { ProposalSource } from "../../db/queries/agenda-proposals.js";
import { formatDate } from "../../domain/dates.js";
import { ALLOWED_FILE_KINDS, MAX_ATTACHMENT_BYTES } from "../../domain/file-type.js";
import { ITEM_KIND_LABELS, ROLE_LABELS } from "../../domain/labels.js";
import { type FormState, fieldValue, fieldValues, stateFor } from "../forms.js";
import { Empty } from "./components.js";
import { ButtonForm, ErrorSummary, fieldId, PostForm, SelectField, TextField } from "./form-parts.js";
import { MeetingEditorLayout, type NoticeKey } from "./meeting-editor-layout.js";

const SOURCE_LABELS: Record<ProposalSource, string> = {
  standing: "Stående punkter",
  postponed: "Flyttade från förra mötet",
  action: "Uppdrag att följa upp",
  theme: "Temaområde för mötet",
  submitted: "Inskickade av medlemmar",
};

const ITEM_LABELS: Record<string, string> = {
  title: "Rubrik",
  kind: "Sort",
  presenter_id: "Föredragande",
  duration_minutes: "Tid i minuter",
  file: "Fil",
  proposals: "Förslag",
};

const KIND_OPTIONS: [string, string][] = (["item", "information", "round", "theme", "standing"] as const).map((k) => [
  k,
  ITEM_KIND_LABELS[k],
]);

type Data = AgendaEditorData;

function Proposals({ data, csrf, state }: { data: Data; csrf: string | null; state: FormState | undefined }) {
  if (data.proposals.length === 0) return null;
  const form = "forslag";
  const checked = fieldValues(
    state,
    "proposals",
    data.proposals.map((p) => p.key),
  );
  const sources = [...new Set(data.proposals.map((p) => p.source))];
  return (
    <section aria-labelledby="forslag-rubrik" class="proposals">
      <h2 id="forslag-rubrik">Förslag till dagordning</h2>
      <p>
        Samråd föreslår de här punkterna, i den här ordningen. Bocka ur det som inte ska med och lägg till resten; de
        hamnar före avslutande punkter som ”Övrigt”.
      </p>
      <PostForm action={`/moten/${data.meeting.id}/dagordning/forslag`} csrf={csrf} label="Förslag till dagordning">
        <ErrorSummary state={state} labels={ITEM_LABELS} />
        <div id={fieldId(form, "proposals")}>
          {sources.map((source) => (
            <fieldset key={source} class="field checkboxes">
              <legend>{SOURCE_LABELS[source]}</legend>
              {data.proposals
                .filter((p) => p.source === source)
                .map((p) => {
                  const id = `${form}-${p.key.replace(":", "-")}`;
                  return (
                    <div class="check" key={p.key}>
                      <input
                        type="checkbox"
                        id={id}
                        name="proposals"
                        value={p.key}
                        checked={checked.includes(p.key)}
                        aria-describedby={`${id}-om`}
                      />
                      <label for={id}>{p.title}</label>
                      <p class="hint" id={`${id}-om`}>
                        {p.detail}
                      </p>
                    </div>
                  );
                })}
            </fieldset>
          ))}
        </div>
        <div class="actions-row">
          <button type="submit" class="button">
            Lägg till valda punkter
          </button>
        </div>
      </PostForm>
    </section>
  );
}

function ItemFields({
  form,
  state,
  data,
  stored,
}: {
  form: string;
  state: FormState | undefined;
  data: Data;
  stored: {
    title: string;
    kind: string;
    presenterId: number | null;
    presenterName?: string | null;
    durationMinutes: number | null;
  };
}) {
  const errors = state?.errors;
  const people: [string, string][] = data.members.map((m) => [
    String(m.personId),
    `${m.name}${m.municipality ? `, ${m.municipality}` : ` (${ROLE_LABELS[m.role].toLowerCase()})`}`,
  ]);
  // A presenter who is no longer a member stays selectable, so saving the item keeps them.
  if (stored.presenterId !== null && !data.members.some((m) => m.personId === stored.presenterId)) {
    people.push([String(stored.presenterId), stored.presenterName ?? "Tidigare föredragande"]);
  }
  return (
    <>
      <TextField
        form={form}
        name="title"
        label="Rubrik"
        value={fieldValue(state, "title", stored.title)}
        errors={errors}
        size="long"
        required
      />
      <div class="field-row">
        <SelectField
          form={form}
          name="kind"
          label="Sort"
          value={fieldValue(state, "kind", stored.kind)}
          options={KIND_OPTIONS}
          errors={errors}
        />
        <SelectField
          form={form}
          name="presenter_id"
          label="Föredragande"
          value={fieldValue(state, "presenter_id", stored.presenterId)}
          options={people}
          empty="Ingen"
          errors={errors}
        />
        <TextField
          form={form}
          name="duration_minutes"
          label="Tid i minuter"
          value={fieldValue(state, "duration_minutes", stored.durationMinutes)}
          errors={errors}
          inputMode="numeric"
          size="short"
        />
      </div>
    </>
  );
}

function AgendaList({ data, csrf, state }: { data: Data; csrf: string | null; state: FormState | undefined }) {
  const { meeting, items } = data;
  const editable = meeting.state !== "approved" && meeting.state !== "cancelled";
  if (items.length === 0)
    return <Empty>Dagordningen är tom. Lägg till förslagen ovan eller en egen punkt nedan.</Empty>;
  return (
    <ol
      class="agenda-editor"
      data-reorder-url={editable ? `/moten/${meeting.id}/dagordning/ordning` : undefined}
      data-csrf={editable ? (csrf ?? "") : undefined}
    >
      {items.map((item, n) => {
        const form = `punkt-${item.id}`;
        const itemState = stateFor(state, form);
        const files = data.attachments.filter((a) => a.itemId === item.id);
        return (
          <li key={item.id} id={`punkt-${item.id}`} data-item-id={String(item.id)} class="agenda-row">
            <div class="agenda-row-head">
              <span class="slot">{item.slot.start ? `${item.slot.start}–${item.slot.end}` : "–"}</span>
              <h3 id={`${form}-rubrik`}>{item.title}</h3>
              {item.kind !== "item" && <span class="badge kind">{ITEM_KIND_LABELS[item.kind]}</span>}
              {item.postponed && <span class="badge postponed">Flyttas till nästa möte</span>}
            </div>
            <p class="meta">
              {item.presenterName ? `Föredragande: ${item.presenterName}. ` : ""}
              {item.durationMinutes !== null ? `${item.durationMinutes} min. ` : "Ingen tid angiven. "}
              {item.raisedBy.length > 0 && `Ärende från ${item.raisedBy.join(", ")}. `}
              {item.carriedFromMeetingId && item.carriedFromDate && (
                <>
                  Flyttad från{" "}
                  <a href={`/moten/${item.carriedFromMeetingId}`}>mötet {formatDate(item.carriedFromDate)}</a>.{" "}
                </>
              )}
              {item.followUpActionId && "Uppföljning av ett uppdrag. "}
            </p>
            {files.length > 0 && (
              <ul class="files" aria-label={`Filer till ${item.title}`}>
                {files.map((f) => (
                  <li key={f.id}>
                    <a href={`/bilagor/${f.id}`}>{f.title}</a>{" "}
                    <span class="muted">({Math.ceil(f.size / 1024)} kB)</span>
                  </li>
                ))}
              </ul>
            )}
            {editable && (
              <div class="row-tools">
                {n > 0 && (
                  <ButtonForm
                    action={`/moten/${meeting.id}/punkter/${item.id}/flytta`}
                    csrf={csrf}
                    hidden={{ riktning: "upp" }}
                    label="Flytta upp"
                    accessibleName={`Flytta upp: ${item.title}`}
                    variant="small"
                  />
                )}
                {n < items.length - 1 && (
                  <ButtonForm
                    action={`/moten/${meeting.id}/punkter/${item.id}/flytta`}
                    csrf={csrf}
                    hidden={{ riktning: "ned" }}
                    label="Flytta ned"
                    accessibleName={`Flytta ned: ${item.title}`}
                    variant="small"
                  />
                )}
                <details class="edit-item" open={itemState !== undefined}>
                  <summary>
                    Ändra<span class="visually-hidden"> {item.title}</span>
                  </summary>
                  <PostForm
                    action={`/moten/${meeting.id}/punkter/${item.id}`}
                    csrf={csrf}
                    class="stack"
                    label={`Ändra ${item.title}`}
                  >
                    <ErrorSummary state={itemState} labels={ITEM_LABELS} />
                    <input type="hidden" name="base" value={item.base} />
                    <ItemFields form={form} state={itemState} data={data} stored={item} />
                    <div class="actions-row">
                      <button type="submit" class="button">
                        Spara punkten
                      </button>
                    </div>
                  </PostForm>
                  <ButtonForm
                    action={`/moten/${meeting.id}/punkter/${item.id}/ta-bort`}
                    csrf={csrf}
                    label="Ta bort punkten"
                    accessibleName={`Ta bort ${item.title}`}
                    variant="danger"
                  />
                </details>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The agenda builder: proposals, the ordered agenda with times, new items, files and the notice. */
export function AgendaEditorPage(props: {
  data: Data;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data, csrf, state } = props;
  const { meeting, schedule } = data;
  const editable = meeting.state !== "approved" && meeting.state !== "cancelled";
  const newState = stateFor(state, "ny-punkt");
  const fileState = stateFor(state, "bilaga");
  const listState = stateFor(state, "dagordning");
  return (
    <MeetingEditorLayout
      meeting={meeting}
      tab="agenda"
      title="Dagordning"
      notice={props.notice}
      scripts={editable ? ["agenda-reorder.js"] : []}
    >
      {editable && <Proposals data={data} csrf={csrf} state={stateFor(state, "forslag")} />}

      <section aria-labelledby="dagordning-rubrik">
        <h2 id="dagordning-rubrik">Dagordningen</h2>
        <ErrorSummary state={listState} />
        {meeting.start_time ? (
          <p class="schedule-summary">
            Start {meeting.start_time.slice(0, 5)}, beräknat slut {schedule.end} ({schedule.totalMinutes} minuter
            {meeting.end_time ? `; mötet slutar ${meeting.end_time.slice(0, 5)}` : ""}).
            {schedule.overrunMinutes > 0 && (
              <strong class="warning"> Dagordningen är {schedule.overrunMinutes} minuter för lång.</strong>
            )}
          </p>
        ) : (
          <p class="hint">Ange mötets starttid under Uppgifter så räknas tiderna för varje punkt ut.</p>
        )}
        {editable && data.items.length > 1 && (
          <p class="hint" id="ordna-tips">
            Ändra ordningen med knapparna ”Flytta upp” och ”Flytta ned”, eller dra punkterna med musen.
          </p>
        )}
        <AgendaList data={data} csrf={csrf} state={state} />
      </section>

      {editable && (
        <section aria-labelledby="ny-punkt-rubrik">
          <h2 id="ny-punkt-rubrik">Lägg till en punkt</h2>
          <PostForm action={`/moten/${meeting.id}/punkter`} csrf={csrf} class="stack" label="Lägg till en punkt">
            <ErrorSummary state={newState} labels={ITEM_LABELS} />
            <ItemFields
              form="ny-punkt"
              state={newState}
              data={data}
              stored={{ title: "", kind: "item", presenterId: null, durationMinutes: null }}
            />
            <div class="actions-row">
              <button type="submit" class="button">
                Lägg till punkten
              </button>
            </div>
          </PostForm>
        </section>
      )}

      <section aria-labelledby="bilagor-rubrik">
        <h2 id="bilagor-rubrik">Filer till mötet</h2>
        {data.attachments.filter((a) => a.itemId === null).length > 0 ? (
          <ul class="files">
            {data.attachments
              .filter((a) => a.itemId === null)
              .map((f) => (
                <li key={f.id}>
                  <a href={`/bilagor/${f.id}`}>{f.title}</a> <span class="muted">({Math.ceil(f.size / 1024)} kB)</span>
                </li>
              ))}
          </ul>
        ) : (
          <Empty>Inga filer är bifogade till hela mötet.</Empty>
        )}
        {editable && (
          <PostForm action={`/moten/${meeting.id}/bilagor`} csrf={csrf} class="stack" label="Bifoga en fil" multipart>
            <ErrorSummary state={fileState} labels={ITEM_LABELS} />
            <div class="field">
              <label for={fieldId("bilaga", "file")}>
                Fil <span class="required">(obligatorisk)</span>
              </label>
              <p class="hint" id={`${fieldId("bilaga", "file")}-tips`}>
                {ALLOWED_FILE_KINDS}, högst {MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.
              </p>
              {fileState?.errors.file && (
                <p class="field-error" id={`${fieldId("bilaga", "file")}-fel`}>
                  <span class="visually-hidden">Fel: </span>
                  {fileState.errors.file} Välj filen igen.
                </p>
              )}
              <input
                type="file"
                id={fieldId("bilaga", "file")}
                name="file"
                aria-describedby={`${fieldId("bilaga", "file")}-tips${fileState?.errors.file ? ` ${fieldId("bilaga", "file")}-fel` : ""}`}
                aria-invalid={fileState?.errors.file ? "true" : undefined}
              />
            </div>
            <div class="field-row">
              <TextField
                form="bilaga"
                name="title"
                label="Namn på filen (frivilligt)"
                value={fieldValue(fileState, "title", "")}
                errors={fileState?.errors}
              />
              <SelectField
                form="bilaga"
                name="item_id"
                label="Hör till"
                value={fieldValue(fileState, "item_id", "")}
                options={data.items.map((i) => [String(i.id), i.title])}
                empty="Hela mötet"
                errors={fileState?.errors}
              />
            </div>
            <div class="actions-row">
              <button type="submit" class="button">
                Bifoga filen
              </button>
            </div>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="kallelse-rubrik">
        <h2 id="kallelse-rubrik">Kallelse</h2>
        {meeting.state === "planned" ? (
          <>
            <p>När dagordningen är klar publicerar du kallelsen; medlemmarna ser då mötet som kallat.</p>
            <ButtonForm
              action={`/moten/${meeting.id}/status`}
              csrf={csrf}
              hidden={{ till: "notice_sent" }}
              label="Publicera kallelsen"
            />
          </>
        ) : meeting.notice_sent_at ? (
          <p>Kallelsen publicerades {formatDate(meeting.notice_sent_at.toISOString().slice(0, 10))}.</p>
        ) : (
          <p>Mötet är inte i planeringsläget.</p>
        )}
      </section>
    </MeetingEditorLayout>
  );
}
