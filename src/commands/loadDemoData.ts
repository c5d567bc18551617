import { hashPassword } from "../auth/passwords.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { AttendanceStatus, MeetingState } from "../db/schema.js";
import {
  DEMO_ACCOUNTS,
  DEMO_NETWORKS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  type DemoMembership,
  type DemoNetwork,
} from "../demo/demo-data.js";
import { SYSTEM } from "../domain/permissions.js";
import { pick, seededRandom } from "../domain/random.js";
import { slugify } from "../domain/slug.js";

/** What the demo loader created. */
export type DemoSummary = {
  networks: number;
  people: number;
  meetings: number;
  decisions: number;
  actions: number;
  /** e-mail addresses of the demo accounts and what each may do; they share DEMO_PASSWORD */
  accounts: { email: string; what: string }[];
};

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const monthStart = (firstYear: number, [years, month]: [number, number]) => iso(firstYear + years, month, 1);

/** Fridays spread over a year's working months, skipping July. */
function meetingDates(year: number, count: number, rand: () => number): string[] {
  const months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];
  const step = months.length / count;
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    const month = months[Math.min(months.length - 1, Math.floor(i * step))] ?? 1;
    const day = 8 + Math.floor(rand() * 14);
    const d = new Date(Date.UTC(year, month - 1, day));
    d.setUTCDate(d.getUTCDate() + ((5 - d.getUTCDay() + 7) % 7)); // to the next Friday
    dates.push(d.toISOString().slice(0, 10));
  }
  return dates;
}

function isMemberOn(m: DemoMembership, firstYear: number, date: string): boolean {
  const from = monthStart(firstYear, m.from);
  const to = m.to ? monthStart(firstYear, m.to) : null;
  return from <= date && (to === null || date < to);
}

/**
 * Loads the fictional demo: networks, people with turnover, two years of meetings with
 * attendance, minutes, decisions, actions and postponed items, and a few coming meetings.
 * Dates are relative to `today`, so the demo always has a past and a future.
 */
