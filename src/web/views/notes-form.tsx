import type { NotesConflict } from "../../commands/saveItemNotes.js";
import type { FormState } from "../forms.js";
import { CsrfField } from "./csrf-field.js";
import { fieldId } from "./form-parts.js";

function timeOf(iso: string | null): string {
  if (!iso) return "";
  return new Date(iso).toLocaleTimeString("sv-SE", {
    timeZone: "Europe/Stockholm",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/**
 * A notes field that saves as you type (the autosave island) and works as a plain form without
 * JavaScript. After a conflict it shows the text someone else saved beside the writer's own, and
 * carries the new revision, so saving again is a deliberate choice and nothing is lost.
 */
export function NotesForm(props: {
  form: string;
  action: string;
  label: string;
  notes: string;
  revision: number;
  csrf: string | null;
  state: FormState | undefined;
  rows?: number;
  hint?: string;
  compact?: boolean;
}) {
  const { form, state } = props;
  const conflict = state?.details as NotesConflict | undefined;
  const typed = state ? String(state.values.notes ?? "") : props.notes;
  const id = fieldId(form, "notes");
  const described = [props.hint ? `${id}-tips` : null, state ? `${id}-fel` : null, `${id}-status`]
    .filter(Boolean)
    .join(" ");
  return (
    <form
      method="post"
      action={props.action}
      class={`notes-form${props.compact ? " compact" : ""}`}
      data-autosave=""
      data-saved-text={conflict ? conflict.theirs : undefined}
      noValidate
    >
      <CsrfField token={props.csrf} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-tips`}>
          {props.hint}
        </p>
      )}
      {state && (
        <div class="conflict" id={`${id}-fel`} role="alert">
          <p>
            <strong>{state.message}</strong>
          </p>
          {conflict && (
            <>
              <label for={`${id}-sparad`}>
                Sparad text
                {conflict.by ? ` (av ${conflict.by}${conflict.at ? ` kl. ${timeOf(conflict.at)}` : ""})` : ""}
              </label>
              <textarea
                id={`${id}-sparad`}
                readOnly
                rows={Math.min(12, Math.max(3, conflict.theirs.split("\n").length + 1))}
              >
                {conflict.theirs}
              </textarea>
              <p class="hint">Din text står kvar i fältet nedan. Spara den när du har fört över det du vill behålla.</p>
            </>
          )}
        </div>
      )}
      <textarea id={id} name="notes" rows={props.rows ?? 5} aria-describedby={described}>
        {typed}
      </textarea>
      <div class="notes-tools">
        <button type="submit" class="button secondary small">
          Spara<span class="visually-hidden"> {props.label}</span>
        </button>
        <span class="autosave-status" id={`${id}-status`} aria-live="polite">
          {" "}
        </span>
      </div>
    </form>
  );
}
