import { parseDate, parseDateTime, parseTimeRange } from "./dates.js";
import {
  AGENDA_HEADING,
  BODY_LINE_START,
  END_OF_NOTES,
  HEADER_FIELDS,
  NOTES_MARKER,
  POSTPONED,
  RAISED_BY,
  SIGNATURE,
  TITLE_PREFIX,
} from "./lexicon.js";
import { looksLikePersonName } from "./names.js";
import { u } from "./regex.js";
import { inlineEntries, parseRosterBlock, type RosterEntry, rosterHeading, type SrcLine } from "./roster.js";
import { bulletOf, fold, headingLevel, isSeparator, plain, withoutColon } from "./text.js";

/** An agenda item before its text is read: the heading and the lines under it. */
export type RawItem = { title: string; line: number; body: SrcLine[] };

/** The document's skeleton: header fields, rosters, items and the signature. */
export type Structure = {
  network: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  /** The "Nästa möte:" field, when the header has one. */
  nextMeetingText: { text: string; line: number } | null;
  /** The online meeting link ("Länk till mötet: https://…"), when the header has one. */
  onlineUrl: string | null;
  roster: RosterEntry[];
  items: RawItem[];
  /** Text before the first item heading, which belongs to no item. */
  preamble: SrcLine[];
  noteTaker: { written: string; line: number } | null;
  warnings: string[];
};

type Field = (typeof HEADER_FIELDS)[number]["field"];

/** "Datum och tid: …", "**Plats:** …", "Date\t…": the field and its value ("" when on the next line). */
export function headerField(line: string): { field: Field; value: string } | null {
  const m = /^([^:\t]{2,30}?)\s*(?::|\t)\s*(.*)$/u.exec(plain(line));
  if (!m) return null;
  const label = (m[1] as string).trim();
  for (const f of HEADER_FIELDS) if (f.re.test(label)) return { field: f.field, value: (m[2] as string).trim() };
  return null;
}

/** The note-taker's signature line, with the name when it stands on the same line. */
export function signatureOf(line: string): { rest: string } | null {
  const p = plain(line);
  const m = SIGNATURE.exec(p);
  if (!m) return null;
  return { rest: (m[1] ?? "").replace(/^[\s/,:–—-]+/, "").trim() };
}

/**
 * The signature at line k: "Vid tangenterna / Linda Macke", "Vid tangenterna," and the name on
 * the next line, "Sekreterare: Linda Macke". A bare "Sekreterare" counts only with a name after
 * it; "Vid tangenterna" always does. Returns the name and the line after the signature.
 */
export function signatureAt(lines: SrcLine[], k: number): { written: string | null; next: number } | null {
  const line = lines[k];
  const sig = line ? signatureOf(line.text) : null;
  if (!line || !sig) return null;
  let written = sig.rest;
  let next = k + 1;
  if (!written) {
    let n = k + 1;
    while (n < lines.length && !(lines[n] as SrcLine).text.trim()) n++;
    written = n < lines.length ? plain((lines[n] as SrcLine).text).replace(/^\/\s*/, "") : "";
    next = n + 1;
  }
  written = written.replace(/[.,;]+$/, "").trim();
  const vid = /^vid\s/i.test(plain(line.text));
  if (!vid && !looksLikePersonName(written) && !/^\p{Lu}\p{L}+$/u.test(written)) return null;
  return { written: written && written.length <= 60 ? written : null, next };
}

const isNotesMarker = (line: string) => NOTES_MARKER.test(withoutColon(plain(line)));

// "Minnesanteckningar Socialchefs nätverket 2020-03-06" → "Socialchefs nätverket" (and the date).
function titleOf(line: string): { network: string | null; date: string | null } {
  let t = withoutColon(plain(line)).replace(TITLE_PREFIX, "");
  const date = parseDate(t);
  t = t
    .replace(u(/\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{8}\b|\b\d{1,2}\s+\p{L}+\s+\d{4}\b/gu), "")
    .replace(/[\s,–—-]+$/u, "")
    .trim();
  const meeting = /^(.*?)(s?)\s+(?:möte|sammanträde|träff)$/iu.exec(t);
  if (meeting && (meeting[1] as string).length > 2) t = meeting[1] as string;
  if (!t || t.length > 120 || !/\p{L}/u.test(t)) return { network: null, date };
  return { network: t, date };
}

