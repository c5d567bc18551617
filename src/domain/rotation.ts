// Who held a network's chair when, and which municipalities have not held it lately: the
// statement coordinators write by hand ("Båstad, Landskrona, Svalöv och Klippan har inte haft
// ordförandeskapet de senaste 3 åren").
import { swedishList } from "./report.js";

/** The chairs marked "(ordf.)" on one meeting's attendance list. */
export type ChairSighting = {
  date: string;
  chairs: { personId: number; person: string; municipality: string | null }[];
};

/** A period one person held the chair, from the attendance lists or from a chair membership. */
export type ChairTerm = {
  person: string;
  municipality: string | null;
  /** null when the start is not known */
  from: string | null;
  /** null while it lasts */
  to: string | null;
  source: "attendance" | "membership";
};

/**
 * Turns the chairs seen meeting by meeting into terms: a person's unbroken run of meetings as
 * chair. A meeting whose list marks nobody as chair says nothing and breaks no run.
 */
export function termsFromAttendance(sightings: ChairSighting[]): ChairTerm[] {
  const terms: ChairTerm[] = [];
  const open = new Map<number, ChairTerm>();
  for (const s of [...sightings].sort((a, b) => a.date.localeCompare(b.date))) {
    if (s.chairs.length === 0) continue;
    const here = new Set(s.chairs.map((c) => c.personId));
    for (const id of [...open.keys()]) if (!here.has(id)) open.delete(id);
    for (const c of s.chairs) {
      const term = open.get(c.personId);
      if (term) term.to = s.date;
      else {
        const next: ChairTerm = {
          person: c.person,
          municipality: c.municipality,
          from: s.date,
          to: s.date,
          source: "attendance",
        };
        open.set(c.personId, next);
        terms.push(next);
      }
    }
  }
  return terms;
}

/** One municipality's chair history and whether it held the chair within the window. */
export type MunicipalityRotation = {
  municipality: string;
  lastChaired: string | null;
  chairedWithin: boolean;
  terms: ChairTerm[];
};

/** The rotation of a network's chair as of a date. */
export type RotationStatus = {
  asOf: string;
  years: number;
  since: string;
  municipalities: MunicipalityRotation[];
  notChaired: string[];
  statement: string;
};

/** The same day `years` years earlier (29 February becomes 28 February). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5) === "02-29" ? "02-28" : date.slice(5);
  return `${String(y).padStart(4, "0")}-${md}`;
}

/**
 * Which municipalities held the chair within `years` years before `asOf`, from chair terms.
 * Municipalities are listed in the order given; terms after `asOf` are ignored.
 */
export function rotationStatus(opts: {
  terms: ChairTerm[];
  municipalities: string[];
  asOf: string;
  years: number;
}): RotationStatus {
  const since = yearsBefore(opts.asOf, opts.years);
  const names = [...opts.municipalities];
  for (const t of opts.terms) if (t.municipality && !names.includes(t.municipality)) names.push(t.municipality);
  const municipalities = names.map((municipality) => {
    const terms = opts.terms
      .filter((t) => t.municipality === municipality && (t.from === null || t.from <= opts.asOf))
      .sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
    const ends = terms.map((t) => (t.to === null || t.to > opts.asOf ? opts.asOf : t.to));
    const lastChaired = ends.length ? (ends.sort().at(-1) ?? null) : null;
    return { municipality, lastChaired, chairedWithin: lastChaired !== null && lastChaired >= since, terms };
  });
  const notChaired = municipalities.filter((m) => !m.chairedWithin).map((m) => m.municipality);
  const period = opts.years === 1 ? "det senaste året" : `de senaste ${opts.years} åren`;
  const statement =
    notChaired.length === 0
      ? `Alla kommuner har haft ordförandeskapet ${period}.`
      : `${swedishList(notChaired)} har inte haft ordförandeskapet ${period}.`;
  return { asOf: opts.asOf, years: opts.years, since, municipalities, notChaired, statement };
}
