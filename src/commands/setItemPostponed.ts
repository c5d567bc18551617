import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { formatDate } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/**
 * Marks an item as postponed ("flyttas till nästa möte"): the agenda builder then proposes it for
 * the network's next meeting, linked to this one. Undoing it is refused once it has been carried.
 */
export async function setItemPostponed(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number; postponed: boolean },
): Promise<void> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  if (item.postponed === opts.postponed) return;
  if (!opts.postponed) {
    const carried = await tx
      .selectFrom("agenda_items as c")
      .innerJoin("meetings as m", "m.id", "c.meeting_id")
      .select(["m.date"])
      .where("c.carried_from_item_id", "=", item.id)
      .executeTakeFirst();
    if (carried) {
      throw new AppError(
        "conflict",
        `”${item.title}” finns redan på dagordningen för mötet ${formatDate(carried.date)}. Ta bort den där först.`,
      );
    }
  }
  await tx
    .updateTable("agenda_items")
    .set({ postponed: opts.postponed, updated_at: new Date() })
    .where("id", "=", item.id)
    .execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: opts.postponed ? "item.postpone" : "item.unpostpone",
    objectType: "agenda_item",
    objectId: item.id,
    before: { postponed: item.postponed },
    after: { postponed: opts.postponed },
  });
}
