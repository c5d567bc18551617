import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { nextDecisionNumber } from "../db/queries/decisions.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/**
 * Records a decision under an item, numbered per network and year ("2025:7"). The network row is
 * locked while the number is taken, so two meetings of one network never get the same number.
 */
export async function recordDecision(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number; text: string },
): Promise<{ decisionId: number; year: number; number: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  await tx.selectFrom("networks").select("id").where("id", "=", meeting.network_id).forUpdate().execute();
  const year = Number(meeting.date.slice(0, 4));
  const number = await nextDecisionNumber(tx, meeting.network_id, year);
  const row = await tx
    .insertInto("decisions")
    .values({ network_id: meeting.network_id, meeting_id: meeting.id, item_id: item.id, year, number, text: opts.text })
    .returning("id")
    .executeTakeFirstOrThrow();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "decision.record",
    objectType: "decision",
    objectId: row.id,
    after: { meeting_id: meeting.id, item_id: item.id, year, number, text: opts.text },
  });
  return { decisionId: row.id, year, number };
}
