import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import { buildMembership, buildNetwork, buildPerson } from "../../../test/factories.js";
import { postForm, type SignedIn, signIn } from "../../../test/web.js";
import type { Database } from "../../db/client.js";
import { buildApp } from "../app.js";

describe("networks and members", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let member: SignedIn;
  let slug: string;
  let networkId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    app = await buildApp({ database });
    const network = await buildNetwork(db, { name: "Socialchefsnätverket Test" });
    slug = network.slug;
    networkId = network.id;
    const coord = await buildPerson(db, { name: "Linnea Planeringsledare", email: "linnea@exempel.se" });
    const mem = await buildPerson(db, { name: "Majken Medlem", municipality: "Perstorp", email: "majken@exempel.se" });
    await buildMembership(db, { personId: coord.id, networkId, role: "coordinator" });
    await buildMembership(db, { personId: mem.id, networkId });
    admin = await signIn(db, { isAdmin: true });
    coordinator = await signIn(db, { personId: coord.id });
    member = await signIn(db, { personId: mem.id });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lets the secretariat create networks and a coordinator create working groups under their own", async () => {
    const refused = await postForm(app, coordinator, "/natverk", {
      name: "Eget nätverk",
      kind: "network",
      status: "active",
    });
    expect(refused.statusCode).toBe(403);
    const empty = await postForm(app, admin, "/natverk", {
      name: "",
      kind: "network",
      status: "active",
      purpose: "Syfte",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv nätverkets namn.");
    expect(empty.body).toContain("Syfte</textarea>");
    const created = await postForm(app, admin, "/natverk", { name: "Nytt", kind: "network", status: "active" });
    expect(created.statusCode).toBe(303);
    // "nytt" is the address of the new-network form, so the slug gets a suffix.
    expect(created.headers.location).toBe("/natverk/nytt-2/medlemmar?klart=sparat");
    const duplicate = await postForm(app, admin, "/natverk", { name: "NYTT", kind: "network", status: "active" });
    expect(duplicate.body).toContain("Det finns redan ett nätverk som heter NYTT.");

    const noParent = await postForm(app, coordinator, "/natverk", { name: "Arbetsgrupp LSS", kind: "working_group" });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.body).toContain("välj vilket");
    const group = await postForm(app, coordinator, "/natverk", {
      name: "Arbetsgrupp LSS",
      kind: "working_group",
      parent_id: String(networkId),
      status: "active",
    });
    expect(group.statusCode).toBe(303);
    const row = await database.db
      .selectFrom("networks")
      .selectAll()
      .where("name", "=", "Arbetsgrupp LSS")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: "working_group", parent_id: networkId });
  });

  it("changes a network's status and refuses placing it under itself", async () => {
    const page = await app.inject({ url: `/natverk/${slug}/redigera`, headers: { cookie: coordinator.cookie } });
    expect(page.statusCode).toBe(200);
    const self = await postForm(app, coordinator, `/natverk/${slug}/redigera`, {
      name: "Socialchefsnätverket Test",
      kind: "subnetwork",
      parent_id: String(networkId),
      status: "active",
    });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain("kan inte ligga under sig självt");
    const dormant = await postForm(app, coordinator, `/natverk/${slug}/redigera`, {
      name: "Socialchefsnätverket Test",
      kind: "network",
      status: "dormant",
      purpose: "Samverkan om socialtjänsten.",
    });
    expect(dormant.statusCode).toBe(303);
    const n = await database.db
      .selectFrom("networks")
      .select(["status", "purpose"])
      .where("id", "=", networkId)
      .executeTakeFirstOrThrow();
    expect(n).toEqual({ status: "dormant", purpose: "Samverkan om socialtjänsten." });
    const forbidden = await postForm(app, member, `/natverk/${slug}/redigera`, {
      name: "x",
      kind: "network",
      status: "closed",
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("replaces a member in one step and keeps at most two co-chairs", async () => {
    const outgoing = await database.db
      .selectFrom("memberships as m")
      .innerJoin("people as p", "p.id", "m.person_id")
      .select("m.id")
      .where("p.name", "=", "Majken Medlem")
      .executeTakeFirstOrThrow();
    const badDate = await postForm(app, coordinator, `/natverk/${slug}/ersattare`, {
      membership_id: String(outgoing.id),
      new_name: "Per Ersättare",
      date: "2026-02-30",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain("finns inte");
    expect(badDate.body).toContain('value="Per Ersättare"');
    const ok = await postForm(app, coordinator, `/natverk/${slug}/ersattare`, {
      membership_id: String(outgoing.id),
      new_name: "Per Ersättare",
      new_email: "per@exempel.se",
      date: "2026-03-01",
    });
    expect(ok.statusCode).toBe(303);
    const rows = await database.db
      .selectFrom("memberships as m")
      .innerJoin("people as p", "p.id", "m.person_id")
      .select(["m.id", "p.name", "m.from_date", "m.to_date", "m.replaces_id", "m.role", "m.municipality_id"])
      .where("m.network_id", "=", networkId)
      .where("p.name", "in", ["Majken Medlem", "Per Ersättare"])
      .orderBy("m.id")
      .execute();
    expect(rows[0]).toMatchObject({ name: "Majken Medlem", to_date: "2026-03-01" });
    expect(rows[1]).toMatchObject({
      name: "Per Ersättare",
      from_date: "2026-03-01",
      to_date: null,
      replaces_id: outgoing.id,
      role: "member",
    });
    const perstorp = await database.db
      .selectFrom("municipalities")
      .select("id")
      .where("name", "=", "Perstorp")
      .executeTakeFirstOrThrow();
    expect(rows[1]?.municipality_id).toBe(perstorp.id);

    const chair = async (name: string) =>
      postForm(app, coordinator, `/natverk/${slug}/medlemmar`, {
        new_name: name,
        role: "chair",
        from_date: "2026-01-01",
      });
    expect((await chair("Första Ordförande")).statusCode).toBe(303);
    expect((await chair("Andra Ordförande")).statusCode).toBe(303);
    const third = await chair("Tredje Ordförande");
    expect(third.statusCode).toBe(400);
    expect(third.body).toContain("Nätverket har redan två ordförande");
    expect(
      await database.db.selectFrom("people").select("id").where("name", "=", "Tredje Ordförande").execute(),
    ).toEqual([]);

    const per = await database.db
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Per Ersättare")
      .executeTakeFirstOrThrow();
    const rep = await postForm(app, coordinator, `/natverk/${slug}/representanter`, {
      person_id: String(per.id),
      body: "NSK-S",
      from_date: "2026-01-01",
      to_date: "2025-12-31",
    });
    expect(rep.statusCode).toBe(400);
    expect(rep.body).toContain("Slutdatumet kan inte vara före startdatumet.");
  });

  it("prints a network's contact list and gives the secretariat a list of all by municipality", async () => {
    // Contact details are for the network's current people: Majken left (replaced above), Linnea coordinates.
    expect(
      (await app.inject({ url: `/natverk/${slug}/kontakter`, headers: { cookie: member.cookie } })).statusCode,
    ).toBe(403);
    const list = await app.inject({ url: `/natverk/${slug}/kontakter`, headers: { cookie: coordinator.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("linnea@exempel.se");
    expect(list.body).toContain("Per Ersättare");
    expect((await app.inject({ url: "/kontakter", headers: { cookie: coordinator.cookie } })).statusCode).toBe(403);
    const all = await app.inject({ url: "/kontakter", headers: { cookie: admin.cookie } });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain("Perstorp");
    expect(all.body).toContain("Socialchefsnätverket Test");
  });
});
