import type { Attendee } from "../importers/schema.js";
import { parseDateInput, parseTimeInput } from "./date-input.js";

// What the import review form sends, read into corrections of a draft. Pure: no I/O.

/** A reviewer's correction of one roster entry, in the draft's order. */
export type AttendeeCorrection = {
  name: string;
  municipality: string | null;
  status: Attendee["status"];
  role: string | null;
  chair: boolean;
  /** "auto": match by name as the CLI does; "new": a new person (split from a wrong match); or a stored person's id */
  person: "auto" | "new" | number;
  /** the position of another entry this one is the same person as (merge), or null */
  mergeInto: number | null;
};

/** Everything the review form can correct. */
export type DraftCorrections = {
  /** an existing network, or null to use `networkName` (a new network: admins only) */
  networkId: number | null;
  networkName: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  noteTaker: string | null;
  attendees: AttendeeCorrection[];
  /** new titles of the items, in order */
  itemTitles: string[];
};

/** The review form read: corrections (null when it carried none), or one Swedish message per wrong field. */
export type CorrectionsResult =
  | { ok: true; data: DraftCorrections | null }
  | { ok: false; errors: Record<string, string>; incomplete: boolean };

const ID = /^[1-9]\d{0,9}$/;

const text = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return (typeof v === "string" ? v : Array.isArray(v) ? String(v[0] ?? "") : "").trim();
};
const count = (body: Record<string, unknown>, name: string): number | null => {
  const v = text(body, name);
  return /^\d{1,4}$/.test(v) ? Number(v) : null;
};

/**
 * Reads the review form into corrections. Dates and times are checked by the same readers as every
 * other form (a date that does not exist is refused). Null data when the form carries no
 * corrections at all (a bare "save" request); `incomplete` when its counts are missing or wrong.
 */
export function parseCorrections(body: Record<string, unknown>): CorrectionsResult {
  const attendeeCount = count(body, "attendee_count");
  const itemCount = count(body, "item_count");
  if (attendeeCount === null || itemCount === null) {
    if (body.attendee_count === undefined && body.item_count === undefined) return { ok: true, data: null };
    return { ok: false, errors: { _form: "Formuläret är ofullständigt; ladda om sidan." }, incomplete: true };
  }
  const errors: Record<string, string> = {};
  // The form's date and time inputs send ISO forms; anything else is a wrong format, and a date or
  // time in that form that does not exist gets the shared reader's message.
  const optional = (name: string, format: RegExp, formatMessage: string, read: typeof parseDateInput) => {
    const v = text(body, name);
    if (!v) return null;
    const r = read(v);
    if (!format.test(v)) errors[name] = formatMessage;
    else if (!r.ok) errors[name] = r.message;
    return r.ok ? r.value : v;
  };
  const networkRaw = text(body, "network_id");
  if (networkRaw && !ID.test(networkRaw)) errors.network_id = "Välj ett nätverk i listan.";
  const date = optional("date", /^\d{4}-\d{2}-\d{2}$/, "Skriv datumet som ÅÅÅÅ-MM-DD.", parseDateInput);
  const startTime = optional("start_time", /^\d{2}:\d{2}$/, "Skriv tiden som TT:MM.", parseTimeInput);
  const endTime = optional("end_time", /^\d{2}:\d{2}$/, "Skriv tiden som TT:MM.", parseTimeInput);
  const attendees: AttendeeCorrection[] = [];
  for (let k = 0; k < attendeeCount; k++) {
    const p = `a_${k}_`;
    const status = text(body, `${p}status`);
    if (status !== "present" && status !== "absent" && status !== "guest") {
      errors[`${p}status`] = "Välj närvarande, frånvarande eller övriga.";
    }
    const person = text(body, `${p}person`) || "auto";
    if (person !== "auto" && person !== "new" && !ID.test(person)) {
      errors[`${p}person`] = "Välj en person i listan.";
    }
    const merge = text(body, `${p}merge`);
    if (merge && (!/^\d{1,4}$/.test(merge) || Number(merge) >= attendeeCount || Number(merge) === k)) {
      errors[`${p}merge`] = "Välj en annan deltagare att slå ihop med.";
    }
    const name = text(body, `${p}name`);
    if (!name) errors[`${p}name`] = "Skriv deltagarens namn.";
    if (name.length > 120) errors[`${p}name`] = "Namnet får vara högst 120 tecken.";
    attendees.push({
      name,
      municipality: text(body, `${p}municipality`).slice(0, 120) || null,
      status: status as AttendeeCorrection["status"],
      role: text(body, `${p}role`).slice(0, 200) || null,
      chair: body[`${p}chair`] !== undefined,
      person: person === "auto" || person === "new" ? person : Number(person),
      mergeInto: merge ? Number(merge) : null,
    });
  }
  const itemTitles: string[] = [];
  for (let k = 0; k < itemCount; k++) {
    const title = text(body, `item_${k}_title`);
    if (!title) errors[`item_${k}_title`] = "Skriv punktens rubrik.";
    itemTitles.push(title);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, incomplete: false };
  return {
    ok: true,
    data: {
      networkId: networkRaw ? Number(networkRaw) : null,
      networkName: text(body, "network_name").slice(0, 200) || null,
      date,
      startTime,
      endTime,
      location: text(body, "location").slice(0, 300) || null,
      noteTaker: text(body, "note_taker").slice(0, 120) || null,
      attendees,
      itemTitles,
    },
  };
}
