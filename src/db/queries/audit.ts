import type { Actor } from "../../domain/permissions.js";
import type { Tx } from "../client.js";

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function recordAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: string;
    objectType: string;
    objectId: string | number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx
    .insertInto("audit_log")
    .values({
      user_id: entry.actor.userId,
      actor: entry.actor.label,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId === null ? null : String(entry.objectId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
