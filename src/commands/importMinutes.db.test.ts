import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { loadSeeds } from "../../test/seeds.js";
import type { Database, Tx } from "../db/client.js";
import { readMinutes } from "../importers/read.js";
import type { ImportedMeeting } from "../importers/schema.js";
import { type ImportOutcome, importMinutes } from "./importMinutes.js";

const seeds = loadSeeds();
const enc = (s: string) => new TextEncoder().encode(s);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function importText(text: string, filename: string, networkName?: string): Promise<ImportOutcome> {
  const bytes = enc(text);
  const meeting = await readMinutes({ bytes, filename });
  return database.db
    .transaction()
    .execute((tx) =>
      importMinutes(tx, { meeting, source: { filename, bytes }, ...(networkName ? { networkName } : {}) }),
    );
}

// Row counts of every table an import writes, to show that something did not change.
async function counts(db: Tx) {
  const tables = [
    "networks",
    "people",
    "person_aliases",
    "memberships",
    "meetings",
    "attendance",
    "agenda_items",
    "item_raisers",
    "decisions",
    "actions",
    "action_assignees",
    "source_documents",
    "minutes_versions",
    "municipalities",
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db);
    out[t] = r.rows[0]?.n ?? 0;
  }
  return out;
}

const personId = async (name: string) =>
  (await database.db.selectFrom("people").select("id").where("name", "=", name).execute()).map((r) => r.id);

