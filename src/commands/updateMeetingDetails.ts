import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { MeetingDetailsInput } from "../domain/meeting-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";
import { detailsBase, detailsOf } from "./meetingDetails.js";

/**
 * Changes a meeting's date, time, place, link, title and note-taker. The form carries the
 * fingerprint of the details it showed: when someone else changed them since, nothing is stored
 * and the caller gets a conflict with the values now saved.
 */
export async function updateMeetingDetails(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; input: MeetingDetailsInput; base: string | undefined },
): Promise<void> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  if (opts.base !== undefined && opts.base !== detailsBase(meeting)) {
    throw new AppError(
      "conflict",
      "Någon annan har ändrat mötets uppgifter sedan du öppnade formuläret. Det du skrev finns kvar nedan; jämför med det som nu är sparat och spara igen.",
      { details: { current: detailsOf(meeting) } },
    );
  }
  const { input } = opts;
  if (input.note_taker_id !== undefined && input.note_taker_id !== meeting.note_taker_id) {
    const members = await listMembersOn(tx, meeting.network_id, input.date);
    if (!members.some((m) => m.personId === input.note_taker_id)) {
      throw new AppError("bad_request", "Välj den som är vid tangenterna bland nätverkets medlemmar.", {
        where: "note_taker_id",
      });
    }
  }
  const after = {
    date: input.date,
    start_time: input.start_time ?? null,
    end_time: input.end_time ?? null,
    location: input.location,
    online_url: input.online_url ?? null,
    title: input.title,
    note_taker_id: input.note_taker_id ?? null,
  };
  await tx.updateTable("meetings").set(after).where("id", "=", meeting.id).execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "meeting.update",
    objectType: "meeting",
    objectId: meeting.id,
    before: detailsOf(meeting),
    after,
  });
}
