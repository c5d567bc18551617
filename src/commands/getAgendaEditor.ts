import type { Tx } from "../db/client.js";
import { listAttachments, listEditableItems, listMembersOn } from "../db/queries/agenda.js";
import { listAgendaProposals } from "../db/queries/agenda-proposals.js";
import { findMeeting } from "../db/queries/meetings.js";
import { computeSchedule } from "../domain/agenda-times.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { findMeetingFor } from "./editableMeeting.js";
import { itemSettingsBase } from "./itemSettings.js";

/** The agenda builder: items with computed times, proposals, presenters to pick, files. */
export async function getAgendaEditor(tx: Tx, opts: { actor: Actor; meetingId: number }) {
  const row = await findMeetingFor(tx, opts.actor, opts.meetingId, "meeting.edit");
  const meeting = await findMeeting(tx, row.id);
  if (!meeting) throw notFound("Mötet");
  const items = await listEditableItems(tx, row.id);
  const proposals = row.state === "approved" || row.state === "cancelled" ? [] : await listAgendaProposals(tx, row);
  const members = await listMembersOn(tx, row.network_id, row.date);
  const attachments = await listAttachments(tx, row.id);
  const raisers = items.length
    ? await tx
        .selectFrom("item_raisers")
        .select(["item_id as itemId", "name"])
        .where(
          "item_id",
          "in",
          items.map((i) => i.id),
        )
        .orderBy("id")
        .execute()
    : [];
  const schedule = computeSchedule(
    row.start_time,
    row.end_time,
    items.map((i) => i.durationMinutes),
  );
  return {
    meeting,
    items: items.map((i, n) => ({
      ...i,
      base: itemSettingsBase(i),
      slot: schedule.slots[n] ?? { start: null, end: null },
      raisedBy: raisers.filter((r) => r.itemId === i.id).map((r) => r.name),
    })),
    schedule,
    proposals,
    members,
    attachments,
  };
}

/** What the agenda builder view receives. */
export type AgendaEditorData = Awaited<ReturnType<typeof getAgendaEditor>>;
