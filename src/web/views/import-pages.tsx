import type { AttendeeResolution, ImportListData, ImportReviewData } from "../../commands/getImportPages.js";
import type { StoredPerson } from "../../importers/names.js";
import { type FormState, fieldValue } from "../forms.js";
import { DateText, Empty } from "./components.js";
import { ErrorSummary, fieldId, PostForm, SelectField, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";

const STATUS_LABELS = { draft: "Utkast", saved: "Sparat", discarded: "Kastat" } as const;
const ATTENDANCE_LABELS: [string, string][] = [
  ["present", "Närvarande"],
  ["absent", "Frånvarande"],
  ["guest", "Övriga"],
];
const CRUMBS = [{ href: "/import", label: "Importera protokoll" }];

/** Files that could not be read, by name, with why. */
export type ImportFailureList = Array<{ filename: string; message: string }>;

const personLabel = (p: StoredPerson) => `${p.name}${p.municipality ? `, ${p.municipality}` : ""}`;

/** "matchad med Anna Svensson, Ystad", "ny person", "osäker: två möjliga". */
export function resolutionText(r: AttendeeResolution): string {
  switch (r.kind) {
    case "chosen":
      return `vald: ${personLabel(r.person)}`;
    case "match":
      return `matchad med ${personLabel(r.person)}${r.exact ? "" : " (stavningsvariant)"}`;
    case "ambiguous": {
      const n = r.candidates.length;
      const count = n === 2 ? "två" : n === 3 ? "tre" : String(n);
      return `osäker: ${count} möjliga (${r.candidates.map(personLabel).join("; ")}); blir ny person om du inte väljer`;
    }
    case "new":
      return r.forced ? "ny person (vald)" : "ny person";
  }
}

function UploadForm({
  data,
  networkId,
  csrf,
}: {
  data: ImportListData;
  networkId: number | undefined;
  csrf: string | null;
}) {
  return (
    <section aria-labelledby="ladda-upp">
      <h2 id="ladda-upp">Läs in nya protokoll</h2>
      <PostForm action="/import" csrf={csrf} multipart id="import-upload" class="import-upload">
        <div class="field dropzone" data-dropzone>
          <label for="import-files">Filer att importera</label>
          <p class="hint" id="import-files-tips">
            Word (.docx), text (.txt) eller Markdown (.md), högst 20 MB per fil och 10 filer åt gången. Du kan också dra
            filerna hit.
          </p>
          <input
            type="file"
            id="import-files"
            name="files"
            multiple
            accept=".docx,.txt,.md"
            aria-describedby="import-files-tips"
          />
        </div>
        <SelectField
          form="import"
          name="network_id"
          label="Nätverk"
          hint="Lämna tomt för att använda nätverket som dokumentet nämner."
          value={networkId ? String(networkId) : ""}
          empty="Det som står i dokumentet"
          options={data.networks.map((n) => [String(n.id), n.name])}
        />
        <p>
          <button type="submit" class="button">
            Läs in
          </button>
        </p>
      </PostForm>
    </section>
  );
}

function DraftTable({ drafts }: { drafts: ImportListData["drafts"] }) {
  if (drafts.length === 0) return <Empty>Du har inga importerade utkast ännu.</Empty>;
  return (
    <table class="list">
      <caption>Dina utkast, senast inlästa först</caption>
      <thead>
        <tr>
          <th scope="col">Fil</th>
          <th scope="col">Nätverk</th>
          <th scope="col">Datum</th>
          <th scope="col">Status</th>
          <th scope="col" class="num">
            Varningar
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => (
          <tr key={d.id}>
            <td>
              {d.status === "draft" ? <a href={`/import/${d.id}`}>{d.filename}</a> : d.filename}
              {d.error && <p class="field-error">{d.error}</p>}
            </td>
            <td>
              {d.networkName ??
                (d.documentNetwork ? (
                  <>
                    {d.documentNetwork} <span class="muted">(enligt dokumentet)</span>
                  </>
                ) : (
                  <span class="muted">välj i granskningen</span>
                ))}
            </td>
            <td>{d.date ? <DateText date={d.date} /> : <span class="muted">saknas</span>}</td>
            <td>
              {d.status === "saved" && d.meetingId ? (
                <a href={`/moten/${d.meetingId}`}>{STATUS_LABELS.saved} – öppna mötet</a>
              ) : (
                STATUS_LABELS[d.status]
              )}
            </td>
            <td class="num">{d.warningCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The import page: upload form with a drop zone, files that failed, and the user's drafts. */
export function ImportListPage(props: {
  data: ImportListData;
  csrf: string | null;
  networkId?: number | undefined;
  failures?: ImportFailureList;
  drafted?: number;
  error?: string | undefined;
  discarded?: boolean;
}) {
  const failures = props.failures ?? [];
  return (
    <Layout title="Importera protokoll" active="meetings">
      <h1>Importera protokoll</h1>
      <p class="lead">
        Läs in gamla minnesanteckningar. Varje fil blir ett utkast som du granskar bredvid originaltexten och rättar
        innan det sparas som ett möte.
      </p>
      {props.error && (
        <div class="error-summary" role="alert">
          <h2 class="error-title">Inget lästes in</h2>
          <p>{props.error}</p>
        </div>
      )}
      {failures.length > 0 && (
        <div class="error-summary" role="alert">
          <h2 class="error-title">
            {failures.length === 1 ? "En fil kunde inte läsas" : `${failures.length} filer kunde inte läsas`}
          </h2>
          <p>
            {failures.length === 1 ? "Inget av den har sparats." : "Inget av dem har sparats."}
            {props.drafted ? ` De andra ${props.drafted} blev utkast nedan.` : ""}
          </p>
          <ul>
            {failures.map((f) => (
              <li key={f.filename}>
                <strong>{f.filename}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!failures.length && props.drafted ? (
        <p class="notice ok" role="status">
          {props.drafted === 1 ? "Filen är inläst." : `${props.drafted} filer är inlästa.`} Granska utkasten nedan.
        </p>
      ) : null}
      {props.discarded && (
        <p class="notice ok" role="status">
          Utkastet är kastat.
        </p>
      )}
      <UploadForm data={props.data} networkId={props.networkId} csrf={props.csrf} />
      <section aria-labelledby="utkast">
        <h2 id="utkast">Utkast</h2>
        <DraftTable drafts={props.data.drafts} />
      </section>
      <script type="module" src="/assets/dropzone.js" />
    </Layout>
  );
}

const FORM = "granska";

/** A warning, with "rad N" linked to that line of the source text. */
function Warning({ text }: { text: string }) {
  const m = /^rad (\d+): (.*)$/s.exec(text);
  if (!m) return <li>{text}</li>;
  return (
    <li>
      <a href={`#rad-${m[1]}`}>rad {m[1]}</a>: {m[2]}
    </li>
  );
}

/** An input in a table cell, labelled for screen readers (the column header shows the label). */
function CellInput(props: {
  name: string;
  label: string;
  value: string;
  state: FormState | undefined;
  size?: number;
  /** who the row is, for screen readers (the visible label is short) */
  row: string;
}) {
  const id = fieldId(FORM, props.name);
  const error = props.state?.errors[props.name];
  return (
    <>
      <label class="mini" for={id}>
        {props.label}
        <span class="visually-hidden">, {props.row}</span>
      </label>
      <input
        type="text"
        id={id}
        name={props.name}
        value={fieldValue(props.state, props.name, props.value)}
        size={props.size ?? 16}
        aria-invalid={error ? "true" : undefined}
      />
      {error && <span class="field-error">{error}</span>}
    </>
  );
}

function CellSelect(props: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
  state: FormState | undefined;
  describedBy?: string;
  row: string;
}) {
  const id = fieldId(FORM, props.name);
  const chosen = fieldValue(props.state, props.name, props.value);
  return (
    <>
      <label class="mini" for={id}>
        {props.label}
        <span class="visually-hidden">, {props.row}</span>
      </label>
      <select id={id} name={props.name} aria-describedby={props.describedBy}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === chosen}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}

function AttendeeTable({ data, state }: { data: ImportReviewData; state: FormState | undefined }) {
  const { attendees } = data.meeting;
  if (attendees.length === 0) return <Empty>Dokumentet har ingen deltagarlista.</Empty>;
  return (
    <div class="table-scroll">
      <table class="list compact attendees-review">
        <caption>Deltagare som de står i dokumentet och vem de blir i Samråd</caption>
        <thead>
          <tr>
            <th scope="col">Namn och kommun</th>
            <th scope="col">Närvaro och roll</th>
            <th scope="col">Person i Samråd</th>
          </tr>
        </thead>
        <tbody>
          {attendees.map((a, k) => {
            const p = `a_${k}_`;
            const resolution = data.resolutions[k] as AttendeeResolution;
            const chairId = fieldId(FORM, `${p}chair`);
            const chairChecked = state ? state.values[`${p}chair`] !== undefined : a.chair;
            const row = `deltagare ${k + 1} (${a.name})`;
            return (
              <tr key={`${k}-${a.name}`}>
                <td>
                  <CellInput name={`${p}name`} label="Namn" value={a.name} state={state} row={row} />
                  {a.alsoWrittenAs?.length ? (
                    <span class="small muted">även skrivet {a.alsoWrittenAs.join(", ")}</span>
                  ) : null}
                  <CellInput
                    name={`${p}municipality`}
                    label="Kommun"
                    value={a.municipality ?? ""}
                    state={state}
                    row={row}
                  />
                </td>
                <td>
                  <CellSelect
                    name={`${p}status`}
                    label="Närvaro"
                    value={a.status}
                    options={ATTENDANCE_LABELS}
                    state={state}
                    row={row}
                  />
                  <CellInput name={`${p}role`} label="Roll" value={a.role ?? ""} state={state} row={row} />
                  <span class="check">
                    <input type="checkbox" id={chairId} name={`${p}chair`} value="on" checked={chairChecked} />
                    <label for={chairId}>
                      ordförande<span class="visually-hidden">, {row}</span>
                    </label>
                  </span>
                </td>
                <td>
                  <CellSelect
                    name={`${p}person`}
                    label="Vem är det?"
                    value={a.person === undefined ? "auto" : String(a.person)}
                    options={[
                      ["auto", "Efter namnet"],
                      ["new", "Ny person"],
                      ...(data.choices[k] ?? []).map((c): [string, string] => [String(c.id), personLabel(c)]),
                    ]}
                    state={state}
                    describedBy={`${fieldId(FORM, p)}match`}
                    row={row}
                  />
                  <span class={`match match-${resolution.kind}`} id={`${fieldId(FORM, p)}match`}>
                    {resolutionText(resolution)}
                  </span>
                  <CellSelect
                    name={`${p}merge`}
                    label="Samma person som"
                    value=""
                    options={[
                      ["", "–"],
                      ...attendees.flatMap((o, j): [string, string][] => (j === k ? [] : [[String(j), o.name]])),
                    ]}
                    state={state}
                    row={row}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Items({ data, state }: { data: ImportReviewData; state: FormState | undefined }) {
  const { items } = data.meeting;
  if (items.length === 0) return <Empty>Dokumentet har inga punkter.</Empty>;
  return (
    <ol class="review-items">
      {items.map((item, k) => (
        <li key={`${k}-${item.title}`}>
          <TextField
            form={FORM}
            name={`item_${k}_title`}
            label={`Rubrik, punkt ${k + 1}`}
            value={fieldValue(state, `item_${k}_title`, item.title)}
            errors={state?.errors}
            size="long"
          />
          {item.postponed && <p class="badge postponed">Flyttas till nästa möte</p>}
          {item.raisedBy.length > 0 && <p class="small">Ärende från {item.raisedBy.join(", ")}</p>}
          {item.decisions.length > 0 && (
            <>
              <p class="small-heading">Beslut</p>
              <ul>
                {item.decisions.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
          {item.actions.length > 0 && (
            <>
              <p class="small-heading">Uppdrag</p>
              <ul>
                {item.actions.map((a) => (
                  <li key={a.text}>
                    {a.assignees.join(", ")}: {a.text}
                    {a.due && (
                      <>
                        {" "}
                        (senast <DateText date={a.due} />)
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The review of one draft: the source text with line numbers beside the editable draft. */
export function ImportReviewPage(props: {
  data: ImportReviewData;
  csrf: string | null;
  state?: FormState | undefined;
  saved?: boolean;
}) {
  const { data, state } = props;
  const { draft, meeting } = data;
  const lines = draft.source.split("\n");
  const open = draft.status === "draft";
  const v = (name: string, stored: string | null) => fieldValue(state, name, stored);
  const documentNetwork = meeting.network
    ? `Det som dokumentet nämner: ${meeting.network}${data.namedNetwork ? "" : " (finns inte)"}`
    : "Välj nätverk";
  return (
    <Layout title={`Granska ${draft.filename}`} active="meetings" crumbs={CRUMBS}>
      <div class="import-review">
        <h1>
          Granska import
          <span class="subtitle">{draft.filename}</span>
        </h1>
        {!open && (
          <p class="notice" role="status">
            {draft.status === "saved" && draft.meetingId ? (
              <>
                Utkastet är sparat. <a href={`/moten/${draft.meetingId}`}>Öppna mötet</a>.
              </>
            ) : (
              "Utkastet är kastat."
            )}
          </p>
        )}
        {props.saved && open && (
          <p class="notice ok" role="status">
            Ändringarna är sparade i utkastet.
          </p>
        )}
        {draft.error && open && (
          <p class="field-error" role="status">
            Senaste försöket att spara: {draft.error}
          </p>
        )}
        <ErrorSummary state={state} />
        <div class="review-columns">
          <section class="source-column" aria-labelledby="kalltext">
            <h2 id="kalltext">Originaltext</h2>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a pane that scrolls must be reachable by keyboard */}
            <section class="source-pane" tabIndex={0} aria-label="Originaltext med radnummer">
              <ol class="source-lines">
                {lines.map((line, k) => (
                  <li key={k} id={`rad-${k + 1}`}>
                    {line || "\u00a0"}
                  </li>
                ))}
              </ol>
            </section>
          </section>
          <section class="draft-column" aria-labelledby="utkastet">
            <h2 id="utkastet">Utkastet</h2>
            {data.warnings.length > 0 && (
              <details class="warnings" open>
                <summary>Varningar från inläsningen ({data.warnings.length})</summary>
                <ul>
                  {data.warnings.map((w) => (
                    <Warning key={w} text={w} />
                  ))}
                </ul>
              </details>
            )}
            <PostForm action={`/import/${draft.id}`} csrf={props.csrf} id={FORM} label="Rätta utkastet">
              <fieldset class="field-group">
                <legend>Mötet</legend>
                <SelectField
                  form={FORM}
                  name="network_id"
                  label="Nätverk"
                  value={v("network_id", draft.networkId === null ? "" : String(draft.networkId))}
                  empty={documentNetwork}
                  options={data.networks.map((n) => [String(n.id), n.name])}
                  errors={state?.errors}
                />
                {data.canCreateNetwork && (
                  <TextField
                    form={FORM}
                    name="network_name"
                    label="Eller ett nytt nätverk"
                    hint="Skapas när utkastet sparas, om inget nätverk är valt ovan."
                    value={v("network_name", "")}
                    errors={state?.errors}
                  />
                )}
                <div class="field-row">
                  <TextField
                    form={FORM}
                    name="date"
                    type="date"
                    label="Datum"
                    value={v("date", meeting.date)}
                    errors={state?.errors}
                  />
                  <TextField
                    form={FORM}
                    name="start_time"
                    type="time"
                    label="Starttid"
                    value={v("start_time", meeting.startTime)}
                    errors={state?.errors}
                  />
                  <TextField
                    form={FORM}
                    name="end_time"
                    type="time"
                    label="Sluttid"
                    value={v("end_time", meeting.endTime)}
                    errors={state?.errors}
                  />
                </div>
                <TextField
                  form={FORM}
                  name="location"
                  label="Plats"
                  value={v("location", meeting.location)}
                  errors={state?.errors}
                />
                <TextField
                  form={FORM}
                  name="note_taker"
                  label="Antecknare"
                  value={v("note_taker", meeting.noteTaker)}
                  errors={state?.errors}
                />
              </fieldset>
              <fieldset class="field-group">
                <legend>Deltagare ({meeting.attendees.length})</legend>
                <AttendeeTable data={data} state={state} />
              </fieldset>
              <fieldset class="field-group">
                <legend>Punkter ({meeting.items.length})</legend>
                <Items data={data} state={state} />
              </fieldset>
              <input type="hidden" name="attendee_count" value={String(meeting.attendees.length)} />
              <input type="hidden" name="item_count" value={String(meeting.items.length)} />
              {open && (
                <p class="actions">
                  <button type="submit" class="button secondary">
                    Spara ändringar
                  </button>{" "}
                  <button type="submit" class="button" formAction={`/import/${draft.id}/spara`}>
                    Spara i Samråd
                  </button>
                </p>
              )}
            </PostForm>
            {open && (
              <PostForm action={`/import/${draft.id}/kasta`} csrf={props.csrf} label="Kasta utkastet">
                <p>
                  <button type="submit" class="button danger">
                    Kasta utkastet
                  </button>
                </p>
              </PostForm>
            )}
          </section>
        </div>
      </div>
    </Layout>
  );
}
