import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { findMeeting } from "../db/queries/meetings.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { findMeetingFor } from "./editableMeeting.js";
import { detailsBase } from "./meetingDetails.js";

/** The meeting details form: the meeting, who can be note-taker, and the form's fingerprint. */
export async function getMeetingDetailsEditor(tx: Tx, opts: { actor: Actor; meetingId: number }) {
  const row = await findMeetingFor(tx, opts.actor, opts.meetingId, "meeting.edit");
  const meeting = await findMeeting(tx, row.id);
  if (!meeting) throw notFound("Mötet");
  const members = await listMembersOn(tx, row.network_id, row.date);
  return { meeting, members, base: detailsBase(row) };
}

/** What the details form view receives. */
export type MeetingDetailsEditorData = Awaited<ReturnType<typeof getMeetingDetailsEditor>>;
