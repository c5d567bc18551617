import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { createSession, deleteSession } from "../db/queries/sessions.js";
import type { Actor } from "../domain/permissions.js";

/** A new session: the cookie value and its CSRF token. */
export type NewSession = { token: string; csrfToken: string; userId: number };

/**
 * Signs a user in: ends the session the browser came with (so a session id planted before sign-in
 * is never the one that gets signed in — no session fixation), issues a new one, and records it.
 */
export async function startSession(
  tx: Tx,
  opts: {
    user: { id: number; email: string; personId: number | null; isAdmin: boolean };
    method: "password" | "sso" | "link" | "reset";
    previousToken?: string | undefined;
    now?: Date;
  },
): Promise<NewSession> {
  const now = opts.now ?? new Date();
  if (opts.previousToken) await deleteSession(tx, opts.previousToken);
  const session = await createSession(tx, opts.user.id, now);
  await tx.updateTable("users").set({ last_signin_at: now }).where("id", "=", opts.user.id).execute();
  const actor: Actor = {
    userId: opts.user.id,
    personId: opts.user.personId,
    isAdmin: opts.user.isAdmin,
    label: opts.user.email,
  };
  await recordAudit(tx, {
    actor,
    action: "user.signin",
    objectType: "user",
    objectId: opts.user.id,
    after: { method: opts.method },
  });
  return { ...session, userId: opts.user.id };
}
