import { hashPassword } from "../auth/passwords.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { deleteSessionsOfUser } from "../db/queries/sessions.js";
import { consumeToken, peekToken, type TokenPurpose } from "../db/queries/tokens.js";
import { findUserById } from "../db/queries/users.js";
import { AppError } from "../errors.js";
import { type NewSession, startSession } from "./startSession.js";

const EXPIRED = "Länken är använd eller för gammal. Be om en ny på inloggningssidan.";

/** Whether a reset or first sign-in link still works (for showing its form). */
export async function checkLink(tx: Tx, opts: { secret: string; purpose: TokenPurpose }): Promise<void> {
  const userId = await peekToken(tx, opts.secret, opts.purpose);
  const user = userId === undefined ? undefined : await findUserById(tx, userId);
  if (!user || user.disabledAt) throw new AppError("not_found", EXPIRED);
}

/**
 * Uses a one-time link: a reset link sets the new password, a first sign-in link may set one.
 * Every other session of the account ends, and this browser is signed in with a new session.
 */
export async function setPasswordWithLink(
  tx: Tx,
  opts: { secret: string; purpose: TokenPurpose; password?: string; previousToken?: string | undefined },
): Promise<NewSession> {
  const userId = await consumeToken(tx, opts.secret, opts.purpose);
  const user = userId === undefined ? undefined : await findUserById(tx, userId);
  if (!user || user.disabledAt) throw new AppError("not_found", EXPIRED);
  if (opts.password !== undefined) {
    await tx
      .updateTable("users")
      .set({ password_hash: await hashPassword(opts.password) })
      .where("id", "=", user.id)
      .execute();
  }
  await deleteSessionsOfUser(tx, user.id);
  const actor = { userId: user.id, personId: user.personId, isAdmin: user.isAdmin, label: user.email };
  if (opts.password !== undefined) {
    await recordAudit(tx, {
      actor,
      action: "user.password_set",
      objectType: "user",
      objectId: user.id,
      after: { via: opts.purpose },
    });
  }
  return startSession(tx, {
    user,
    method: opts.purpose === "reset" ? "reset" : "link",
    previousToken: opts.previousToken,
  });
}
