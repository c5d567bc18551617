import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { findLastChange } from "../db/queries/last-change.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/** What a second writer is shown when their save would overwrite someone else's text. */
export type NotesConflict = { theirs: string; revision: number; by: string | null; at: string | null };

/** The conflict error for a stale notes save: the saved text, its revision, who and when. */
export async function notesConflict(
  tx: Tx,
  objectType: string,
  objectId: string | number,
  saved: { notes: string; revision: number },
): Promise<AppError> {
  const last = await findLastChange(tx, objectType, objectId);
  const conflict: NotesConflict = {
    theirs: saved.notes,
    revision: saved.revision,
    by: last?.by ?? null,
    at: last?.at.toISOString() ?? null,
  };
  return new AppError(
    "conflict",
    `${last?.by ?? "Någon annan"} har sparat andra anteckningar på punkten medan du skrev. Ingen text har skrivits över: båda versionerna visas. För över det du vill behålla till din text och spara igen.`,
    { where: "notes", details: conflict },
  );
}

/**
 * Saves an item's notes if nobody saved since the revision the writer started from (an
 * optimistic lock). A stale save stores nothing and returns both texts as a conflict. Saving the
 * text already stored is a no-op, so a retried autosave never conflicts with itself.
 */
export async function saveItemNotes(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number; notes: string; revision: number },
): Promise<{ revision: number; changed: boolean }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  if (item.notes === opts.notes) return { revision: item.revision, changed: false };
  if (item.revision !== opts.revision) throw await notesConflict(tx, "agenda_item", item.id, item);
  const row = await tx
    .updateTable("agenda_items")
    .set((eb) => ({ notes: opts.notes, revision: eb("revision", "+", 1), updated_at: new Date() }))
    .where("id", "=", item.id)
    .returning("revision")
    .executeTakeFirstOrThrow();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "item.notes",
    objectType: "agenda_item",
    objectId: item.id,
    before: { revision: item.revision, length: item.notes.length },
    after: { revision: row.revision, notes: opts.notes },
  });
  return { revision: row.revision, changed: true };
}
