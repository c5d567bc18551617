import type { Tx } from "../db/client.js";
import { listEditableItems, renumberItems } from "../db/queries/agenda.js";
import { listAgendaProposals } from "../db/queries/agenda-proposals.js";
import { recordAudit } from "../db/queries/audit.js";
import { mergeAgenda } from "../domain/agenda-rules.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/**
 * Adds the chosen proposals to a meeting's agenda. Proposals are computed again under the
 * meeting's lock, so an item someone else added in between is not added twice. Items go before
 * the closing items ("Övrigt"); a postponed item is linked to the original, a sent-in item is
 * marked scheduled and its files become the new item's files.
 */
export async function addProposedItems(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; keys: string[] },
): Promise<{ added: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  if (opts.keys.length === 0) {
    throw new AppError("bad_request", "Välj minst ett förslag att lägga till.", { where: "proposals" });
  }
  const proposals = await listAgendaProposals(tx, meeting);
  const chosen = proposals.filter((p) => opts.keys.includes(p.key));
  if (chosen.length === 0) return { added: 0 };
  const existing = await listEditableItems(tx, meeting.id);
  const base = existing.length;
  const added: { id: number; title: string }[] = [];
  for (const [i, p] of chosen.entries()) {
    const row = await tx
      .insertInto("agenda_items")
      .values({ ...p.item, meeting_id: meeting.id, position: base + i })
      .returning(["id", "title"])
      .executeTakeFirstOrThrow();
    added.push(row);
    if (p.raisers.length > 0) {
      await tx
        .insertInto("item_raisers")
        .values(p.raisers.map((r) => ({ item_id: row.id, person_id: r.person_id, name: r.name })))
        .execute();
    }
    if (p.submittedItemId !== null) {
      await tx
        .updateTable("submitted_items")
        .set({
          status: "scheduled",
          item_id: row.id,
          meeting_id: meeting.id,
          deferred_to_meeting_id: null,
          decided_at: new Date(),
          decided_by: opts.actor.personId,
        })
        .where("id", "=", p.submittedItemId)
        .execute();
      // Files sent in with the item become the agenda item's files.
      const files = await tx
        .selectFrom("submitted_item_attachments")
        .select(["document_id", "title"])
        .where("submitted_item_id", "=", p.submittedItemId)
        .orderBy("id")
        .execute();
      if (files.length > 0) {
        await tx
          .insertInto("attachments")
          .values(
            files.map((f) => ({
              meeting_id: meeting.id,
              item_id: row.id,
              document_id: f.document_id,
              title: f.title,
              created_by: opts.actor.personId,
            })),
          )
          .execute();
      }
    }
  }
  const order = mergeAgenda(existing, added).map((i) => i.id);
  await renumberItems(tx, meeting.id, order);
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "agenda.addProposed",
    objectType: "meeting",
    objectId: meeting.id,
    after: { added: chosen.map((p, i) => ({ key: p.key, itemId: added[i]?.id, title: p.title })) },
  });
  return { added: chosen.length };
}
