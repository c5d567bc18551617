import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import { type SignedIn, signIn } from "../../../test/web.js";
import { loadDemoData } from "../../commands/loadDemoData.js";
import type { Database } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { buildApp } from "../app.js";

// The search page, its JSON API, the topic timeline and the network page's search box, on the demo data.
describe("search in the web app", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;
  let reader: SignedIn;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
    app = await buildApp({ database });
    admin = await signIn(database.db, { isAdmin: true });
    const outsider = await database.db
      .insertInto("people")
      .values({ name: "Rut Läsare" })
      .returning("id")
      .executeTakeFirstOrThrow();
    reader = await signIn(database.db, { personId: outsider.id });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string, who: SignedIn | null = admin) =>
    app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

  it("shows the search form to anyone, and asks for sign-in before searching", async () => {
    const form = await get("/sok", null);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('role="search"');
    expect(form.body).toContain('<label for="sok-q">');
    expect(form.body).toContain("Logga in för att söka");
    expect((await get("/sok?q=kulturkort", null)).statusCode).toBe(303);
    const api = await get("/api/sok?q=kulturkort", null);
    expect(api.statusCode).toBe(401);
    expect(api.json().error.message).toMatch(/Logga in/);
  });

  it("lists ranked hits with marked snippets that link to the item in its meeting", async () => {
    const res = await get("/sok?q=kulturkort");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<mark>kulturkort</mark>");
    expect(res.body).toMatch(/href="\/moten\/\d+#punkt-\d+"/);
    expect(res.body).toContain("Visa ämnet som tidslinje");
    expect(res.body).not.toMatch(/\sstyle=/);
  });

  it("answers the JSON API with hits carrying kind, network, date, title, snippet and url", async () => {
    const res = await get("/api/sok?q=sommarlovsaktiviteter&network=kultur-och-fritidschefsnatverket");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hits.length).toBeGreaterThan(0);
    for (const hit of body.hits) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(["kind", "network", "date", "title", "snippet", "url"]));
      expect(hit.network).toBe("Kultur- och fritidschefsnätverket");
      expect(hit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const decisions = await get("/api/sok?q=beslut%20sommarlovsaktiviteter");
    expect(decisions.json().hits[0].kind).toBe("decision");
  });

  it("answers empty and absurd queries calmly, in HTML and JSON", async () => {
    for (const q of ["", "!!!", "a".repeat(10_000), "'; DROP TABLE meetings; --", "och att "]) {
      const page = await get(`/sok?q=${encodeURIComponent(q)}`);
      expect(page.statusCode, q.slice(0, 20)).toBe(200);
      expect(page.body).toContain('role="status"');
      const api = await get(`/api/sok?q=${encodeURIComponent(q)}`);
      expect(api.statusCode).toBe(200);
      expect(api.json().hits).toEqual([]);
      expect(api.json().message).toBeTruthy();
    }
  });

  it("says which filter is wrong when a filter cannot be read", async () => {
    const res = await get("/sok?q=x&year=tjugo");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("year");
    const unknown = await get("/api/sok?q=x&network=finns-inte");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.where).toBe("network");
  });

  it("keeps drafts from readers who are not members", async () => {
    const draft = await database.db
      .selectFrom("agenda_items as i")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select(["i.id", "i.title"])
      .where("m.state", "=", "minutes_draft")
      .where("i.kind", "=", "item")
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable("agenda_items")
      .set({ title: "Hemligt utkastord" })
      .where("id", "=", draft.id)
      .execute();
    expect((await get("/api/sok?q=utkastord")).json().hits.map((h: { title: string }) => h.title)).toContain(
      "Hemligt utkastord",
    );
    expect((await get("/api/sok?q=utkastord", reader)).json().hits).toEqual([]);
  });

  it("pages through hits", async () => {
    const first = (await get("/api/sok?q=kulturkort&limit=2")).json();
    const second = (await get("/api/sok?q=kulturkort&limit=2&page=2")).json();
    expect(first.hits).toHaveLength(2);
    expect(second.hits.map((h: { url: string }) => h.url)).not.toEqual(first.hits.map((h: { url: string }) => h.url));
  });

  it("shows a topic's meetings in date order with decisions and actions", async () => {
    const res = await get("/sok/tidslinje?q=kulturkort");
    expect(res.statusCode).toBe(200);
    const dates = [...res.body.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/gi)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort()).toEqual(dates);
    expect(res.body).toMatch(/<h1>Kulturkort \d{4}(–\d{4})?/);
    expect(res.body).toContain("Beslut ");
    expect(res.body).toContain("Uppdrag:");
    expect(res.body).not.toMatch(/\sstyle=/);
    const none = await get("/sok/tidslinje?q=ordsomintefinns");
    expect(none.body).toContain("Ämnet finns inte");
  });

  it("puts a search box on each network's page that searches that network", async () => {
    const res = await get("/natverk/miljochefsnatverket", null);
    expect(res.body).toContain('<input type="hidden" name="network" value="miljochefsnatverket"');
    expect(res.body).toContain('action="/sok"');
  });
});
