import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import type { Database } from "../db/client.js";
import { loadDemoData } from "./loadDemoData.js";

describe("loadDemoData", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("loads networks, people with turnover, past and coming meetings, all consistent", async () => {
    const summary = await database.db.transaction().execute((tx) => loadDemoData(tx, { today: "2026-11-23" }));
    expect(summary.networks).toBe(4);
    expect(summary.people).toBeGreaterThanOrEqual(25);
    const db = database.db;
    const sub = await db
      .selectFrom("networks")
      .select(["parent_id", "kind"])
      .where("kind", "=", "subnetwork")
      .execute();
    expect(sub).toHaveLength(1);
    expect(sub[0]?.parent_id).not.toBeNull();
    const municipalities = await db
      .selectFrom("memberships as m")
      .innerJoin("municipalities as k", "k.id", "m.municipality_id")
      .select("k.name")
      .distinct()
      .where("k.is_member", "=", true)
      .execute();
    expect(municipalities).toHaveLength(11);
    const ended = await db.selectFrom("memberships").select("id").where("to_date", "is not", null).execute();
    expect(ended.length).toBeGreaterThan(0);
    const years = await db.selectFrom("meetings").select("date").execute();
    expect(new Set(years.map((m) => m.date.slice(0, 4)))).toEqual(new Set(["2025", "2026", "2027"]));
    const upcoming = years.filter((m) => m.date > "2026-11-23");
    expect(upcoming.length).toBeGreaterThan(0);
    const postponed = await db.selectFrom("agenda_items").select("id").where("postponed", "=", true).execute();
    const carried = await db
      .selectFrom("agenda_items")
      .select("id")
      .where("carried_from_item_id", "is not", null)
      .execute();
    expect(postponed.length).toBeGreaterThan(0);
    expect(carried.length).toBeGreaterThan(0);
    // Decision numbers restart each year and never repeat within a network and year.
    const dup = await db
      .selectFrom("decisions")
      .select(["network_id", "year", "number"])
      .groupBy(["network_id", "year", "number"])
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(dup).toEqual([]);
    expect(summary.decisions).toBeGreaterThan(10);
    expect(summary.actions).toBeGreaterThan(10);
    // One open date poll with future dates, answered by some members, so the poll screens show something.
    const polls = await database.db
      .selectFrom("date_polls as d")
      .innerJoin("date_poll_options as o", "o.poll_id", "d.id")
      .select(["d.status", "o.date"])
      .execute();
    expect(polls.length).toBe(4);
    expect(polls.every((p) => p.status === "open" && p.date > "2026-11-23")).toBe(true);
    const answered = await database.db.selectFrom("date_poll_answers").select("person_id").distinct().execute();
    expect(answered).toHaveLength(3);
  });
});
