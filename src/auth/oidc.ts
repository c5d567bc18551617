import type * as Client from "openid-client";
import type { SsoIdentity } from "../commands/signInWithSso.js";
import { AppError } from "../errors.js";

/** Where Samråd finds the identity provider and who it is there. */
export type OidcSettings = { issuer: string; clientId: string; clientSecret: string | undefined; label: string };

/** What must survive between the redirect to the provider and its callback. */
export type OidcPending = { state: string; codeVerifier: string; nonce: string };

// openid-client is loaded on first use: only servers with single sign-on configured need it.
const openid = (): Promise<typeof Client> => import("openid-client");

const isLoopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce) through
 * openid-client. The provider's metadata is discovered on first use and kept; a failed discovery
 * is retried on the next sign-in. Plain http is allowed only for a provider on this machine (tests).
 */
export class OidcClient {
  private configuration: Promise<Client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  private config(): Promise<Client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      const attempt = openid().then((client) =>
        client.discovery(
          issuer,
          this.settings.clientId,
          this.settings.clientSecret,
          undefined,
          issuer.protocol === "http:" && isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {},
        ),
      );
      attempt.catch(() => {
        this.configuration = undefined;
      });
      this.configuration = attempt;
    }
    return this.configuration.catch((e: Error) => {
      throw new AppError(
        "bad_request",
        `Inloggningstjänsten svarar inte just nu (${e.message}). Försök igen om en stund.`,
      );
    });
  }

  /** The provider URL to send the browser to, and what the callback will need. */
  async start(redirectUri: string): Promise<{ url: URL; pending: OidcPending }> {
    const config = await this.config();
    const client = await openid();
    const pending = {
      state: client.randomState(),
      codeVerifier: client.randomPKCECodeVerifier(),
      nonce: client.randomNonce(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: "S256",
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Checks the callback (state, PKCE, nonce, ID token) and returns who the provider vouches for. */
  async finish(callbackUrl: URL, pending: OidcPending): Promise<SsoIdentity> {
    const config = await this.config();
    const client = await openid();
    let tokens: Awaited<ReturnType<typeof Client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      throw new AppError("unauthorized", `Inloggningen kunde inte slutföras: ${(e as Error).message}`);
    }
    const claims = tokens.claims();
    if (!claims) throw new AppError("unauthorized", "Inloggningstjänsten skickade ingen identitet.");
    let email = typeof claims.email === "string" ? claims.email : undefined;
    let verified = typeof claims.email_verified === "boolean" ? claims.email_verified : undefined;
    // Providers that keep the e-mail out of the ID token give it at the userinfo endpoint.
    if (!email) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = typeof info.email === "string" ? info.email : undefined;
      verified = typeof info.email_verified === "boolean" ? info.email_verified : undefined;
    }
    return { subject: `${claims.iss} ${claims.sub}`, email, emailVerified: verified };
  }
}
