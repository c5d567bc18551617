// The corpus generator's meetings: attendance, agenda items with Swedish notes, decisions,
// assignments and postponed items, streamed network by network so 100,000 meetings never need to
// be in memory at once. Each network has its own seeded stream, so the output is deterministic.
import type { ActionStatus, AttendanceStatus, ItemKind, MeetingState } from "../db/schema.js";
import { pick, seededRandom } from "../domain/random.js";
import {
  addDays,
  type CorpusPlan,
  dayNumber,
  type GenMembership,
  type GenNetwork,
  type GenPerson,
  intBetween,
  mixSeed,
  shuffled,
} from "./generator.js";
import {
  actionText,
  decisionText,
  POSTPONED_PHRASES,
  paragraph,
  roundNote,
  sentence,
  type TextContext,
} from "./generator-text.js";
import { CANCEL_REASONS, GENERAL_TOPICS, LOCATIONS, ONLINE_LOCATIONS } from "./generator-words.js";

/** One line of a meeting's attendance. */
export type GenAttendance = {
  personId: number;
  name: string;
  status: AttendanceStatus;
  municipality: string | null;
  roleText: string | null;
  isChair: boolean;
};

/** A decision under an item, numbered per network and year. */
export type GenDecision = { id: number; year: number; number: number; text: string };

/** An assignment under an item, followed until the next meeting. */
export type GenAction = {
  id: number;
  text: string;
  dueDate: string | null;
  status: ActionStatus;
  closedAt: string | null;
  closedMeetingId: number | null;
  assignees: { personId: number; name: string }[];
};

/** An agenda item with its notes and what came out of it. */
export type GenItem = {
  id: number;
  position: number;
  kind: ItemKind;
  title: string;
  notes: string;
  presenterId: number | null;
  durationMinutes: number;
  postponed: boolean;
  carriedFrom: { meetingId: number; itemId: number } | null;
  themeId: number | null;
  standingItemId: number | null;
  raisers: { personId: number; name: string }[];
  roundNotes: { municipality: string; notes: string }[];
  decisions: GenDecision[];
  actions: GenAction[];
};

/** A generated meeting, ready to be stored or written out as minutes. */
export type GenMeeting = {
  id: number;
  networkId: number;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineUrl: string | null;
  state: MeetingState;
  noteTakerId: number | null;
  approvedAt: string | null;
  approvedById: number | null;
  noticeSentAt: string | null;
  cancelledReason: string | null;
  attendance: GenAttendance[];
  items: GenItem[];
};

const TIMES: [string, string][] = [
  ["09:00", "12:00"],
  ["09:00", "12:00"],
  ["09:00", "12:00"],
  ["09:30", "11:00"],
  ["08:30", "11:30"],
  ["10:00", "12:00"],
];
const AFTERNOON_TIMES: [string, string][] = [
  ["13:00", "15:30"],
  ["13:00", "16:00"],
  ["13:30", "15:00"],
];

const PREVIOUS_NOTES = [
  "Till handlingarna.",
  "Läggs till handlingarna.",
  "Anteckningarna från föregående möte godkändes.",
];

/** Ids handed out while streaming; the stream is consumed in order, so they are deterministic. */
type Counters = { item: number; decision: number; action: number };

/** Streams every meeting of the plan in network order (ids ascending). */
export function* generateMeetings(plan: CorpusPlan): Generator<GenMeeting> {
  const byNetwork = new Map<number, GenMembership[]>();
  for (const m of plan.memberships) {
    const list = byNetwork.get(m.networkId);
    if (list) list.push(m);
    else byNetwork.set(m.networkId, [m]);
  }
  const counters: Counters = { item: 1, decision: 1, action: 1 };
  for (const network of plan.networks) {
    yield* networkMeetings(plan, network, byNetwork.get(network.id) ?? [], counters);
  }
}

