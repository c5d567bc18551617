import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { ItemKind, MeetingState, MembershipRole } from "../schema.js";

/** An agenda item with everything the editors show and change. */
export type EditableItem = {
  id: number;
  position: number;
  kind: ItemKind;
  title: string;
  notes: string;
  presenterId: number | null;
  presenterName: string | null;
  durationMinutes: number | null;
  postponed: boolean;
  carriedFromItemId: number | null;
  carriedFromMeetingId: number | null;
  carriedFromDate: string | null;
  standingItemId: number | null;
  themeId: number | null;
  followUpActionId: number | null;
  revision: number;
  updatedAt: Date;
};

/** A meeting's items in agenda order, for the editors. */
export function listEditableItems(tx: Tx, meetingId: number): Promise<EditableItem[]> {
  return tx
    .selectFrom("agenda_items as i")
    .leftJoin("people as p", "p.id", "i.presenter_id")
    .leftJoin("agenda_items as src", "src.id", "i.carried_from_item_id")
    .leftJoin("meetings as sm", "sm.id", "src.meeting_id")
    .select([
      "i.id",
      "i.position",
      "i.kind",
      "i.title",
      "i.notes",
      "i.presenter_id as presenterId",
      "p.name as presenterName",
      "i.duration_minutes as durationMinutes",
      "i.postponed",
      "i.carried_from_item_id as carriedFromItemId",
      "sm.id as carriedFromMeetingId",
      "sm.date as carriedFromDate",
      "i.standing_item_id as standingItemId",
      "i.theme_id as themeId",
      "i.follow_up_action_id as followUpActionId",
      "i.revision",
      "i.updated_at as updatedAt",
    ])
    .where("i.meeting_id", "=", meetingId)
    .orderBy("i.position")
    .orderBy("i.id")
    .execute();
}

/** One agenda item of a meeting, locked for a change, or undefined. */
export function lockItem(tx: Tx, meetingId: number, itemId: number) {
  return tx
    .selectFrom("agenda_items")
    .selectAll()
    .where("id", "=", itemId)
    .where("meeting_id", "=", meetingId)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes positions 0..n in the given order of item ids (agendas are short: one update each). */
export async function renumberItems(tx: Tx, meetingId: number, orderedIds: number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await tx
      .updateTable("agenda_items")
      .set({ position })
      .where("id", "=", id)
      .where("meeting_id", "=", meetingId)
      .where("position", "<>", position)
      .execute();
  }
}

/** A member of a network on a given day, for pickers (presenter, assignees, attendance). */
export type MemberOnDay = {
  personId: number;
  name: string;
  role: MembershipRole;
  municipalityId: number | null;
  municipality: string | null;
  title: string | null;
};

const ROLE_RANK: Record<MembershipRole, number> = { chair: 0, coordinator: 1, member: 2, secretary: 3, substitute: 4 };

/** The people who are members of a network on a day (one row each, the weightiest role first). */
export async function listMembersOn(tx: Tx, networkId: number, date: string): Promise<MemberOnDay[]> {
  const rows = await tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("municipalities as k", "k.id", "m.municipality_id")
    .select([
      "p.id as personId",
      "p.name",
      "m.role",
      "m.municipality_id as municipalityId",
      "k.name as municipality",
      "p.title",
    ])
    .where("m.network_id", "=", networkId)
    .where((eb) => eb.or([eb("m.from_date", "is", null), eb("m.from_date", "<=", date)]))
    .where((eb) => eb.or([eb("m.to_date", "is", null), eb("m.to_date", ">", date)]))
    .orderBy(sql`k.name NULLS LAST`)
    .orderBy("p.name")
    .execute();
  const byPerson = new Map<number, MemberOnDay>();
  for (const r of rows) {
    const seen = byPerson.get(r.personId);
    if (!seen || ROLE_RANK[r.role] < ROLE_RANK[seen.role]) byPerson.set(r.personId, r);
  }
  return rows.filter((r) => byPerson.get(r.personId) === r);
}

