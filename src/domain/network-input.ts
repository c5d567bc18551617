import { z } from "zod";
import { baseField, optionalDateField, optionalId, optionalText, requiredId, requiredText } from "./form-fields.js";

// What the network and member forms send, validated. Types are inferred from these schemas.

/** A network's name, kind, parent, status and purpose. */
export const NetworkInput = z
  .object({
    name: requiredText("Skriv nätverkets namn.", 120),
    kind: z.enum(["network", "subnetwork", "working_group"], { message: "Välj vilken sorts nätverk det är." }),
    parent_id: optionalId,
    status: z.enum(["active", "dormant", "closed"], { message: "Välj status." }).default("active"),
    purpose: optionalText(4000),
    base: baseField,
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "network" && v.parent_id === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["parent_id"],
        message: "Ett undernätverk eller en arbetsgrupp hör till ett nätverk: välj vilket.",
      });
    }
  });
/** Parsed network form. */
export type NetworkInput = z.infer<typeof NetworkInput>;

/** Either an existing person picked in a list, or a new one typed in. */
const personChoice = {
  person_id: optionalId,
  new_name: optionalText(200),
  new_email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.email({ message: "Skriv en giltig e-postadress, t.ex. namn@kommun.se." }).max(200).optional(),
  ),
  new_title: optionalText(200),
  new_phone: optionalText(40),
};

const ROLES = ["member", "chair", "coordinator", "secretary", "substitute"] as const;

function checkPerson(v: { person_id?: number | undefined; new_name: string }, ctx: z.RefinementCtx) {
  if (v.person_id === undefined && v.new_name === "") {
    ctx.addIssue({
      code: "custom",
      path: ["person_id"],
      message: "Välj en person i listan eller skriv namnet på en ny.",
    });
  }
  if (v.person_id !== undefined && v.new_name !== "") {
    ctx.addIssue({
      code: "custom",
      path: ["new_name"],
      message: "Välj antingen en person i listan eller skriv en ny, inte båda.",
    });
  }
}

function checkPeriod(v: { from_date?: string | undefined; to_date?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.from_date && v.to_date && v.to_date < v.from_date) {
    ctx.addIssue({ code: "custom", path: ["to_date"], message: "Slutdatumet kan inte vara före startdatumet." });
  }
}

/** A new membership: who, in which role, for which municipality, from when to when. */
export const MembershipInput = z
  .object({
    ...personChoice,
    role: z.enum(ROLES, { message: "Välj en roll." }),
    municipality_id: optionalId,
    from_date: optionalDateField,
    to_date: optionalDateField,
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    checkPerson(v, ctx);
    checkPeriod(v, ctx);
  });
/** Parsed membership form. */
export type MembershipInput = z.infer<typeof MembershipInput>;

/** A change to an existing membership. */
export const MembershipUpdateInput = z
  .object({
    role: z.enum(ROLES, { message: "Välj en roll." }),
    municipality_id: optionalId,
    from_date: optionalDateField,
    to_date: optionalDateField,
    note: optionalText(500),
  })
  .superRefine(checkPeriod);
/** Parsed membership change. */
export type MembershipUpdateInput = z.infer<typeof MembershipUpdateInput>;

/** "X ersätter Y från <datum>": the outgoing membership, the incoming person and the day. */
export const ReplacementInput = z
  .object({
    ...personChoice,
    membership_id: requiredId("Välj vem som slutar."),
    date: z.preprocess((v) => v ?? "", optionalDateField).refine((d) => d !== undefined, "Skriv från vilket datum."),
  })
  .superRefine(checkPerson);
/** Parsed replacement form. */
export type ReplacementInput = z.infer<typeof ReplacementInput>;

/** A representative in an outside body (NSK-S, KFSK socialchefsråd). */
export const RepresentationInput = z
  .object({
    person_id: requiredId("Välj vem som representerar nätverket."),
    body: requiredText("Skriv vilket organ det gäller.", 200),
    municipality_id: optionalId,
    from_date: optionalDateField,
    to_date: optionalDateField,
    note: optionalText(500),
  })
  .superRefine(checkPeriod);
/** Parsed representation form. */
export type RepresentationInput = z.infer<typeof RepresentationInput>;

/** A standing item configured for a network. */
export const StandingItemInput = z.object({
  title: requiredText("Skriv den stående punktens rubrik.", 300),
  kind: z.enum(["standing", "round", "information"], { message: "Välj sort." }).default("standing"),
});

// An empty field is missing, not zero (z.coerce would make "" into 0).
const dayCount = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ message: `Skriv ${label} som ett antal dagar, t.ex. 7.` })
      .int(`Skriv ${label} som ett helt antal dagar.`)
      .min(0, `Antalet dagar för ${label} kan inte vara negativt.`)
      .max(max, `Högst ${max} dagar.`),
  );

/** How a network works: open minutes, when reminders go out, when items sent in close. */
export const NetworkRulesInput = z.object({
  // A checkbox: present ("on") when ticked, absent otherwise.
  publish_minutes: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  reminder_days: dayCount("påminnelsen", 60),
  submission_days: dayCount("sista dagen för inskickade punkter", 90),
});
/** Parsed network rules form. */
export type NetworkRulesInput = z.infer<typeof NetworkRulesInput>;
