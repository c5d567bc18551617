import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findUserById } from "../db/queries/users.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { authorize } from "./authorize.js";

/**
 * Sets a new password for the signed-in account. The current one is asked for when there is one,
 * so a borrowed, unlocked browser cannot take the account over. Other sessions end.
 */
export async function changePassword(
  tx: Tx,
  opts: { actor: Actor; current: string; password: string; sessionId: string | null },
): Promise<void> {
  await authorize(tx, opts.actor, "account.manage");
  const user = opts.actor.userId === null ? undefined : await findUserById(tx, opts.actor.userId);
  if (!user) throw new AppError("forbidden", "Bara den som är inloggad kan byta lösenord.");
  if (user.passwordHash !== null && !(await verifyPassword(user.passwordHash, opts.current))) {
    throw new AppError("bad_request", "Det nuvarande lösenordet stämmer inte.", { where: "current" });
  }
  await tx
    .updateTable("users")
    .set({ password_hash: await hashPassword(opts.password) })
    .where("id", "=", user.id)
    .execute();
  let others = tx.deleteFrom("sessions").where("user_id", "=", user.id);
  if (opts.sessionId) others = others.where("id", "<>", opts.sessionId);
  await others.execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "user.password_set",
    objectType: "user",
    objectId: user.id,
    after: { via: "account" },
  });
}
