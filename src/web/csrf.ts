import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

/** Name of the hidden form field (or header x-csrf-token) that carries the session's CSRF token. */
export const CSRF_FIELD = "_csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const EXPIRED = "Formuläret har gått ut. Ladda om sidan och försök igen; det du skrev finns kvar i webbläsaren.";
const FOREIGN = "Formuläret skickades från en annan webbplats och togs inte emot.";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether a browser says the request comes from another site. Sec-Fetch-Site, sent by current
 * browsers, decides when present; else the Origin header, which every browser sends on a POST
 * (the app's Referrer-Policy is same-origin, so same-origin posts carry a real Origin, not "null").
 * Requests with neither (curl, other programs) carry no ambient browser credentials of a victim,
 * so they are judged by their token alone.
 */
export function isCrossOrigin(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === "null") return true;
  try {
    // Through URL on both sides, so a default port written or left out compares equal.
    const from = new URL(origin).origin;
    if (from === new URL(`${req.protocol}://${req.host}`).origin) return false;
    return !(publicUrl && new URL(publicUrl).origin === from);
  } catch {
    return true;
  }
}

/**
 * Refuses every state-changing request that another site's page made a browser send (by
 * Sec-Fetch-Site and Origin) — this covers the forms used before there is a session, such as
 * sign-in — and, when there is a session, every one whose token does not match the session's.
 */
export function registerCsrfCheck(app: FastifyInstance, opts: { publicUrl?: string | undefined } = {}): void {
  app.addHook("preHandler", async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    if (isCrossOrigin(req, opts.publicUrl)) throw new AppError("forbidden", FOREIGN);
    if (req.csrfToken === null) return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = req.headers["x-csrf-token"] ?? (body && typeof body === "object" ? body[CSRF_FIELD] : undefined);
    if (typeof sent !== "string" || !same(sent, req.csrfToken)) throw new AppError("forbidden", EXPIRED);
  });
}
