import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, failure } from "../../test/commands.js";
import { openTestDatabase } from "../../test/db.js";
import { buildMembership, buildNetwork, buildPerson } from "../../test/factories.js";
import { postForm, signIn } from "../../test/web.js";
import type { Database } from "../db/client.js";
import { NetworkRulesInput } from "../domain/network-input.js";
import { buildApp } from "../web/app.js";
import { updateNetworkRules } from "./updateNetworkRules.js";

describe("a network's rules: open minutes, reminder days, deadline for items sent in", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lets the coordinator change them and refuses members", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const coordinator = await buildPerson(db, { name: "Samordnare Regel" });
    const member = await buildPerson(db, { name: "Medlem Regel" });
    await buildMembership(db, { personId: coordinator.id, networkId: network.id, role: "coordinator" });
    await buildMembership(db, { personId: member.id, networkId: network.id });
    const input = { publish_minutes: true, reminder_days: 5, submission_days: 14 };
    await updateNetworkRules(db, { actor: await actorFor(db, coordinator.id), networkId: network.id, input });
    const row = await db
      .selectFrom("networks")
      .select(["publish_minutes", "reminder_days", "submission_days"])
      .where("id", "=", network.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual(input);
    const refused = await failure(
      updateNetworkRules(db, { actor: await actorFor(db, member.id), networkId: network.id, input }),
    );
    expect(refused.code).toBe("forbidden");
  });

  it("reads the form: an empty or negative number is an error, an unticked box is false", () => {
    expect(NetworkRulesInput.safeParse({ reminder_days: "3", submission_days: "7" }).data).toEqual({
      publish_minutes: false,
      reminder_days: 3,
      submission_days: 7,
    });
    expect(NetworkRulesInput.safeParse({ reminder_days: "", submission_days: "7" }).success).toBe(false);
    expect(NetworkRulesInput.safeParse({ reminder_days: "-1", submission_days: "7" }).success).toBe(false);
    expect(NetworkRulesInput.safeParse({ reminder_days: "3", submission_days: "91" }).success).toBe(false);
  });

  it("shows the form on the settings page and says what is wrong with a bad value", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const app = await buildApp({ database });
    const admin = await signIn(db, { isAdmin: true });
    const page = await app.inject({ method: "GET", url: `/natverk/${network.slug}/redigera`, headers: admin.headers });
    expect(page.body).toContain("Öppenhet, påminnelser och frister");
    const bad = await postForm(app, admin, `/natverk/${network.slug}/regler`, {
      publish_minutes: "on",
      reminder_days: "",
      submission_days: "7",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv påminnelsen som ett antal dagar");
    const ok = await postForm(app, admin, `/natverk/${network.slug}/regler`, {
      publish_minutes: "on",
      reminder_days: "2",
      submission_days: "10",
    });
    expect(ok.statusCode).toBe(303);
    const row = await db
      .selectFrom("networks")
      .select(["publish_minutes", "reminder_days", "submission_days"])
      .where("id", "=", network.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ publish_minutes: true, reminder_days: 2, submission_days: 10 });
    await app.close();
  });
});
