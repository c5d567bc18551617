import type { Tx } from "../src/db/client.js";
import type { MembershipRole } from "../src/db/schema.js";
import { slugify } from "../src/domain/slug.js";

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

/** A network with a unique name; override any column. */
export async function buildNetwork(tx: Tx, overrides: { name?: string; parentId?: number; purpose?: string } = {}) {
  const name = overrides.name ?? `Testnätverket ${unique()}`;
  const slug = slugify(name);
  return tx
    .insertInto("networks")
    .values({ name, slug, parent_id: overrides.parentId ?? null, purpose: overrides.purpose ?? "" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A person, optionally in a municipality by name. */
export async function buildPerson(tx: Tx, overrides: { name?: string; municipality?: string; email?: string } = {}) {
  const municipality = overrides.municipality
    ? await tx
        .selectFrom("municipalities")
        .select("id")
        .where("name", "=", overrides.municipality)
        .executeTakeFirstOrThrow()
    : null;
  return tx
    .insertInto("people")
    .values({
      name: overrides.name ?? `Testa Person ${unique()}`,
      email: overrides.email ?? null,
      municipality_id: municipality?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A membership of a person in a network. */
export async function buildMembership(
  tx: Tx,
  opts: {
    personId: number;
    networkId: number;
    role?: MembershipRole;
    fromDate?: string;
    toDate?: string | null;
  },
) {
  return tx
    .insertInto("memberships")
    .values({
      person_id: opts.personId,
      network_id: opts.networkId,
      role: opts.role ?? "member",
      from_date: opts.fromDate ?? "2020-01-01",
      to_date: opts.toDate ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A meeting of a network (builds the network when none is given). */
export async function buildMeeting(
  tx: Tx,
  overrides: {
    networkId?: number;
    date?: string;
    state?: "planned" | "notice_sent" | "held" | "minutes_draft" | "approved" | "cancelled";
    startTime?: string;
    endTime?: string;
  } = {},
) {
  const networkId = overrides.networkId ?? (await buildNetwork(tx)).id;
  return tx
    .insertInto("meetings")
    .values({
      network_id: networkId,
      date: overrides.date ?? "2024-05-17",
      state: overrides.state ?? "planned",
      start_time: overrides.startTime ?? null,
      end_time: overrides.endTime ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user account, optionally linked to a person and admin. */
export async function buildUser(tx: Tx, overrides: { personId?: number; email?: string; isAdmin?: boolean } = {}) {
  return tx
    .insertInto("users")
    .values({
      email: overrides.email ?? `user-${unique()}@exempel.se`,
      person_id: overrides.personId ?? null,
      is_admin: overrides.isAdmin ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user who signs in with a password, linked to a new person; optionally admin or disabled. */
export async function buildUserWithPassword(
  tx: Tx,
  opts: { email?: string; password: string; isAdmin?: boolean; personName?: string; disabled?: boolean },
) {
  const { hashPassword } = await import("../src/auth/passwords.js");
  const email = opts.email ?? `user-${unique()}@exempel.se`;
  const person = await buildPerson(tx, { email, ...(opts.personName ? { name: opts.personName } : {}) });
  return tx
    .insertInto("users")
    .values({
      email,
      person_id: person.id,
      is_admin: opts.isAdmin ?? false,
      password_hash: await hashPassword(opts.password),
      disabled_at: opts.disabled ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An agenda item at the end of a meeting's agenda. */
export async function buildAgendaItem(
  tx: Tx,
  opts: {
    meetingId: number;
    title?: string;
    kind?: "standing" | "item" | "theme" | "information" | "round";
    postponed?: boolean;
    notes?: string;
    standingItemId?: number;
  },
) {
  const max = await tx
    .selectFrom("agenda_items")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("meeting_id", "=", opts.meetingId)
    .executeTakeFirst();
  return tx
    .insertInto("agenda_items")
    .values({
      meeting_id: opts.meetingId,
      position: (max?.max ?? -1) + 1,
      title: opts.title ?? `Punkt ${unique()}`,
      kind: opts.kind ?? "item",
      postponed: opts.postponed ?? false,
      notes: opts.notes ?? "",
      standing_item_id: opts.standingItemId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A standing item of a network. */
export async function buildStandingItem(
  tx: Tx,
  opts: { networkId: number; title: string; position: number; kind?: "standing" | "round" | "information" },
) {
  return tx
    .insertInto("standing_items")
    .values({ network_id: opts.networkId, title: opts.title, position: opts.position, kind: opts.kind ?? "standing" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An open action of a network with its assignees. */
export async function buildAction(
  tx: Tx,
  opts: { networkId: number; text?: string; dueDate?: string | null; assigneeIds?: number[]; meetingId?: number },
) {
  const action = await tx
    .insertInto("actions")
    .values({
      network_id: opts.networkId,
      text: opts.text ?? `Uppdrag ${unique()}`,
      due_date: opts.dueDate ?? null,
      opened_meeting_id: opts.meetingId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const personId of opts.assigneeIds ?? []) {
    const p = await tx.selectFrom("people").select("name").where("id", "=", personId).executeTakeFirstOrThrow();
    await tx
      .insertInto("action_assignees")
      .values({ action_id: action.id, person_id: personId, name: p.name })
      .execute();
  }
  return action;
}

/** A theme of a network's yearly plan, planned for a meeting, with owners. */
export async function buildTheme(
  tx: Tx,
  opts: { networkId: number; title: string; plannedMeetingId: number; ownerIds?: number[]; year?: number },
) {
  // One plan per network and year: a second theme joins the first one's plan.
  const plan = await tx
    .insertInto("plans")
    .values({ network_id: opts.networkId, year: opts.year ?? 2024 })
    .onConflict((oc) => oc.columns(["network_id", "year"]).doUpdateSet({ year: opts.year ?? 2024 }))
    .returning("id")
    .executeTakeFirstOrThrow();
  const theme = await tx
    .insertInto("themes")
    .values({ plan_id: plan.id, title: opts.title, planned_meeting_id: opts.plannedMeetingId })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const personId of opts.ownerIds ?? []) {
    await tx.insertInto("theme_owners").values({ theme_id: theme.id, person_id: personId }).execute();
  }
  return theme;
}

/** An item a member sent in for a meeting. */
export async function buildSubmittedItem(
  tx: Tx,
  opts: { networkId: number; personId: number; title: string; meetingId?: number; body?: string },
) {
  return tx
    .insertInto("submitted_items")
    .values({
      network_id: opts.networkId,
      person_id: opts.personId,
      title: opts.title,
      meeting_id: opts.meetingId ?? null,
      body: opts.body ?? "",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An agenda item in a meeting, optionally raised by people (person ids or names as written). */
export async function buildItem(
  tx: Tx,
  opts: {
    meetingId: number;
    title?: string;
    notes?: string;
    position?: number;
    kind?: "standing" | "item" | "theme" | "information" | "round";
    raisedBy?: { personId?: number; name: string }[];
    presenterId?: number;
  },
) {
  const item = await tx
    .insertInto("agenda_items")
    .values({
      meeting_id: opts.meetingId,
      position: opts.position ?? counter++,
      kind: opts.kind ?? "item",
      title: opts.title ?? `Punkt ${unique()}`,
      notes: opts.notes ?? "",
      presenter_id: opts.presenterId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const r of opts.raisedBy ?? []) {
    await tx
      .insertInto("item_raisers")
      .values({ item_id: item.id, person_id: r.personId ?? null, name: r.name })
      .execute();
  }
  return item;
}

/** A person's attendance at a meeting, in a municipality by name. */
export async function buildAttendance(
  tx: Tx,
  opts: {
    meetingId: number;
    personId: number;
    status?: "present" | "absent" | "excused" | "guest";
    municipality?: string | null;
    isChair?: boolean;
  },
) {
  const municipality = opts.municipality
    ? await tx.selectFrom("municipalities").select("id").where("name", "=", opts.municipality).executeTakeFirstOrThrow()
    : null;
  return tx
    .insertInto("attendance")
    .values({
      meeting_id: opts.meetingId,
      person_id: opts.personId,
      status: opts.status ?? "present",
      municipality_id: municipality?.id ?? null,
      is_chair: opts.isChair ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A decision under an item (numbered next in its network and year unless given). */
export async function buildDecision(tx: Tx, opts: { itemId: number; text?: string; number?: number }) {
  const item = await tx
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select(["m.id as meetingId", "m.network_id as networkId", "m.date"])
    .where("i.id", "=", opts.itemId)
    .executeTakeFirstOrThrow();
  const year = Number(item.date.slice(0, 4));
  const max = await tx
    .selectFrom("decisions")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("network_id", "=", item.networkId)
    .where("year", "=", year)
    .executeTakeFirst();
  return tx
    .insertInto("decisions")
    .values({
      network_id: item.networkId,
      meeting_id: item.meetingId,
      item_id: opts.itemId,
      year,
      number: opts.number ?? (max?.n ?? 0) + 1,
      text: opts.text ?? `att besluta ${unique()}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A yearly operational plan of a network. */
export async function buildPlan(tx: Tx, opts: { networkId: number; year: number }) {
  return tx
    .insertInto("plans")
    .values({ network_id: opts.networkId, year: opts.year })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An action recorded under an agenda item, with assignees as person ids or names as written. */
export async function buildItemAction(
  tx: Tx,
  opts: {
    itemId: number;
    text?: string;
    dueDate?: string | null;
    status?: "open" | "done" | "cancelled";
    assignees?: { personId?: number; name: string }[];
  },
) {
  const item = await tx
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select(["m.id as meetingId", "m.network_id as networkId"])
    .where("i.id", "=", opts.itemId)
    .executeTakeFirstOrThrow();
  const action = await tx
    .insertInto("actions")
    .values({
      network_id: item.networkId,
      item_id: opts.itemId,
      opened_meeting_id: item.meetingId,
      text: opts.text ?? `Uppdrag ${unique()}`,
      due_date: opts.dueDate ?? null,
      status: opts.status ?? "open",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const a of opts.assignees ?? []) {
    await tx
      .insertInto("action_assignees")
      .values({ action_id: action.id, person_id: a.personId ?? null, name: a.name })
      .execute();
  }
  return action;
}