function* networkMeetings(
  plan: CorpusPlan,
  network: GenNetwork,
  memberships: GenMembership[],
  counters: Counters,
): Generator<GenMeeting> {
  const rand = seededRandom(mixSeed(plan.seed, network.id));
  const personOf = (id: number): GenPerson => {
    const p = plan.people[id - 1];
    if (!p) throw new Error(`generated person ${id} is missing`);
    return p;
  };
  const todayDay = dayNumber(plan.today);
  const lastPast = network.dates.filter((d) => d <= plan.today).at(-1);
  const firstFuture = network.dates.find((d) => d > plan.today);
  const decisionNumbers = new Map<number, number>();
  let carried: { meetingId: number; item: GenItem }[] = [];

  for (const [index, date] of network.dates.entries()) {
    const id = network.firstMeetingId + index;
    const year = Number(date.slice(0, 4));
    const past = date <= plan.today;
    const nextDate = network.dates[index + 1] ?? null;
    const nextId = nextDate ? id + 1 : null;
    let state: MeetingState = past ? "approved" : date === firstFuture ? "notice_sent" : "planned";
    if (past && date === lastPast && todayDay - dayNumber(date) < 45) state = rand() < 0.5 ? "minutes_draft" : "held";
    if (past && index > 0 && rand() < 0.02) state = "cancelled";
    const [startTime, endTime] = pick(rand, network.afternoon && rand() < 0.8 ? AFTERNOON_TIMES : TIMES);
    const onlineShare = date < network.onlineFrom ? 0.03 : year <= 2021 ? 0.75 : 0.35;
    const online = rand() < onlineShare;
    const location = online ? pick(rand, ONLINE_LOCATIONS) : pick(rand, LOCATIONS);
    const active = memberships.filter((m) => m.from <= date && (m.to === null || m.to >= date));
    const coordinator = active.find((m) => m.role === "coordinator");

    const meeting: GenMeeting = {
      id,
      networkId: network.id,
      date,
      startTime,
      endTime,
      location,
      onlineUrl: online ? `https://mote.exempel.se/${network.slug}/${date}` : null,
      state,
      noteTakerId: null,
      approvedAt: null,
      approvedById: null,
      noticeSentAt: state === "planned" ? null : `${addDays(date, -10)}T08:00:00Z`,
      cancelledReason: state === "cancelled" ? pick(rand, CANCEL_REASONS) : null,
      attendance: [],
      items: [],
    };
    if (state === "cancelled") {
      yield meeting;
      continue;
    }

    // Attendance is taken on the day: upcoming meetings have none yet.
    if (past) meeting.attendance = takeAttendance(rand, plan, network, active, personOf);
    const present = meeting.attendance.filter((a) => a.status === "present");
    const ctx: TextContext = {
      rand,
      area: network.area,
      year,
      municipalities: [...new Set(present.map((a) => a.municipality).filter((m): m is string => m !== null))],
      people: present.map((a) => a.name),
    };
    if (past && coordinator) meeting.noteTakerId = coordinator.personId;
    if (state === "approved") {
      const chair = present.find((a) => a.isChair) ?? present[0];
      meeting.approvedAt = `${addDays(date, 14)}T09:00:00Z`;
      meeting.approvedById = chair?.personId ?? null;
    }

    const items: GenItem[] = [];
    const newItem = (values: Partial<GenItem> & { kind: ItemKind; title: string }): GenItem => {
      const item: GenItem = {
        id: counters.item++,
        position: items.length,
        notes: "",
        presenterId: null,
        durationMinutes: values.kind === "item" || values.kind === "theme" ? 5 * intBetween(rand, 4, 12) : 15,
        postponed: false,
        carriedFrom: null,
        themeId: null,
        standingItemId: null,
        raisers: [],
        roundNotes: [],
        decisions: [],
        actions: [],
        ...values,
      };
      items.push(item);
      return item;
    };

    const closing = network.standing.find((s) => s.title === "Övrigt");
    for (const s of network.standing) {
      if (s === closing) continue;
      const item = newItem({ kind: s.kind === "round" ? "round" : "standing", title: s.title, standingItemId: s.id });
      if (!past) continue;
      if (s.title === "Föregående anteckningar") item.notes = pick(rand, PREVIOUS_NOTES);
      else if (s.kind === "round") {
        item.notes = "Dialog kring dagsläget i kommunerna.";
        item.roundNotes = shuffled(rand, ctx.municipalities)
          .slice(0, intBetween(rand, 2, 6))
          .map((municipality) => ({ municipality, notes: roundNote(ctx) }));
      } else item.notes = paragraph(ctx);
    }

    // Items postponed last time come first among the topics.
    const stillCarried: typeof carried = [];
    for (const c of carried) {
      const item = newItem({
        kind: "item",
        title: c.item.title,
        carriedFrom: { meetingId: c.meetingId, itemId: c.item.id },
      });
      if (past)
        fillTopic(rand, ctx, item, {
          meeting,
          present,
          nextDate,
          nextId,
          decisionNumbers,
          counters,
          coordinator: coordinator ? personOf(coordinator.personId) : null,
          today: plan.today,
        });
      if (item.postponed) stillCarried.push({ meetingId: id, item });
    }
    carried = stillCarried;

    const theme = plan.themesByMeeting.get(id);
    if (theme) {
      const item = newItem({ kind: "theme", title: `Temaområde – ${theme.title}`, themeId: theme.id });
      if (past) {
        const owners = theme.ownerIds.map((o) => personOf(o).name);
        item.notes = [
          owners.length > 1
            ? `${owners.slice(0, -1).join(", ")} och ${owners.at(-1)} introducerar temaområdet.`
            : `${owners[0] ?? "Ordföranden"} introducerar temaområdet.`,
          paragraph(ctx),
          paragraph(ctx),
        ].join("\n\n");
      }
    }

    const titles = new Set(items.map((i) => i.title));
    const topicCount = past ? intBetween(rand, 2, 5) : intBetween(rand, 2, 3);
    for (let t = 0; t < topicCount; t++) {
      const general = rand() < 0.15;
      const title = general
        ? pick(rand, GENERAL_TOPICS)
            .replace("{year}", String(year))
            .replace("{next}", String(year + 1))
        : pick(rand, network.area.topics);
      if (titles.has(title)) continue;
      titles.add(title);
      const item = newItem({ kind: "item", title });
      if (!past) continue;
      fillTopic(rand, ctx, item, {
        meeting,
        present,
        nextDate,
        nextId,
        decisionNumbers,
        counters,
        coordinator: coordinator ? personOf(coordinator.personId) : null,
        today: plan.today,
      });
      if (item.postponed) carried.push({ meetingId: id, item });
    }

    if (closing) {
      const item = newItem({ kind: "standing", title: closing.title, standingItemId: closing.id });
      if (past) item.notes = rand() < 0.5 ? "Inga övriga frågor." : paragraph(ctx);
    }
    meeting.items = items;
    yield meeting;
  }
}

