import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { minutesApprovedMail } from "../mail/builders.js";
import { queueMails } from "../mail/queue.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";
import { buildMinutesSnapshot } from "./minutesSnapshot.js";

/** The name of the person behind an actor, for "justerat av". */
export async function actorName(tx: Tx, actor: Actor): Promise<string | null> {
  if (actor.personId === null) return null;
  const p = await tx.selectFrom("people").select("name").where("id", "=", actor.personId).executeTakeFirst();
  return p?.name ?? null;
}

/**
 * Approves (justerar) a held meeting's minutes: records who and when, stores the minutes as a
 * numbered version, and makes them read-only. After a correction the version carries its reason.
 * The approved minutes go to the members as PDF through the outbox, in the same transaction.
 */
export async function approveMinutes(
  tx: Tx,
  opts: { actor: Actor; meetingId: number },
): Promise<{ version: number; mailed: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId, { permission: "minutes.approve" });
  if (meeting.state !== "held" && meeting.state !== "minutes_draft") {
    throw new AppError(
      "conflict",
      "Anteckningarna kan justeras först när mötet är genomfört. Markera mötet som genomfört först.",
    );
  }
  const at = new Date();
  const by = await actorName(tx, opts.actor);
  const snapshot = await buildMinutesSnapshot(tx, meeting.id, { by: by ?? opts.actor.label, at });
  const clash = await tx
    .selectFrom("minutes_versions")
    .select("id")
    .where("meeting_id", "=", meeting.id)
    .where("version", "=", meeting.minutes_version)
    .executeTakeFirst();
  if (clash) throw new AppError("conflict", "Den här versionen av anteckningarna är redan justerad.");
  await tx
    .insertInto("minutes_versions")
    .values({
      meeting_id: meeting.id,
      version: meeting.minutes_version,
      snapshot: JSON.stringify(snapshot),
      reason: meeting.correction_reason ?? "",
      created_by: opts.actor.personId,
      created_at: at,
    })
    .execute();
  await tx
    .updateTable("meetings")
    .set({ state: "approved", approved_at: at, approved_by: opts.actor.personId, correction_reason: null })
    .where("id", "=", meeting.id)
    .execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "minutes.approve",
    objectType: "meeting",
    objectId: meeting.id,
    before: { state: meeting.state },
    after: { state: "approved", version: meeting.minutes_version, reason: meeting.correction_reason ?? "" },
  });
  const { mails } = await minutesApprovedMail(tx, meeting.id);
  const { queued } = await queueMails(tx, mails);
  return { version: meeting.minutes_version, mailed: queued };
}
