import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { MeetingState } from "../db/schema.js";
import { canTransition, MEETING_STATE_LABELS } from "../domain/meeting-state.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { cancellationMail, noticeMail } from "../mail/builders.js";
import { queueMails } from "../mail/queue.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/** The state changes the meeting pages offer (approval has its own command). */
export type StateChange = "notice_sent" | "held" | "minutes_draft" | "cancelled" | "planned";

/**
 * Moves a meeting along: publish the notice, mark it held, save the minutes as a draft, cancel it
 * (with a reason) or plan a cancelled meeting again. Publishing the notice queues it, with the
 * meeting as a calendar file, to every current member with an address, in the same transaction;
 * cancelling a meeting whose notice went out tells them too.
 */
export async function changeMeetingState(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; to: StateChange; reason?: string },
): Promise<{ mailed: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId, { allowCancelled: true });
  const from: MeetingState = meeting.state;
  if (!canTransition(from, opts.to)) {
    throw new AppError(
      "conflict",
      `Mötet är ”${MEETING_STATE_LABELS[from].toLowerCase()}” och kan inte bli ”${MEETING_STATE_LABELS[opts.to].toLowerCase()}”.`,
    );
  }
  const reason = opts.reason?.trim() ?? "";
  if (opts.to === "cancelled" && reason === "") {
    throw new AppError("bad_request", "Skriv varför mötet ställs in.", { where: "reason" });
  }
  await tx
    .updateTable("meetings")
    .set({
      state: opts.to,
      ...(opts.to === "notice_sent" ? { notice_sent_at: new Date() } : {}),
      ...(opts.to === "cancelled" ? { cancelled_reason: reason } : {}),
      ...(opts.to === "planned" ? { cancelled_reason: null } : {}),
    })
    .where("id", "=", meeting.id)
    .execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: `meeting.state.${opts.to}`,
    objectType: "meeting",
    objectId: meeting.id,
    before: { state: from },
    after: { state: opts.to, ...(reason ? { reason } : {}) },
  });
  const noticeWasSent = from === "notice_sent" || meeting.notice_sent_at !== null;
  const prepared =
    opts.to === "notice_sent"
      ? await noticeMail(tx, meeting.id)
      : opts.to === "cancelled" && noticeWasSent
        ? await cancellationMail(tx, meeting.id)
        : null;
  if (!prepared) return { mailed: 0 };
  const { queued } = await queueMails(tx, prepared.mails);
  return { mailed: queued };
}
