import type { Tx } from "../db/client.js";
import type { Meeting } from "../db/schema.js";
import type { Actor, Permission } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** The message when someone tries to change approved minutes in place. */
export const APPROVED_IS_READ_ONLY =
  "Anteckningarna är justerade och kan inte ändras. Gör en rättelse på mötessidan om något behöver ändras.";

/**
 * Locks a meeting for a change in this transaction, checks the actor's permission in its network,
 * and refuses changes to approved minutes and cancelled meetings unless the caller allows them.
 */
export async function openMeetingForChange(
  tx: Tx,
  actor: Actor,
  meetingId: number,
  opts: { permission?: Permission; allowApproved?: boolean; allowCancelled?: boolean } = {},
): Promise<Meeting> {
  const meeting = await tx
    .selectFrom("meetings")
    .selectAll()
    .where("id", "=", meetingId)
    .forUpdate()
    .executeTakeFirst();
  if (!meeting) throw notFound("Mötet");
  await authorize(tx, actor, opts.permission ?? "meeting.edit", { networkId: meeting.network_id });
  if (meeting.state === "approved" && !opts.allowApproved) throw new AppError("conflict", APPROVED_IS_READ_ONLY);
  if (meeting.state === "cancelled" && !opts.allowCancelled) {
    throw new AppError("conflict", "Mötet är inställt. Planera om det innan du ändrar något.");
  }
  return meeting;
}

/** Records that a meeting was changed in Samråd: a re-import leaves it alone, calendars see a new revision. */
export async function markMeetingChanged(tx: Tx, meetingId: number): Promise<number> {
  const row = await tx
    .updateTable("meetings")
    .set((eb) => ({ edited_in_app: true, revision: eb("revision", "+", 1), updated_at: new Date() }))
    .where("id", "=", meetingId)
    .returning("revision")
    .executeTakeFirstOrThrow();
  return row.revision;
}

/** Reads a meeting without locking it and checks a read or edit permission in its network. */
export async function findMeetingFor(
  tx: Tx,
  actor: Actor,
  meetingId: number,
  permission: Permission,
): Promise<Meeting> {
  const meeting = await tx.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirst();
  if (!meeting) throw notFound("Mötet");
  await authorize(tx, actor, permission, { networkId: meeting.network_id });
  return meeting;
}
