import type { Tx } from "../db/client.js";
import { listEditableItems, renumberItems } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

const STALE_ORDER =
  "Dagordningen har ändrats av någon annan sedan du öppnade sidan: punkter har lagts till eller tagits bort. Sidan visar nu den aktuella dagordningen; flytta punkterna igen.";

/**
 * Moves one item a step up or down (the keyboard and no-JavaScript way), or sets the whole order
 * at once (drag and drop). A whole order must name exactly the items the agenda has now.
 */
export async function reorderAgenda(
  tx: Tx,
  opts: { actor: Actor; meetingId: number } & ({ itemId: number; direction: "up" | "down" } | { order: number[] }),
): Promise<void> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const items = await listEditableItems(tx, meeting.id);
  const before = items.map((i) => i.id);
  let after: number[];
  if ("order" in opts) {
    const same = opts.order.length === before.length && new Set(opts.order).size === before.length;
    if (!same || !opts.order.every((id) => before.includes(id))) throw new AppError("conflict", STALE_ORDER);
    after = opts.order;
  } else {
    const at = before.indexOf(opts.itemId);
    if (at < 0) throw new AppError("conflict", STALE_ORDER);
    const to = opts.direction === "up" ? at - 1 : at + 1;
    after = [...before];
    if (to >= 0 && to < after.length) {
      const moved = after[at] as number;
      after[at] = after[to] as number;
      after[to] = moved;
    }
  }
  if (after.every((id, i) => id === before[i])) return;
  await renumberItems(tx, meeting.id, after);
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "agenda.reorder",
    objectType: "meeting",
    objectId: meeting.id,
    before: { order: before },
    after: { order: after },
  });
}
