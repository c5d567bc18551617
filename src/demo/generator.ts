// The corpus generator's world: networks and sub-networks, people across the municipalities with
// turnover, memberships over time, yearly plans and every network's meeting dates. Deterministic:
// the same options give the same corpus. The meetings themselves stream from generator-meetings.ts.
import type { MembershipRole, NetworkKind, NetworkStatus } from "../db/schema.js";
import { pick, seededRandom } from "../domain/random.js";
import { emailLocalPart, slugify } from "../domain/slug.js";
import {
  AREAS,
  type Area,
  COORDINATOR_OFFICE,
  FIRST_NAMES,
  LAST_NAMES,
  MEMBER_MUNICIPALITIES,
  ORGANISATIONS,
  OUTSIDE_BODIES,
} from "./generator-words.js";

/** The benchmark sizes, in meetings. */
export const CORPUS_SIZES = { S: 1_000, M: 10_000, L: 100_000 } as const;

/** A benchmark size name. */
export type CorpusSize = keyof typeof CORPUS_SIZES;

/** What to generate: an exact number of meetings, from a seed, with history ending on `today`. */
export type CorpusOptions = {
  meetings: number;
  seed?: number;
  /** the corpus's "today": meetings after it are planned, before it held (fixed for determinism) */
  today?: string;
};

/** A generated person; ids are 1-based positions in CorpusPlan.people. */
export type GenPerson = { id: number; name: string; email: string; title: string; municipality: string };

/** A generated network with its standing items and meeting dates. */
export type GenNetwork = {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  kind: NetworkKind;
  status: NetworkStatus;
  purpose: string;
  area: Area;
  municipalities: string[];
  standing: { id: number; position: number; title: string; kind: "standing" | "round" }[];
  /** meeting dates in order; meeting ids are firstMeetingId, firstMeetingId + 1, ... */
  dates: string[];
  firstMeetingId: number;
  /** held meetings start at 09:00 or 13:00 for most networks */
  afternoon: boolean;
  onlineFrom: string;
};

/** A membership of a person in a network over a period (to is the last day, inclusive). */
export type GenMembership = {
  id: number;
  personId: number;
  networkId: number;
  role: MembershipRole;
  municipality: string | null;
  from: string;
  to: string | null;
  replacesId: number | null;
  note: string;
};

/** A theme of a yearly plan, owned by members, planned for one meeting. */
export type GenTheme = {
  id: number;
  planId: number;
  position: number;
  title: string;
  description: string;
  plannedMeetingId: number | null;
  ownerIds: number[];
};

/** A network's operational plan for one year. */
export type GenPlan = {
  id: number;
  networkId: number;
  year: number;
  purpose: string;
  goals: string;
  organisation: string;
  themes: GenTheme[];
};

/** A representative of a network in an outside body. */
export type GenRepresentation = {
  personId: number;
  networkId: number;
  body: string;
  municipality: string;
  from: string;
};

/** Everything but the meetings' contents. */
export type CorpusPlan = {
  seed: number;
  today: string;
  firstYear: number;
  meetingCount: number;
  organisations: readonly string[];
  people: GenPerson[];
  /** people from outside organisations who visit meetings now and then */
  guests: GenPerson[];
  networks: GenNetwork[];
  memberships: GenMembership[];
  representations: GenRepresentation[];
  plans: GenPlan[];
  /** themes by the meeting they are planned for */
  themesByMeeting: Map<number, GenTheme>;
};

const DEFAULT_SEED = 20_260_101;
const DEFAULT_TODAY = "2026-11-20";
const COLLABORATIONS = ["", "Söderslätt", "Mittskåne", "Kustlandet", "Sjöbygden", "Backadalen", "Ljungheden"];

