import { z } from "zod";
import { idList, optionalId, optionalText, requiredId, requiredText } from "./form-fields.js";

// What the yearly plan, theme and apology forms send, validated.

/** The fewest and most members responsible for one theme area. */
export const THEME_OWNERS = { min: 2, max: 4 } as const;

/** The plan's texts for one year. */
export const PlanInput = z.object({
  purpose: optionalText(8000),
  goals: optionalText(8000),
  organisation: optionalText(8000),
});
/** Parsed plan form. */
export type PlanInput = z.infer<typeof PlanInput>;

const owners = idList.pipe(
  z
    .array(z.number())
    .min(THEME_OWNERS.min, `Välj minst ${THEME_OWNERS.min} ansvariga bland nätverkets medlemmar.`)
    .max(THEME_OWNERS.max, `Välj högst ${THEME_OWNERS.max} ansvariga.`),
);

/** One theme area: title, description, its 2–4 responsible members, the meeting it is planned for. */
export const ThemeInput = z.object({
  title: requiredText("Skriv temaområdets rubrik.", 200),
  description: optionalText(4000),
  owner_ids: owners,
  planned_meeting_id: optionalId,
});
/** Parsed theme form. */
export type ThemeInput = z.infer<typeof ThemeInput>;

/** From a meeting: which theme comes next, at which meeting, prepared by whom. */
export const NextThemeInput = z.object({
  theme_id: requiredId("Välj vilket temaområde som kommer härnäst."),
  meeting_id: requiredId("Välj vilket möte temat ska tas upp på."),
  owner_ids: owners,
});
/** Parsed "Nästa tema" form. */
export type NextThemeInput = z.infer<typeof NextThemeInput>;

/** A member's apology for a meeting, with an optional word to the coordinator. */
export const ApologyInput = z.object({ note: optionalText(500) });
/** Parsed apology form. */
export type ApologyInput = z.infer<typeof ApologyInput>;

/** A year in an address or form: four digits within what the plans table accepts. */
export const PlanYear = z.coerce
  .number({ message: "Året ska skrivas med fyra siffror, t.ex. 2026." })
  .int("Året ska skrivas med fyra siffror, t.ex. 2026.")
  .min(1990, "Året måste vara 1990 eller senare.")
  .max(2200, "Året måste vara 2200 eller tidigare.");
