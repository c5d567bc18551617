import { z } from "zod";
import { parseDateInput, parseTimeInput } from "./date-input.js";

// Field schemas shared by the meeting and network forms. Forms send strings; an empty string means
// "not given". Every message is Swedish and says what is wrong with that one field.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A required date typed in a form, normalised to YYYY-MM-DD. */
export const dateField = z.string({ message: "Skriv ett datum, t.ex. 2025-03-14." }).transform((s, ctx) => {
  const r = parseDateInput(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  }
  return r.value;
});

/** An optional date: empty means none. */
export const optionalDateField = z.preprocess(emptyToUndefined, dateField.optional());

/** An optional time of day, normalised to HH:MM. */
export const optionalTimeField = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .transform((s, ctx) => {
      const r = parseTimeInput(s);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: r.message });
        return z.NEVER;
      }
      return r.value;
    })
    .optional(),
);

/** A required line of text, trimmed. */
export const requiredText = (message: string, max = 300) =>
  z.string({ message }).trim().min(1, message).max(max, `Texten får vara högst ${max} tecken.`);

/** An optional text, trimmed; empty is "". */
export const optionalText = (max = 4000) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z.string().trim().max(max, `Texten får vara högst ${max} tecken.`),
  );

/** An optional id picked in a select; empty means none. */
export const optionalId = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ message: "Välj i listan." })
    .int("Välj i listan.")
    .positive("Välj i listan.")
    .max(2_147_483_647, "Välj i listan.")
    .optional(),
);

/** A required id picked in a select. */
export const requiredId = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message }).int(message).positive(message).max(2_147_483_647, message),
  );

/** Checkbox values: absent, one string or several, as a list of ids. */
export const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive().max(2_147_483_647, "Ogiltigt val.")),
);

/** A web address for an online meeting: http or https only. */
export const optionalUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .max(500, "Länken får vara högst 500 tecken.")
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    }, "Skriv hela länken, som börjar med https://.")
    .optional(),
);

/** The revision a form was based on. */
export const revisionField = z.coerce
  .number({ message: "Formuläret saknar version; ladda om sidan." })
  .int()
  .min(0)
  .max(2_147_483_647);

/** The fingerprint a form was based on (see domain/fingerprint.ts). */
export const baseField = z.preprocess(emptyToUndefined, z.string().max(64).optional());
