import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import type { Database } from "../db/client.js";
import { planCorpus } from "./generator.js";
import { writeCorpus } from "./generator-db.js";
import { generateMeetings } from "./generator-meetings.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const count = async (table: string) =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]?.n,
  );

describe("storing a generated corpus", () => {
  const plan = planCorpus({ meetings: 150, seed: 42 });
  const meetings = [...generateMeetings(plan)];
  // Keep back every held meeting whose id ends in 7, as the import benchmark does.
  const skipped = new Set(meetings.filter((m) => m.state === "approved" && m.id % 10 === 7).map((m) => m.id));

  it("stores every row it generated, less the meetings kept back", async () => {
    const summary = await writeCorpus(database.db, plan, { skip: (m) => skipped.has(m.id), batchMeetings: 40 });
    const kept = meetings.filter((m) => !skipped.has(m.id));
    expect(summary.skipped).toBe(skipped.size);
    expect(summary.meetings).toBe(150 - skipped.size);
    expect(await count("meetings")).toBe(summary.meetings);
    expect(await count("networks")).toBe(plan.networks.length);
    expect(await count("people")).toBe(plan.people.length);
    expect(await count("memberships")).toBe(plan.memberships.length);
    expect(await count("agenda_items")).toBe(kept.reduce((n, m) => n + m.items.length, 0));
    expect(await count("attendance")).toBe(kept.reduce((n, m) => n + m.attendance.length, 0));
    expect(await count("decisions")).toBe(summary.decisions);
    expect(await count("actions")).toBe(summary.actions);
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["actor", "after"])
      .where("action", "=", "corpus.generate")
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe("system");
  });

  it("leaves no reference to a meeting kept back", async () => {
    const ids = [...skipped];
    expect(ids.length).toBeGreaterThan(0);
    const dangling = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM themes WHERE planned_meeting_id = ANY(${ids}::int[]))
           + (SELECT count(*) FROM actions WHERE closed_meeting_id = ANY(${ids}::int[]))
           + (SELECT count(*) FROM agenda_items i JOIN agenda_items f ON f.id = i.carried_from_item_id
               WHERE f.meeting_id = ANY(${ids}::int[])) AS n`.execute(database.db);
    expect(Number(dangling.rows[0]?.n)).toBe(0);
    const carried = await database.db
      .selectFrom("agenda_items")
      .select("id")
      .where("carried_from_item_id", "is not", null)
      .execute();
    expect(carried.length).toBeGreaterThan(0);
  });

  it("moves the id sequences past the rows it wrote, so the app can add more", async () => {
    const network = await database.db.selectFrom("networks").select("id").limit(1).executeTakeFirstOrThrow();
    const meeting = await database.db
      .insertInto("meetings")
      .values({ network_id: network.id, date: "2030-01-10" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(meeting.id).toBeGreaterThan(plan.meetingCount);
    await database.db.deleteFrom("meetings").where("id", "=", meeting.id).execute();
  });

  it("makes the notes searchable in Swedish, with recurring names found in a few items", async () => {
    const items = await count("agenda_items");
    const hits = async (q: string) =>
      Number(
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM agenda_items
            WHERE search @@ websearch_to_tsquery('swedish', ${q})`.execute(database.db)
        ).rows[0]?.n,
      );
    // "handlingarna" is stemmed: "Till handlingarna." and "Läggs till handlingarna." both match.
    expect(await hits("handling")).toBeGreaterThan(items / 20);
    const named = await hits("Grannkraft");
    expect(named).toBeGreaterThan(0);
    expect(named).toBeLessThan(items / 10);
  });

  it("adds a second corpus after the first one", async () => {
    const before = await count("meetings");
    const second = planCorpus({ meetings: 20, seed: 43 });
    const summary = await writeCorpus(database.db, second);
    expect(summary.meetings).toBe(20);
    expect(await count("meetings")).toBe(before + 20);
  });
});
