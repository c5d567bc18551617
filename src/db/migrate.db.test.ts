import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import type { Database } from "./client.js";
import { loadMigrations, migrate } from "./migrate.js";

describe("migrations", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("has applied every migration and preloads the member municipalities", async () => {
    const applied = await database.db.selectFrom("schema_migrations").select("name").orderBy("version").execute();
    expect(applied.map((m) => m.name)).toEqual(loadMigrations().map((m) => m.name));
    const names = await database.db.selectFrom("municipalities").select("name").where("is_member", "=", true).execute();
    expect(names).toHaveLength(11);
    expect(names.map((n) => n.name)).toContain("Örkelljunga");
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await migrate(database.db)).toEqual([]);
  });

  it("refuses a database that has migrations this code does not know", async () => {
    await database.db.insertInto("schema_migrations").values({ version: 9999, name: "9999_from_the_future" }).execute();
    await expect(migrate(database.db)).rejects.toThrow(/does not know \(9999_from_the_future\)/);
    await database.db.deleteFrom("schema_migrations").where("version", "=", 9999).execute();
  });

  it("stems Swedish words in the search columns", async () => {
    const network = await database.db
      .insertInto("networks")
      .values({ name: "Testnätverket", slug: "testnatverket" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const meeting = await database.db
      .insertInto("meetings")
      .values({ network_id: network.id, date: "2024-03-01" })
      .returning(["id", "date"])
      .executeTakeFirstOrThrow();
    expect(meeting.date).toBe("2024-03-01");
    await database.db
      .insertInto("agenda_items")
      .values({ meeting_id: meeting.id, position: 1, title: "Socialjouren", notes: "Nätverket beslutade" })
      .execute();
    const hits = await sql<{ title: string }>`
      SELECT title FROM agenda_items WHERE search @@ websearch_to_tsquery('swedish', 'socialjour beslut')`.execute(
      database.db,
    );
    expect(hits.rows.map((r) => r.title)).toEqual(["Socialjouren"]);
  });

  it("keeps the audit log append-only", async () => {
    await database.db
      .insertInto("audit_log")
      .values({ action: "test", object_type: "x", before: null, after: null })
      .execute();
    await expect(database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });
});
