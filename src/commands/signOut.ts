import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { deleteSession, deleteSessionsOfUser } from "../db/queries/sessions.js";
import type { Actor } from "../domain/permissions.js";
import { refusal } from "./authorize.js";

/** Ends this browser's session, or with `everywhere` every session of the account (recorded). */
export async function signOut(tx: Tx, opts: { actor: Actor; token: string | undefined; everywhere?: boolean }) {
  if (opts.actor.userId === null) throw refusal(opts.actor);
  if (!opts.everywhere) {
    if (opts.token) await deleteSession(tx, opts.token);
    return { ended: 1 };
  }
  const ended = await deleteSessionsOfUser(tx, opts.actor.userId);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "user.signout_everywhere",
    objectType: "user",
    objectId: opts.actor.userId,
    after: { sessionsEnded: ended },
  });
  return { ended };
}
