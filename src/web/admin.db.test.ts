import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { buildMeeting, buildNetwork } from "../../test/factories.js";
import { type SignedIn, sessionCookieOf, signIn, signInWithForm } from "../../test/web.js";
import type { Database } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { buildApp } from "./app.js";

const headers = (who: SignedIn) => ({ "content-type": "application/x-www-form-urlencoded", cookie: who.cookie });
const post = (app: FastifyInstance, who: SignedIn, url: string, form: Record<string, string>) =>
  app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams({ ...form, _csrf: who.csrfToken }).toString(),
    headers: headers(who),
  });

describe("administration: users, audit log, history", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;
  let network: { id: number; slug: string; name: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database, auth: { signinPerMinute: 1000 } });
    admin = await signIn(database.db, { isAdmin: true, email: "sekretariatet@exempel.se" });
    network = await buildNetwork(database.db, { name: "Socialchefsnätverket test" });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("adds a member with an invitation that signs them in once and lets them choose a password", async () => {
    const res = await post(app, admin, "/admin/anvandare", {
      name: "Nora Ny",
      email: "nora.ny@exempel.se",
      role: "member",
      networkId: String(network.id),
      password: "",
    });
    expect(res.statusCode).toBe(303);
    const page = await app.inject({ url: res.headers.location as string, headers: { cookie: admin.cookie } });
    expect(page.body).toContain("Kontot är skapat");
    expect(page.body).toContain("nora.ny@exempel.se");
    expect(page.body).toContain("Socialchefsnätverket test (medlem)");
    const mail = await database.db
      .selectFrom("outbox")
      .select("body_text")
      .where("recipient", "=", "nora.ny@exempel.se")
      .executeTakeFirstOrThrow();
    const link = /http:\/\/localhost(\/forsta-inloggning\/[A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1] ?? "";
    expect((await app.inject(link)).statusCode).toBe(200);
    const used = await app.inject({
      method: "POST",
      url: link,
      payload: "password=noras+eget+l%C3%B6senord",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(used.statusCode).toBe(303);
    expect(sessionCookieOf(used)).toBeDefined();
    expect((await signInWithForm(app, "nora.ny@exempel.se", "noras eget lösenord")).res.statusCode).toBe(303);
    expect((await app.inject(link)).statusCode).toBe(404);
  });

  it("says what is wrong with a new user, in Swedish, and stores nothing", async () => {
    const dup = await post(app, admin, "/admin/anvandare", {
      name: "Nora Igen",
      email: "NORA.NY@exempel.se",
      role: "reader",
      networkId: "",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain("Det finns redan ett konto för NORA.NY@exempel.se");
    const noNetwork = await post(app, admin, "/admin/anvandare", {
      name: "Utan Nätverk",
      email: "utan@exempel.se",
      role: "coordinator",
      networkId: "",
    });
    expect(noNetwork.statusCode).toBe(400);
    expect(noNetwork.body).toContain("en medlem eller samordnare behöver ett nätverk");
    const badEmail = await post(app, admin, "/admin/anvandare", {
      name: "X",
      email: "inte-en-adress",
      role: "reader",
      networkId: "",
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain("ser inte ut som en e-postadress");
    const stored = await database.db
      .selectFrom("users")
      .select("email")
      .where("email", "in", ["utan@exempel.se", "inte-en-adress"])
      .execute();
    expect(stored).toEqual([]);
  });

  it("disables an account (its sessions end) and never removes the last admin", async () => {
    const other = await signIn(database.db, { email: "avstangs@exempel.se" });
    expect((await post(app, admin, `/admin/anvandare/${other.userId}`, { disabled: "on" })).statusCode).toBe(303);
    const afterDisable = await app.inject({ url: "/konto", headers: { cookie: other.cookie } });
    expect(afterDisable.statusCode).toBe(303);
    const self = await post(app, admin, `/admin/anvandare/${admin.userId}`, {});
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain("minst en administratör");
    const promote = await post(app, admin, `/admin/anvandare/${other.userId}`, { isAdmin: "on" });
    expect(promote.statusCode).toBe(303);
    const row = await database.db
      .selectFrom("users")
      .select(["is_admin", "disabled_at"])
      .where("id", "=", other.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ is_admin: true, disabled_at: null });
  });

  it("filters the audit log by who, action, object and date, a page at a time", async () => {
    const get = (q: string) => app.inject({ url: `/admin/logg${q}`, headers: { cookie: admin.cookie } });
    const all = await get("");
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain("user.create");
    expect(all.body).toContain("user.update");
    const creates = await get("?handling=user.create");
    expect(creates.body).toContain("user.create");
    expect(creates.body).not.toContain("<code>user.update</code>");
    const byWho = await get("?vem=sekretariatet");
    expect(byWho.body).toContain("sekretariatet@exempel.se");
    expect(byWho.body).not.toContain("<td>anonymous</td>");
    const future = await get("?fran=2999-01-01");
    expect(future.body).toContain("Inga händelser");
    const bad = await get("?fran=2024-02-31");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("ÅÅÅÅ-MM-DD");
    for (let i = 0; i < 105; i++) {
      await recordAudit(database.db, {
        actor: { userId: null, personId: null, isAdmin: true, label: "system" },
        action: "test.bulk",
        objectType: "test",
        objectId: i,
      });
    }
    const first = await get("?handling=test.bulk");
    expect(first.body.match(/<code>test\.bulk<\/code>/g)).toHaveLength(100);
    const next = /href="\/admin\/logg\?([^"]+)"/.exec(first.body)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toContain("fore=");
    const second = await get(`?${next}`);
    expect(second.body.match(/<code>test\.bulk<\/code>/g)).toHaveLength(5);
  });

  it("shows a meeting's history tab to its coordinator and admins, with before and after", async () => {
    const meeting = await buildMeeting(database.db, { networkId: network.id });
    await recordAudit(database.db, {
      actor: { userId: admin.userId, personId: null, isAdmin: true, label: "sekretariatet@exempel.se" },
      action: "meeting.update",
      objectType: "meeting",
      objectId: meeting.id,
      before: { location: "Rådhuset" },
      after: { location: "Stadshuset <b>sal 2</b>" },
    });
    const res = await app.inject({ url: `/moten/${meeting.id}/historik`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("meeting.update");
    expect(res.body).toContain("Rådhuset");
    expect(res.body).toContain("Stadshuset &lt;b>sal 2&lt;/b>");
    const page = await app.inject({ url: `/moten/${meeting.id}`, headers: { cookie: admin.cookie } });
    expect(page.body).toContain(`href="/moten/${meeting.id}/historik"`);
  });
});
