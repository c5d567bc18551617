import type { Tx } from "../db/client.js";
import { findMeetingContext, listAttachments, listMinutesVersions } from "../db/queries/agenda.js";
import { findMeeting, listAttendance, listItemsWithDetails } from "../db/queries/meetings.js";
import { type Actor, allows, meetingReadPermission } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { networkRolesOf, refusal } from "./authorize.js";
import { getMeetingPlanning } from "./getMeetingPlanning.js";
import { getSubmissionForm } from "./getSubmittedItems.js";

/**
 * Everything the meeting page shows: header, attendance, agenda with notes, decisions, actions,
 * files, approved versions and the previous meeting (for "Föregående anteckningar"). Readable
 * when the actor may read this meeting (approved minutes, or anything earlier for members).
 */
export async function getMeetingPage(tx: Tx, opts: { actor: Actor; meetingId: number; today?: string }) {
  const meeting = await findMeeting(tx, opts.meetingId);
  if (!meeting) throw notFound("Mötet");
  // One look-up of the actor's roles serves the check, the links to other meetings and the history tab.
  const roles = await networkRolesOf(tx, opts.actor, meeting.network_id);
  if (!allows(opts.actor, roles, meetingReadPermission(meeting.state))) throw refusal(opts.actor);
  const onlyApproved = !allows(opts.actor, roles, "meeting.read");
  const [attendance, items, context, roundNotes, attachments, versions] = await Promise.all([
    listAttendance(tx, meeting.id),
    listItemsWithDetails(tx, meeting.id),
    findMeetingContext(tx, meeting, { onlyApproved }),
    tx
      .selectFrom("round_notes as r")
      .innerJoin("agenda_items as i", "i.id", "r.item_id")
      .innerJoin("municipalities as k", "k.id", "r.municipality_id")
      .select(["r.item_id as itemId", "k.name as municipality", "r.notes"])
      .where("i.meeting_id", "=", meeting.id)
      .where("r.notes", "<>", "")
      .orderBy("k.name")
      .execute(),
    listAttachments(tx, meeting.id),
    listMinutesVersions(tx, meeting.id),
  ]);
  // The planning parts (themes, förhinder, next theme) are for people looking at the page today.
  const planning =
    opts.today === undefined
      ? null
      : await getMeetingPlanning(tx, { actor: opts.actor, roles, meeting, today: opts.today });
  const neighbours = { previous: context.previous, next: context.next };
  return {
    meeting,
    attendance,
    items,
    neighbours,
    roundNotes,
    attachments,
    versions,
    previous: context.previousHeld ?? null,
    canSeeHistory: allows(opts.actor, roles, "history.read"),
    planning,
    /** the deadline and presenters for "Skicka in en punkt", while the meeting is ahead */
    submission:
      meeting.state === "planned" || meeting.state === "notice_sent" ? await getSubmissionForm(tx, meeting) : null,
  };
}

/** The data the meeting page view receives. */
export type MeetingPageData = Awaited<ReturnType<typeof getMeetingPage>>;