describe.skipIf(seeds.length === 0)("importing the seed minutes", () => {
  beforeAll(async () => {
    for (const seed of seeds) {
      const outcome = await importText(seed.text, seed.name);
      expect(outcome.status, seed.name).toBe("created");
    }
  });

  it("creates the network once, with a slug without å, ä and ö", async () => {
    const networks = await database.db.selectFrom("networks").select(["name", "slug"]).execute();
    expect(networks).toEqual([{ name: "Socialchefs nätverket", slug: "socialchefs-natverket" }]);
  });

  it("stores approved meetings with their source documents", async () => {
    const meetings = await database.db
      .selectFrom("meetings as m")
      .innerJoin("source_documents as d", "d.id", "m.source_document_id")
      .select(["m.date", "m.state", "m.approved_at", "m.start_time", "d.filename", "d.size"])
      .orderBy("m.date")
      .execute();
    expect(meetings.map((m) => [m.date, m.state, m.approved_at])).toEqual([
      ["2019-09-06", "approved", null],
      ["2020-01-10", "approved", null],
      ["2020-03-06", "approved", null],
      ["2020-04-17", "approved", null],
      ["2021-08-27", "approved", null],
    ]);
    expect(meetings[1]?.start_time).toBe("09:00:00");
  });

  it("makes Kurve and Kurdve one person, keeping the other spelling as an alias", async () => {
    const ids = await personId("Filippa Kurve");
    expect(ids).toHaveLength(1);
    expect(await personId("Filippa Kurdve")).toEqual([]);
    const aliases = await database.db
      .selectFrom("person_aliases")
      .select("alias")
      .where("person_id", "=", ids[0] as number)
      .execute();
    expect(aliases.map((a) => a.alias)).toEqual(["Filippa Kurdve"]);
    const attended = await database.db
      .selectFrom("attendance")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", ids[0] as number)
      .executeTakeFirstOrThrow();
    expect(Number(attended.n)).toBe(5);
  });

  it("gives 'Linda' and 'Linda Macke' one person, and 'KJ' to Kirti John", async () => {
    const [linda] = await personId("Linda Macke");
    const [kirti] = await personId("Kirti John");
    const assignees = await database.db
      .selectFrom("action_assignees as aa")
      .innerJoin("actions as a", "a.id", "aa.action_id")
      .select(["a.text", "aa.person_id", "aa.name"])
      .execute();
    const byText = (start: string) => assignees.filter((a) => a.text.startsWith(start));
    expect(byText("Linda skickar ut en doodle").map((a) => a.person_id)).toEqual([linda]);
    expect(byText("Till nästa träff sammanställer Linda").map((a) => a.person_id)).toEqual([linda]);
    expect(byText("KJ bjuder").map((a) => a.person_id)).toEqual([kirti]);
    expect(assignees.every((a) => a.person_id !== null)).toBe(true);
  });

  it("keeps Johan Lindberg and Johan Hammar two people", async () => {
    expect(await personId("Johan Lindberg")).toHaveLength(1);
    expect(await personId("Johan Hammar")).toHaveLength(1);
    expect(await personId("Johan")).toEqual([]);
  });

  it("numbers decisions per network and year", async () => {
    const decisions = await database.db
      .selectFrom("decisions as d")
      .innerJoin("meetings as m", "m.id", "d.meeting_id")
      .select(["d.year", "d.number", "m.date"])
      .orderBy("d.year")
      .orderBy("d.number")
      .execute();
    expect(decisions.map((d) => `${d.year}:${d.number}`)).toEqual([
      "2019:1",
      "2019:2",
      "2020:1",
      "2020:2",
      "2020:3",
      "2020:4",
      "2020:5",
    ]);
  });

  it("infers memberships from the rosters: chairs and members, not guests, first and last seen", async () => {
    const rows = await sql<{
      name: string;
      role: string;
      from_date: string;
      last_seen_date: string;
      to_date: string | null;
    }>`
      SELECT p.name, m.role, m.from_date, m.last_seen_date, m.to_date FROM memberships m
      JOIN people p ON p.id = m.person_id WHERE m.inferred ORDER BY p.name, m.from_date`.execute(database.db);
    const of = (name: string) =>
      rows.rows.filter((r) => r.name === name).map((r) => [r.role, r.from_date, r.last_seen_date]);
    expect(of("Dinah Åbinger")).toEqual([
      ["member", "2019-09-06", "2019-09-06"],
      ["chair", "2020-01-10", "2020-04-17"],
    ]);
    expect(of("Johan Lindberg")).toEqual([["member", "2019-09-06", "2021-08-27"]]);
    expect(of("Linda Macke")).toEqual([]);
    expect(rows.rows.every((r) => r.to_date === null)).toBe(true);
  });

  it("links raisers and the note-taker to people", async () => {
    const raisers = await database.db.selectFrom("item_raisers").select(["person_id", "name"]).execute();
    expect(raisers.length).toBeGreaterThan(5);
    expect(raisers.every((r) => r.person_id !== null)).toBe(true);
    const takers = await database.db.selectFrom("meetings").select("note_taker_id").distinct().execute();
    expect(takers.map((t) => t.note_taker_id).sort()).toEqual(
      [...(await personId("Linda Macke")), ...(await personId("Kirti John"))].sort(),
    );
  });

  it("changes nothing when the same documents are imported again", async () => {
    const before = await counts(database.db);
    for (const seed of seeds) expect((await importText(seed.text, `again-${seed.name}`)).status).toBe("unchanged");
    expect(await counts(database.db)).toEqual(before);
  });

  it("replaces an imported meeting from a changed document, keeping the old version and decision numbers", async () => {
    const seed = seeds.find((s) => s.name.startsWith("000")) ?? (seeds[0] as (typeof seeds)[number]);
    const meetingBefore = await database.db
      .selectFrom("meetings")
      .select(["id", "minutes_version"])
      .where("date", "=", "2020-03-06")
      .executeTakeFirstOrThrow();
    const changed = seed.text.replace(
      "Till handlingarna.",
      "Till handlingarna.\n\nBeslut: att tacka för anteckningarna.",
    );
    const outcome = await importText(changed, seed.name);
    expect(outcome).toMatchObject({ status: "replaced", meetingId: meetingBefore.id });
    const after = await database.db
      .selectFrom("meetings")
      .select(["id", "minutes_version"])
      .where("date", "=", "2020-03-06")
      .execute();
    expect(after).toEqual([{ id: meetingBefore.id, minutes_version: meetingBefore.minutes_version + 1 }]);
    const versions = await database.db.selectFrom("minutes_versions").select(["version", "reason"]).execute();
    expect(versions).toEqual([{ version: 1, reason: `ersatt vid import av ${seed.name}` }]);
    const numbers = await database.db
      .selectFrom("decisions")
      .select(["number", "text"])
      .where("meeting_id", "=", meetingBefore.id)
      .orderBy("number")
      .execute();
    expect(numbers.map((d) => d.number)).toEqual([1, 2, 3, 6]);
    expect(numbers[0]?.text).toBe("att tacka för anteckningarna.");
  });

  it("leaves a meeting alone that was edited in Samråd, and says so", async () => {
    const seed = seeds.find((s) => s.name.startsWith("004")) ?? (seeds[0] as (typeof seeds)[number]);
    await database.db.updateTable("meetings").set({ edited_in_app: true }).where("date", "=", "2020-04-17").execute();
    const before = await counts(database.db);
    const outcome = await importText(seed.text.replace("Läget i kommunerna", "Läget i kommunerna just nu"), seed.name);
    expect(outcome.status).toBe("kept");
    expect(outcome.notes[0]).toMatch(/har ändrats i Samråd/);
    expect(await counts(database.db)).toEqual(before);
  });
});

