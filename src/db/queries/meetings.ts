import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { AttendanceStatus, ItemKind, MeetingState } from "../schema.js";
import { meetingVisible, type ReadScope } from "./visibility.js";

/** A meeting as lists show it. */
export type MeetingListRow = {
  id: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string;
  state: MeetingState;
  networkName: string;
  networkSlug: string;
  itemCount: number;
};

/** Meetings the scope may read, newest first, optionally of one network, upcoming or past relative to today. */
export async function listMeetings(
  tx: Tx,
  opts: {
    scope: ReadScope;
    networkId?: number;
    when?: "upcoming" | "past";
    today: string;
    limit?: number;
    offset?: number;
  },
): Promise<MeetingListRow[]> {
  let q = tx
    .selectFrom("meetings as m")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .select([
      "m.id",
      "m.date",
      "m.start_time as startTime",
      "m.end_time as endTime",
      "m.location",
      "m.state",
      "n.name as networkName",
      "n.slug as networkSlug",
      sql<number>`(SELECT count(*)::int FROM agenda_items a WHERE a.meeting_id = m.id)`.as("itemCount"),
    ])
    .where(meetingVisible(opts.scope));
  if (opts.networkId !== undefined) q = q.where("m.network_id", "=", opts.networkId);
  if (opts.when === "upcoming") q = q.where("m.date", ">", opts.today).orderBy("m.date", "asc");
  else if (opts.when === "past") q = q.where("m.date", "<=", opts.today).orderBy("m.date", "desc");
  else q = q.orderBy("m.date", "desc");
  return q
    .orderBy("m.id")
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0)
    .execute();
}

/** One meeting with its network, or undefined. */
export function findMeeting(tx: Tx, id: number) {
  return tx
    .selectFrom("meetings as m")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .leftJoin("people as nt", "nt.id", "m.note_taker_id")
    .leftJoin("people as ap", "ap.id", "m.approved_by")
    .selectAll("m")
    .select([
      "n.name as networkName",
      "n.slug as networkSlug",
      "nt.name as noteTakerPersonName",
      "ap.name as approvedByName",
    ])
    .where("m.id", "=", id)
    .executeTakeFirst();
}

/** One row of a meeting's attendance list. */
export type AttendanceRow = {
  personId: number;
  name: string;
  status: AttendanceStatus;
  municipality: string | null;
  roleText: string | null;
  isChair: boolean;
};

/** A meeting's attendance in the order it was taken. */
export function listAttendance(tx: Tx, meetingId: number): Promise<AttendanceRow[]> {
  return tx
    .selectFrom("attendance as a")
    .innerJoin("people as p", "p.id", "a.person_id")
    .leftJoin("municipalities as k", "k.id", "a.municipality_id")
    .select([
      "p.id as personId",
      "p.name",
      "a.status",
      "k.name as municipality",
      "a.role_text as roleText",
      "a.is_chair as isChair",
    ])
    .where("a.meeting_id", "=", meetingId)
    .orderBy("a.position")
    .orderBy("a.id")
    .execute();
}

/** An agenda item with what was said and decided under it. */
export type ItemDetail = {
  id: number;
  position: number;
  kind: ItemKind;
  title: string;
  notes: string;
  postponed: boolean;
  durationMinutes: number | null;
  presenterName: string | null;
  carriedFromMeetingId: number | null;
  raisedBy: { personId: number | null; name: string }[];
  decisions: { id: number; number: number; year: number; text: string }[];
  actions: {
    id: number;
    text: string;
    dueDate: string | null;
    status: string;
    assignees: { personId: number | null; name: string }[];
  }[];
};

/** A meeting's agenda with raisers, decisions and actions per item, in four queries. */
export async function listItemsWithDetails(tx: Tx, meetingId: number): Promise<ItemDetail[]> {
  const items = await tx
    .selectFrom("agenda_items as i")
    .leftJoin("people as pr", "pr.id", "i.presenter_id")
    .leftJoin("agenda_items as src", "src.id", "i.carried_from_item_id")
    .select([
      "i.id",
      "i.position",
      "i.kind",
      "i.title",
      "i.notes",
      "i.postponed",
      "i.duration_minutes as durationMinutes",
      "pr.name as presenterName",
      "src.meeting_id as carriedFromMeetingId",
    ])
    .where("i.meeting_id", "=", meetingId)
    .orderBy("i.position")
    .execute();
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [raisers, decisions, actions] = await Promise.all([
    tx
      .selectFrom("item_raisers")
      .select(["item_id", "person_id", "name"])
      .where("item_id", "in", ids)
      .orderBy("id")
      .execute(),
    tx
      .selectFrom("decisions")
      .select(["id", "item_id", "number", "year", "text"])
      .where("item_id", "in", ids)
      .orderBy("number")
      .execute(),
    tx
      .selectFrom("actions")
      .select(["id", "item_id", "text", "due_date", "status"])
      .where("item_id", "in", ids)
      .orderBy("id")
      .execute(),
  ]);
  const assignees = actions.length
    ? await tx
        .selectFrom("action_assignees as aa")
        .leftJoin("people as p", "p.id", "aa.person_id")
        .select(["aa.action_id", "aa.person_id", sql<string>`coalesce(p.name, aa.name)`.as("name")])
        .where(
          "aa.action_id",
          "in",
          actions.map((a) => a.id),
        )
        .orderBy("aa.id")
        .execute()
    : [];
  return items.map((i) => ({
    ...i,
    raisedBy: raisers.filter((r) => r.item_id === i.id).map((r) => ({ personId: r.person_id, name: r.name })),
    decisions: decisions.filter((d) => d.item_id === i.id).map(({ item_id: _, ...d }) => d),
    actions: actions
      .filter((a) => a.item_id === i.id)
      .map((a) => ({
        id: a.id,
        text: a.text,
        dueDate: a.due_date,
        status: a.status,
        assignees: assignees.filter((x) => x.action_id === a.id).map((x) => ({ personId: x.person_id, name: x.name })),
      })),
  }));
}

/** The readable meetings right before and after this one in the same network. */
export async function findNeighbours(tx: Tx, networkId: number, date: string, id: number, scope: ReadScope) {
  const [previous, next] = await Promise.all([
    tx
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.id", "m.date"])
      .where("m.network_id", "=", networkId)
      .where(meetingVisible(scope))
      .where((eb) => eb.or([eb("m.date", "<", date), eb.and([eb("m.date", "=", date), eb("m.id", "<", id)])]))
      .orderBy("m.date", "desc")
      .orderBy("m.id", "desc")
      .limit(1)
      .executeTakeFirst(),
    tx
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.id", "m.date"])
      .where("m.network_id", "=", networkId)
      .where(meetingVisible(scope))
      .where((eb) => eb.or([eb("m.date", ">", date), eb.and([eb("m.date", "=", date), eb("m.id", ">", id)])]))
      .orderBy("m.date")
      .orderBy("m.id")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { previous, next };
}
