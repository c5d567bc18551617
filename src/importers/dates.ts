import { u } from "./regex.js";

// Dates and times as Swedish (and some English) minutes write them. Everything returns null
// or a warning for what it cannot make sense of; nothing here throws on odd input.

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_WORDS = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** A date found in text: where it stands, and the ISO date or why there is none. */
export type FoundDate = {
  index: number;
  length: number;
  date: string | null;
  /** Set when the text names a date that does not exist (31/2) or lacks a year with no context. */
  problem: string | null;
  /** True when the year was written out, false when it came from the context. */
  hasYear: boolean;
};

/** Context for dates written without a year: the meeting's date. */
export type DateContext = { meetingDate?: string | null };

const pad = (n: number) => String(n).padStart(2, "0");

/** True when y-m-d is a real calendar day. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] as number);
}

function build(
  y: number | null,
  m: number,
  d: number,
  ctx: DateContext,
  raw: string,
): { date: string | null; problem: string | null } {
  let year = y;
  if (year === null) {
    const base = ctx.meetingDate ? Number(ctx.meetingDate.slice(0, 4)) : null;
    if (base === null) return { date: null, problem: `"${raw}" saknar år och mötets datum är okänt` };
    year = base;
    // "den 7/2" in December minutes means February of the next year.
    if (ctx.meetingDate && `${year}-${pad(m)}-${pad(d)}` < ctx.meetingDate && isValidDate(year + 1, m, d)) year++;
  }
  if (!isValidDate(year, m, d)) return { date: null, problem: `"${raw}" är inget giltigt datum` };
  return { date: `${year}-${pad(m)}-${pad(d)}`, problem: null };
}

// Alternatives in priority order; each is anchored on word boundaries and has bounded repetition.
const DATE_RE = u(
  new RegExp(
    [
      String.raw`(?<iso>(?<![\d-])(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})(?![\d]))`,
      String.raw`(?<compact>(?<!\d)(?<cy>(?:19|20|21)\d{2})(?<cm>[01]\d)(?<cd>[0-3]\d)(?!\d))`,
      String.raw`(?<named>(?<!\d)(?<nd>\d{1,2})(?:e|:e|:a|st|nd|rd|th)?\.?\s{0,3}(?<nm>${MONTH_WORDS})\b\.?(?:,?\s{0,3}(?<ny>(?:19|20|21)\d{2})(?!\d))?)`,
      String.raw`(?<english>\b(?<em>${MONTH_WORDS})\.?\s{1,3}(?<ed>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s{1,3}(?<ey>(?:19|20|21)\d{2})(?!\d))?)`,
      String.raw`(?<slash>(?<![\d/.-])(?<sd>\d{1,2})/(?<sm>\d{1,2})(?:(?:\s{1,3}|-|/)(?<sy>(?:19|20|21)\d{2}))?(?![\d/]))`,
    ].join("|"),
    "giu",
  ),
);

/** Every date written in the text, in order (ISO, 20201210, "6 mars 2020", "7/2", "March 6"). */
export function findDates(text: string, ctx: DateContext = {}): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const g = m.groups ?? {};
    const raw = m[0];
    let r: { date: string | null; problem: string | null };
    let hasYear = true;
    if (g.iso) r = build(Number(g.iy), Number(g.im), Number(g.id), ctx, raw);
    else if (g.compact) r = build(Number(g.cy), Number(g.cm), Number(g.cd), ctx, raw);
    else if (g.named) {
      hasYear = g.ny !== undefined;
      r = build(g.ny ? Number(g.ny) : null, MONTHS[(g.nm as string).toLowerCase()] as number, Number(g.nd), ctx, raw);
    } else if (g.english) {
      // "mars 2020" has no day: the english branch only applies with a day number.
      hasYear = g.ey !== undefined;
      r = build(g.ey ? Number(g.ey) : null, MONTHS[(g.em as string).toLowerCase()] as number, Number(g.ed), ctx, raw);
    } else {
      hasYear = g.sy !== undefined;
      r = build(g.sy ? Number(g.sy) : null, Number(g.sm), Number(g.sd), ctx, raw);
    }
    found.push({ index: m.index ?? 0, length: raw.length, date: r.date, problem: r.problem, hasYear });
  }
  return found;
}

/** The first date in the text, or null; problems are reported through the optional callback. */
export function parseDate(text: string, ctx: DateContext = {}, onProblem?: (p: string) => void): string | null {
  for (const f of findDates(text, ctx)) {
    if (f.date) return f.date;
    if (f.problem) onProblem?.(f.problem);
  }
  return null;
}

function hhmm(h: string, m: string | undefined): string | null {
  const hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return `${pad(hour === 24 ? 0 : hour)}:${pad(minute)}`;
}

const TIME_RANGE = u(
  /(?<kl>\bkl(?:ockan)?\.?\s{0,3})?(?<![\d.:])(?<h1>[0-2]?\d)(?:[.:](?<m1>[0-5]\d))?(?:\s{0,3}(?:-|–|—|till|to)\s{0,3}(?<h2>[0-2]?\d)(?:[.:](?<m2>[0-5]\d))?)?(?![\d.:]?\d)/giu,
);

/** The time span in text such as "kl. 9-12", "kl 9.30-11", "9.30–11" or "13:00 – 15:30". */
export function parseTimeRange(text: string): { start: string | null; end: string | null } {
  for (const m of text.matchAll(TIME_RANGE)) {
    const g = m.groups ?? {};
    // A bare number is a time only with "kl" before it or a range after it.
    if (!g.kl && g.h2 === undefined && g.m1 === undefined) continue;
    const start = hhmm(g.h1 as string, g.m1);
    if (!start) continue;
    const end = g.h2 === undefined ? null : hhmm(g.h2, g.m2);
    return { start, end: end && end > start ? end : null };
  }
  return { start: null, end: null };
}

/** Reads a "Datum och tid" value: the date, and the time span once the date is taken out. */
export function parseDateTime(
  text: string,
  ctx: DateContext = {},
): { date: string | null; start: string | null; end: string | null; problems: string[] } {
  const problems: string[] = [];
  let date: string | null = null;
  let rest = text;
  for (const f of findDates(text, ctx)) {
    if (f.date) {
      date = f.date;
      rest = text.slice(0, f.index) + " ".repeat(f.length) + text.slice(f.index + f.length);
      break;
    }
    if (f.problem) problems.push(f.problem);
  }
  const { start, end } = parseTimeRange(rest);
  return { date, start, end, problems };
}