/** Members on the day, most present; the coordinator and now and then a visitor as guests. */
function takeAttendance(
  rand: () => number,
  plan: CorpusPlan,
  network: GenNetwork,
  active: GenMembership[],
  personOf: (id: number) => GenPerson,
): GenAttendance[] {
  const out: GenAttendance[] = [];
  const seen = new Set<number>();
  for (const m of active) {
    if (m.role === "coordinator" || seen.has(m.personId)) continue;
    seen.add(m.personId);
    const roll = m.role === "chair" ? rand() + 0.12 : rand();
    const status: AttendanceStatus = roll < 0.12 ? "absent" : roll < 0.22 ? "excused" : "present";
    out.push({
      personId: m.personId,
      name: personOf(m.personId).name,
      status,
      municipality: m.municipality,
      roleText: null,
      isChair: m.role === "chair",
    });
  }
  for (const m of active) {
    if (m.role !== "coordinator" || seen.has(m.personId)) continue;
    seen.add(m.personId);
    const p = personOf(m.personId);
    out.push({
      personId: p.id,
      name: p.name,
      status: "guest",
      municipality: null,
      roleText: `${p.title} ${network.name}`,
      isChair: false,
    });
  }
  if (rand() < 0.15 && plan.guests.length > 0) {
    const g = pick(rand, plan.guests);
    if (!seen.has(g.id))
      out.push({
        personId: g.id,
        name: g.name,
        status: "guest",
        municipality: g.municipality,
        roleText: `${g.title} ${g.municipality}`,
        isChair: false,
      });
  }
  return out;
}

