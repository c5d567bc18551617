import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";
import { buildMinutesSnapshot } from "./minutesSnapshot.js";

/**
 * Opens approved minutes for a correction: the approved version stays stored as it was (it is
 * saved now if it was approved before versions were kept), the meeting gets the next version
 * number as a draft, and the reason goes with that version when it is approved.
 */
export async function correctMinutes(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; reason: string },
): Promise<{ version: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId, {
    permission: "minutes.approve",
    allowApproved: true,
  });
  if (meeting.state !== "approved") {
    throw new AppError("conflict", "Bara justerade anteckningar rättas; de här kan fortfarande ändras direkt.");
  }
  const stored = await tx
    .selectFrom("minutes_versions")
    .select("id")
    .where("meeting_id", "=", meeting.id)
    .where("version", "=", meeting.minutes_version)
    .executeTakeFirst();
  if (!stored) {
    const approver = meeting.approved_by
      ? await tx.selectFrom("people").select("name").where("id", "=", meeting.approved_by).executeTakeFirst()
      : undefined;
    const at = meeting.approved_at ?? meeting.updated_at;
    const snapshot = await buildMinutesSnapshot(tx, meeting.id, { by: approver?.name ?? null, at });
    await tx
      .insertInto("minutes_versions")
      .values({
        meeting_id: meeting.id,
        version: meeting.minutes_version,
        snapshot: JSON.stringify(snapshot),
        created_by: meeting.approved_by,
        created_at: at,
      })
      .execute();
  }
  const version = meeting.minutes_version + 1;
  await tx
    .updateTable("meetings")
    .set({
      state: "minutes_draft",
      minutes_version: version,
      correction_reason: opts.reason,
      approved_at: null,
      approved_by: null,
    })
    .where("id", "=", meeting.id)
    .execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "minutes.correct",
    objectType: "meeting",
    objectId: meeting.id,
    before: { state: "approved", version: meeting.minutes_version },
    after: { state: "minutes_draft", version, reason: opts.reason },
  });
  return { version };
}
