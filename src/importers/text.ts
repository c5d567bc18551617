import { ABBREVIATIONS } from "./lexicon.js";

// Small text utilities shared by the reader's steps.

/** Lowercase without diacritics and with single spaces: the form names are compared in. */
export function fold(s: string): string {
  const known = folded.get(s);
  if (known !== undefined) return known;
  const f = s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  // Name matching folds the same roster names over and over; the cache is bounded so that a
  // long import cannot grow it without end.
  if (folded.size >= 20_000) folded.clear();
  folded.set(s, f);
  return f;
}

const folded = new Map<string, string>();

/** Markdown heading level of a line (0 when it is not a "# " heading). */
export function headingLevel(line: string): number {
  const m = /^\s{0,3}(#{1,6})\s+\S/.exec(line);
  return m ? (m[1] as string).length : 0;
}

const BULLET = /^(\s*)(?:([-*•◦▪‣–·])|\d{1,2}[.)])\s+/u;

/** The list marker of a bulleted or numbered line, with its indentation, or null. */
export function bulletOf(line: string): { indent: number; rest: string; numbered: boolean } | null {
  if (/^\s*[-*_=]{3,}\s*$/.test(line)) return null;
  const m = BULLET.exec(line);
  if (!m) return null;
  return { indent: (m[1] as string).length, rest: line.slice(m[0].length), numbered: m[2] === undefined };
}

/** The line without Markdown heading marks, bold/italic markers and outer spaces. */
export function plain(line: string): string {
  if (!/[#*_]/.test(line)) return line.trim();
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$|[.,:;])/g, "$1$2")
    .replace(/\s+#+\s*$/, "")
    .trim();
}

/** Without a trailing colon (headings and labels are written both ways). */
export function withoutColon(s: string): string {
  if (!s.includes(":")) return s.trim();
  return s.replace(/\s*:\s*$/, "").trim();
}

/** True for rule lines such as "-----" or "-------\t-------" that a table export leaves. */
export function isSeparator(line: string): boolean {
  return /^[\s\-_=|:+*~]+$/.test(line) && /[-_=~]{3,}/.test(line);
}

/** Link markup reduced to its text ("[systemkartan.se](http://…)" → "systemkartan.se"). */
export function unlink(s: string): string {
  return s.replace(/\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)/g, "$1");
}

/**
 * Splits running text into sentences at . ! ? followed by an upper-case letter or digit,
 * except after abbreviations such as "t.ex." or "kl.".
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?…]+["”’)]*\s+(?=["”“«(]?[\p{Lu}\d])/gu;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    const before = text.slice(Math.max(start, (m.index ?? 0) - 12), m.index ?? 0);
    const word = /(?:^|[\s(])([\p{L}.]{1,10})$/u.exec(before)?.[1]?.toLowerCase() ?? "";
    if (m[0][0] === "." && ABBREVIATIONS.has(word.replace(/\.$/, ""))) continue;
    // A single capital before the period is an initial ("K. John"), not a sentence end.
    if (m[0][0] === "." && /(?:^|\s)\p{Lu}$/u.test(before)) continue;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** A word or a punctuation mark with where it stands in its sentence. */
export type Token = { text: string; start: number; end: number; word: boolean };

const TOKEN = /([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu;

/** Words (letters, digits, inner hyphens and apostrophes) and single punctuation marks. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  // exec with lastIndex rather than matchAll, which clones the expression on every call.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, word: m[1] !== undefined });
  }
  return out;
}

/** True when the word starts with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Edit distance with transpositions, giving up (returning max + 1) once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[n] as number, max + 1);
}
