import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { comingMeetingForMember } from "./reportApology.js";

/** A member takes back their förhinder before the meeting: the attendance row they added goes. */
export async function withdrawApology(tx: Tx, opts: { actor: Actor; meetingId: number }): Promise<void> {
  const { meeting, member } = await comingMeetingForMember(tx, opts.actor, opts.meetingId);
  const removed = await tx
    .deleteFrom("attendance")
    .where("meeting_id", "=", meeting.id)
    .where("person_id", "=", member.personId)
    .where("status", "=", "excused")
    .where("apology_at", "is not", null)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw new AppError("conflict", "Du har inget förhinder anmält till mötet.");
  await recordAudit(tx, {
    actor: opts.actor,
    action: "apology.withdraw",
    objectType: "meeting",
    objectId: meeting.id,
    before: { person_id: member.personId },
  });
}
