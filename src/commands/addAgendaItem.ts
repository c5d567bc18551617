import type { Tx } from "../db/client.js";
import { listEditableItems, renumberItems } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { mergeAgenda } from "../domain/agenda-rules.js";
import type { AgendaItemInput } from "../domain/meeting-input.js";
import type { Actor } from "../domain/permissions.js";
import { checkPresenter } from "./agendaPeople.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/** Adds an item to a meeting's agenda, before the closing items. */
export async function addAgendaItem(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; input: AgendaItemInput },
): Promise<{ itemId: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  await checkPresenter(tx, meeting, opts.input.presenter_id);
  const existing = await listEditableItems(tx, meeting.id);
  const row = await tx
    .insertInto("agenda_items")
    .values({
      meeting_id: meeting.id,
      position: existing.length,
      kind: opts.input.kind,
      title: opts.input.title,
      presenter_id: opts.input.presenter_id ?? null,
      duration_minutes: opts.input.duration_minutes ?? null,
    })
    .returning(["id", "title"])
    .executeTakeFirstOrThrow();
  await renumberItems(
    tx,
    meeting.id,
    mergeAgenda(existing, [row]).map((i) => i.id),
  );
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "agenda.addItem",
    objectType: "agenda_item",
    objectId: row.id,
    after: { meeting_id: meeting.id, ...opts.input },
  });
  return { itemId: row.id };
}
