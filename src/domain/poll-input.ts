import { z } from "zod";
import { parseDateInput, parseTimeInput } from "./date-input.js";
import { optionalDateField, optionalText, optionalTimeField, requiredText } from "./form-fields.js";

// What the date poll and item forms send, validated. The poll form has numbered option rows
// (option_date_1, option_start_1, option_end_1, ...); an empty row is left out.

/** How many option rows the new-poll form shows. */
export const POLL_OPTION_ROWS = 12;

/** An answer to one proposed date. */
export const POLL_ANSWERS = ["yes", "maybe", "no"] as const;
/** yes, if need be, no. */
export type PollAnswer = (typeof POLL_ANSWERS)[number];

/** The poll's title, description and what the meetings it creates look like. */
export const DatePollInput = z
  .object({
    title: requiredText("Skriv en rubrik för omröstningen, t.ex. ”Mötesdatum 2027”.", 200),
    description: optionalText(4000),
    location: optionalText(300),
    default_start_time: optionalTimeField,
    default_end_time: optionalTimeField,
    closes_on: optionalDateField,
  })
  .superRefine((v, ctx) => {
    if (v.default_start_time && v.default_end_time && v.default_end_time <= v.default_start_time) {
      ctx.addIssue({
        code: "custom",
        path: ["default_end_time"],
        message: `Sluttiden ${v.default_end_time} måste vara efter starttiden ${v.default_start_time}.`,
      });
    }
  });
/** Parsed poll details. */
export type DatePollInput = z.infer<typeof DatePollInput>;

/** One proposed date, with the form row it came from (for error messages next to the field). */
export type PollOptionInput = { row: number; date: string; start_time?: string; end_time?: string };

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** The option rows of the new-poll form: filled rows parsed, each problem under its own field. */
export function parsePollOptions(
  body: Record<string, unknown>,
): { ok: true; options: PollOptionInput[] } | { ok: false; errors: Record<string, string> } {
  const options: PollOptionInput[] = [];
  const errors: Record<string, string> = {};
  const rows = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = /^option_(?:date|start|end)_([1-9]\d?)$/.exec(key);
    if (m) rows.add(Number(m[1]));
  }
  for (const row of [...rows].sort((a, b) => a - b)) {
    const [date, start, end] = ["date", "start", "end"].map((f) => text(body[`option_${f}_${row}`]));
    if (!date && !start && !end) continue;
    if (!date) {
      errors[`option_date_${row}`] = `Skriv ett datum i förslag ${row}, eller töm raden.`;
      continue;
    }
    const d = parseDateInput(date);
    if (!d.ok) {
      errors[`option_date_${row}`] = `Förslag ${row}: ${d.message}`;
      continue;
    }
    const option: PollOptionInput = { row, date: d.value };
    for (const [name, raw] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (!raw) continue;
      const t = parseTimeInput(raw);
      if (!t.ok) errors[`option_${name}_${row}`] = `Förslag ${row}: ${t.message}`;
      else if (name === "start") option.start_time = t.value;
      else option.end_time = t.value;
    }
    options.push(option);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, options };
}

/** The answers of the answer form: answer_<optionId> = yes | maybe | no. */
export function parsePollAnswers(body: Record<string, unknown>): Map<number, PollAnswer | "invalid"> {
  const answers = new Map<number, PollAnswer | "invalid">();
  for (const [key, value] of Object.entries(body)) {
    const m = /^answer_([1-9]\d{0,9})$/.exec(key);
    if (!m) continue;
    answers.set(Number(m[1]), (POLL_ANSWERS as readonly unknown[]).includes(value) ? (value as PollAnswer) : "invalid");
  }
  return answers;
}

/** Why an item sent in is deferred, and optionally the meeting it is moved to. */
export const DeferItemInput = z.object({
  reason: requiredText("Skriv varför punkten skjuts upp; avsändaren ser det.", 1000),
  meeting_id: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ message: "Välj ett möte i listan." }).int().positive().max(2_147_483_647).optional(),
  ),
});
