import type { AttendanceEditorData } from "../../commands/getAttendanceEditor.js";
import { ROLE_LABELS } from "../../domain/labels.js";
import { type FormState, fieldValue, fieldValues } from "../forms.js";
import { Empty } from "./components.js";
import { CheckboxGroup, ErrorSummary, fieldId, PostForm, SelectField, TextField } from "./form-parts.js";
import { MeetingEditorLayout, type NoticeKey } from "./meeting-editor-layout.js";

const STATUSES = [
  ["present", "Närvarande"],
  ["absent", "Frånvarande"],
  ["excused", "Förhinder"],
] as const;

/**
 * Attendance: every member on the meeting's day with present, absent or excused (present unless
 * recorded otherwise), the guests with their roles, and a row to add a guest.
 */
export function AttendanceEditorPage(props: {
  data: AttendanceEditorData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { meeting, rows, guests, municipalities, base, taken } = props.data;
  const { state } = props;
  const form = "narvaro";
  const readOnly = meeting.state === "approved" || meeting.state === "cancelled";
  return (
    <MeetingEditorLayout meeting={meeting} tab="attendance" title="Närvaro" notice={props.notice}>
      {!taken && !readOnly && (
        <p class="hint">Närvaron är inte sparad ännu: alla nuvarande medlemmar är förvalda som närvarande.</p>
      )}
      {readOnly ? (
        <p class="notice">Närvaron kan inte ändras när anteckningarna är justerade eller mötet är inställt.</p>
      ) : (
        <PostForm action={`/moten/${meeting.id}/narvaro`} csrf={props.csrf} class="stack" label="Närvaro">
          <ErrorSummary state={state} labels={{ guest_name: "Gästens namn", guest_role: "Gästens roll" }} />
          <input type="hidden" name="base" value={base} />
          <section aria-labelledby="medlemmar-rubrik">
            <h2 id="medlemmar-rubrik">Medlemmar ({rows.length})</h2>
            {rows.length === 0 ? (
              <Empty>Nätverket har inga medlemmar på mötets datum.</Empty>
            ) : (
              <div class="attendance-list">
                {rows.map((r) => {
                  const name = `status_${r.personId}`;
                  const chosen = fieldValue(state, name, r.status);
                  return (
                    <fieldset key={r.personId} class="attendance-row" id={fieldId(form, name)}>
                      <legend>
                        {r.name}
                        <span class="muted">
                          {r.municipality ? `, ${r.municipality}` : ""}
                          {r.role && r.role !== "member" ? ` (${ROLE_LABELS[r.role].toLowerCase()})` : ""}
                          {r.role === null ? " (inte längre medlem)" : ""}
                        </span>
                      </legend>
                      {r.apology !== null && (
                        <p class="hint">Anmälde förhinder själv{r.apology ? `: ”${r.apology}”` : "."}</p>
                      )}
                      {state?.errors[name] && <p class="field-error">{state.errors[name]}</p>}
                      {STATUSES.map(([value, label]) => {
                        const id = `${fieldId(form, name)}-${value}`;
                        return (
                          <span class="radio" key={value}>
                            <input type="radio" id={id} name={name} value={value} checked={chosen === value} />
                            <label for={id}>{label}</label>
                          </span>
                        );
                      })}
                    </fieldset>
                  );
                })}
              </div>
            )}
          </section>
          <section aria-labelledby="gaster-rubrik">
            <h2 id="gaster-rubrik">Övriga deltagare</h2>
            {guests.length > 0 ? (
              <CheckboxGroup
                form={form}
                name="remove_guest"
                legend="Gäster på mötet – bocka i den som ska tas bort från listan"
                options={guests.map((g) => [String(g.personId), `${g.name}${g.roleText ? `, ${g.roleText}` : ""}`])}
                checked={fieldValues(state, "remove_guest", [])}
              />
            ) : (
              <Empty>Inga gäster är registrerade.</Empty>
            )}
            <fieldset class="field">
              <legend>Lägg till en gäst</legend>
              <div class="field-row">
                <TextField
                  form={form}
                  name="guest_name"
                  label="Namn"
                  value={fieldValue(state, "guest_name", "")}
                  errors={state?.errors}
                  autocomplete="off"
                />
                <TextField
                  form={form}
                  name="guest_role"
                  label="Roll"
                  hint="T.ex. ”Planeringsledare” eller ”Föreläsare”"
                  value={fieldValue(state, "guest_role", "")}
                  errors={state?.errors}
                />
                <SelectField
                  form={form}
                  name="guest_municipality_id"
                  label="Kommun eller organisation"
                  value={fieldValue(state, "guest_municipality_id", "")}
                  options={municipalities.map((m) => [String(m.id), m.name])}
                  empty="Ingen"
                  errors={state?.errors}
                />
              </div>
            </fieldset>
          </section>
          <div class="actions-row">
            <button type="submit" class="button">
              Spara närvaron
            </button>
          </div>
        </PostForm>
      )}
    </MeetingEditorLayout>
  );
}
