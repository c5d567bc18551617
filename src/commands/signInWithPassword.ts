import { z } from "zod";
import { verifyPassword } from "../auth/passwords.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findUserByEmail } from "../db/queries/users.js";
import { ANONYMOUS } from "../domain/permissions.js";
import { type NewSession, startSession } from "./startSession.js";

/** The sign-in form. */
export const SignInForm = z.object({
  email: z.string().trim().min(3, "fyll i din e-postadress").max(254, "e-postadressen är för lång"),
  password: z.string().min(1, "fyll i ditt lösenord").max(200, "lösenordet är för långt"),
});

/** The answer every failed sign-in gets, so the form does not tell which addresses have accounts. */
export const SIGN_IN_FAILED = "Fel e-postadress eller lösenord, eller så är kontot avstängt.";

/**
 * Signs in with e-mail and password. A failure is an answer, not an exception, so the transaction
 * commits the audit entry that records a failure on a real account.
 */
export async function signInWithPassword(
  tx: Tx,
  opts: { email: string; password: string; previousToken?: string | undefined },
): Promise<{ ok: true; session: NewSession } | { ok: false; message: string }> {
  const user = await findUserByEmail(tx, opts.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, opts.password);
  if (!user || !ok || user.disabledAt) {
    if (user) {
      await recordAudit(tx, {
        actor: ANONYMOUS,
        action: "user.signin_failed",
        objectType: "user",
        objectId: user.id,
        after: { reason: user.disabledAt ? "disabled" : "password" },
      });
    }
    return { ok: false, message: SIGN_IN_FAILED };
  }
  return { ok: true, session: await startSession(tx, { user, method: "password", previousToken: opts.previousToken }) };
}
