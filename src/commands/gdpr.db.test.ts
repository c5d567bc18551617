import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import {
  buildMeeting,
  buildMembership,
  buildNetwork,
  buildPerson,
  buildUserWithPassword,
} from "../../test/factories.js";
import type { Database } from "../db/client.js";
import { createSession } from "../db/queries/sessions.js";
import { SYSTEM } from "../domain/permissions.js";
import { anonymizedName, anonymizePerson } from "./anonymizePerson.js";
import { exportPerson } from "./exportPerson.js";
import { getMeetingPage } from "./getMeetingPage.js";
import { requestPasswordReset } from "./requestPasswordReset.js";

const ADMIN = { userId: null, personId: null, isAdmin: true, label: "sekretariatet@exempel.se" };
const NOT_ADMIN = { userId: 999, personId: null, isAdmin: false, label: "läsare@exempel.se" };

describe("GDPR: export and anonymization of a person", () => {
  let database: Database;
  let personId: number;
  let userId: number;
  let meetingId: number;
  let networkId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    const network = await buildNetwork(db, { purpose: "Greta Gdpr startade nätverket." });
    networkId = network.id;
    const user = await buildUserWithPassword(db, {
      email: "greta.gdpr@exempel.se",
      password: "ett långt lösenord",
      personName: "Greta Gdpr",
    });
    userId = user.id;
    personId = user.person_id ?? 0;
    const bjuv = await db
      .selectFrom("municipalities")
      .select("id")
      .where("name", "=", "Bjuv")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("people")
      .set({ municipality_id: bjuv.id, phone: "070-000 00 00" })
      .where("id", "=", personId)
      .execute();
    await db.insertInto("person_aliases").values({ person_id: personId, alias: "Greta G-son" }).execute();
    await buildMembership(db, { personId, networkId: network.id, role: "chair" });
    await db.updateTable("memberships").set({ municipality_id: bjuv.id }).where("person_id", "=", personId).execute();
    const meeting = await buildMeeting(db, { networkId: network.id, state: "approved" });
    meetingId = meeting.id;
    await db
      .insertInto("attendance")
      .values({
        meeting_id: meeting.id,
        person_id: personId,
        status: "present",
        municipality_id: bjuv.id,
        is_chair: true,
      })
      .execute();
    // A förhinder reported with a reason that is nobody else's business.
    const coming = await buildMeeting(db, { networkId: network.id, date: "2030-01-15", state: "planned" });
    await db
      .insertInto("attendance")
      .values({
        meeting_id: coming.id,
        person_id: personId,
        status: "excused",
        municipality_id: bjuv.id,
        apology_at: new Date(),
        apology_note: "Läkarbesök",
      })
      .execute();
    const item = await db
      .insertInto("agenda_items")
      .values({
        meeting_id: meeting.id,
        position: 1,
        title: "Rapport från Greta Gdpr",
        notes: "Greta Gdpr berättade om läget. Greta G-son återkommer.",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("item_raisers").values({ item_id: item.id, person_id: personId, name: "Greta Gdpr" }).execute();
    const action = await db
      .insertInto("actions")
      .values({
        network_id: network.id,
        item_id: item.id,
        opened_meeting_id: meeting.id,
        text: "Greta Gdpr sammanställer",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("action_assignees")
      .values({ action_id: action.id, person_id: null, name: "Greta G-son" })
      .execute();
    await db
      .insertInto("minutes_versions")
      .values({ meeting_id: meeting.id, version: 1, snapshot: JSON.stringify({ items: [{ notes: "Greta Gdpr sa" }] }) })
      .execute();
    await createSession(db, userId);
    await requestPasswordReset(db, { email: "greta.gdpr@exempel.se", baseUrl: "https://samrad.exempel.se" });
  });
  afterAll(() => database.close());

  it("is for admins only", async () => {
    await expect(exportPerson(database.db, { actor: NOT_ADMIN, personId })).rejects.toThrow(/behörighet/);
    await expect(anonymizePerson(database.db, { actor: NOT_ADMIN, personId })).rejects.toThrow(/behörighet/);
  });

  it("exports everything held about the person, without password hashes or live links, and records it", async () => {
    const data = await exportPerson(database.db, { actor: ADMIN, personId });
    expect(data.person).toMatchObject({ name: "Greta Gdpr", email: "greta.gdpr@exempel.se", municipality: "Bjuv" });
    expect(data.person.aliases).toEqual(["Greta G-son"]);
    expect(data.memberships).toHaveLength(1);
    expect(data.attendance).toEqual([
      expect.objectContaining({ meetingId, status: "present", municipality: "Bjuv" }),
      expect.objectContaining({ status: "excused", apologyNote: "Läkarbesök" }),
    ]);
    expect(data.itemsRaised).toHaveLength(1);
    expect(data.accounts).toEqual([
      expect.objectContaining({ email: "greta.gdpr@exempel.se", hasPassword: true, singleSignOnLinked: false }),
    ]);
    expect(data.accounts[0]?.sessions).toHaveLength(1);
    expect(data.accounts[0]?.signInLinks).toEqual([expect.objectContaining({ purpose: "reset" })]);
    expect(data.mail).toHaveLength(1);
    expect(data.mail[0]?.bodyText).toContain("[engångslänk borttagen ur exporten]");
    const text = JSON.stringify(data);
    expect(text).not.toContain("argon2");
    expect(text).not.toMatch(/\/aterstall\/[A-Za-z0-9_-]{20}/);
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["actor"])
      .where("action", "=", "person.export")
      .where("object_id", "=", String(personId))
      .execute();
    expect(audit).toEqual([{ actor: "sekretariatet@exempel.se" }]);
  });

  it("anonymizes: the name goes from every text, role and municipality stay, the account is closed", async () => {
    const db = database.db;
    const result = await db.transaction().execute((tx) => anonymizePerson(tx, { actor: ADMIN, personId }));
    const name = anonymizedName(personId);
    expect(result.name).toBe(name);
    const person = await db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name, email: null, phone: null, title: null });
    expect(person.municipality_id).not.toBeNull();
    expect(person.anonymized_at).not.toBeNull();
    const notes = await db
      .selectFrom("attendance")
      .select(["status", "apology_note"])
      .where("person_id", "=", personId)
      .execute();
    expect(notes.map((n) => [n.status, n.apology_note]).sort()).toEqual([
      ["excused", null],
      ["present", null],
    ]);
    const page = await getMeetingPage(db, { actor: ADMIN, meetingId });
    const shown = JSON.stringify(page);
    expect(shown).not.toContain("Greta");
    expect(page.attendance).toEqual([expect.objectContaining({ name, municipality: "Bjuv", isChair: true })]);
    expect(page.items[0]?.title).toBe(`Rapport från ${name}`);
    expect(page.items[0]?.notes).toBe(`${name} berättade om läget. ${name} återkommer.`);
    expect(page.items[0]?.actions[0]?.assignees[0]?.name).toBe(name);
    const membership = await db
      .selectFrom("memberships")
      .select(["role", "municipality_id"])
      .where("person_id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe("chair");
    expect(membership.municipality_id).toBe(person.municipality_id);
    const snapshot = await db
      .selectFrom("minutes_versions")
      .select("snapshot")
      .where("meeting_id", "=", meetingId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(snapshot.snapshot)).toContain(name);
    const network = await db
      .selectFrom("networks")
      .select("purpose")
      .where("id", "=", networkId)
      .executeTakeFirstOrThrow();
    expect(network.purpose).toBe(`${name} startade nätverket.`);
    expect(await db.selectFrom("person_aliases").select("id").where("person_id", "=", personId).execute()).toEqual([]);
    const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.email).toBe(`anonymiserad-${userId}@samrad.invalid`);
    expect(user.password_hash).toBeNull();
    expect(user.disabled_at).not.toBeNull();
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).toEqual([]);
    expect(await db.selectFrom("tokens").select("id").where("user_id", "=", userId).execute()).toEqual([]);
    const audit = await db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "person.anonymize")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain("Greta");
    expect(audit.after).toMatchObject({ name });
  });

  it("refuses to anonymize twice, and refuses to remove the last admin", async () => {
    await expect(anonymizePerson(database.db, { actor: ADMIN, personId })).rejects.toThrow(/redan anonymiserad/);
    const only = await buildUserWithPassword(database.db, { password: "ett långt lösenord", isAdmin: true });
    await expect(
      database.db.transaction().execute((tx) => anonymizePerson(tx, { actor: SYSTEM, personId: only.person_id ?? 0 })),
    ).rejects.toThrow(/enda administratören/);
    const still = await database.db
      .selectFrom("people")
      .select("name")
      .where("id", "=", only.person_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(still.name).not.toMatch(/Anonymiserad/);
    const other = await buildPerson(database.db);
    expect((await anonymizePerson(database.db, { actor: SYSTEM, personId: other.id })).accountsDisabled).toBe(0);
  });
});