export async function loadDemoData(tx: Tx, opts: { today: string }): Promise<DemoSummary> {
  const rand = seededRandom(20_190_906);
  const thisYear = Number(opts.today.slice(0, 4));
  const firstYear = thisYear - 1;

  await tx
    .insertInto("municipalities")
    .values({ name: "Familjen Helsingborg", kind: "organisation" })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const municipalities = new Map(
    (await tx.selectFrom("municipalities").select(["id", "name"]).execute()).map((m) => [m.name, m.id]),
  );

  const people = new Map<string, { id: number; name: string; municipalityId: number | null; title: string }>();
  for (const p of DEMO_PEOPLE) {
    const municipalityId = municipalities.get(p.municipality) ?? null;
    const row = await tx
      .insertInto("people")
      .values({ name: p.name, email: p.email, title: p.title, municipality_id: municipalityId })
      .returning("id")
      .executeTakeFirstOrThrow();
    people.set(p.key, { id: row.id, name: p.name, municipalityId, title: p.title });
  }
  const personOf = (key: string) => {
    const p = people.get(key);
    if (!p) throw new Error(`demo person ${key} is missing`);
    return p;
  };

  const networkIds = new Map<string, number>();
  const summary: DemoSummary = {
    networks: 0,
    people: people.size,
    meetings: 0,
    decisions: 0,
    actions: 0,
    accounts: [],
  };
  for (const account of DEMO_ACCOUNTS) {
    const demo = DEMO_PEOPLE.find((p) => p.key === account.person);
    if (!demo) throw new Error(`demo person ${account.person} is missing`);
    await tx
      .insertInto("users")
      .values({
        email: demo.email,
        person_id: personOf(account.person).id,
        is_admin: account.admin,
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .execute();
    summary.accounts.push({ email: demo.email, what: account.what });
  }

  for (const net of DEMO_NETWORKS) {
    const parentId = net.parent ? (networkIds.get(net.parent) ?? null) : null;
    const { id: networkId } = await tx
      .insertInto("networks")
      .values({
        name: net.name,
        slug: slugify(net.name),
        kind: net.kind,
        parent_id: parentId,
        purpose: net.purpose,
        publish_minutes: net.publishMinutes ?? false,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    networkIds.set(net.key, networkId);
    summary.networks++;

    for (const [position, title] of net.standing.entries()) {
      await tx
        .insertInto("standing_items")
        .values({
          network_id: networkId,
          position,
          title,
          kind: title === "Läget i kommunerna" ? "round" : "standing",
        })
        .execute();
    }
    for (const m of net.members) {
      const p = personOf(m.person);
      await tx
        .insertInto("memberships")
        .values({
          person_id: p.id,
          network_id: networkId,
          role: m.role,
          municipality_id: m.role === "coordinator" ? null : p.municipalityId,
          from_date: monthStart(firstYear, m.from),
          to_date: m.to ? monthStart(firstYear, m.to) : null,
        })
        .execute();
    }
    for (const r of net.representations ?? []) {
      const p = personOf(r.person);
      await tx
        .insertInto("representations")
        .values({
          person_id: p.id,
          network_id: networkId,
          body: r.body,
          municipality_id: p.municipalityId,
          from_date: iso(firstYear, 1, 1),
        })
        .execute();
    }
    const counts = await loadMeetings(tx, { net, networkId, firstYear, today: opts.today, rand, personOf });
    summary.meetings += counts.meetings;
    summary.decisions += counts.decisions;
    summary.actions += counts.actions;
    if (net.plan) await loadPlan(tx, { plan: net.plan, purpose: net.purpose, networkId, personOf });
  }

  await loadDemoPoll(tx, { networkId: networkIds.get("kf"), today: opts.today, personOf });

  await recordAudit(tx, {
    actor: SYSTEM,
    action: "demo.load",
    objectType: "database",
    objectId: null,
    after: summary,
  });
  return summary;
}

type PersonRef = { id: number; name: string; municipalityId: number | null; title: string };

/**
 * A demo network's plan for the year of its next meeting (late in the year that is next year's);
 * its first themes are planned for the coming meetings in turn.
 */
async function loadPlan(
  tx: Tx,
  opts: {
    plan: NonNullable<DemoNetwork["plan"]>;
    purpose: string;
    networkId: number;
    personOf: (key: string) => PersonRef;
  },
) {
  const coming = await tx
    .selectFrom("meetings")
    .select(["id", "date"])
    .where("network_id", "=", opts.networkId)
    .where("state", "in", ["planned", "notice_sent"])
    .orderBy("date")
    .execute();
  const year = Number((coming[0]?.date ?? "").slice(0, 4)) || new Date().getFullYear();
  const plan = await tx
    .insertInto("plans")
    .values({
      network_id: opts.networkId,
      year,
      purpose: opts.purpose,
      goals: opts.plan.goals,
      organisation: opts.plan.organisation,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [position, theme] of opts.plan.themes.entries()) {
    const row = await tx
      .insertInto("themes")
      .values({
        plan_id: plan.id,
        position,
        title: theme.title,
        description: theme.description,
        planned_meeting_id: coming[position]?.date.startsWith(String(year)) ? (coming[position]?.id ?? null) : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("theme_owners")
      .values(theme.owners.map((key) => ({ theme_id: row.id, person_id: opts.personOf(key).id })))
      .execute();
  }
}

async function loadMeetings(
  tx: Tx,
  ctx: {
    net: DemoNetwork;
    networkId: number;
    firstYear: number;
    today: string;
    rand: () => number;
    personOf: (key: string) => PersonRef;
  },
): Promise<{ meetings: number; decisions: number; actions: number }> {
  const { net, networkId, firstYear, today, rand, personOf } = ctx;
  const dates = [
    ...meetingDates(firstYear, net.meetingsPerYear, rand),
    ...meetingDates(firstYear + 1, net.meetingsPerYear, rand),
    ...meetingDates(firstYear + 2, 2, rand),
  ];
  const pastDates = dates.filter((d) => d <= today);
  const lastPast = pastDates.at(-1);
  const firstUpcoming = dates.find((d) => d > today);
  const decisionNumbers = new Map<number, number>();
  let carried: { id: number; title: string; notes: string } | null = null;
  let topicIndex = Math.floor(rand() * net.topics.length);
  const counts = { meetings: 0, decisions: 0, actions: 0 };
  const standing = await tx
    .selectFrom("standing_items")
    .select(["id", "title", "kind"])
    .where("network_id", "=", networkId)
    .orderBy("position")
    .execute();

  for (const [index, date] of dates.entries()) {
    const past = date <= today;
    const nextDate = dates[index + 1] ?? null;
    let state: MeetingState = past ? "approved" : date === firstUpcoming ? "notice_sent" : "planned";
    if (past && date === lastPast && net.key === "kf") state = "minutes_draft";
    const cancelled = past && index === 3 && net.key === "mi";
    if (cancelled) state = "cancelled";
    const afternoon = rand() < 0.3;
    const coordinator = net.members.find((m) => m.role === "coordinator");
    const noteTaker = coordinator ? personOf(coordinator.person) : null;
    const meeting = await tx
      .insertInto("meetings")
      .values({
        network_id: networkId,
        date,
        state,
        start_time: afternoon ? "13:00" : "09:00",
        end_time: afternoon ? "15:30" : "12:00",
        location: net.location,
        online_url: net.location === "Teamsmöte" ? "https://teams.exempel.se/mote/demo" : null,
        note_taker_id: past && !cancelled ? (noteTaker?.id ?? null) : null,
        approved_at: state === "approved" ? new Date(`${date}T15:00:00Z`) : null,
        approved_by: state === "approved" ? personOf(net.members[0]?.person ?? "").id : null,
        notice_sent_at: state !== "planned" ? new Date(`${date}T08:00:00Z`) : null,
        cancelled_reason: cancelled ? "För få anmälda" : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.meetings++;
    if (cancelled) continue;

    // Attendance: members on that date, a few absent or excused; the coordinator as a guest.
    const current = net.members.filter((m) => isMemberOn(m, firstYear, date));
    const present: PersonRef[] = [];
    for (const [position, m] of current.entries()) {
      const p = personOf(m.person);
      // Chairs rarely miss a meeting; other members now and then.
      const roll = m.role === "chair" ? rand() + 0.15 : rand();
      let status: AttendanceStatus =
        m.role === "coordinator" ? "guest" : roll < 0.12 ? "absent" : roll < 0.2 ? "excused" : "present";
      if (!past) status = m.role === "coordinator" ? "guest" : "present";
      if (!past && m.role !== "coordinator") continue; // upcoming meetings: attendance is taken on the day
      if (status === "present" || status === "guest") present.push(p);
      await tx
        .insertInto("attendance")
        .values({
          meeting_id: meeting.id,
          person_id: p.id,
          status,
          municipality_id: m.role === "coordinator" ? null : p.municipalityId,
          role_text: m.role === "coordinator" ? `${p.title} ${net.name}` : null,
          is_chair: m.role === "chair",
          position,
        })
        .execute();
    }

    // Agenda: standing items, the item postponed last time, then two topics.
    let position = 0;
    const addItem = async (values: {
      title: string;
      notes: string;
      kind: "standing" | "item" | "round";
      postponed?: boolean;
      carriedFrom?: number | null;
      standingId?: number | null;
    }) =>
      tx
        .insertInto("agenda_items")
        .values({
          meeting_id: meeting.id,
          position: position++,
          kind: values.kind,
          title: values.title,
          notes: past ? values.notes : "",
          postponed: values.postponed ?? false,
          carried_from_item_id: values.carriedFrom ?? null,
          standing_item_id: values.standingId ?? null,
          duration_minutes: values.kind === "item" ? 30 : 15,
        })
        .returning("id")
        .executeTakeFirstOrThrow();

    const opening = standing.filter((s) => s.title !== "Övrigt");
    for (const s of opening) {
      const notes =
        s.title === "Föregående anteckningar"
          ? "Anteckningarna från föregående möte lades till handlingarna."
          : s.kind === "round"
            ? "Varje kommun berättade kort om läget."
            : "";
      const item = await addItem({
        title: s.title,
        notes,
        kind: s.kind === "round" ? "round" : "standing",
        standingId: s.id,
      });
      if (past && s.kind === "round") {
        for (const p of present.slice(0, 3)) {
          if (!p.municipalityId) continue;
          await tx
            .insertInto("round_notes")
            .values({
              item_id: item.id,
              municipality_id: p.municipalityId,
              notes: `Läget i ${p.name.split(" ")[0]}s kommun är stabilt; rekrytering pågår.`,
            })
            .onConflict((oc) => oc.columns(["item_id", "municipality_id"]).doNothing())
            .execute();
        }
      }
    }
    if (carried) {
      await addItem({ title: carried.title, notes: carried.notes, kind: "item", carriedFrom: carried.id });
      carried = null;
    }
    for (let t = 0; t < 2; t++) {
      const topic = net.topics[topicIndex % net.topics.length];
      topicIndex++;
      if (!topic) continue;
      const postpone = past && rand() < 0.2;
      const raiser = rand() < 0.4 && present.length > 0 ? pick(rand, present) : null;
      const notes = postpone ? `${topic.notes}\n\nPunkten hanns inte med och flyttas till nästa möte.` : topic.notes;
      const item = await addItem({
        title: topic.title,
        notes: raiser ? `Ärende från ${raiser.name}.\n\n${notes}` : notes,
        kind: "item",
        postponed: postpone,
      });
      if (raiser)
        await tx
          .insertInto("item_raisers")
          .values({ item_id: item.id, person_id: raiser.id, name: raiser.name })
          .execute();
      if (postpone) {
        carried = { id: item.id, title: topic.title, notes: topic.notes };
        continue;
      }
      if (!past) continue;
      const year = Number(date.slice(0, 4));
      if (topic.decision) {
        const number = (decisionNumbers.get(year) ?? 0) + 1;
        decisionNumbers.set(year, number);
        await tx
          .insertInto("decisions")
          .values({
            network_id: networkId,
            meeting_id: meeting.id,
            item_id: item.id,
            year,
            number,
            text: topic.decision,
          })
          .execute();
        counts.decisions++;
      }
      if (topic.action && present.length > 0) {
        const assignee = pick(rand, present);
        const due = nextDate;
        const done = due !== null && due < today && rand() < 0.7;
        const action = await tx
          .insertInto("actions")
          .values({
            network_id: networkId,
            item_id: item.id,
            opened_meeting_id: meeting.id,
            text: `${assignee.name.split(" ")[0]} ${topic.action}.`,
            due_date: due,
            status: done ? "done" : "open",
            closed_at: done && due ? new Date(`${due}T12:00:00Z`) : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await tx
          .insertInto("action_assignees")
          .values({ action_id: action.id, person_id: assignee.id, name: assignee.name })
          .execute();
        counts.actions++;
      }
    }
    const closing = standing.find((s) => s.title === "Övrigt");
    if (closing)
      await addItem({
        title: closing.title,
        notes: past ? "Inga övriga frågor." : "",
        kind: "standing",
        standingId: closing.id,
      });
  }
  return counts;
}

/**
 * An open date poll in the culture network for next spring's meetings: four Fridays a few weeks
 * ahead, answered by three members (the chair has not answered yet, so her start page asks her).
 */
async function loadDemoPoll(
  tx: Tx,
  ctx: { networkId: number | undefined; today: string; personOf: (key: string) => PersonRef },
): Promise<void> {
  if (ctx.networkId === undefined) return;
  const fridays: string[] = [];
  const d = new Date(`${ctx.today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 35 + ((5 - d.getUTCDay() + 7) % 7));
  for (let i = 0; i < 4; i++) {
    fridays.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 14);
  }
  const poll = await tx
    .insertInto("date_polls")
    .values({
      network_id: ctx.networkId,
      title: "Extra möte om kulturkortet",
      description: "Vi behöver ett extra möte om det gemensamma kulturkortet. Svara för varje datum.",
      location: "Stadshuset i Höganäs, sal Kajen",
      default_start_time: "09:00",
      default_end_time: "12:00",
      created_by: ctx.personOf("tg").id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const options = await tx
    .insertInto("date_poll_options")
    .values(fridays.map((date) => ({ poll_id: poll.id, date })))
    .returning("id")
    .execute();
  const answers: [string, ("yes" | "maybe" | "no")[]][] = [
    ["jh", ["yes", "no", "yes", "maybe"]],
    ["mf", ["yes", "yes", "maybe", "no"]],
    ["rl", ["no", "yes", "yes", "yes"]],
  ];
  for (const [key, list] of answers) {
    await tx
      .insertInto("date_poll_answers")
      .values(options.map((o, i) => ({ option_id: o.id, person_id: ctx.personOf(key).id, answer: list[i] ?? "no" })))
      .execute();
  }
}
