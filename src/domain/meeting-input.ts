import { z } from "zod";
import {
  baseField,
  dateField,
  idList,
  optionalDateField,
  optionalId,
  optionalText,
  optionalTimeField,
  optionalUrl,
  requiredId,
  requiredText,
  revisionField,
} from "./form-fields.js";

// What the meeting forms send, validated. Types are inferred from these schemas.

/** Date, time, place and link of a meeting. */
export const MeetingDetailsInput = z
  .object({
    date: dateField,
    start_time: optionalTimeField,
    end_time: optionalTimeField,
    location: optionalText(300),
    online_url: optionalUrl,
    title: optionalText(200),
    note_taker_id: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.start_time && v.end_time && v.end_time <= v.start_time) {
      ctx.addIssue({
        code: "custom",
        path: ["end_time"],
        message: `Sluttiden ${v.end_time} måste vara efter starttiden ${v.start_time}.`,
      });
    }
    if (v.end_time && !v.start_time) {
      ctx.addIssue({ code: "custom", path: ["start_time"], message: "Skriv en starttid när du anger en sluttid." });
    }
  });
/** Parsed meeting details. */
export type MeetingDetailsInput = z.infer<typeof MeetingDetailsInput>;

/** Which network a new meeting belongs to. */
export const NetworkChoiceInput = z.object({ network_id: requiredId("Välj vilket nätverk mötet hör till.") });

const ITEM_KINDS = ["item", "information", "round", "theme", "standing"] as const;

/** An agenda item's title, kind, presenter and duration. */
export const AgendaItemInput = z.object({
  title: requiredText("Skriv en rubrik för punkten.", 300),
  kind: z.enum(ITEM_KINDS, { message: "Välj vilken sorts punkt det är." }).default("item"),
  presenter_id: optionalId,
  duration_minutes: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ message: "Skriv tiden i hela minuter, t.ex. 15." })
      .int("Skriv tiden i hela minuter, t.ex. 15.")
      .min(0, "Tiden kan inte vara negativ.")
      .max(600, "En punkt kan vara högst 600 minuter.")
      .optional(),
  ),
});
/** Parsed agenda item settings. */
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

/** Notes of one item (or one municipality in a round), with the revision they were based on. */
export const NotesInput = z.object({
  notes: z.preprocess((v) => v ?? "", z.string().max(100_000, "Anteckningarna får vara högst 100 000 tecken.")),
  revision: revisionField,
});

/** A decision under an item. */
export const DecisionInput = z.object({
  text: requiredText("Skriv beslutet, t.ex. ”att anta verksamhetsplanen”.", 5000),
});

/** An action under an item: what, who and by when. */
export const ActionInput = z.object({
  text: requiredText("Skriv vad som ska göras.", 2000),
  assignees: idList.refine((l) => l.length > 0, "Välj minst en ansvarig bland medlemmarna."),
  due_date: optionalDateField,
});
/** Parsed action. */
export type ActionInput = z.infer<typeof ActionInput>;

/** A guest at a meeting: name and role. */
export const GuestInput = z.object({
  guest_name: optionalText(200),
  guest_role: optionalText(200),
  guest_municipality_id: optionalId,
});

/** The agenda's new order, as item ids. */
export const OrderInput = z.object({
  order: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(z.coerce.number().int().positive()).min(1, "Ordningen saknas."),
  ),
});

/** Why approved minutes are corrected. */
export const CorrectionInput = z.object({
  reason: requiredText("Skriv varför anteckningarna rättas.", 1000),
});

/** A comment when closing an action. */
export const CloseActionInput = z.object({ comment: optionalText(2000) });

/** An item a member sends in before a meeting. */
export const SubmitItemInput = z.object({
  title: requiredText("Skriv en rubrik för punkten.", 300),
  body: optionalText(4000),
  presenter_id: optionalId,
});

/** Forms that carry the fingerprint of what they were based on. */
export const BaseInput = z.object({ base: baseField });

/** A new standing item made from a decision. */
export const StandingFromDecisionInput = z.object({
  title: requiredText("Skriv en rubrik för den stående punkten.", 300),
});
