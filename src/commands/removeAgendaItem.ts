import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { listEditableItems, lockItem, renumberItems } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/**
 * Takes an item off the agenda. An item with notes, decisions, actions or files is refused: those
 * would go with it. A sent-in item goes back to the list of sent-in items.
 */
export async function removeAgendaItem(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number },
): Promise<void> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  const used = await sql<{ n: number }>`SELECT
      (SELECT count(*) FROM decisions WHERE item_id = ${item.id})
    + (SELECT count(*) FROM actions WHERE item_id = ${item.id})
    + (SELECT count(*) FROM attachments WHERE item_id = ${item.id})
    + (SELECT count(*) FROM round_notes WHERE item_id = ${item.id} AND btrim(notes) <> '') AS n`.execute(tx);
  if (item.notes.trim() !== "" || Number(used.rows[0]?.n ?? 0) > 0) {
    throw new AppError(
      "conflict",
      `”${item.title}” har anteckningar, beslut, uppdrag eller filer och kan inte tas bort. Flytta den till nästa möte i stället.`,
    );
  }
  await tx
    .updateTable("submitted_items")
    .set({ status: "submitted", item_id: null })
    .where("item_id", "=", item.id)
    .execute();
  await tx.deleteFrom("agenda_items").where("id", "=", item.id).execute();
  const rest = await listEditableItems(tx, meeting.id);
  await renumberItems(
    tx,
    meeting.id,
    rest.map((i) => i.id),
  );
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "agenda.removeItem",
    objectType: "agenda_item",
    objectId: item.id,
    before: { meeting_id: meeting.id, title: item.title, kind: item.kind, position: item.position },
  });
}
