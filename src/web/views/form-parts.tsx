import type { ComponentChildren } from "preact";
import type { FieldErrors, FormState } from "../forms.js";
import { CsrfField } from "./csrf-field.js";

/** The id of a field inside one form of a page (pages hold several forms). */
export const fieldId = (form: string, name: string) => `${form}-${name}`.replace(/[^A-Za-z0-9_-]/g, "-");

const errorId = (form: string, name: string) => `${fieldId(form, name)}-fel`;

/** The attributes that tie an input to its hint and error message. */
function described(form: string, name: string, errors: FieldErrors | undefined, hint?: string) {
  const ids = [hint ? `${fieldId(form, name)}-tips` : null, errors?.[name] ? errorId(form, name) : null].filter(
    Boolean,
  );
  return {
    id: fieldId(form, name),
    name,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
    "aria-invalid": errors?.[name] ? ("true" as const) : undefined,
  };
}

function Message({ form, name, errors }: { form: string; name: string; errors: FieldErrors | undefined }) {
  const message = errors?.[name];
  return message ? (
    <p class="field-error" id={errorId(form, name)}>
      <span class="visually-hidden">Fel: </span>
      {message}
    </p>
  ) : null;
}

function Hint({ form, name, hint }: { form: string; name: string; hint: string | undefined }) {
  return hint ? (
    <p class="hint" id={`${fieldId(form, name)}-tips`}>
      {hint}
    </p>
  ) : null;
}

/** The box above a failed form: says what went wrong and links to each field; read out as an alert. */
export function ErrorSummary({ state, labels }: { state: FormState | undefined; labels?: Record<string, string> }) {
  if (!state) return null;
  const fields = Object.entries(state.errors).filter(([k]) => k !== "_form");
  return (
    <div class="error-summary" role="alert">
      <h2 class="error-title">{state.errors._form ? "Det gick inte att spara" : "Rätta felen i formuläret"}</h2>
      {state.errors._form && <p>{state.errors._form}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, message]) => (
            <li key={name}>
              <a href={`#${fieldId(state.form, name)}`}>
                {labels?.[name] ? `${labels[name]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type FieldProps = {
  form: string;
  name: string;
  label: string;
  value: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  required?: boolean;
};

/** A labelled text-like input with its hint and error. */
export function TextField(
  props: FieldProps & {
    type?: "text" | "date" | "time" | "email" | "url" | "number" | "tel";
    autocomplete?: string;
    inputMode?: "numeric" | "url";
    size?: "short" | "long";
  },
) {
  return (
    <div class={`field${props.size ? ` ${props.size}` : ""}`}>
      <label for={fieldId(props.form, props.name)}>
        {props.label}
        {props.required && <span class="required"> (obligatorisk)</span>}
      </label>
      <Hint form={props.form} name={props.name} hint={props.hint} />
      <Message form={props.form} name={props.name} errors={props.errors} />
      <input
        type={(props.type ?? "text") as "text"}
        value={props.value}
        required={props.required}
        autoComplete={props.autocomplete}
        inputMode={props.inputMode}
        {...described(props.form, props.name, props.errors, props.hint)}
      />
    </div>
  );
}

/** A labelled textarea. */
export function TextArea(props: FieldProps & { rows?: number; extra?: Record<string, string> }) {
  return (
    <div class="field">
      <label for={fieldId(props.form, props.name)}>
        {props.label}
        {props.required && <span class="required"> (obligatorisk)</span>}
      </label>
      <Hint form={props.form} name={props.name} hint={props.hint} />
      <Message form={props.form} name={props.name} errors={props.errors} />
      <textarea
        rows={props.rows ?? 4}
        required={props.required}
        {...described(props.form, props.name, props.errors, props.hint)}
        {...(props.extra ?? {})}
      >
        {props.value}
      </textarea>
    </div>
  );
}

/** A labelled select; options are [value, label]. */
export function SelectField(props: FieldProps & { options: [string, string][]; empty?: string }) {
  return (
    <div class="field">
      <label for={fieldId(props.form, props.name)}>
        {props.label}
        {props.required && <span class="required"> (obligatorisk)</span>}
      </label>
      <Hint form={props.form} name={props.name} hint={props.hint} />
      <Message form={props.form} name={props.name} errors={props.errors} />
      <select required={props.required} {...described(props.form, props.name, props.errors, props.hint)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes in a fieldset with a legend. */
export function CheckboxGroup(props: {
  form: string;
  name: string;
  legend: string;
  options: [string, string][];
  checked: string[];
  errors?: FieldErrors | undefined;
  hint?: string;
}) {
  const err = props.errors?.[props.name];
  return (
    <fieldset
      class="field checkboxes"
      id={fieldId(props.form, props.name)}
      aria-describedby={err ? errorId(props.form, props.name) : undefined}
    >
      <legend>{props.legend}</legend>
      <Hint form={props.form} name={props.name} hint={props.hint} />
      <Message form={props.form} name={props.name} errors={props.errors} />
      {props.options.map(([value, label]) => {
        const id = `${fieldId(props.form, props.name)}-${value}`;
        return (
          <div class="check" key={value}>
            <input type="checkbox" id={id} name={props.name} value={value} checked={props.checked.includes(value)} />
            <label for={id}>{label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A form that posts with the CSRF field; `id` names it among the page's forms. */
export function PostForm(props: {
  action: string;
  csrf: string | null;
  children: ComponentChildren;
  class?: string;
  label?: string;
  multipart?: boolean;
  id?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      aria-label={props.label}
      id={props.id}
      encType={props.multipart ? "multipart/form-data" : undefined}
      noValidate
    >
      <CsrfField token={props.csrf} />
      {props.children}
    </form>
  );
}

/** A form holding nothing but one button (move, postpone, change state). */
export function ButtonForm(props: {
  action: string;
  csrf: string | null;
  label: string;
  hidden?: Record<string, string>;
  variant?: "secondary" | "danger" | "small";
  describedBy?: string;
  accessibleName?: string;
}) {
  return (
    <form method="post" action={props.action} class="button-form">
      <CsrfField token={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        class={`button${props.variant ? ` ${props.variant}` : ""}`}
        aria-describedby={props.describedBy}
        aria-label={props.accessibleName}
      >
        {props.label}
      </button>
    </form>
  );
}
