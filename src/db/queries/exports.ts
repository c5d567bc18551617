import { sql } from "kysely";
import type { ContactRow, DocItem, MeetingDoc } from "../../exporters/model.js";
import type { Tx } from "../client.js";
import type { MeetingState } from "../schema.js";
import { findMeeting, listAttendance, listItemsWithDetails } from "./meetings.js";

const hm = (t: string | null) => (t ? t.slice(0, 5) : null);

/** A meeting with everything its documents print, or undefined when there is no such meeting. */
export async function loadMeetingDoc(
  tx: Tx,
  meetingId: number,
): Promise<(MeetingDoc & { networkId: number }) | undefined> {
  const meeting = await findMeeting(tx, meetingId);
  if (!meeting) return undefined;
  const [attendance, items, roundNotes, next] = await Promise.all([
    listAttendance(tx, meeting.id),
    listItemsWithDetails(tx, meeting.id),
    tx
      .selectFrom("round_notes as r")
      .innerJoin("agenda_items as i", "i.id", "r.item_id")
      .innerJoin("municipalities as k", "k.id", "r.municipality_id")
      .select(["r.item_id as itemId", "k.name as municipality", "r.notes"])
      .where("i.meeting_id", "=", meeting.id)
      .orderBy("k.name")
      .execute(),
    tx
      .selectFrom("meetings")
      .select("date")
      .where("network_id", "=", meeting.network_id)
      .where("state", "<>", "cancelled")
      .where((eb) =>
        eb.or([eb("date", ">", meeting.date), eb.and([eb("date", "=", meeting.date), eb("id", ">", meeting.id)])]),
      )
      .orderBy("date")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst(),
  ]);
  const docItems: DocItem[] = items.map((i) => ({
    title: i.title,
    notes: i.notes,
    raisedBy: i.raisedBy.map((r) => r.name),
    presenter: i.presenterName,
    durationMinutes: i.durationMinutes,
    postponed: i.postponed,
    decisions: i.decisions.map((d) => d.text),
    actions: i.actions
      .filter((a) => a.status !== "cancelled")
      .map((a) => ({ assignees: a.assignees.map((p) => p.name), text: a.text, due: a.dueDate })),
    roundNotes: roundNotes
      .filter((r) => r.itemId === i.id)
      .map((r) => ({ municipality: r.municipality, notes: r.notes })),
  }));
  return {
    meetingId: meeting.id,
    networkId: meeting.network_id,
    network: meeting.networkName,
    title: meeting.title,
    date: meeting.date,
    startTime: hm(meeting.start_time),
    endTime: hm(meeting.end_time),
    location: meeting.location,
    onlineUrl: meeting.online_url,
    state: meeting.state,
    cancelledReason: meeting.cancelled_reason,
    noteTaker: meeting.noteTakerPersonName ?? meeting.note_taker_name,
    nextMeeting: next?.date ?? null,
    attendees: attendance.map((a) => ({
      name: a.name,
      status: a.status,
      municipality: a.municipality,
      role: a.roleText,
      chair: a.isChair,
    })),
    items: docItems,
    revision: meeting.revision,
    updatedAt: meeting.updated_at,
  };
}

/** A network's members and coordinators today, with contact details, ordered by municipality and name. */
export async function listContacts(tx: Tx, networkId: number, today: string): Promise<ContactRow[]> {
  const rows = await tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("municipalities as k", (j) => j.on(sql<boolean>`k.id = coalesce(m.municipality_id, p.municipality_id)`))
    .select(["p.name", "m.role", "k.name as municipality", "p.title", "p.email", "p.phone"])
    .where("m.network_id", "=", networkId)
    .where("p.anonymized_at", "is", null)
    .where((eb) => eb.or([eb("m.from_date", "is", null), eb("m.from_date", "<=", today)]))
    .where((eb) => eb.or([eb("m.to_date", "is", null), eb("m.to_date", ">", today)]))
    .orderBy(sql`m.role = 'coordinator'`)
    .orderBy(sql`k.name NULLS LAST`)
    .orderBy("p.name")
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as string }));
}

/** A meeting as a calendar feed lists it: no attendance, the agenda titles only. */
export type CalendarMeetingRow = {
  id: number;
  networkName: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string;
  onlineUrl: string | null;
  state: MeetingState;
  cancelledReason: string | null;
  revision: number;
  updatedAt: Date;
  agenda: string[] | null;
};

/** Meetings of some networks from a date on, for calendar feeds (cancelled ones included, so calendars drop them). */
export async function listCalendarMeetings(
  tx: Tx,
  opts: { networkIds: number[]; from: string; limit?: number },
): Promise<CalendarMeetingRow[]> {
  if (opts.networkIds.length === 0) return [];
  return tx
    .selectFrom("meetings as m")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .select([
      "m.id",
      "n.name as networkName",
      "m.title",
      "m.date",
      "m.start_time as startTime",
      "m.end_time as endTime",
      "m.location",
      "m.online_url as onlineUrl",
      "m.state",
      "m.cancelled_reason as cancelledReason",
      "m.revision",
      "m.updated_at as updatedAt",
      sql<
        string[] | null
      >`(SELECT array_agg(i.title ORDER BY i.position) FROM agenda_items i WHERE i.meeting_id = m.id)`.as("agenda"),
    ])
    .where("m.network_id", "in", opts.networkIds)
    .where("m.date", ">=", opts.from)
    .orderBy("m.date")
    .orderBy("m.id")
    .limit(opts.limit ?? 500)
    .execute();
}

/** The networks a person is a current member or coordinator of (a feed's default selection). */
export async function currentNetworkIdsOf(tx: Tx, personId: number, today: string): Promise<number[]> {
  const rows = await tx
    .selectFrom("memberships")
    .select("network_id")
    .distinct()
    .where("person_id", "=", personId)
    .where((eb) => eb.or([eb("from_date", "is", null), eb("from_date", "<=", today)]))
    .where((eb) => eb.or([eb("to_date", "is", null), eb("to_date", ">", today)]))
    .execute();
  return rows.map((r) => r.network_id);
}
