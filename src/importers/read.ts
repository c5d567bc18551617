import { findDates } from "./dates.js";
import { extractLines } from "./extract.js";
import { ImportError } from "./import-error.js";
import { extractItem, findNextMeeting, type ItemContext, notesMarkdown, segmentsOf } from "./items.js";
import { NameIndex } from "./names.js";
import type { RosterEntry } from "./roster.js";
import { type Attendee, type ImportedMeeting, ImportedMeetingSchema, type KnownPerson } from "./schema.js";
import { readStructure } from "./structure.js";
import { fold } from "./text.js";

export { MAX_IMPORT_BYTES } from "./extract.js";
export { ImportError, isImportError } from "./import-error.js";
export type { ImportedMeeting, KnownPerson } from "./schema.js";
export { ImportedMeetingSchema } from "./schema.js";

/** What the reader is given: the document's bytes, its name, and optionally the people already known. */
export type ReadInput = { bytes: Uint8Array; filename: string; knownPeople?: KnownPerson[] };

/**
 * Reads one minutes document (.docx, .txt or .md) into an ImportedMeeting. Throws ImportError
 * for what cannot be minutes at all; everything it is unsure of becomes a warning instead.
 */
export async function readMinutes(input: ReadInput): Promise<ImportedMeeting> {
  return (await readMinutesWithText(input)).meeting;
}

/** readMinutes, also giving the document's text (stored beside the original for search). */
export async function readMinutesWithText(input: ReadInput): Promise<{ meeting: ImportedMeeting; text: string }> {
  const extracted = await extractLines(input.bytes, input.filename);
  const meeting = readMinutesLines(extracted.lines, input.filename, input.knownPeople ?? [], extracted.warnings);
  return { meeting, text: extracted.lines.join("\n") };
}

/** The synchronous part of readMinutes, for text that is already decoded into lines. */
export function readMinutesLines(
  lines: string[],
  filename: string,
  knownPeople: KnownPerson[] = [],
  initialWarnings: string[] = [],
): ImportedMeeting {
  const structure = readStructure(lines);
  const warnings = [...initialWarnings, ...structure.warnings];
  const warn = (line: number, message: string) => {
    const w = `rad ${line}: ${message}`;
    if (!warnings.includes(w) && warnings.length < 200) warnings.push(w);
  };

  const attendees = attendeesOf(structure.roster, warn);
  const realItems = structure.items.length;
  if (!structure.date && attendees.length === 0 && realItems === 0) {
    throw new ImportError(
      filename,
      "Hittar varken datum, deltagare eller punkter; det här ser inte ut att vara minnesanteckningar.",
    );
  }

  let date = structure.date;
  if (!date) {
    const fromName = findDates(filename.replace(/^.*[/\\]/, "")).find((f) => f.date && f.hasYear)?.date ?? null;
    if (fromName) {
      date = fromName;
      warnings.push(`mötets datum står inte i texten; använder ${fromName} från filnamnet`);
    } else warnings.push('mötets datum hittades inte; lägg till en rad "Datum och tid: ÅÅÅÅ-MM-DD"');
  }

  const index = new NameIndex(
    attendees.map((a) => ({ name: a.name, municipality: a.municipality })),
    knownPeople,
  );
  const bodyTexts = structure.items.flatMap((it) => [it.title, ...it.body.map((l) => l.text)]);
  const nextMeeting = findNextMeeting(
    [...(structure.nextMeetingText ? [structure.nextMeetingText.text] : []), ...bodyTexts].map((t, k) =>
      k === 0 && structure.nextMeetingText ? `nästa möte ${t}` : t,
    ),
    date,
  );
  const ctx: ItemContext = { index, meetingDate: date, nextMeeting, warn };

  const items = structure.items.map((raw) => extractItem(raw, ctx));
  const preamble = notesMarkdown(segmentsOf(structure.preamble));
  if (preamble) {
    const first = structure.preamble.find((l) => l.text.trim());
    warn(first?.no ?? 1, 'text före första rubriken har lagts i en egen punkt "(Utan rubrik)"');
    items.unshift(extractItem({ title: "(Utan rubrik)", line: first?.no ?? 1, body: structure.preamble }, ctx));
  }

  let noteTaker: string | null = null;
  if (structure.noteTaker) {
    const { written, line } = structure.noteTaker;
    const r = index.resolve(written);
    if (r.kind === "person") noteTaker = r.name;
    else {
      noteTaker = written;
      if (r.kind === "ambiguous") warn(line, `antecknaren "${written}" kan vara ${r.candidates.join(" eller ")}`);
    }
  }

  const result = ImportedMeetingSchema.safeParse({
    source: filename,
    network: structure.network,
    date,
    startTime: structure.startTime,
    endTime: structure.endTime,
    location: structure.location || null,
    ...(structure.onlineUrl ? { onlineUrl: structure.onlineUrl } : {}),
    noteTaker,
    nextMeeting,
    attendees,
    items,
    warnings,
  });
  // A reader bug must not take the rest of an import down: report it as this file's error.
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ImportError(filename, `Läsaren gav ett ogiltigt resultat (${issue?.path.join(".")}: ${issue?.message}).`);
  }
  return result.data;
}

// One attendee per person: a name listed twice keeps its first place and gets a warning.
function attendeesOf(roster: RosterEntry[], warn: (line: number, m: string) => void): Attendee[] {
  const seen = new Map<string, RosterEntry>();
  const out: Attendee[] = [];
  for (const e of roster) {
    const key = fold(e.name);
    const before = seen.get(key);
    if (before) {
      warn(e.line, `${e.name} står redan i deltagarlistan (rad ${before.line}); den andra raden hoppas över`);
      continue;
    }
    seen.set(key, e);
    out.push({ name: e.name, status: e.status, municipality: e.municipality, role: e.role, chair: e.chair });
  }
  return out;
}
