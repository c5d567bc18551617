import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { markMeetingChanged } from "./editableMeeting.js";

/**
 * Closes an action as done, with a comment, at a meeting or between meetings. Assignees close
 * their own (action.closeOwn); anyone else needs action.manage in the network.
 */
export async function closeAction(
  tx: Tx,
  opts: { actor: Actor; actionId: number; comment: string; atMeetingId?: number },
): Promise<void> {
  const action = await tx
    .selectFrom("actions")
    .selectAll()
    .where("id", "=", opts.actionId)
    .forUpdate()
    .executeTakeFirst();
  if (!action) throw notFound("Uppdraget");
  const own =
    opts.actor.personId !== null &&
    (await tx
      .selectFrom("action_assignees")
      .select("id")
      .where("action_id", "=", action.id)
      .where("person_id", "=", opts.actor.personId)
      .executeTakeFirst()) !== undefined;
  await authorize(tx, opts.actor, own ? "action.closeOwn" : "action.manage", { networkId: action.network_id });
  if (action.status !== "open") throw new AppError("conflict", "Uppdraget är redan avslutat.");
  if (opts.atMeetingId !== undefined) {
    const meeting = await tx
      .selectFrom("meetings")
      .select("network_id")
      .where("id", "=", opts.atMeetingId)
      .executeTakeFirst();
    if (meeting?.network_id !== action.network_id)
      throw new AppError("bad_request", "Mötet hör inte till uppdragets nätverk.");
  }
  await tx
    .updateTable("actions")
    .set({
      status: "done",
      closed_at: new Date(),
      closed_by: opts.actor.personId,
      closed_comment: opts.comment,
      closed_meeting_id: opts.atMeetingId ?? null,
    })
    .where("id", "=", action.id)
    .execute();
  if (opts.atMeetingId !== undefined) await markMeetingChanged(tx, opts.atMeetingId);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "action.close",
    objectType: "action",
    objectId: action.id,
    before: { status: action.status },
    after: { status: "done", comment: opts.comment, meeting_id: opts.atMeetingId ?? null },
  });
}
