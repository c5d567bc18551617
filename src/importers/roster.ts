import { CHAIR, GROUP_NOUN_HEADING, NOTES_MARKER, ROLE_WORD, ROSTER_HEADINGS } from "./lexicon.js";
import { isPlaceName, looksLikePersonName } from "./names.js";
import { bulletOf, isSeparator, plain, withoutColon } from "./text.js";

/** One person as a roster lists them. */
export type RosterEntry = {
  name: string;
  status: "present" | "absent" | "guest";
  municipality: string | null;
  role: string | null;
  chair: boolean;
  line: number;
};

/** A line of the document with its 1-based number. */
export type SrcLine = { no: number; text: string };

/**
 * The attendance status a heading line opens ("Närvarande:", "## Ej närvarande", "Socialchefer:"),
 * and any names written on the same line after its colon.
 */
export function rosterHeading(
  line: string,
): { status: RosterEntry["status"]; inline: string; guessed: boolean } | null {
  const p = plain(line);
  const colon = p.indexOf(":");
  const head = withoutColon(colon >= 0 ? p.slice(0, colon) : p);
  const inline = colon >= 0 ? p.slice(colon + 1).trim() : "";
  if (head.length > 40) return null;
  for (const h of ROSTER_HEADINGS) if (h.re.test(head)) return { status: h.status, inline, guessed: false };
  // A group noun ("Socialchefer:") may head a roster when written as a label; the caller keeps
  // it only if names follow.
  if (GROUP_NOUN_HEADING.test(head) && colon >= 0 && !inline && !NOTES_MARKER.test(head)) {
    return { status: "present", inline: "", guessed: true };
  }
  return null;
}

function splitChair(s: string): { text: string; chair: boolean } {
  const m = CHAIR.exec(s);
  if (!m) return { text: s.trim(), chair: false };
  return {
    text: (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/\(\s*\)/g, "").trim(),
    chair: true,
  };
}

/** Builds a roster entry from a name and the values written beside it (cells, comma parts). */
export function entryFromCells(cells: string[], status: RosterEntry["status"], line: number): RosterEntry | null {
  let chair = false;
  const parts: string[] = [];
  for (const c of cells) {
    const s = splitChair(plain(c));
    chair ||= s.chair;
    if (s.text) parts.push(s.text);
  }
  if (parts.length === 0) return null;
  // The header row of a roster table ("Namn | Kommun").
  if (/^(?:namn|name|deltagare|person|ledamot)$/iu.test(parts[0] as string)) return null;
  // A place in the first column and a name in the second: the columns were swapped.
  if (parts.length >= 2 && isPlaceName(parts[0] as string) && looksLikePersonName(parts[1] as string)) {
    parts.splice(0, 2, parts[1] as string, parts[0] as string);
  }
  let name = parts[0] as string;
  let municipality: string | null = null;
  let role: string | null = null;
  const values = parts.slice(1);
  // "Anna Berg (Lund)" or "Anna Berg (sekr.)": the parenthesis is a value.
  const paren = /^(.*?)\s*\(([^()]{1,80})\)\s*$/.exec(name);
  if (paren) {
    name = (paren[1] as string).trim();
    values.unshift((paren[2] as string).trim());
  }
  name = name.replace(/[\s,;:–—-]+$/, "").trim();
  if (!/\p{L}/u.test(name) || name.length > 80) return null;
  for (const v of values) {
    if (isPlaceName(v) && municipality === null) municipality = v;
    else if (ROLE_WORD.test(v) || status === "guest") role = role === null ? v : `${role}, ${v}`;
    else if (municipality === null) municipality = v;
    else role = role === null ? v : `${role}, ${v}`;
  }
  return { name, status, municipality, role, chair, line };
}

function cellsOf(text: string): string[] | null {
  if (text.includes("\t")) return text.split("\t").map((c) => c.trim());
  if (/^\s*\|.*\|\s*$/.test(text)) {
    return text
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
  }
  return null;
}

const startsWithName = (text: string) => looksLikePersonName(splitChair(text).text.replace(/\s*\([^)]*\)\s*$/, ""));

// "Anna Berg, Lund" / "Anna Berg – socialchef, Lund": a name first, then its values.
function commaParts(text: string): string[] | null {
  const parts = text.split(/\s*[,;]\s+|\s+[–—-]\s+/);
  if (parts.length < 2) return null;
  return startsWithName(parts[0] as string) ? parts : null;
}

