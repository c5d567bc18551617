import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";
import { notesConflict } from "./saveItemNotes.js";

/** Saves one municipality's note in a round item ("Läget i kommunerna"), with the same lock as item notes. */
export async function saveRoundNote(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number; municipalityId: number; notes: string; revision: number },
): Promise<{ revision: number; changed: boolean }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  if (item.kind !== "round") throw new AppError("bad_request", "Punkten är ingen runda per kommun.");
  const municipality = await tx
    .selectFrom("municipalities")
    .select(["id", "name"])
    .where("id", "=", opts.municipalityId)
    .executeTakeFirst();
  if (!municipality) throw notFound("Kommunen");
  const saved = await tx
    .selectFrom("round_notes")
    .select(["notes", "revision"])
    .where("item_id", "=", item.id)
    .where("municipality_id", "=", municipality.id)
    .forUpdate()
    .executeTakeFirst();
  const current = saved ?? { notes: "", revision: 0 };
  if (current.notes === opts.notes) return { revision: current.revision, changed: false };
  const objectId = `${item.id}:${municipality.id}`;
  if (current.revision !== opts.revision) throw await notesConflict(tx, "round_note", objectId, current);
  const row = await tx
    .insertInto("round_notes")
    .values({ item_id: item.id, municipality_id: municipality.id, notes: opts.notes, revision: 1 })
    .onConflict((oc) =>
      oc.columns(["item_id", "municipality_id"]).doUpdateSet((eb) => ({
        notes: opts.notes,
        revision: eb("round_notes.revision", "+", 1),
      })),
    )
    .returning("revision")
    .executeTakeFirstOrThrow();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "round.notes",
    objectType: "round_note",
    objectId,
    before: { revision: current.revision, length: current.notes.length },
    after: { revision: row.revision, municipality: municipality.name, notes: opts.notes },
  });
  return { revision: row.revision, changed: true };
}
