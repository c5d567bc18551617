import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_ABSOLUTE_MS } from "../db/queries/sessions.js";
import { SESSION_COOKIE } from "./actor.js";

/** Whether cookies must be Secure: the request came over https (directly or, when trusted, via a proxy). */
export function isHttps(req: FastifyRequest, publicUrl: string | undefined): boolean {
  return req.protocol === "https" || (publicUrl?.startsWith("https:") ?? false);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind https, for the session's lifetime. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}

/** The session cookie the request came with, if any. */
export function sessionTokenOf(req: FastifyRequest): string | undefined {
  const token = req.cookies[SESSION_COOKIE];
  return token && token.length <= 100 ? token : undefined;
}
