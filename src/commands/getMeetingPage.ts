import type { Tx } from "../db/client.js";
import { findMeeting, findNeighbours, listAttendance, listItemsWithDetails } from "../db/queries/meetings.js";
import { readScopeOf } from "../db/queries/visibility.js";
import { type Actor, allows, meetingReadPermission } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { networkRolesOf, refusal } from "./authorize.js";

/** Everything the meeting page shows: header, attendance, agenda with notes, decisions, actions. */
export async function getMeetingPage(tx: Tx, opts: { actor: Actor; meetingId: number }) {
  const meeting = await findMeeting(tx, opts.meetingId);
  if (!meeting) throw notFound("Mötet");
  // One look-up of the actor's roles serves both the check and the history tab.
  const [scope, roles] = await Promise.all([
    readScopeOf(tx, opts.actor),
    networkRolesOf(tx, opts.actor, meeting.network_id),
  ]);
  if (!allows(opts.actor, roles, meetingReadPermission(meeting.state))) throw refusal(opts.actor);
  const [attendance, items, neighbours, roundNotes] = await Promise.all([
    listAttendance(tx, meeting.id),
    listItemsWithDetails(tx, meeting.id),
    findNeighbours(tx, meeting.network_id, meeting.date, meeting.id, scope),
    tx
      .selectFrom("round_notes as r")
      .innerJoin("agenda_items as i", "i.id", "r.item_id")
      .innerJoin("municipalities as k", "k.id", "r.municipality_id")
      .select(["r.item_id as itemId", "k.name as municipality", "r.notes"])
      .where("i.meeting_id", "=", meeting.id)
      .orderBy("k.name")
      .execute(),
  ]);
  const canSeeHistory = allows(opts.actor, roles, "history.read");
  return { meeting, attendance, items, neighbours, roundNotes, canSeeHistory };
}

/** The data the meeting page view receives. */
export type MeetingPageData = Awaited<ReturnType<typeof getMeetingPage>>;
