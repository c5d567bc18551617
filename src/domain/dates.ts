const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
const WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

/** Today's date as YYYY-MM-DD in Swedish time (meetings are dated in Sweden). */
export function todayInSweden(now = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}

/** "fredag 6 mars 2020" for a YYYY-MM-DD date. */
export function formatDateLong(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "6 mars 2020" for a YYYY-MM-DD date. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "09:00–12:00", "09:00" or "" from database times (HH:MM:SS). */
export function formatTimeRange(start: string | null, end: string | null): string {
  const hm = (t: string) => t.slice(0, 5);
  if (start && end) return `${hm(start)}–${hm(end)}`;
  return start ? hm(start) : "";
}

/** Whether a string is a real calendar date written YYYY-MM-DD (2021-02-31 is not). */
export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
