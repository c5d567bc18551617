import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { findMeeting, listAttendance } from "../db/queries/meetings.js";
import type { AttendanceStatus, MembershipRole } from "../db/schema.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { attendanceBase } from "./attendanceBase.js";
import { findMeetingFor } from "./editableMeeting.js";

/** One row of the attendance form: a member (or someone already recorded) and their status. */
export type AttendanceFormRow = {
  personId: number;
  name: string;
  municipality: string | null;
  role: MembershipRole | null;
  status: Exclude<AttendanceStatus, "guest">;
  recorded: boolean;
  /** what the member wrote when reporting förhinder themselves, or null */
  apology: string | null;
};

/**
 * The attendance form: the network's members on the meeting's day prefilled (present unless
 * recorded otherwise), people recorded earlier who are no longer members, and the guests.
 */
export async function getAttendanceEditor(tx: Tx, opts: { actor: Actor; meetingId: number }) {
  const row = await findMeetingFor(tx, opts.actor, opts.meetingId, "meeting.edit");
  const meeting = await findMeeting(tx, row.id);
  if (!meeting) throw notFound("Mötet");
  const [members, recorded, municipalities, base] = [
    await listMembersOn(tx, row.network_id, row.date),
    await listAttendance(tx, row.id),
    await tx.selectFrom("municipalities").select(["id", "name"]).orderBy("name").execute(),
    await attendanceBase(tx, row.id),
  ];
  const byPerson = new Map(recorded.map((a) => [a.personId, a]));
  const apologies = new Map(
    (
      await tx
        .selectFrom("attendance")
        .select(["person_id", "apology_note"])
        .where("meeting_id", "=", row.id)
        .where("apology_at", "is not", null)
        .execute()
    ).map((a) => [a.person_id, a.apology_note ?? ""]),
  );
  // Members recorded as guests (the coordinator under "Övriga") count as present here.
  const rows: AttendanceFormRow[] = members.map((m) => {
    const a = byPerson.get(m.personId);
    return {
      personId: m.personId,
      name: m.name,
      municipality: m.municipality,
      role: m.role,
      status: a && a.status !== "guest" ? a.status : "present",
      recorded: a !== undefined,
      apology: apologies.get(m.personId) ?? null,
    };
  });
  const memberIds = new Set(members.map((m) => m.personId));
  for (const a of recorded) {
    if (a.status === "guest" || memberIds.has(a.personId)) continue;
    rows.push({
      personId: a.personId,
      name: a.name,
      municipality: a.municipality,
      role: null,
      status: a.status,
      recorded: true,
      apology: apologies.get(a.personId) ?? null,
    });
  }
  const guests = recorded.filter((a) => a.status === "guest" && !memberIds.has(a.personId));
  return { meeting, rows, guests, municipalities, base, taken: recorded.length > 0 };
}

/** What the attendance form view receives. */
export type AttendanceEditorData = Awaited<ReturnType<typeof getAttendanceEditor>>;
