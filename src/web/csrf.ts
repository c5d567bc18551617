import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";

/** Name of the hidden form field (or header x-csrf-token) that carries the session's CSRF token. */
export const CSRF_FIELD = "_csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Refuses every state-changing request whose token does not match the session's. Requests without
 * a session are let through here: the command then refuses them for lack of permission, and the
 * sign-in form is protected by SameSite cookies and rate limits instead.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook("preHandler", async (req) => {
    if (SAFE_METHODS.has(req.method) || req.csrfToken === null) return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = req.headers["x-csrf-token"] ?? (body && typeof body === "object" ? body[CSRF_FIELD] : undefined);
    if (typeof sent !== "string" || !same(sent, req.csrfToken)) {
      throw new AppError(
        "forbidden",
        "Formuläret har gått ut. Ladda om sidan och försök igen; det du skrev finns kvar i webbläsaren.",
      );
    }
  });
}
