import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { type SignedIn, signIn } from "../../test/web.js";
import { loadDemoData } from "../commands/loadDemoData.js";
import type { Database } from "../db/client.js";
import { todayInSweden } from "../domain/dates.js";
import { buildApp } from "./app.js";

describe("web app shell", () => {
  let database: Database;
  let app: FastifyInstance;
  let meetingId: number;
  let personId: number;
  let admin: SignedIn;
  // The shell is looked at by the secretariat; what others may see is the permission walk's job.
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ url, headers: { cookie: admin.cookie, ...headers } });

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
    app = await buildApp({ database });
    admin = await signIn(database.db, { isAdmin: true });
    const meeting = await database.db
      .selectFrom("meetings")
      .select("id")
      .where("state", "=", "approved")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    const person = await database.db
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Lena O'Brien")
      .executeTakeFirstOrThrow();
    personId = person.id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers /healthz with the database kind", async () => {
    const res = await get("/healthz");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: database.kind });
  });

  it("lists networks with sub-networks and links to each", async () => {
    const res = await get("/natverk");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/natverk/kultur-och-fritidschefsnatverket"');
    expect(res.body).toContain("Biblioteksgruppen");
    expect(res.body).toContain('aria-current="page"');
  });

  it("shows a network with members grouped by municipality and its meetings", async () => {
    const res = await get("/natverk/miljochefsnatverket");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<h1>Miljöchefsnätverket</h1>");
    expect(res.body).toContain("Cecilia Lund");
    expect(res.body).toContain("Miljösamverkan Skåne");
    expect(res.body).toContain("Tidigare möten");
  });

  it("shows a meeting with attendance, items, decisions and actions", async () => {
    const res = await get(`/moten/${meetingId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Närvarande");
    expect(res.body).toContain("Föregående anteckningar");
    expect(res.body).toMatch(/Vid tangenterna/);
  });

  it("escapes names with apostrophes and shows a person's memberships", async () => {
    const res = await get(`/personer/${personId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<h1>Lena O'Brien</h1>");
    expect(res.body).toContain("Kultur- och fritidschefsnätverket");
  });

  it("gives every navigation section a page", async () => {
    for (const path of ["/", "/natverk", "/moten", "/uppdrag", "/beslut", "/sok", "/admin"]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
    }
  });

  it("answers unknown routes and ids with the 404 page, malformed ids with a 400", async () => {
    const missing = await get("/finns-inte");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("Sidan finns inte");
    expect((await get("/moten/999999")).statusCode).toBe(404);
    expect((await get("/natverk/ingen-sadan")).statusCode).toBe(404);
    const bad = await get("/moten/12abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("id måste vara ett positivt heltal");
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
    expect((await get("/moten/99999999999999")).statusCode).toBe(400);
    expect((await get("/natverk/%27%3Bdrop")).statusCode).toBe(400);
  });

  it("answers errors as JSON when JSON is asked for", async () => {
    const res = await get("/moten/0", { accept: "application/json" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/positivt heltal/);
  });

  it("sends security headers with a CSP that needs no unsafe-inline", async () => {
    const res = await get("/");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBeDefined();
    // same-origin, so browsers send a real Origin on same-origin form posts (the CSRF check needs it)
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });
});
