import { formatDate } from "./dates.js";

/** The outcome of reading a date or time a person typed: the normalised value, or what is wrong. */
export type InputResult = { ok: true; value: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Reads a date typed as 2025-03-14 (what date inputs send) or 14/3/2025, 14.3.2025. Dates that do
 * not exist (2025-02-31, 31/2) are refused with a message that says so, never moved to March.
 */
export function parseDateInput(raw: string): InputResult {
  const s = raw.trim();
  if (s === "") return { ok: false, message: "Skriv ett datum, t.ex. 2025-03-14." };
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const swedish = /^(\d{1,2})[/.](\d{1,2})(?:[/.]|\s+)(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (swedish) [d, m, y] = [Number(swedish[1]), Number(swedish[2]), Number(swedish[3])];
  else return { ok: false, message: `”${s}” är inte ett datum. Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.` };
  if (y < 1990 || y > 2200) return { ok: false, message: `Året ${y} ligger utanför det som går att använda.` };
  const value = `${y}-${pad(m)}-${pad(d)}`;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return { ok: false, message: `Datumet ${s} finns inte. Kontrollera dag och månad.` };
  }
  return { ok: true, value };
}

/** Reads a time typed as 09:30, 9:30, 9.30, 0930 or 9; refuses 25:00 and 12:75. */
export function parseTimeInput(raw: string): InputResult {
  const s = raw.trim();
  if (s === "") return { ok: false, message: "Skriv en tid, t.ex. 09:30." };
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?(?::00)?$/.exec(s);
  if (!m) return { ok: false, message: `”${s}” är inte en tid. Skriv tiden som TT:MM, t.ex. 09:30.` };
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  if (h > 23 || min > 59) return { ok: false, message: `Tiden ${s} finns inte. Skriv en tid mellan 00:00 och 23:59.` };
  return { ok: true, value: `${pad(h)}:${pad(min)}` };
}

/** "HH:MM" from a database time "HH:MM:SS" (or null). */
export function timeForInput(t: string | null): string {
  return t ? t.slice(0, 5) : "";
}

/** "14 mars 2025" for messages, or the raw text when it is not a date. */
export function describeDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : iso;
}
