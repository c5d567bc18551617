import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { buildUserWithPassword } from "../../test/factories.js";
import { sessionCookieOf, signInWithForm } from "../../test/web.js";
import type { Database } from "../db/client.js";
import { findSessionActor, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../db/queries/sessions.js";
import { buildApp } from "./app.js";

const PASSWORD = "ett långt lösenord";
const form = (cookie: string | undefined, body: Record<string, string>) => ({
  payload: new URLSearchParams(body).toString(),
  headers: {
    "content-type": "application/x-www-form-urlencoded",
    origin: "http://localhost",
    ...(cookie ? { cookie } : {}),
  },
});

describe("signing in and out", () => {
  let database: Database;
  let app: FastifyInstance;
  let email: string;
  let userId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    // The sign-in limit has its own test (attacks.db.test.ts); here it must not get in the way.
    app = await buildApp({ database, auth: { signinPerMinute: 1000 } });
    const user = await buildUserWithPassword(database.db, { password: PASSWORD, personName: "Ines Inloggad" });
    email = user.email;
    userId = user.id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("shows the sign-in form to anonymous visitors, with labels and the way to a new password", async () => {
    const res = await app.inject("/logga-in");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="email">E-postadress</label>');
    expect(res.body).toContain('<label for="password">Lösenord</label>');
    expect(res.body).toContain('href="/glomt-losenord"');
    expect(res.body).not.toContain("/sso");
  });

  it("signs in with the right password: HttpOnly, SameSite=Lax cookie, a session row, an audit entry", async () => {
    const { res, token } = await signInWithForm(app, email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
    const cookie = res.cookies.find((c) => c.name === "samrad_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    expect(token).toBeDefined();
    const session = await findSessionActor(database.db, token ?? "");
    expect(session?.actor.userId).toBe(userId);
    expect(session?.name).toBe("Ines Inloggad");
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("object_type", "=", "user")
      .where("object_id", "=", String(userId))
      .where("action", "=", "user.signin")
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    const home = await app.inject({ url: "/", headers: { cookie: `samrad_session=${token}` } });
    expect(home.body).toContain("Ines Inloggad");
    expect(home.body).toContain('action="/logga-ut"');
  });

  it("marks the cookie Secure when the app is served over https", async () => {
    const secureApp = await buildApp({ database, publicUrl: "https://samrad.exempel.se" });
    const res = await secureApp.inject({
      method: "POST",
      url: "/logga-in",
      ...form(undefined, { email, password: PASSWORD }),
      headers: { ...form(undefined, {}).headers, origin: "https://samrad.exempel.se" },
    });
    expect(res.statusCode).toBe(303);
    expect(res.cookies.find((c) => c.name === "samrad_session")?.secure).toBe(true);
    await secureApp.close();
  });

  it("behind a trusted proxy, takes https and the client address from X-Forwarded-*", async () => {
    const proxied = await buildApp({ database, auth: { trustProxy: true, signinPerMinute: 1 } });
    const viaProxy = (ip: string) =>
      proxied.inject({
        method: "POST",
        url: "/logga-in",
        ...form(undefined, { email, password: PASSWORD }),
        headers: {
          ...form(undefined, {}).headers,
          host: "samrad.exempel.se",
          origin: "https://samrad.exempel.se",
          "x-forwarded-proto": "https",
          "x-forwarded-for": ip,
        },
      });
    const first = await viaProxy("198.51.100.1");
    expect(first.statusCode).toBe(303);
    expect(first.cookies.find((c) => c.name === "samrad_session")?.secure).toBe(true);
    // The limit counts the client's address, not the proxy's.
    expect((await viaProxy("198.51.100.1")).statusCode).toBe(429);
    expect((await viaProxy("198.51.100.2")).statusCode).toBe(303);
    await proxied.close();
  });

  it("answers a wrong password and an unknown address alike, and signs nobody in", async () => {
    const wrong = await signInWithForm(app, email, "fel lösenord igen");
    const unknown = await signInWithForm(app, "ingen@exempel.se", PASSWORD);
    for (const r of [wrong, unknown]) {
      expect(r.res.statusCode).toBe(401);
      expect(r.token).toBeUndefined();
      expect(r.res.body).toContain("Fel e-postadress eller lösenord");
    }
    expect(wrong.res.body).toContain(`value="${email}"`);
  });

  it("goes back to the page that asked for a sign-in, but never to another site", async () => {
    const asked = await app.inject("/personer/1");
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe("/logga-in?nasta=%2Fpersoner%2F1");
    const back = await app.inject({
      method: "POST",
      url: "/logga-in?nasta=%2Fmoten",
      ...form(undefined, { email, password: PASSWORD }),
    });
    expect(back.headers.location).toBe("/moten");
    for (const evil of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await app.inject({
        method: "POST",
        url: `/logga-in?nasta=${encodeURIComponent(evil)}`,
        ...form(undefined, { email, password: PASSWORD }),
      });
      expect(res.headers.location, evil).toBe("/");
    }
  });

  it("signs out: the old cookie no longer works, even if replayed", async () => {
    const { cookie } = await signInWithForm(app, email, PASSWORD);
    const session = await findSessionActor(database.db, (cookie ?? "").split("=")[1] ?? "");
    const out = await app.inject({
      method: "POST",
      url: "/logga-ut",
      ...form(cookie, { _csrf: session?.csrfToken ?? "" }),
    });
    expect(out.statusCode).toBe(303);
    expect(out.cookies.find((c) => c.name === "samrad_session")?.value).toBe("");
    const replay = await app.inject({ url: "/konto", headers: { cookie: cookie ?? "" } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toContain("/logga-in");
  });

  it("signs out everywhere: every session of the account ends, and it is recorded", async () => {
    const a = await signInWithForm(app, email, PASSWORD);
    const b = await signInWithForm(app, email, PASSWORD);
    const session = await findSessionActor(database.db, a.token ?? "");
    const res = await app.inject({
      method: "POST",
      url: "/logga-ut-overallt",
      ...form(a.cookie, { _csrf: session?.csrfToken ?? "" }),
    });
    expect(res.statusCode).toBe(303);
    for (const t of [a.token, b.token]) expect(await findSessionActor(database.db, t ?? "")).toBeNull();
    const left = await database.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute();
    expect(left).toEqual([]);
    const audit = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "user.signout_everywhere")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("ends sessions idle too long and sessions past their absolute lifetime", async () => {
    const { token } = await signInWithForm(app, email, PASSWORD);
    const now = Date.now();
    expect(await findSessionActor(database.db, token ?? "", new Date(now + 60_000))).not.toBeNull();
    expect(await findSessionActor(database.db, token ?? "", new Date(now + SESSION_IDLE_MS + 120_000))).toBeNull();
    const fresh = await signInWithForm(app, email, PASSWORD);
    // Kept busy (seen every few hours) it still ends at the absolute limit.
    let t = now;
    while (t + 4 * 3600_000 < now + SESSION_ABSOLUTE_MS) {
      t += 4 * 3600_000;
      expect(await findSessionActor(database.db, fresh.token ?? "", new Date(t))).not.toBeNull();
    }
    expect(
      await findSessionActor(database.db, fresh.token ?? "", new Date(now + SESSION_ABSOLUTE_MS + 1000)),
    ).toBeNull();
  });

  it("resets a forgotten password by a link written to the outbox, once", async () => {
    const other = await buildUserWithPassword(database.db, { password: PASSWORD });
    const page = await app.inject({
      method: "POST",
      url: "/glomt-losenord",
      ...form(undefined, { email: other.email }),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("har en länk skickats");
    const unknown = await app.inject({
      method: "POST",
      url: "/glomt-losenord",
      ...form(undefined, { email: "finns.inte@exempel.se" }),
    });
    expect(unknown.body).toBe(page.body);
    const mail = await database.db
      .selectFrom("outbox")
      .select(["recipient", "subject", "body_text"])
      .where("recipient", "=", other.email)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain("lösenord");
    const link = /http:\/\/localhost(\/aterstall\/[A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1];
    expect(link).toBeDefined();
    const show = await app.inject(link ?? "");
    expect(show.statusCode).toBe(200);
    expect(show.body).toContain("Nytt lösenord");
    const short = await app.inject({ method: "POST", url: link ?? "", ...form(undefined, { password: "kort" }) });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("minst 12 tecken");
    const set = await app.inject({
      method: "POST",
      url: link ?? "",
      ...form(undefined, { password: "ett helt nytt lösenord" }),
    });
    expect(set.statusCode).toBe(303);
    expect(sessionCookieOf(set)).toBeDefined();
    expect((await signInWithForm(app, other.email, PASSWORD)).res.statusCode).toBe(401);
    expect((await signInWithForm(app, other.email, "ett helt nytt lösenord")).res.statusCode).toBe(303);
    const again = await app.inject({
      method: "POST",
      url: link ?? "",
      ...form(undefined, { password: "ett tredje lösenord" }),
    });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain("Länken är använd eller för gammal");
  });

  it("changes the password from the account page, asking for the current one", async () => {
    const who = await buildUserWithPassword(database.db, { password: PASSWORD });
    const { cookie, token } = await signInWithForm(app, who.email, PASSWORD);
    const csrf = (await findSessionActor(database.db, token ?? ""))?.csrfToken ?? "";
    const page = await app.inject({ url: "/konto", headers: { cookie: cookie ?? "" } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Logga ut överallt");
    const wrong = await app.inject({
      method: "POST",
      url: "/konto/losenord",
      ...form(cookie, { _csrf: csrf, current: "inte det här", password: "ännu ett nytt lösenord" }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Det nuvarande lösenordet stämmer inte");
    const ok = await app.inject({
      method: "POST",
      url: "/konto/losenord",
      ...form(cookie, { _csrf: csrf, current: PASSWORD, password: "ännu ett nytt lösenord" }),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("Lösenordet är bytt");
    expect((await signInWithForm(app, who.email, "ännu ett nytt lösenord")).res.statusCode).toBe(303);
  });

  it("refuses a disabled account, and a disabled account's open session stops working", async () => {
    const who = await buildUserWithPassword(database.db, { password: PASSWORD });
    const { token } = await signInWithForm(app, who.email, PASSWORD);
    await database.db.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", who.id).execute();
    expect(await findSessionActor(database.db, token ?? "")).toBeNull();
    expect((await signInWithForm(app, who.email, PASSWORD)).res.statusCode).toBe(401);
  });
});
