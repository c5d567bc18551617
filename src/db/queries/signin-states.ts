import type { Tx } from "../client.js";
import { hashSecret } from "./sessions.js";

/** Keeps what a started single sign-on needs at its callback, under the hash of its state value. */
export async function saveSigninState(
  tx: Tx,
  opts: { state: string; codeVerifier: string; nonce: string; nextPath: string; validMs: number; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  // Old, abandoned sign-ins go when new ones start, so the table stays small without a worker.
  await tx.deleteFrom("signin_states").where("expires_at", "<", now).execute();
  await tx
    .insertInto("signin_states")
    .values({
      id: hashSecret(opts.state),
      code_verifier: opts.codeVerifier,
      nonce: opts.nonce,
      next_path: opts.nextPath,
      expires_at: new Date(now.getTime() + opts.validMs),
    })
    .execute();
}

/** Takes (reads and deletes) a started sign-in by its state value; undefined when unknown or expired. */
export async function takeSigninState(tx: Tx, state: string, now = new Date()) {
  const row = await tx
    .deleteFrom("signin_states")
    .where("id", "=", hashSecret(state))
    .returning(["code_verifier", "nonce", "next_path", "expires_at"])
    .executeTakeFirst();
  if (!row || row.expires_at <= now) return undefined;
  return { codeVerifier: row.code_verifier, nonce: row.nonce, nextPath: row.next_path };
}