/** Mixes a seed with a number into a new 32-bit seed, so each network has its own stream. */
export function mixSeed(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** An integer in [min, max]. */
export const intBetween = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

/** Shuffled copy (Fisher–Yates). */
export function shuffled<T>(rand: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const DAY_MS = 86_400_000;
/** Days since 1970 for a YYYY-MM-DD date. */
export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
/** YYYY-MM-DD for a day number. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The date n days after iso. */
export const addDays = (iso: string, n: number) => isoDay(dayNumber(iso) + n);

/** Makes people with unique e-mail addresses and reuses them across seats of the same kind. */
class PeopleFactory {
  readonly people: GenPerson[] = [];
  private readonly emails = new Map<string, number>();
  private readonly pools = new Map<string, number[]>();

  constructor(private readonly rand: () => number) {}

  /** A person for a seat: now and then someone already sitting in another network of the same field. */
  forSeat(municipality: string, area: Area, reuse: number, exclude: Set<number>): GenPerson {
    const key = `${municipality}|${area.key}`;
    const pool = this.pools.get(key) ?? [];
    if (pool.length > 0 && this.rand() < reuse) {
      const id = pick(this.rand, pool);
      const found = this.people[id - 1];
      if (found && !exclude.has(found.id)) return found;
    }
    const person = this.create(municipality, pick(this.rand, area.titles));
    pool.push(person.id);
    this.pools.set(key, pool);
    return person;
  }

  /** A new person with a fictional name. */
  create(municipality: string, title: string): GenPerson {
    const name = `${pick(this.rand, FIRST_NAMES)} ${pick(this.rand, LAST_NAMES)}`;
    const local = emailLocalPart(name);
    const domain = `${emailLocalPart(municipality).replace(/\./g, "")}.exempel.se`;
    const n = (this.emails.get(`${local}@${domain}`) ?? 0) + 1;
    this.emails.set(`${local}@${domain}`, n);
    const person: GenPerson = {
      id: this.people.length + 1,
      name,
      email: `${local}${n > 1 ? n : ""}@${domain}`,
      title,
      municipality,
    };
    this.people.push(person);
    return person;
  }
}

type Skeleton = {
  name: string;
  kind: NetworkKind;
  area: Area;
  parentIndex: number | null;
  rate: number;
  startDay: number;
  endDay: number | null;
};

/** Network names, parents first, until the expected meetings cover the wanted count. */
function networkSkeletons(rand: () => number, opts: { meetings: number; firstDay: number; todayDay: number }) {
  const skeletons: Skeleton[] = [];
  const span = opts.todayDay - opts.firstDay;
  let expected = 0;
  const expect = (s: Skeleton) => (s.rate * ((s.endDay ?? opts.todayDay + 180) - s.startDay)) / 365;
  for (let round = 0; expected < opts.meetings; round++) {
    const suffix = COLLABORATIONS[round % COLLABORATIONS.length] ?? "";
    const group = round < COLLABORATIONS.length ? suffix : `${suffix} ${Math.floor(round / COLLABORATIONS.length) + 1}`;
    const label = (name: string) => (group ? `${name} ${group.trim()}` : name);
    // Each field's first network before any field's second, so even a small corpus has them all.
    const areas = shuffled(rand, AREAS);
    const tops = [0, 1, 2].flatMap((k) =>
      areas.flatMap((area) => (area.networks[k] ? [{ area, top: area.networks[k] }] : [])),
    );
    for (const { area, top } of tops) {
      // Older networks start with the archive; newer ones some years in.
      const startDay = opts.firstDay + Math.floor(rand() < 0.5 ? rand() * 60 : rand() * span * 0.6);
      const parent: Skeleton = {
        name: label(top),
        kind: "network",
        area,
        parentIndex: null,
        rate: intBetween(rand, 7, 11),
        startDay,
        endDay: rand() < 0.08 ? startDay + Math.floor((opts.todayDay - startDay) * (0.4 + rand() * 0.5)) : null,
      };
      const parentIndex = skeletons.length;
      skeletons.push(parent);
      expected += expect(parent);
      const children = shuffled(rand, area.subnetworks).slice(0, intBetween(rand, 0, 3));
      for (const child of children) {
        const childStart = parent.startDay + Math.floor(rand() * 700);
        if (childStart >= opts.todayDay - 60) continue;
        const s: Skeleton = {
          name: label(child),
          kind: child.startsWith("Arbetsgrupp") ? "working_group" : "subnetwork",
          area,
          parentIndex,
          rate: intBetween(rand, 3, 8),
          startDay: childStart,
          endDay:
            parent.endDay ??
            (rand() < 0.15 ? childStart + Math.floor((opts.todayDay - childStart) * (0.3 + rand() * 0.6)) : null),
        };
        skeletons.push(s);
        expected += expect(s);
      }
      if (expected >= opts.meetings) break;
    }
  }
  return skeletons;
}

/** Splits `total` over weights by largest remainders (a network may get none when total is tiny). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const counts = raw.map((r) => Math.floor(r));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]?.i ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** `count` meeting dates spread over [startDay, endDay], on the network's weekday, never in July. */
function meetingDates(rand: () => number, count: number, startDay: number, endDay: number, weekday: number) {
  const step = (endDay - startDay) / count;
  const dates: string[] = [];
  let last = -1;
  for (let i = 0; i < count; i++) {
    let day = Math.floor(startDay + (i + 0.2 + rand() * 0.6) * step);
    // July is holiday: move to the first week of August.
    const month = new Date(day * DAY_MS).getUTCMonth();
    if (month === 6) day += 31 - new Date(day * DAY_MS).getUTCDate() + 1;
    day += (weekday - new Date(day * DAY_MS).getUTCDay() + 7) % 7;
    if (day <= last) day = last + 7;
    dates.push(isoDay(day));
    last = day;
  }
  return dates;
}

const PURPOSES = [
  "Nätverket samlar cheferna i kommunerna för erfarenhetsutbyte, gemensam utveckling och omvärldsbevakning inom {area}.",
  "Nätverket är ett forum för samverkan, jämförelser och gemensamma satsningar inom {area}.",
  "Gruppen bereder gemensamma frågor inom {area} och rapporterar till sitt huvudnätverk.",
];
const GUEST_TITLES = ["Förbundschef", "Utvecklingsledare", "Verksamhetsutvecklare", "Projektledare"];
const AREA_WORDS: Record<string, string> = {
  social: "individ- och familjeomsorgen",
  elderly: "vård och omsorg om äldre",
  culture: "kultur och fritid",
  environment: "miljö, hälsoskydd och klimat",
  school: "skola och utbildning",
  digital: "digitalisering och IT",
};

/** The world of a corpus: every network, person, membership and plan, and all meeting dates. */
export function planCorpus(options: CorpusOptions): CorpusPlan {
  if (!Number.isInteger(options.meetings) || options.meetings < 1)
    throw new Error("meetings must be a positive integer");
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? DEFAULT_TODAY;
  const rand = seededRandom(seed);
  const todayDay = dayNumber(today);
  // Larger archives reach further back, as a long-lived collaboration's would.
  const years = options.meetings <= 2_000 ? 6 : options.meetings <= 20_000 ? 12 : 16;
  const firstYear = Number(today.slice(0, 4)) - years + 1;
  const firstDay = dayNumber(`${firstYear}-01-10`);
  const skeletons = networkSkeletons(rand, { meetings: options.meetings, firstDay, todayDay });
  const horizon = (s: Skeleton) => s.endDay ?? todayDay + 150 + Math.floor(rand() * 60);
  const ends = skeletons.map(horizon);
  const counts = apportion(
    options.meetings,
    skeletons.map((s, i) => (s.rate * ((ends[i] ?? todayDay) - s.startDay)) / 365),
  );

  const factory = new PeopleFactory(rand);
  const coordinators: GenPerson[] = [];
  const networks: GenNetwork[] = [];
  const memberships: GenMembership[] = [];
  const representations: GenRepresentation[] = [];
  const plans: GenPlan[] = [];
  const themesByMeeting = new Map<number, GenTheme>();
  const usedNames = new Set<string>();
  let nextMeetingId = 1;
  let nextStandingId = 1;
  let nextThemeId = 1;

  for (const [index, s] of skeletons.entries()) {
    let name = s.name;
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${s.name} ${n}`;
    usedNames.add(name.toLowerCase());
    const count = counts[index] ?? 0;
    const endDay = ends[index] ?? todayDay;
    const dates = meetingDates(rand, count, s.startDay, endDay, pick(rand, [2, 3, 4, 5, 5, 5]));
    // Sub-networks and working groups gather some of the municipalities, at least three.
    const municipalities: string[] =
      s.kind === "network" ? [...MEMBER_MUNICIPALITIES] : MEMBER_MUNICIPALITIES.filter(() => rand() < 0.7);
    for (const m of MEMBER_MUNICIPALITIES)
      if (municipalities.length < 3 && !municipalities.includes(m)) municipalities.push(m);
    const standingTitles = ["Föregående anteckningar", "Läget i kommunerna"];
    if (s.kind === "network" && rand() < 0.5) standingTitles.push("Omvärldsbevakning");
    standingTitles.push("Övrigt");
    const network: GenNetwork = {
      id: index + 1,
      name,
      slug: `${slugify(name)}`,
      parentId: s.parentIndex === null ? null : s.parentIndex + 1,
      kind: s.kind,
      status: s.endDay === null ? "active" : rand() < 0.5 ? "closed" : "dormant",
      purpose: pick(rand, PURPOSES).replace("{area}", AREA_WORDS[s.area.key] ?? s.area.key),
      area: s.area,
      municipalities,
      standing: standingTitles.map((title, position) => ({
        id: nextStandingId++,
        position,
        title,
        kind: title === "Läget i kommunerna" ? "round" : "standing",
      })),
      dates,
      firstMeetingId: nextMeetingId,
      afternoon: rand() < 0.25,
      onlineFrom: rand() < 0.7 ? "2020-03-15" : "2099-01-01",
    };
    nextMeetingId += dates.length;
    networks.push(network);

    const firstDate = dates[0] ?? isoDay(s.startDay);
    const lastDay = s.endDay;
    const netMemberships = seatMemberships(rand, {
      network,
      factory,
      coordinators,
      from: addDays(firstDate, -30),
      lastDay,
      todayDay,
      firstMembershipId: memberships.length + 1,
    });
    memberships.push(...netMemberships);

    if (s.kind === "network" && rand() < 0.6) {
      const candidates = netMemberships.filter((m) => m.role !== "coordinator" && m.to === null);
      for (const body of shuffled(rand, OUTSIDE_BODIES).slice(0, intBetween(rand, 1, 2))) {
        const m = candidates.length > 0 ? pick(rand, candidates) : undefined;
        if (m?.municipality)
          representations.push({
            personId: m.personId,
            networkId: network.id,
            body,
            municipality: m.municipality,
            from: m.from,
          });
      }
    }

    if (s.kind !== "working_group") {
      const yearsActive = new Set(dates.map((d) => Number(d.slice(0, 4))));
      for (const year of yearsActive) {
        if (rand() > 0.8) continue;
        const planId = plans.length + 1;
        const yearMeetings = dates
          .map((d, i) => ({ d, id: network.firstMeetingId + i }))
          .filter((m) => m.d.startsWith(String(year)));
        const slots = shuffled(rand, yearMeetings.slice(1));
        const themes: GenTheme[] = shuffled(rand, s.area.themes)
          .slice(0, intBetween(rand, 2, 4))
          .map((title, position) => {
            const active = netMemberships.filter(
              (m) =>
                m.role !== "coordinator" && m.from <= `${year}-06-30` && (m.to === null || m.to >= `${year}-01-01`),
            );
            const owners = [
              ...new Set(
                shuffled(rand, active)
                  .slice(0, intBetween(rand, 2, 3))
                  .map((m) => m.personId),
              ),
            ];
            const slot = slots[position];
            const theme: GenTheme = {
              id: nextThemeId++,
              planId,
              position,
              title,
              description: `Temaområdet ${title.toLowerCase()} förbereds av ansvariga chefer och tas upp på ett möte under året.`,
              plannedMeetingId: slot ? slot.id : null,
              ownerIds: owners,
            };
            if (slot) themesByMeeting.set(slot.id, theme);
            return theme;
          });
        plans.push({
          id: planId,
          networkId: network.id,
          year,
          purpose: network.purpose,
          goals: `Under ${year} fokuserar nätverket på ${themes.map((t) => t.title.toLowerCase()).join(", ")}.`,
          organisation: `Nätverket träffas ${Math.max(1, Math.round(yearMeetings.length))} gånger under ${year}. Planeringsledaren kallar och skriver minnesanteckningar.`,
          themes,
        });
      }
    }
  }

  const guests = ORGANISATIONS.slice(1).flatMap((org) => GUEST_TITLES.map((title) => factory.create(org, title)));
  return {
    seed,
    today,
    firstYear,
    meetingCount: nextMeetingId - 1,
    organisations: ORGANISATIONS,
    people: factory.people,
    guests,
    networks,
    memberships,
    representations,
    plans,
    themesByMeeting,
  };
}

/** A tenure in years, mostly 2–5, now and then much longer. */
const tenureDays = (rand: () => number, meanYears: number) =>
  Math.floor(365 * Math.max(0.5, -Math.log(1 - rand()) * meanYears));

/**
 * The seats of a network over time: one per municipality (two for Helsingborg now and then) and
 * the coordinator's, each held by a sequence of people; chairs rotate every two years.
 */
function seatMemberships(
  rand: () => number,
  ctx: {
    network: GenNetwork;
    factory: PeopleFactory;
    coordinators: GenPerson[];
    from: string;
    lastDay: number | null;
    todayDay: number;
    firstMembershipId: number;
  },
): GenMembership[] {
  const { network, factory } = ctx;
  const out: GenMembership[] = [];
  const seats: (string | null)[] = [...network.municipalities];
  if (network.municipalities.includes("Helsingborg") && rand() < 0.5) seats.push("Helsingborg");
  seats.push(null); // the coordinator
  const startDay = dayNumber(ctx.from);
  const stopDay = ctx.lastDay;
  // Chair periods: every two years one or two seats (never the coordinator's), rotating.
  const chairSeats = new Map<number, [number, number][]>();
  const rotation = shuffled(
    rand,
    seats.map((_, i) => i).filter((i) => seats[i] !== null),
  );
  let r = 0;
  for (let day = startDay; day < (stopDay ?? ctx.todayDay + 365); day += 730) {
    const chairs = rand() < 0.6 ? 2 : 1;
    for (let c = 0; c < chairs; c++) {
      const seat = rotation[r++ % rotation.length] ?? 0;
      chairSeats.set(seat, [...(chairSeats.get(seat) ?? []), [day, day + 729]]);
    }
  }

  // Nobody holds two seats of one network, nor comes back to it.
  const seen = new Set<number>();
  for (const [seatIndex, municipality] of seats.entries()) {
    let day = startDay;
    let previous: number | null = null;
    while (stopDay === null ? day <= ctx.todayDay : day <= stopDay) {
      const isCoordinator = municipality === null;
      const person = isCoordinator
        ? coordinatorFor(rand, ctx.coordinators, factory, seen)
        : factory.forSeat(municipality, network.area, network.kind === "network" ? 0.25 : 0.5, seen);
      seen.add(person.id);
      const end = day + tenureDays(rand, isCoordinator ? 5 : 3.5);
      const last = stopDay !== null ? Math.min(end, stopDay) : end > ctx.todayDay ? null : end;
      // Split the tenure into member and chair segments.
      const cuts = new Set<number>([day]);
      for (const [a, b] of chairSeats.get(seatIndex) ?? []) {
        if (a > day && (last === null || a <= last)) cuts.add(a);
        if (b + 1 > day && (last === null || b + 1 <= last)) cuts.add(b + 1);
      }
      const starts = [...cuts].sort((a, b) => a - b);
      for (const [k, segStart] of starts.entries()) {
        const next = starts[k + 1];
        const segEnd = next !== undefined ? next - 1 : last;
        const chair = (chairSeats.get(seatIndex) ?? []).some(([a, b]) => segStart >= a && segStart <= b);
        const id = ctx.firstMembershipId + out.length;
        out.push({
          id,
          personId: person.id,
          networkId: network.id,
          role: isCoordinator ? "coordinator" : chair ? "chair" : "member",
          municipality,
          from: isoDay(segStart),
          to: segEnd === null ? null : isoDay(segEnd),
          replacesId: k === 0 ? previous : null,
          note: k === 0 && previous !== null ? "Ersätter tidigare representant." : "",
        });
      }
      previous = ctx.firstMembershipId + out.length - 1;
      if (last === null) break;
      day = last + 1;
      if (stopDay !== null && day > stopDay) break;
    }
  }
  return out;
}

/** Coordinators often serve several networks: reuse one half of the time. */
function coordinatorFor(
  rand: () => number,
  coordinators: GenPerson[],
  factory: PeopleFactory,
  exclude: Set<number>,
): GenPerson {
  if (coordinators.length > 0 && rand() < 0.5) {
    const found = pick(rand, coordinators);
    if (!exclude.has(found.id)) return found;
  }
  const person = factory.create(COORDINATOR_OFFICE, rand() < 0.6 ? "Planeringsledare" : "Samordnare");
  coordinators.push(person);
  return person;
}