const TERMINAL = /[.,;:!?…]["”’)\]]*$/u;
// Lines that state something ("Ärende från X …", "Beslut att …", "Punkten utgick") even without a period.
const SENTENCE_OPENING = new RegExp(`${RAISED_BY.source}|^beslut\\s+att\\s|${POSTPONED.source}`, "iu");

/** True when a line reads as a heading without Markdown: short, capitalised, no closing punctuation. */
export function isBareHeading(line: string, next: string | undefined): boolean {
  const bullet = bulletOf(line);
  if (bullet && !(bullet.numbered && bullet.indent === 0)) return false;
  const raw = (bullet ? bullet.rest : line).trim();
  const fullBold = /^\*\*[^*]+\*\*:?$/.test(raw);
  const p = plain(raw).replace(/^§\s*\d+\s*/u, "");
  if (p.length < 2 || p.length > 80 || p.split(/\s+/).length > 12) return false;
  if (!/^[\p{Lu}\d"”“«]/u.test(p) || !/\p{L}/u.test(p)) return false;
  if (/:\s/.test(p) || headerField(p) || signatureOf(p)) return false;
  if (!fullBold && (TERMINAL.test(p) || BODY_LINE_START.test(p) || SENTENCE_OPENING.test(p))) return false;
  if (fullBold && /[.!?]$/.test(p)) return false;
  // A line continued in lower case is the first line of a paragraph, not a heading.
  if (next !== undefined && /^\s*\p{Ll}/u.test(next)) return false;
  return true;
}

/** The item title as it should be shown: no Markdown, numbering or trailing colon. */
export function cleanTitle(line: string): string {
  const bullet = bulletOf(line);
  const p = plain(bullet?.numbered ? bullet.rest : line);
  return withoutColon(p.replace(/^(?:§\s*\d+\s*[.:]?\s*|\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=\p{L}))/u, "")).trim();
}

/** Splits the document's lines into header, rosters, items and signature. */
export function readStructure(texts: string[]): Structure {
  const lines: SrcLine[] = texts.map((text, k) => ({ no: k + 1, text }));
  const warnings: string[] = [];
  const roster: RosterEntry[] = [];
  const s: Structure = {
    network: null,
    date: null,
    startTime: null,
    endTime: null,
    location: null,
    nextMeetingText: null,
    onlineUrl: null,
    roster,
    items: [],
    preamble: [],
    noteTaker: null,
    warnings,
  };
  let seen = false; // header fields or a roster seen: a notes marker now starts the notes
  let i = 0;
  const nextNonBlank = (from: number): number => {
    let k = from;
    while (k < lines.length && !(lines[k] as SrcLine).text.trim()) k++;
    return k;
  };

  // Title: the first line that is neither a field, a roster heading nor a bare document label.
  for (i = nextNonBlank(0); i < lines.length; i = nextNonBlank(i + 1)) {
    const t = (lines[i] as SrcLine).text;
    if (isNotesMarker(t)) continue;
    if (headerField(t) || rosterHeading(t) || signatureOf(t)) break;
    const title = titleOf(t);
    s.network = title.network;
    s.date = title.date;
    i++;
    break;
  }
  const titleFold = s.network ? fold(s.network) : null;

  const isStop = (line: SrcLine) => {
    const t = line.text;
    return (
      rosterHeading(t)?.guessed === false ||
      isNotesMarker(t) ||
      headerField(t) !== null ||
      signatureOf(t) !== null ||
      AGENDA_HEADING.test(withoutColon(plain(t))) ||
      headingLevel(t) > 0
    );
  };

  // Header zone: fields and rosters until the notes marker or the first thing that is neither.
  let bodyStart = lines.length;
  for (i = nextNonBlank(i); i < lines.length; i = nextNonBlank(i)) {
    const line = lines[i] as SrcLine;
    const t = line.text;
    const p = withoutColon(plain(t));
    if (isSeparator(t) || (titleFold && fold(p) === titleFold)) {
      i++;
      continue;
    }
    const field = headerField(t);
    if (field) {
      let value = field.value;
      let at = line.no;
      if (!value) {
        const k = nextNonBlank(i + 1);
        const v = lines[k];
        if (v && !isStop(v)) {
          value = plain(v.text);
          at = v.no;
          i = k;
        }
      }
      applyField(s, field.field, value, at);
      seen = true;
      i++;
      continue;
    }
    const heading = rosterHeading(t);
    if (heading) {
      const inline = inlineEntries(heading.inline, heading.status, line.no);
      const block = parseRosterBlock(lines, i + 1, heading.status, isStop);
      if (!heading.guessed || block.entries.length > 0) {
        roster.push(...inline, ...block.entries);
        warnings.push(...block.warnings);
        if (inline.length === 0 && block.entries.length === 0) {
          warnings.push(`rad ${line.no}: rubriken "${p}" följs inte av några namn`);
        }
        seen = true;
        i = block.next;
        continue;
      }
    }
    const sig = signatureAt(lines, i);
    if (sig) {
      if (sig.written) s.noteTaker = { written: sig.written, line: line.no };
      i = sig.next;
      continue;
    }
    if (isNotesMarker(t)) {
      i++;
      if (seen) {
        bodyStart = nextNonBlank(i);
        break;
      }
      continue;
    }
    if (AGENDA_HEADING.test(p)) {
      // The agenda repeats the item titles; when a notes marker follows, skip to it.
      const marker = lines.findIndex((l, k) => k > i && isNotesMarker(l.text));
      i = marker > i ? marker : i + 1;
      continue;
    }
    // A short line with only a date before anything else ("Möte 2020-03-06").
    if (!seen && !s.date && p.length <= 60 && parseDate(p)) {
      s.date = parseDate(p);
      i++;
      continue;
    }
    bodyStart = i;
    break;
  }

  splitBody(lines, bodyStart, s);
  return s;
}

function applyField(s: Structure, field: Field, value: string, line: number): void {
  if (!value || field === "other") return;
  if (field === "link") {
    s.onlineUrl ??= /https?:\/\/\S+/u.exec(value)?.[0] ?? null;
    return;
  }
  if (field === "place") {
    s.location ??= value.replace(/\s+/g, " ").trim();
    return;
  }
  if (field === "next") {
    s.nextMeetingText = { text: value, line };
    return;
  }
  if (field === "time") {
    const t = parseTimeRange(value);
    s.startTime ??= t.start;
    s.endTime ??= t.end;
    return;
  }
  const dt = parseDateTime(value);
  for (const p of dt.problems) s.warnings.push(`rad ${line}: ${p}`);
  if (dt.date) s.date = dt.date;
  else s.warnings.push(`rad ${line}: kunde inte läsa datumet i "${value.slice(0, 60)}"`);
  if (dt.start) {
    s.startTime = dt.start;
    s.endTime = dt.end;
  }
}

function splitBody(lines: SrcLine[], bodyStart: number, s: Structure): void {
  // The notes end at the signature (or the adjusters' signatures).
  let end = lines.length;
  for (let k = bodyStart; k < lines.length; k++) {
    if (END_OF_NOTES.test(plain((lines[k] as SrcLine).text))) {
      end = k;
      break;
    }
    const sig = signatureAt(lines, k);
    if (!sig) continue;
    if (sig.written) s.noteTaker = { written: sig.written, line: (lines[k] as SrcLine).no };
    end = k;
    break;
  }
  const body = lines.slice(bodyStart, end);
  const nonBlank = body.filter((l) => l.text.trim()).length;
  const blank = body.length - nonBlank;
  const dense = blank < nonBlank * 0.1; // no blank lines between paragraphs
  const mdHeadings = body.filter((l) => headingLevel(l.text) > 0 && !isNotesMarker(l.text));
  const firstText = body.find((l) => l.text.trim());
  const markdown = mdHeadings.length >= 2 || (mdHeadings.length === 1 && mdHeadings[0] === firstText);

  let current: RawItem | null = null;
  for (let k = 0; k < body.length; k++) {
    const line = body[k] as SrcLine;
    const t = line.text;
    if (!t.trim()) {
      if (current) current.body.push(line);
      continue;
    }
    if (isNotesMarker(t) && !current?.body.some((l) => l.text.trim())) continue;
    let next: SrcLine | undefined;
    for (let n = k + 1; n < body.length; n++) {
      if ((body[n] as SrcLine).text.trim()) {
        next = body[n];
        break;
      }
    }
    const prev = body[k - 1];
    const startsParagraph = dense || !prev || !prev.text.trim() || headingLevel(prev.text) > 0;
    let heading = headingLevel(t) > 0;
    if (!heading && startsParagraph) {
      if (markdown) heading = /^\*\*[^*]+\*\*:?$/.test(t.trim()) && isBareHeading(t, next?.text);
      else heading = isBareHeading(t, next?.text);
    }
    if (heading) {
      const title = cleanTitle(t);
      if (title) {
        current = { title, line: line.no, body: [] };
        s.items.push(current);
        continue;
      }
    }
    if (current) current.body.push(line);
    else s.preamble.push(line);
  }
}
