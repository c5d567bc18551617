import type { FastifyInstance } from "fastify";
import type { Tx } from "../src/db/client.js";
import { createSession } from "../src/db/queries/sessions.js";
import { SESSION_COOKIE } from "../src/web/actor.js";
import { buildUser } from "./factories.js";

/** A signed-in test client: cookie and CSRF token for app.inject. */
export type SignedIn = { userId: number; cookie: string; csrfToken: string; headers: Record<string, string> };

/** Creates a user (admin, or linked to a person) with a session, for requests through app.inject. */
export async function signIn(
  db: Tx,
  opts: { isAdmin?: boolean; personId?: number; email?: string } = {},
): Promise<SignedIn> {
  const user = await buildUser(db, opts);
  const { token, csrfToken } = await createSession(db, user.id);
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { userId: user.id, cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

/** Posts a form as a signed-in user, with the CSRF field. */
export function postForm(app: FastifyInstance, who: SignedIn | null, url: string, form: Record<string, string>) {
  const body = new URLSearchParams(who ? { ...form, _csrf: who.csrfToken } : form).toString();
  return app.inject({
    method: "POST",
    url,
    payload: body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...(who ? { cookie: who.cookie } : {}) },
  });
}

/** The session cookie value a response sets, or undefined. */
export function sessionCookieOf(res: { cookies: { name: string; value: string }[] }): string | undefined {
  return res.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== "")?.value;
}

/** Signs in through the real form (as a browser would, same origin) and returns the cookie header. */
export async function signInWithForm(
  app: FastifyInstance,
  email: string,
  password: string,
  opts: { cookie?: string; csrfToken?: string; remoteAddress?: string } = {},
) {
  const res = await app.inject({
    method: "POST",
    url: "/logga-in",
    payload: new URLSearchParams({ email, password, ...(opts.csrfToken ? { _csrf: opts.csrfToken } : {}) }).toString(),
    remoteAddress: opts.remoteAddress ?? "127.0.0.1",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
      "sec-fetch-site": "same-origin",
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
  });
  const token = sessionCookieOf(res);
  return { res, token, cookie: token ? `${SESSION_COOKIE}=${token}` : undefined };
}

/** Posts a multipart form with one file, as a browser sends the attachment form. */
export function postMultipart(
  app: FastifyInstance,
  who: SignedIn,
  url: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array; type?: string },
) {
  const boundary = `----samrad${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ ...fields, _csrf: who.csrfToken })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return app.inject({
    method: "POST",
    url,
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: who.cookie },
  });
}
