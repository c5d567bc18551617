import type { Tx } from "../db/client.js";
import { listMembersOn, lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { describeDate } from "../domain/date-input.js";
import type { ActionInput } from "../domain/meeting-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/** Records an action under an item: what, who (members of the network on the meeting's day) and by when. */
export async function recordAction(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number; input: ActionInput },
): Promise<{ actionId: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  const members = await listMembersOn(tx, meeting.network_id, meeting.date);
  const byId = new Map(members.map((m) => [m.personId, m]));
  const assignees = [...new Set(opts.input.assignees)];
  const outsider = assignees.find((id) => !byId.has(id));
  if (outsider !== undefined) {
    const person = await tx.selectFrom("people").select("name").where("id", "=", outsider).executeTakeFirst();
    throw new AppError(
      "bad_request",
      `${person?.name ?? "Den valda personen"} är inte medlem i nätverket. Välj ansvariga bland medlemmarna.`,
      { where: "assignees" },
    );
  }
  const due = opts.input.due_date ?? null;
  if (due !== null && due < meeting.date) {
    throw new AppError(
      "bad_request",
      `Klart senast ${describeDate(due)} är före mötet (${describeDate(meeting.date)}). Välj ett senare datum.`,
      { where: "due_date" },
    );
  }
  const action = await tx
    .insertInto("actions")
    .values({
      network_id: meeting.network_id,
      item_id: item.id,
      opened_meeting_id: meeting.id,
      text: opts.input.text,
      due_date: due,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("action_assignees")
    .values(assignees.map((id) => ({ action_id: action.id, person_id: id, name: byId.get(id)?.name ?? "" })))
    .execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "action.record",
    objectType: "action",
    objectId: action.id,
    after: { meeting_id: meeting.id, item_id: item.id, text: opts.input.text, assignees, due_date: due },
  });
  return { actionId: action.id };
}
