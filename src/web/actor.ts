import type { FastifyInstance } from "fastify";
import type { Tx } from "../db/client.js";
import { findSessionActor } from "../db/queries/sessions.js";
import { type Actor, ANONYMOUS } from "../domain/permissions.js";
import type { Viewer } from "./views/viewer.js";

/** The session cookie's name. */
export const SESSION_COOKIE = "samrad_session";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is asking: the signed-in person, or ANONYMOUS. */
    actor: Actor;
    /** The session's CSRF token, for forms; null when nobody is signed in. */
    csrfToken: string | null;
    /** The signed-in user as the page header shows them; null when nobody is signed in. */
    viewer: Viewer | null;
    /** The stored id (hash) of the current session, or null. */
    sessionId: string | null;
  }
}

/** Resolves the session cookie to an actor on every request. */
export function registerActor(app: FastifyInstance, db: Tx): void {
  app.decorateRequest("actor", null as unknown as Actor);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("viewer", null);
  app.decorateRequest("sessionId", null);
  app.addHook("onRequest", async (req) => {
    req.actor = ANONYMOUS;
    req.csrfToken = null;
    req.viewer = null;
    req.sessionId = null;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const session = await findSessionActor(db, token);
    if (session) {
      req.actor = session.actor;
      req.csrfToken = session.csrfToken;
      req.sessionId = session.sessionId;
      req.viewer = { name: session.name, isAdmin: session.actor.isAdmin, csrfToken: session.csrfToken };
    }
  });
}
