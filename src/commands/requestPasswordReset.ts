import { z } from "zod";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { createToken } from "../db/queries/tokens.js";
import { findUserByEmail } from "../db/queries/users.js";
import { ANONYMOUS } from "../domain/permissions.js";
import { queueMail } from "../mail/queue.js";

/** How long a reset link works. */
export const RESET_VALID_MS = 60 * 60 * 1000;

/** The "forgot password" form. */
export const ResetRequestForm = z.object({
  email: z.string().trim().min(3, "fyll i din e-postadress").max(254, "e-postadressen är för lång"),
});

/**
 * Queues a mail (the outbox) with a one-time reset link, in the same transaction, when the address has an
 * enabled account. Says nothing either way: the page only tells that a link has been sent.
 */
export async function requestPasswordReset(tx: Tx, opts: { email: string; baseUrl: string }): Promise<void> {
  const user = await findUserByEmail(tx, opts.email);
  if (!user || user.disabledAt) return;
  const secret = await createToken(tx, { userId: user.id, purpose: "reset", validMs: RESET_VALID_MS });
  const link = `${opts.baseUrl.replace(/\/$/, "")}/aterstall/${secret}`;
  await queueMail(tx, {
    to: user.email,
    subject: "Välj ett nytt lösenord i Samråd",
    text: [
      "Hej!",
      "",
      "Någon, förhoppningsvis du, bad om att få välja ett nytt lösenord till ditt konto i Samråd.",
      "Öppna länken inom en timme för att göra det:",
      "",
      link,
      "",
      "Bad du inte om det kan du bortse från brevet: ditt lösenord ändras inte.",
    ].join("\n"),
  });
  await recordAudit(tx, { actor: ANONYMOUS, action: "user.reset_requested", objectType: "user", objectId: user.id });
}
