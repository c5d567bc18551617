import type { OidcClient } from "../auth/oidc.js";
import type { Tx } from "../db/client.js";
import { saveSigninState, takeSigninState } from "../db/queries/signin-states.js";
import { AppError } from "../errors.js";
import { signInWithSso } from "./signInWithSso.js";
import type { NewSession } from "./startSession.js";

/** How long a started single sign-on may take. */
export const SSO_VALID_MS = 10 * 60 * 1000;

/** Starts a single sign-on: remembers state, PKCE verifier and nonce, and returns where to send the browser. */
export async function startSso(tx: Tx, opts: { oidc: OidcClient; redirectUri: string; next: string }) {
  const { url, pending } = await opts.oidc.start(opts.redirectUri);
  await saveSigninState(tx, { ...pending, nextPath: opts.next, validMs: SSO_VALID_MS });
  return { url, state: pending.state };
}

/** Finishes a single sign-on at the callback: checks it against what was started, then signs the person in. */
export async function finishSso(
  tx: Tx,
  opts: { oidc: OidcClient; callbackUrl: URL; state: string | undefined; previousToken?: string | undefined },
): Promise<NewSession & { next: string }> {
  const started = opts.state ? await takeSigninState(tx, opts.state) : undefined;
  if (!opts.state || !started) {
    throw new AppError(
      "unauthorized",
      "Inloggningen tog för lång tid eller startades i en annan webbläsare. Försök igen.",
    );
  }
  const identity = await opts.oidc.finish(opts.callbackUrl, {
    state: opts.state,
    codeVerifier: started.codeVerifier,
    nonce: started.nonce,
  });
  const session = await signInWithSso(tx, { identity, previousToken: opts.previousToken });
  return { ...session, next: started.nextPath };
}