/** Notes, and now and then a raiser, a postponement, decisions and assignments, for a held topic. */
function fillTopic(
  rand: () => number,
  ctx: TextContext,
  item: GenItem,
  m: {
    meeting: GenMeeting;
    present: GenAttendance[];
    nextDate: string | null;
    nextId: number | null;
    decisionNumbers: Map<number, number>;
    counters: Counters;
    coordinator: GenPerson | null;
    today: string;
  },
): void {
  const paragraphs: string[] = [];
  if (rand() < 0.25 && m.present.length > 0) {
    const raiser = pick(rand, m.present);
    item.raisers = [{ personId: raiser.personId, name: raiser.name }];
    paragraphs.push(`Ärende från ${raiser.name}: ${sentence(ctx).replace(/^./, (c) => c.toLowerCase())}`);
  }
  if (rand() < 0.15 && m.present.length > 0) item.presenterId = pick(rand, m.present).personId;
  const count = intBetween(rand, 1, 3);
  for (let i = 0; i < count; i++) paragraphs.push(paragraph(ctx));
  if (rand() < 0.07) {
    item.postponed = true;
    paragraphs.push(pick(rand, POSTPONED_PHRASES));
    item.notes = paragraphs.join("\n\n");
    return;
  }
  const year = Number(m.meeting.date.slice(0, 4));
  const decisions = rand() < 0.3 ? (rand() < 0.15 ? 2 : 1) : 0;
  for (let d = 0; d < decisions; d++) {
    const number = (m.decisionNumbers.get(year) ?? 0) + 1;
    m.decisionNumbers.set(year, number);
    const text =
      item.title.startsWith("Verksamhetsplan") && d === 0
        ? `att anta verksamhetsplanen för ${year}`
        : decisionText(ctx);
    item.decisions.push({ id: m.counters.decision++, year, number, text });
  }
  if (rand() < 0.25) {
    const people: { personId: number; name: string }[] = [];
    if (m.coordinator && rand() < 0.35) people.push({ personId: m.coordinator.id, name: m.coordinator.name });
    else if (m.present.length > 0) people.push(pick(rand, m.present));
    if (rand() < 0.15 && m.present.length > 1) {
      const other = pick(rand, m.present);
      if (!people.some((p) => p.personId === other.personId)) people.push(other);
    }
    if (people.length > 0) {
      const text = actionText(
        ctx,
        people.map((p) => p.name),
      );
      const due = m.nextDate;
      const roll = rand();
      // Assignments due before the corpus's today were mostly done at the next meeting.
      const duePassed = due !== null && due <= m.today;
      const status: ActionStatus = duePassed ? (roll < 0.72 ? "done" : roll < 0.77 ? "cancelled" : "open") : "open";
      item.actions.push({
        id: m.counters.action++,
        text,
        dueDate: due,
        status,
        closedAt: status === "done" && due ? `${due}T12:00:00Z` : null,
        closedMeetingId: status === "done" ? m.nextId : null,
        assignees: people.map((p) => ({ personId: p.personId, name: p.name })),
      });
      paragraphs.push(text);
    }
  }
  item.notes = paragraphs.join("\n\n");
}
