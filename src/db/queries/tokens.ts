import type { Tx } from "../client.js";
import { hashSecret, newSecret } from "./sessions.js";

/** What a one-time link is for. */
export type TokenPurpose = "reset" | "first_signin";

/** Creates a one-time token for a user and returns the secret for the link (only its hash is stored). */
export async function createToken(
  tx: Tx,
  opts: { userId: number; purpose: TokenPurpose; validMs: number; now?: Date },
): Promise<string> {
  const secret = newSecret();
  const now = opts.now ?? new Date();
  await tx
    .insertInto("tokens")
    .values({
      id: hashSecret(secret),
      user_id: opts.userId,
      purpose: opts.purpose,
      created_at: now,
      expires_at: new Date(now.getTime() + opts.validMs),
    })
    .execute();
  return secret;
}

/** The user a valid, unused token belongs to, or undefined; does not use it up. */
export async function peekToken(
  tx: Tx,
  secret: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<number | undefined> {
  const row = await tx
    .selectFrom("tokens")
    .select(["user_id", "expires_at", "used_at"])
    .where("id", "=", hashSecret(secret))
    .where("purpose", "=", purpose)
    .executeTakeFirst();
  if (!row || row.user_id === null || row.used_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= now) return undefined;
  return row.user_id;
}

/**
 * Uses a token up and returns its user, or undefined when it is unknown, used or expired. The
 * conditional update makes a second, concurrent use of the same link fail.
 */
export async function consumeToken(
  tx: Tx,
  secret: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<number | undefined> {
  const row = await tx
    .updateTable("tokens")
    .set({ used_at: now })
    .where("id", "=", hashSecret(secret))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id ?? undefined;
}