/** Names written on the heading line itself: "Närvarande: Anna Berg (Lund), Per Olsson, Ystad". */
export function inlineEntries(inline: string, status: RosterEntry["status"], line: number): RosterEntry[] {
  const out: RosterEntry[] = [];
  for (const part of inline.split(/\s*[;,]\s*/)) {
    const clean = splitChair(part);
    const bare = clean.text.replace(/\s*\([^)]*\)\s*$/, "");
    if (looksLikePersonName(bare) || (out.length === 0 && /\p{L}/u.test(bare))) {
      const e = entryFromCells([part], status, line);
      if (e) out.push(e);
    } else if (out.length > 0 && clean.text) {
      const last = out[out.length - 1] as RosterEntry;
      const extra = entryFromCells(
        [last.name, ...(last.municipality ? [last.municipality] : []), clean.text],
        status,
        line,
      );
      if (extra) out[out.length - 1] = { ...extra, chair: last.chair || clean.chair, role: extra.role ?? last.role };
    }
  }
  return out;
}

type Kind = "name" | "value" | "tentative" | "other";

function classify(text: string): Kind {
  const p = splitChair(plain(text)).text;
  if (!p || p.length > 80) return "other";
  if (isPlaceName(p) || (ROLE_WORD.test(p) && !/[.!?]$/.test(p) && p.split(/\s+/).length <= 8)) return "value";
  if (looksLikePersonName(p)) return "name";
  // An unknown single word may be a municipality, or the first agenda item: decided by counts.
  if (/^\p{Lu}[\p{L}-]+$/u.test(p)) return "tentative";
  return "other";
}

/**
 * Reads one roster block from line index `start` until a line that belongs to something else.
 * Handles tab-separated rows, bulleted "Name, Municipality" lists, and the plain-text export of
 * a two-column table where all names come first and then all municipalities (or alternate).
 */
export function parseRosterBlock(
  lines: SrcLine[],
  start: number,
  status: RosterEntry["status"],
  isStop: (line: SrcLine) => boolean,
): { entries: RosterEntry[]; next: number; warnings: string[] } {
  const entries: RosterEntry[] = [];
  const warnings: string[] = [];
  let names: SrcLine[] = [];
  let values: SrcLine[] = [];
  let firstTentative = -1;
  let keptValues = 0;

  const flush = () => {
    if (names.length === 0) return;
    if (values.length > 0 && values.length !== names.length) {
      warnings.push(
        `rad ${names[0]?.no}: deltagarlistan har ${names.length} namn men ${values.length} kommuner/roller; kontrollera vem som hör till vilken kommun`,
      );
    }
    names.forEach((n, k) => {
      const v = values.length === names.length ? values[k] : undefined;
      const e = entryFromCells(v ? [n.text, v.text] : [n.text], status, n.no);
      if (e) entries.push(e);
    });
    names = [];
    values = [];
    firstTentative = -1;
  };

  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as SrcLine;
    const text = line.text;
    if (!text.trim() || isSeparator(text)) continue;
    if (isStop(line)) break;
    const cells = cellsOf(text);
    if (cells) {
      flush();
      const e = entryFromCells(cells, status, line.no);
      if (e) entries.push(e);
      continue;
    }
    // A bulleted or comma-separated entry must start with a name; anything else ends the roster.
    const bullet = bulletOf(text);
    const rest = plain(bullet ? bullet.rest : text);
    const parts = commaParts(rest) ?? (bullet && startsWithName(rest) ? [rest] : null);
    if (parts) {
      flush();
      const e = entryFromCells(parts, status, line.no);
      if (e) entries.push(e);
      continue;
    }
    if (bullet) break;
    const kind = classify(text);
    if (kind === "name") {
      if (values.length > 0) flush();
      names.push(line);
      continue;
    }
    if ((kind === "value" || kind === "tentative") && names.length > values.length) {
      if (kind === "tentative" && firstTentative < 0) {
        firstTentative = i;
        keptValues = values.length;
      }
      values.push(line);
      continue;
    }
    break;
  }
  // Unknown words that did not complete the columns were the first lines after the roster.
  if (firstTentative >= 0 && values.length !== names.length) {
    values = values.slice(0, keptValues);
    i = firstTentative;
  }
  flush();
  return { entries, next: i, warnings };
}