const FICTIONAL = `Trafiknätverket

Datum och tid: 2024-01-12 kl. 13-15

Närvarande:

Vera Lundqvist (ordf.)\tLomma
Tor Edholm\tEslöv

Övriga:

Saga Nord\tSamordnare Trafiknätverket

Anteckningar

Cykelvägar

Beslut: att ta fram en karta.

Saga skickar ut kartan.
`;

describe("importMinutes", () => {
  it("stores nothing at all when a document fails half-way", async () => {
    const before = await counts(database.db);
    const meeting = await readMinutes({ bytes: enc(FICTIONAL), filename: "trafik.txt" });
    // A title of only spaces passes the reader's schema but not the database's check.
    const broken: ImportedMeeting = {
      ...meeting,
      items: [...meeting.items, { ...(meeting.items[0] as ImportedMeeting["items"][number]), title: "   " }],
    };
    await expect(
      database.db
        .transaction()
        .execute((tx) =>
          importMinutes(tx, { meeting: broken, source: { filename: "trafik.txt", bytes: enc(FICTIONAL) } }),
        ),
    ).rejects.toThrow();
    expect(await counts(database.db)).toEqual(before);
  });

  it("does not merge a name that fits two stored people, and reports it", async () => {
    const muni = await database.db
      .selectFrom("municipalities")
      .select(["id", "name"])
      .where("name", "in", ["Bjuv", "Klippan"])
      .execute();
    expect(muni).toHaveLength(2);
    for (const m of muni) {
      await database.db.insertInto("people").values({ name: "Saga Nord", municipality_id: m.id }).execute();
    }
    const outcome = await importText(FICTIONAL, "trafik.txt");
    expect(outcome.status).toBe("created");
    expect(outcome.notes.some((n) => /Saga Nord kan vara flera personer/.test(n))).toBe(true);
    expect(await personId("Saga Nord")).toHaveLength(3);
    expect(outcome.people).toEqual({ created: 3, matched: 0 });
  });

  it("stores under the network it is told (spaces aside), and knows namesakes by their network", async () => {
    const text = FICTIONAL.replace("2024-01-12", "2024-02-09");
    const outcome = await importText(text, "trafik2.txt", "Trafik nätverket");
    expect(outcome.network).toMatchObject({ name: "Trafiknätverket", created: false });
    expect(outcome.people).toEqual({ created: 0, matched: 3 });
    expect(outcome.notes).toEqual([]);
  });

  it("numbers a replaced meeting's extra decisions after every number in use", async () => {
    const doc = (date: string, decisions: string) =>
      FICTIONAL.replace("Trafiknätverket", "Cykelnätverket")
        .replace("2024-01-12", date)
        .replace("Beslut: att ta fram en karta.", decisions);
    await importText(doc("2023-03-01", "Beslut: att börja."), "c1.txt");
    await importText(doc("2023-04-01", "Beslut: att fortsätta."), "c2.txt");
    const outcome = await importText(doc("2023-04-01", "Beslut: att fortsätta.\n\nBeslut: att sluta."), "c2.txt");
    expect(outcome.status).toBe("replaced");
    const numbers = await database.db
      .selectFrom("decisions")
      .select(["number", "text"])
      .where("meeting_id", "=", outcome.meetingId as number)
      .orderBy("number")
      .execute();
    expect(numbers).toEqual([
      { number: 2, text: "att fortsätta." },
      { number: 3, text: "att sluta." },
    ]);
  });

  it("refuses a document without a network name or a date", async () => {
    const meeting = await readMinutes({ bytes: enc(FICTIONAL), filename: "x.txt" });
    const run = (m: ImportedMeeting) =>
      database.db
        .transaction()
        .execute((tx) => importMinutes(tx, { meeting: m, source: { filename: "x.txt", bytes: enc("x") } }));
    await expect(run({ ...meeting, network: null })).rejects.toThrow(/namnger inget nätverk/);
    await expect(run({ ...meeting, date: null })).rejects.toThrow(/saknar mötets datum/);
  });
});
