import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { ROLE_LABELS } from "../domain/labels.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { attendanceBase } from "./attendanceBase.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/** A member's attendance as the form sends it. */
export type MemberAttendance = { personId: number; status: "present" | "absent" | "excused" };

/** A guest added on the attendance form. */
export type NewGuest = { name: string; roleText: string; municipalityId: number | undefined };

async function findOrCreateGuest(tx: Tx, guest: NewGuest): Promise<number> {
  const existing = await tx
    .selectFrom("people")
    .select("id")
    .where(sql`lower(name)`, "=", guest.name.toLowerCase())
    .where("anonymized_at", "is", null)
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await tx
    .insertInto("people")
    .values({ name: guest.name, title: guest.roleText || null, municipality_id: guest.municipalityId ?? null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

/**
 * Stores a meeting's attendance: each member present, absent or excused, an optional new guest
 * with their role, and guests taken off the list. Members must belong to the network on the
 * meeting's day; a form based on an attendance someone else has changed since is refused.
 */
export async function saveAttendance(
  tx: Tx,
  opts: {
    actor: Actor;
    meetingId: number;
    members: MemberAttendance[];
    guest: NewGuest | null;
    removeGuests: number[];
    base: string | undefined;
  },
): Promise<void> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  if (opts.base !== undefined && opts.base !== (await attendanceBase(tx, meeting.id))) {
    throw new AppError(
      "conflict",
      "Någon annan har ändrat närvaron sedan du öppnade formuläret. Dina val finns kvar nedan; kontrollera dem mot den sparade närvaron och spara igen.",
    );
  }
  const members = await listMembersOn(tx, meeting.network_id, meeting.date);
  const byId = new Map(members.map((m) => [m.personId, m]));
  const already = await tx
    .selectFrom("attendance")
    .select(["person_id", "status"])
    .where("meeting_id", "=", meeting.id)
    .execute();
  const recorded = new Set(already.map((a) => a.person_id));
  for (const a of opts.members) {
    if (!byId.has(a.personId) && !recorded.has(a.personId)) {
      throw new AppError("bad_request", "Närvaron gäller en person som inte är medlem i nätverket.", {
        where: `status_${a.personId}`,
      });
    }
  }
  for (const [position, a] of opts.members.entries()) {
    const member = byId.get(a.personId);
    // Minutes list the coordinator and secretary under "Övriga" with their role, not as members.
    const staff = member && (member.role === "coordinator" || member.role === "secretary");
    const status = staff && a.status === "present" ? "guest" : a.status;
    const roleText = staff && status === "guest" ? ROLE_LABELS[member.role] : null;
    await tx
      .insertInto("attendance")
      .values({
        meeting_id: meeting.id,
        person_id: a.personId,
        status,
        municipality_id: member?.municipalityId ?? null,
        role_text: roleText,
        is_chair: member?.role === "chair",
        position,
      })
      .onConflict((oc) =>
        oc.columns(["meeting_id", "person_id"]).doUpdateSet({ status, role_text: roleText, position }),
      )
      .execute();
  }
  if (opts.removeGuests.length > 0) {
    await tx
      .deleteFrom("attendance")
      .where("meeting_id", "=", meeting.id)
      .where("status", "=", "guest")
      .where("person_id", "in", opts.removeGuests)
      .execute();
  }
  let guestId: number | null = null;
  if (opts.guest) {
    guestId = await findOrCreateGuest(tx, opts.guest);
    await tx
      .insertInto("attendance")
      .values({
        meeting_id: meeting.id,
        person_id: guestId,
        status: "guest",
        municipality_id: opts.guest.municipalityId ?? null,
        role_text: opts.guest.roleText || null,
        position: 1000 + opts.members.length,
      })
      .onConflict((oc) =>
        oc
          .columns(["meeting_id", "person_id"])
          .doUpdateSet({ status: "guest", role_text: opts.guest?.roleText || null }),
      )
      .execute();
  }
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "meeting.attendance",
    objectType: "meeting",
    objectId: meeting.id,
    before: already,
    after: {
      members: opts.members,
      guest: opts.guest ? { ...opts.guest, personId: guestId } : null,
      removed: opts.removeGuests,
    },
  });
}
