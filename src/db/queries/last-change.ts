import type { Tx } from "../client.js";

/** Who last changed an object and when, from the audit log (a person's name when the user has one). */
export async function findLastChange(
  tx: Tx,
  objectType: string,
  objectId: string | number,
): Promise<{ by: string; at: Date } | undefined> {
  const row = await tx
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.user_id")
    .leftJoin("people as p", "p.id", "u.person_id")
    .select(["a.actor", "a.at", "p.name"])
    .where("a.object_type", "=", objectType)
    .where("a.object_id", "=", String(objectId))
    .orderBy("a.id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { by: row.name ?? row.actor, at: row.at } : undefined;
}
