import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import {
  buildMeeting,
  buildMembership,
  buildNetwork,
  buildPerson,
  buildUser,
  buildUserWithPassword,
} from "../../test/factories.js";
import { type SignedIn, sessionCookieOf, signIn, signInWithForm } from "../../test/web.js";
import type { Database } from "../db/client.js";
import { findSessionActor } from "../db/queries/sessions.js";
import { buildApp } from "./app.js";

// The "bad input" list of the accounts issue: each attack is refused, with nothing changed and
// nothing leaked.

const PASSWORD = "ett långt lösenord";
const SCRIPT = `<script>alert("x")</script>`;
const IMG = `<img src=x onerror=alert(1)>`;
const formHeaders = (extra: Record<string, string> = {}) => ({
  "content-type": "application/x-www-form-urlencoded",
  ...extra,
});
const count = async (database: Database, table: "users" | "sessions" | "people" | "audit_log") =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("attacks are refused", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;
  let email: string;
  let ids: { meeting: number; draftA: number; person: number; networkSlug: string; netA: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    app = await buildApp({ database });
    admin = await signIn(db, { isAdmin: true, email: "admin@exempel.se" });
    email = (await buildUserWithPassword(db, { password: PASSWORD })).email;
    // Script where people type: a network name, a person's name, an item's title and notes, a decision.
    const network = await buildNetwork(db, { name: `Nätverket ${SCRIPT}`, purpose: `Syfte ${IMG}` });
    const person = await buildPerson(db, { name: `Eva ${IMG}` });
    await buildMembership(db, { personId: person.id, networkId: network.id });
    const meeting = await buildMeeting(db, { networkId: network.id, state: "approved" });
    const item = await db
      .insertInto("agenda_items")
      .values({ meeting_id: meeting.id, position: 1, title: `Punkt ${SCRIPT}`, notes: `Text ${SCRIPT} ${IMG}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("item_raisers").values({ item_id: item.id, person_id: person.id, name: person.name }).execute();
    await db
      .insertInto("decisions")
      .values({
        network_id: network.id,
        meeting_id: meeting.id,
        item_id: item.id,
        year: 2024,
        number: 1,
        text: `att ${SCRIPT}`,
      })
      .execute();
    await db
      .insertInto("attendance")
      .values({ meeting_id: meeting.id, person_id: person.id, status: "present" })
      .execute();
    const netA = await buildNetwork(db, { name: "Hemliga nätverket" });
    const draftA = await buildMeeting(db, { networkId: netA.id });
    ids = { meeting: meeting.id, draftA: draftA.id, person: person.id, networkSlug: network.slug, netA: netA.slug };
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("escapes script in titles, notes and names on every page that shows them", async () => {
    // An admin also adds a user whose name is a script, through the form.
    const added = await app.inject({
      method: "POST",
      url: "/admin/anvandare",
      payload: new URLSearchParams({
        _csrf: admin.csrfToken,
        name: `Mallory ${SCRIPT}`,
        email: "mallory@exempel.se",
        role: "reader",
        networkId: "",
      }).toString(),
      headers: formHeaders({ cookie: admin.cookie }),
    });
    expect(added.statusCode).toBe(303);
    const pages = [
      `/moten/${ids.meeting}`,
      `/natverk/${ids.networkSlug}`,
      `/personer/${ids.person}`,
      "/natverk",
      "/moten",
      "/beslut",
      "/admin",
      "/admin/logg",
      "/admin/personer",
    ];
    for (const url of pages) {
      const res = await app.inject({ url, headers: { cookie: admin.cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain("<script>alert");
      expect(res.body, url).not.toContain("<img src=x onerror");
      expect(res.body, url).toMatch(/&lt;(script|img)/);
    }
  });

  it("refuses a sign-in form posted from another site, by Origin or Sec-Fetch-Site, and signs nobody in", async () => {
    const sessions = await count(database, "sessions");
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://sub.localhost" },
      // A browser's Sec-Fetch-Site is believed over an Origin that looks right.
      { "sec-fetch-site": "cross-site", origin: "http://localhost" },
    ];
    for (const headers of attempts) {
      const res = await app.inject({
        method: "POST",
        url: "/logga-in",
        payload: new URLSearchParams({ email, password: PASSWORD }).toString(),
        headers: formHeaders(headers),
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.body).toContain("från en annan webbplats");
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    expect(await count(database, "sessions")).toBe(sessions);
    const same = await signInWithForm(app, email, PASSWORD);
    expect(same.res.statusCode).toBe(303);
  });

  it("refuses a signed-in form without its token, with a wrong one, or from another site; nothing is stored", async () => {
    const users = await count(database, "users");
    const body = { name: "Ny Person", email: "ny@exempel.se", role: "reader", networkId: "" };
    const post = (form: Record<string, string>, extra: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url: "/admin/anvandare",
        payload: new URLSearchParams(form).toString(),
        headers: formHeaders({ cookie: admin.cookie, ...extra }),
      });
    expect((await post(body)).statusCode).toBe(403);
    expect((await post({ ...body, _csrf: "gissat" })).statusCode).toBe(403);
    expect((await post({ ...body, _csrf: admin.csrfToken }, { origin: "https://evil.example" })).statusCode).toBe(403);
    expect(await count(database, "users")).toBe(users);
    expect((await post({ ...body, _csrf: admin.csrfToken }, { origin: "http://localhost" })).statusCode).toBe(303);
    expect(await count(database, "users")).toBe(users + 1);
  });

  it("never signs in a session id set before sign-in: sign-in issues a new one and ends the old", async () => {
    const fixed = "angriparens-egen-sessionsnyckel-0123456789abcdef";
    const signedIn = await signInWithForm(app, email, PASSWORD, { cookie: `samrad_session=${fixed}` });
    expect(signedIn.res.statusCode).toBe(303);
    expect(signedIn.token).toBeDefined();
    expect(signedIn.token).not.toBe(fixed);
    const withFixed = await app.inject({ url: "/konto", headers: { cookie: `samrad_session=${fixed}` } });
    expect(withFixed.statusCode).toBe(303);
    // A real session already in the browser (someone else's) is ended by the sign-in, not upgraded.
    const planted = await signIn(database.db);
    const plantedToken = planted.cookie.split("=")[1] ?? "";
    const victim = await signInWithForm(app, email, PASSWORD, { cookie: planted.cookie, csrfToken: planted.csrfToken });
    expect(victim.token).not.toBe(plantedToken);
    expect(await findSessionActor(database.db, plantedToken)).toBeNull();
    expect((await findSessionActor(database.db, victim.token ?? ""))?.actor.label).toBe(email);
  });

  it("does not accept a session id again after sign-out", async () => {
    const { cookie, token } = await signInWithForm(app, email, PASSWORD);
    const csrf = (await findSessionActor(database.db, token ?? ""))?.csrfToken ?? "";
    await app.inject({
      method: "POST",
      url: "/logga-ut",
      payload: `_csrf=${csrf}`,
      headers: formHeaders({ cookie: cookie ?? "" }),
    });
    const reused = await app.inject({ url: "/konto", headers: { cookie: cookie ?? "" } });
    expect(reused.statusCode).toBe(303);
  });

  it("refuses SQL fragments in ids, addresses and filters, and runs them as nothing but text", async () => {
    const users = await count(database, "users");
    const get = (url: string) => app.inject({ url, headers: { cookie: admin.cookie } });
    for (const url of [
      "/moten/1%20OR%201=1",
      "/moten/1;DROP%20TABLE%20users",
      "/personer/1'--",
      "/natverk/a'%20OR%20'1'='1",
      "/admin/logg?vem=%27%20OR%201%3D1%20--",
      "/admin/logg?objekt=1%27%20OR%20%271%27%3D%271",
      "/admin/logg?handling=user.signin%27--",
      "/admin/logg?fran=2024-01-01%27",
      "/admin/logg?fore=1%20OR%201=1",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).not.toMatch(/syntax error|postgres|at .*\.ts:\d+/i);
    }
    const search = await get("/admin/personer?q=%25%27%20OR%201%3D1%20--");
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain("Ingen person matchar");
    const wildcard = await get("/admin/personer?q=%25");
    expect(wildcard.body).toContain("Ingen person matchar");
    const signin = await signInWithForm(app, "' OR '1'='1", "' OR '1'='1");
    expect(signin.res.statusCode).toBe(401);
    expect(await count(database, "users")).toBe(users);
  });

  it("rate-limits 1,000 sign-in attempts from one address, across every password form", async () => {
    const limited = await buildApp({ database });
    const victim = await buildUserWithPassword(database.db, { password: PASSWORD });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const res = await limited.inject({
        method: "POST",
        url: "/logga-in",
        remoteAddress: "10.0.0.7",
        payload: new URLSearchParams({ email: victim.email, password: `gissning ${i}` }).toString(),
        headers: formHeaders({ "x-forwarded-for": `192.0.2.${i % 250}` }),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 20, 429: 980 });
    const right = await signInWithForm(limited, victim.email, PASSWORD, { remoteAddress: "10.0.0.7" });
    expect(right.res.statusCode).toBe(429);
    expect(right.res.body).toContain("För många försök");
    expect(right.token).toBeUndefined();
    const reset = await limited.inject({
      method: "POST",
      url: "/glomt-losenord",
      remoteAddress: "10.0.0.7",
      payload: `email=${encodeURIComponent(victim.email)}`,
      headers: formHeaders(),
    });
    expect(reset.statusCode).toBe(429);
    // Someone else, at another address, still gets in.
    expect((await signInWithForm(limited, victim.email, PASSWORD, { remoteAddress: "10.0.0.8" })).res.statusCode).toBe(
      303,
    );
    const failures = await database.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "user.signin_failed")
      .where("object_id", "=", String(victim.id))
      .execute();
    expect(failures).toHaveLength(20);
    await limited.close();
  });

  it("refuses bodies over the size limit before reading them, on any form", async () => {
    const users = await count(database, "users");
    const big = await app.inject({
      method: "POST",
      url: "/logga-in",
      payload: `email=a%40b.se&password=${"x".repeat(2 * 1024 * 1024)}`,
      headers: formHeaders(),
    });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain("Det du skickade är för stort");
    const admin413 = await app.inject({
      method: "POST",
      url: "/admin/anvandare",
      payload: `_csrf=${admin.csrfToken}&name=${"n".repeat(1100 * 1024)}&email=x%40exempel.se&role=reader&networkId=`,
      headers: formHeaders({ cookie: admin.cookie }),
    });
    expect(admin413.statusCode).toBe(413);
    expect(await count(database, "users")).toBe(users);
  });

  it("rate-limits every /api/ route per address, without each route asking for it", async () => {
    const api = await buildApp({ database, auth: { apiPerMinute: 5 } });
    api.get("/api/ping", async () => ({ ok: true }));
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await api.inject({ url: "/api/ping", remoteAddress: "10.0.0.9" })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await api.inject({ url: "/api/ping", remoteAddress: "10.0.0.9" });
    expect(limited.json()).toEqual({ error: { status: 429, message: expect.stringContaining("För många försök") } });
    expect((await api.inject({ url: "/api/ping", remoteAddress: "10.0.0.10" })).statusCode).toBe(200);
    await api.close();
  });

  it("serves no file outside the assets folder for paths with ../", async () => {
    for (const url of [
      "/assets/../package.json",
      "/assets/..%2f..%2fpackage.json",
      "/assets/%2e%2e/%2e%2e/package.json",
      "/assets/..%5c..%5cpackage.json",
      "/assets/....//....//package.json",
    ]) {
      const res = await app.inject(url);
      expect([400, 403, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('"name": "samrad"');
    }
    for (const url of ["/natverk/..%2F..%2Fetc%2Fpasswd", "/moten/..%2F1", "/personer/..%2Fadmin"]) {
      expect((await app.inject({ url, headers: { cookie: admin.cookie } })).statusCode, url).toBe(400);
    }
  });

  it("names an export file by id only, whatever the person is called", async () => {
    const person = await buildPerson(database.db, { name: '../../etc/passwd"; filename=evil.sh' });
    const res = await app.inject({
      method: "POST",
      url: `/admin/personer/${person.id}/export`,
      payload: `_csrf=${admin.csrfToken}`,
      headers: formHeaders({ cookie: admin.cookie }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="samrad-person-${person.id}.json"`);
    expect(res.json().person.name).toBe('../../etc/passwd"; filename=evil.sh');
  });

  it("refuses one network's ids to a member of another network", async () => {
    const other = await buildNetwork(database.db);
    const stranger = await buildPerson(database.db);
    await buildMembership(database.db, { personId: stranger.id, networkId: other.id, role: "coordinator" });
    const who = await signIn(database.db, { personId: stranger.id });
    for (const url of [`/moten/${ids.draftA}`, `/moten/${ids.draftA}/historik`, `/natverk/${ids.netA}/historik`]) {
      const res = await app.inject({ url, headers: { cookie: who.cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain("Hemliga nätverket");
    }
    const list = await app.inject({ url: "/moten", headers: { cookie: who.cookie } });
    expect(list.body).not.toContain(`href="/moten/${ids.draftA}"`);
    const user = await buildUser(database.db);
    const notAdmin = await app.inject({
      method: "POST",
      url: `/admin/anvandare/${user.id}`,
      payload: new URLSearchParams({ _csrf: who.csrfToken, isAdmin: "on" }).toString(),
      headers: formHeaders({ cookie: who.cookie }),
    });
    expect(notAdmin.statusCode).toBe(403);
    const after = await database.db.selectFrom("users").select("is_admin").where("id", "=", user.id).executeTakeFirst();
    expect(after?.is_admin).toBe(false);
  });
});
