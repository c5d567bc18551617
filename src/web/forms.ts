import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { isAppError } from "../errors.js";

/** Messages per field name; "_form" holds one for the whole form. */
export type FieldErrors = Record<string, string>;

/** What a form shows after a failed submit: what was typed, what is wrong, and any conflict. */
export type FormState = {
  /** which form on the page failed (pages hold several) */
  form: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  message?: string;
  details?: unknown;
};

/** A failed submit: field errors or a conflict, with the HTTP status to answer with. */
export type Failure = { ok: false; errors: FieldErrors; message: string; details?: unknown; status: number };

/** Parses a form body with a zod schema, collecting one Swedish message per field. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | Failure {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!(field in errors)) errors[field] = issue.message;
  }
  return invalidForm(errors);
}

/** A form with wrong fields: their messages, and the one line above the form (400). */
export function invalidForm(
  errors: FieldErrors,
  message = "Formuläret innehåller fel. Rätta det som är markerat och skicka igen.",
): Failure {
  return { ok: false, errors, message, status: 400 };
}

/**
 * Runs a command and turns its expected failures (bad input, a conflict, a file too large) into a
 * Failure the form can show; anything else (no permission, not found, a bug) is thrown on.
 */
export async function attempt<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | Failure> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (!isAppError(e) || !["bad_request", "conflict", "too_large"].includes(e.code)) throw e;
    const errors: FieldErrors = e.where ? { [e.where]: e.message } : { _form: e.message };
    return { ok: false, errors, message: e.message, details: e.details, status: e.status };
  }
}

/** The form body as a plain record (empty for requests without one). */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const body = req.body;
  return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
}

/** Whether the client asked for JSON (the autosave island does). */
export function wantsJson(req: FastifyRequest): boolean {
  return (req.headers.accept ?? "").includes("application/json");
}

/** The state of the form named `form` when it is the one that failed, else undefined. */
export function stateFor(state: FormState | undefined, form: string): FormState | undefined {
  return state && state.form === form ? state : undefined;
}

/** A value to show in a field: what was typed when this form failed, else the stored value. */
export function fieldValue(
  state: FormState | undefined,
  name: string,
  stored: string | number | null | undefined,
): string {
  if (state && name in state.values) {
    const v = state.values[name];
    return Array.isArray(v) ? String(v[0] ?? "") : String(v ?? "");
  }
  return stored === null || stored === undefined ? "" : String(stored);
}

/** Checked values of a checkbox group: what was sent when this form failed, else the stored ones. */
export function fieldValues(state: FormState | undefined, name: string, stored: (string | number)[]): string[] {
  if (state) {
    const v = state.values[name];
    return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String);
  }
  return stored.map(String);
}

/** A positive integer in a URL segment (an id), as the routes with several ids need it. */
export const idParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, "id måste vara ett positivt heltal")
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, "id är för stort");

/** The state a failed form is shown again with: what was sent, and what went wrong. */
export function failedForm(form: string, values: Record<string, unknown>, f: Failure): FormState {
  return { form, values, errors: f.errors, message: f.message, details: f.details };
}
