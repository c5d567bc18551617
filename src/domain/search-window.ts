// The newest-first windows a search widens through when a word is common (see migration 0005:
// every search document carries '§yYYYY' and '§mYYYY-MM' tokens). Pure: dates in, tokens out.

/** A window of time as date tokens, and how many months it spans. */
export type SearchWindow = { months: number; tokens: string[]; since: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** The month token of a YYYY-MM-DD date, as the migration writes it. */
export function monthToken(date: string): string {
  return `§m${date.slice(0, 7)}`;
}

/** The year token of a year. */
export function yearToken(year: number): string {
  return `§y${year}`;
}

function monthsBack(anchor: string, count: number): { tokens: string[]; since: string } {
  let y = Number(anchor.slice(0, 4));
  let m = Number(anchor.slice(5, 7));
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    tokens.push(`§m${y}-${pad(m)}`);
    if (i < count - 1) {
      m--;
      if (m === 0) {
        m = 12;
        y--;
      }
    }
  }
  return { tokens, since: `${y}-${pad(m)}-01` };
}

function yearsBack(anchor: string, count: number): { tokens: string[]; since: string } {
  const y = Number(anchor.slice(0, 4));
  const tokens = Array.from({ length: count }, (_, i) => yearToken(y - i));
  return { tokens, since: `${y - count + 1}-01-01` };
}

/**
 * The windows ending at `anchor` (the newest document's date), each about twice as wide as the
 * last: 1, 3, 6, 12 and 24 months, then 4, 8 and 16 calendar years. After them comes everything.
 */
export function searchWindows(anchor: string): SearchWindow[] {
  const month = Number(anchor.slice(5, 7));
  const years = (n: number) => ({ months: month + 12 * (n - 1), ...yearsBack(anchor, n) });
  return [...[1, 3, 6, 12, 24].map((n) => ({ months: n, ...monthsBack(anchor, n) })), years(4), years(8), years(16)];
}

/**
 * The next window to try after one of `months` months held `found` hits and `wanted` are needed:
 * the first wider window expected to hold enough at the same density, or null for everything.
 */
export function nextWindow(
  windows: SearchWindow[],
  months: number,
  found: number,
  wanted: number,
): SearchWindow | null {
  // Nothing found yet: the density is below one hit per window, so assume that.
  const needed = (months * wanted) / Math.max(found, 1);
  return windows.find((w) => w.months > months && w.months >= needed) ?? null;
}

/** A tsquery (text) that is true for documents in the window: its tokens joined by OR. */
export function windowTsquery(window: SearchWindow): string {
  return window.tokens.map((t) => `'${t}'`).join(" | ");
}