/** The latest meeting of the network before this one that was not cancelled, or undefined. */
export function findPreviousHeldMeeting(tx: Tx, meeting: { id: number; network_id: number; date: string }) {
  return tx
    .selectFrom("meetings")
    .select(["id", "date", "state", "minutes_version as minutesVersion", "approved_at as approvedAt"])
    .where("network_id", "=", meeting.network_id)
    .where("state", "<>", "cancelled")
    .where((eb) =>
      eb.or([eb("date", "<", meeting.date), eb.and([eb("date", "=", meeting.date), eb("id", "<", meeting.id)])]),
    )
    .orderBy("date", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The date of the network's next meeting after this one (the default due date of new actions). */
export async function findNextMeetingDate(
  tx: Tx,
  meeting: { id: number; network_id: number; date: string },
): Promise<string | null> {
  const row = await tx
    .selectFrom("meetings")
    .select("date")
    .where("network_id", "=", meeting.network_id)
    .where("state", "<>", "cancelled")
    .where("date", ">", meeting.date)
    .orderBy("date")
    .limit(1)
    .executeTakeFirst();
  return row?.date ?? null;
}

/** The files attached to a meeting and its items. */
export function listAttachments(tx: Tx, meetingId: number) {
  return tx
    .selectFrom("attachments as a")
    .innerJoin("source_documents as d", "d.id", "a.document_id")
    .select(["a.id", "a.item_id as itemId", "a.title", "d.content_type as contentType", "d.size"])
    .where("a.meeting_id", "=", meetingId)
    .orderBy("a.id")
    .execute();
}

/** The approved versions of a meeting's minutes, oldest first. */
export function listMinutesVersions(tx: Tx, meetingId: number) {
  return tx
    .selectFrom("minutes_versions as v")
    .leftJoin("people as p", "p.id", "v.created_by")
    .select(["v.version", "v.reason", "v.created_at as createdAt", "p.name as approvedBy"])
    .where("v.meeting_id", "=", meetingId)
    .orderBy("v.version")
    .execute();
}

/** A meeting of the network next to another one. */
type MeetingRef = { id: number; date: string };
/** The previous meeting that was not cancelled, with whether its minutes are approved. */
type HeldRef = MeetingRef & { state: MeetingState; minutesVersion: number };

/**
 * The meetings around one meeting in its network, in one query: the one right before and right
 * after (for paging), and the latest earlier one that was held (for "Föregående anteckningar").
 */
export async function findMeetingContext(
  tx: Tx,
  m: { id: number; network_id: number; date: string },
  opts: { onlyApproved?: boolean } = {},
): Promise<{ previous: MeetingRef | undefined; next: MeetingRef | undefined; previousHeld: HeldRef | undefined }> {
  // Someone who may read only approved minutes of this network is pointed only at approved meetings.
  const readable = opts.onlyApproved ? sql`AND state = 'approved'` : sql``;
  const before = sql`network_id = ${m.network_id} AND (date < ${m.date}::date OR (date = ${m.date}::date AND id < ${m.id})) ${readable}`;
  const row = await sql<{ previous: MeetingRef | null; next: MeetingRef | null; held: HeldRef | null }>`
    SELECT
      (SELECT json_build_object('id', id, 'date', date) FROM meetings WHERE ${before}
        ORDER BY date DESC, id DESC LIMIT 1) AS previous,
      (SELECT json_build_object('id', id, 'date', date) FROM meetings
        WHERE network_id = ${m.network_id} AND (date > ${m.date}::date OR (date = ${m.date}::date AND id > ${m.id}))
        ${readable} ORDER BY date, id LIMIT 1) AS next,
      (SELECT json_build_object('id', id, 'date', date, 'state', state, 'minutesVersion', minutes_version)
        FROM meetings WHERE ${before} AND state <> 'cancelled' ORDER BY date DESC, id DESC LIMIT 1) AS held`.execute(
    tx,
  );
  const r = row.rows[0];
  const parse = <T>(v: T | string | null | undefined): T | undefined =>
    v === null || v === undefined ? undefined : typeof v === "string" ? (JSON.parse(v) as T) : v;
  return { previous: parse(r?.previous), next: parse(r?.next), previousHeld: parse(r?.held) };
}
