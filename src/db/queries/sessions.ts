import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../../domain/permissions.js";
import type { Tx } from "../client.js";

/** Idle time-out of a session, and its absolute lifetime. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** sha256 of a secret sent to a browser or by mail: only the hash is stored, so a leaked table signs nobody in. */
export const hashSecret = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh random secret for a cookie, link or token. */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Creates a session for a user and returns the cookie value (only its hash is stored). */
export async function createSession(
  tx: Tx,
  userId: number,
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  await tx
    .insertInto("sessions")
    .values({
      id: hashSecret(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    })
    .execute();
  return { token, csrfToken };
}

/** What a valid session cookie resolves to. */
export type SessionInfo = { actor: Actor; csrfToken: string; sessionId: string; name: string };

/** The actor behind a session cookie, or null when it is unknown, expired, idle too long or its account disabled. */
export async function findSessionActor(tx: Tx, token: string, now = new Date()): Promise<SessionInfo | null> {
  const id = hashSecret(token);
  const row = await tx
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("people as p", "p.id", "u.person_id")
    .select([
      "s.id",
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "u.id as userId",
      "u.person_id",
      "u.is_admin",
      "u.email",
      "u.disabled_at",
      "p.name",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) {
    await tx.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  // Touch at most once a minute, so reads don't write on every request.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await tx.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
  }
  return {
    actor: { userId: row.userId, personId: row.person_id, isAdmin: row.is_admin, label: row.email },
    csrfToken: row.csrf_token,
    sessionId: id,
    name: row.name ?? row.email,
  };
}

/** Ends one session. */
export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.deleteFrom("sessions").where("id", "=", hashSecret(token)).execute();
}

/** Ends every session of a user ("sign out everywhere", a new password, a disabled account); returns how many. */
export async function deleteSessionsOfUser(tx: Tx, userId: number): Promise<number> {
  const rows = await tx.deleteFrom("sessions").where("user_id", "=", userId).returning("id").execute();
  return rows.length;
}
