import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../../domain/permissions.js";
import type { Tx } from "../client.js";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Replaces a person's calendar token with a new one and returns it (only its hash is stored). */
export async function replaceCalendarToken(tx: Tx, opts: { personId: number; userId: number }): Promise<string> {
  await tx.deleteFrom("tokens").where("person_id", "=", opts.personId).where("purpose", "=", "calendar").execute();
  const token = randomBytes(24).toString("base64url");
  await tx
    .insertInto("tokens")
    .values({ id: hash(token), person_id: opts.personId, user_id: opts.userId, purpose: "calendar" })
    .execute();
  return token;
}

/** When the person's current calendar token was made, or null when there is none. */
export async function calendarTokenCreatedAt(tx: Tx, personId: number): Promise<Date | null> {
  const row = await tx
    .selectFrom("tokens")
    .select("created_at")
    .where("person_id", "=", personId)
    .where("purpose", "=", "calendar")
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** The actor a calendar token stands for, or null when the token is unknown or its account is disabled. */
export async function findCalendarTokenActor(tx: Tx, token: string): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await tx
    .selectFrom("tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["u.id as userId", "u.email", "u.is_admin", "u.disabled_at", "t.person_id", "t.expires_at"])
    .where("t.id", "=", hash(token))
    .where("t.purpose", "=", "calendar")
    .executeTakeFirst();
  if (!row || row.disabled_at || row.person_id === null) return null;
  if (row.expires_at && row.expires_at <= new Date()) return null;
  return { userId: row.userId, personId: row.person_id, isAdmin: row.is_admin, label: `${row.email} (kalender)` };
}
