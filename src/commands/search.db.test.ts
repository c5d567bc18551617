import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import {
  buildDecision,
  buildItem,
  buildItemAction,
  buildMeeting,
  buildMembership,
  buildNetwork,
  buildPerson,
} from "../../test/factories.js";
import type { Database } from "../db/client.js";
import { compileQuery, rankDocuments } from "../db/queries/search.js";
import { type Actor, ANONYMOUS, SYSTEM } from "../domain/permissions.js";
import { parseSearchQuery } from "../domain/search-query.js";
import { isAppError } from "../errors.js";
import { SearchInput, type SearchRequest, search } from "./search.js";

// A fictional network with two years of minutes, a sub-network, a draft and another network.
describe("search", () => {
  let database: Database;
  let reader: Actor;
  let member: Actor;
  type Key = "net" | "sub" | "vera" | "otto" | "m2019" | "m2020" | "draft" | "jour" | "feedback" | "letter";
  const ids = {} as Record<Key | "decision" | "secret" | "klippan" | "round", number>;

  const run = (actor: Actor, input: Partial<SearchRequest> & { q: string }) =>
    search(database.db, actor, SearchInput.parse(input));
  const titles = async (actor: Actor, input: Partial<SearchRequest> & { q: string }) =>
    (await run(actor, input)).hits.map((h) => h.title);

  beforeAll(async () => {
    database = await openTestDatabase();
    const tx = database.db;
    const net = await buildNetwork(tx, {
      name: "Omsorgschefernas nätverk",
      purpose: "Omsorgscheferna möts om äldreomsorg.",
    });
    const sub = await buildNetwork(tx, { name: "Jourgruppen", parentId: net.id });
    const other = await buildNetwork(tx, { name: "Kulturnätverket Syd" });
    ids.net = net.id;
    ids.sub = sub.id;
    const vera = await buildPerson(tx, { name: "Vera Kvist", municipality: "Bjuv" });
    const otto = await buildPerson(tx, { name: "Otto Brandt", municipality: "Klippan" });
    ids.vera = vera.id;
    ids.otto = otto.id;
    await buildMembership(tx, { personId: otto.id, networkId: net.id, fromDate: "2019-01-01" });

    const m2019 = await buildMeeting(tx, { networkId: net.id, date: "2019-09-06", state: "approved" });
    const m2020 = await buildMeeting(tx, { networkId: net.id, date: "2020-03-06", state: "approved" });
    const draft = await buildMeeting(tx, { networkId: net.id, date: "2020-04-17", state: "minutes_draft" });
    const subMeeting = await buildMeeting(tx, { networkId: sub.id, date: "2020-05-15", state: "approved" });
    const otherMeeting = await buildMeeting(tx, { networkId: other.id, date: "2020-06-12", state: "approved" });
    ids.m2019 = m2019.id;
    ids.m2020 = m2020.id;
    ids.draft = draft.id;

    const jour = await buildItem(tx, {
      meetingId: m2019.id,
      title: "Beslut om utökad socialjour krävs",
      notes: "Påminnelse om att det behövs ett formellt beslut i nämnderna för utökad socialjour.",
      raisedBy: [{ personId: vera.id, name: "Vera Kvist" }],
    });
    ids.jour = jour.id;
    const feedback = await buildItem(tx, {
      meetingId: m2020.id,
      title: "Återkoppling socialjouren",
      notes: "Arbetet med gemensam social jour fortskrider. Punkten flyttas till nästa möte.",
    });
    ids.feedback = feedback.id;
    const letter = await buildItem(tx, {
      meetingId: m2020.id,
      title: "Skrivelse Medelpunkten",
      notes: "Dialog kring förslag på skrivelse. Beslut kan tas på nästa möte om hur vi går vidare med Medelpunkten.",
    });
    ids.letter = letter.id;
    const decision = await buildDecision(tx, {
      itemId: letter.id,
      text: "att nätverket inte går vidare med skrivelsen i dagsläget",
    });
    ids.decision = decision.id;
    await buildItemAction(tx, {
      itemId: letter.id,
      text: "Otto kontaktar Medelpunkten angående medlemslistor.",
      dueDate: "2020-04-17",
      assignees: [{ personId: otto.id, name: "Otto Brandt" }],
    });
    await buildItem(tx, { meetingId: m2020.id, title: "Övrigt", notes: "Jour social i helgerna diskuterades inte." });
    const secret = await buildItem(tx, {
      meetingId: draft.id,
      title: "Nattpatrull",
      notes: "Utkast: nattpatrullen i socialjouren beslutades men är inte justerad.",
    });
    ids.secret = secret.id;
    await buildItem(tx, { meetingId: subMeeting.id, title: "Jourschema", notes: "Socialjour under sommaren." });
    await buildItem(tx, {
      meetingId: otherMeeting.id,
      title: "Sommarjour på biblioteket",
      notes: "Socialjour nämns här också.",
    });
    const round = await buildItem(tx, { meetingId: m2020.id, title: "Läget i kommunerna", kind: "round" });
    const klippan = await tx
      .selectFrom("municipalities")
      .select("id")
      .where("name", "=", "Klippan")
      .executeTakeFirstOrThrow();
    ids.klippan = klippan.id;
    await tx
      .insertInto("round_notes")
      .values({ item_id: round.id, municipality_id: klippan.id, notes: "Nyrekrytering av fältassistenter." })
      .execute();
    ids.round = round.id;

    reader = { userId: 1, personId: vera.id, isAdmin: false, label: "vera@exempel.se" };
    member = { userId: 2, personId: otto.id, isAdmin: false, label: "otto@exempel.se" };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("finds both meetings' items through Swedish stemming (socialjour / socialjouren)", async () => {
    const result = await run(SYSTEM, { q: "socialjour", network: "omsorgschefernas-natverk" });
    const items = result.hits.filter((h) => h.kind === "item");
    expect(items.map((h) => h.date)).toEqual(expect.arrayContaining(["2019-09-06", "2020-03-06"]));
    expect(items.map((h) => h.url)).toContain(`/moten/${ids.m2020}#punkt-${ids.feedback}`);
    expect(items.map((h) => h.url)).toContain(`/moten/${ids.m2019}#punkt-${ids.jour}`);
    // the sub-network is inside the network, the other network is not
    expect(items.map((h) => h.title)).toContain("Jourschema");
    expect(items.map((h) => h.title)).not.toContain("Sommarjour på biblioteket");
  });

  it("matches inflected forms of a typed word (beslutade finds beslut)", async () => {
    const hits = await titles(SYSTEM, { q: "beslutade socialjour " });
    expect(hits).toContain("Beslut om utökad socialjour krävs");
  });

  it("matches the last word as a prefix while typing", async () => {
    expect(await titles(SYSTEM, { q: "medelpu" })).toContain("Skrivelse Medelpunkten");
    expect(await titles(SYSTEM, { q: "skriv medelpunk" })).toContain("Skrivelse Medelpunkten");
  });

  it("supports phrases and exclusion", async () => {
    const phrase = await titles(SYSTEM, { q: '"social jour"' });
    expect(phrase).toContain("Återkoppling socialjouren");
    expect(phrase).not.toContain("Övrigt"); // "Jour social" is the wrong order
    const excluded = await titles(SYSTEM, { q: "socialjour -påminnelse" });
    expect(excluded).not.toContain("Beslut om utökad socialjour krävs");
    expect(excluded).toContain("Återkoppling socialjouren");
  });

  it("puts decisions first when the query names them", async () => {
    const result = await run(SYSTEM, { q: "beslut medelpunkten" });
    expect(result.hits[0]?.kind).toBe("decision");
    expect(result.hits[0]?.title).toBe("Beslut 2020:1 – Skrivelse Medelpunkten");
    expect(result.hits[0]?.url).toBe(`/moten/${ids.m2020}#punkt-${ids.letter}`);
  });

  it("ranks a match in the title above one in the notes, and newer above older on a tie", async () => {
    const hits = await run(SYSTEM, { q: "skrivelse", kind: "item" });
    expect(hits.hits[0]?.title).toBe("Skrivelse Medelpunkten");
    const tie = await run(SYSTEM, { q: "socialjour", kind: "item", network: "Jourgruppen" });
    expect(tie.hits.map((h) => h.title)).toEqual(["Jourschema"]);
  });

  it("marks the matched words in snippets and titles", async () => {
    const result = await run(SYSTEM, { q: "fortskrider" });
    const hit = result.hits.find((h) => h.title === "Återkoppling socialjouren");
    expect(hit?.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["fortskrider"]);
    expect(hit?.snippet).toContain("Arbetet med gemensam social jour fortskrider");
    const titled = await run(SYSTEM, { q: "skrivelse" });
    expect(titled.hits.find((h) => h.kind === "item")?.titleParts).toEqual([
      { text: "Skrivelse", hit: true },
      { text: " Medelpunkten", hit: false },
    ]);
  });

  it("filters by year, kind, person and municipality", async () => {
    expect((await run(SYSTEM, { q: "socialjour", year: 2019 })).hits.map((h) => h.date)).toEqual(["2019-09-06"]);
    const actions = await run(SYSTEM, { q: "medelpunkten", kind: "action" });
    expect(actions.hits.map((h) => h.kind)).toEqual(["action"]);
    expect((await run(SYSTEM, { q: "medelpunkten", person: ids.otto })).hits.map((h) => h.kind)).toEqual(["action"]);
    expect(await titles(SYSTEM, { q: "socialjour", person: ids.vera })).toEqual(["Beslut om utökad socialjour krävs"]);
    expect(await titles(SYSTEM, { q: "socialjour", municipality: "Bjuv" })).toEqual([
      "Beslut om utökad socialjour krävs",
    ]);
    // round notes are searchable and belong to their municipality
    expect(await titles(SYSTEM, { q: "fältassistenter", municipality: String(ids.klippan) })).toEqual([
      "Läget i kommunerna",
    ]);
  });

  it("finds people and networks by name", async () => {
    const people = await run(SYSTEM, { q: "otto bran" });
    expect(people.hits[0]).toMatchObject({ kind: "person", title: "Otto Brandt", url: `/personer/${ids.otto}` });
    const networks = await run(SYSTEM, { q: "äldreomsorg" });
    expect(networks.hits[0]).toMatchObject({ kind: "network", title: "Omsorgschefernas nätverk" });
  });

  it("shows readers approved minutes only, members also their network's drafts", async () => {
    expect(await titles(SYSTEM, { q: "nattpatrullen" })).toContain("Nattpatrull");
    expect(await titles(reader, { q: "nattpatrullen" })).not.toContain("Nattpatrull");
    expect(await titles(member, { q: "nattpatrullen" })).toContain("Nattpatrull");
    await expect(run(ANONYMOUS, { q: "socialjour" })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("follows changes to the minutes through the triggers", async () => {
    const tx = database.db;
    await tx.updateTable("meetings").set({ state: "approved" }).where("id", "=", ids.draft).execute();
    expect(await titles(reader, { q: "nattpatrullen" })).toContain("Nattpatrull");
    await tx.updateTable("agenda_items").set({ title: "Nattvandring" }).where("id", "=", ids.secret).execute();
    expect(await titles(reader, { q: "nattvandring" })).toContain("Nattvandring");
    await tx
      .updateTable("agenda_items")
      .set({ title: "Skrivelse om Medelpunkten" })
      .where("id", "=", ids.letter)
      .execute();
    expect((await run(SYSTEM, { q: "beslut medelpunkten" })).hits[0]?.title).toBe(
      "Beslut 2020:1 – Skrivelse om Medelpunkten",
    );
    await tx.deleteFrom("agenda_items").where("id", "=", ids.secret).execute();
    expect(await titles(SYSTEM, { q: "nattvandring" })).not.toContain("Nattvandring");
    await tx.updateTable("meetings").set({ date: "2018-09-07" }).where("id", "=", ids.m2019).execute();
    expect((await run(SYSTEM, { q: "påminnelse" })).hits[0]?.date).toBe("2018-09-07");
    // the year filter goes through the date tokens, which follow the meeting's new date
    expect((await run(SYSTEM, { q: "påminnelse", year: 2018 })).hits).toHaveLength(1);
    expect((await run(SYSTEM, { q: "påminnelse", year: 2019 })).hits).toHaveLength(0);
    await tx.updateTable("meetings").set({ date: "2019-09-06" }).where("id", "=", ids.m2019).execute();
  });

  it("answers empty, absurd and hostile queries calmly", async () => {
    const cases = [
      "",
      "    ",
      "?!.,;:()[]{}<>",
      "a".repeat(10_000),
      "socialjour ".repeat(1000),
      "'; DROP TABLE search_documents; --",
      "\\x00 & | ! <-> :* '' \"\"",
      "och att som ",
      "%_%' OR 1=1 --",
      "😀 🎉 ©®™ ½ ² ℃",
    ];
    for (const q of cases) {
      const result = await run(reader, { q });
      expect(
        result.hits.every((h) => typeof h.url === "string"),
        q.slice(0, 20),
      ).toBe(true);
      if (result.hits.length === 0) expect(result.message, q.slice(0, 20)).toBeTruthy();
    }
    expect((await run(reader, { q: "" })).message).toMatch(/Skriv ett eller flera ord/);
    expect((await run(reader, { q: "och att " })).message).toMatch(/småord/);
    expect((await run(reader, { q: "socialjour ".repeat(1000) })).notes.join(" ")).toMatch(/kortats/);
    const count = await database.db
      .selectFrom("search_documents")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    expect(Number(count?.n)).toBeGreaterThan(0);
  });

  it("never lets random text break the query compiler", async () => {
    const alphabet = "aåäöz09 -\"'\\:&|!*()<>½²ſﬁ\u0301\u200b\t\n@#$%^;=+[]{}~`";
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 200; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(next() * 30) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("");
      const compiled = await compileQuery(database.db, parseSearchQuery(q));
      if (compiled.swedish) {
        await rankDocuments(database.db, {
          newest: compiled.newest,
          oldest: compiled.oldest,
          tsquery: compiled.swedish,
          scope: { all: true },
          filters: {},
          kindHints: [],
          limit: 5,
          offset: 0,
        });
      }
    }
  });

  it("ranks common words within the newest window that holds enough hits, and says from when", async () => {
    const compiled = await compileQuery(database.db, parseSearchQuery("socialjour "));
    const rank = (wanted: number) =>
      rankDocuments(database.db, {
        newest: compiled.newest,
        oldest: compiled.oldest,
        tsquery: compiled.swedish ?? "",
        scope: { all: true },
        filters: {},
        kindHints: [],
        limit: 10,
        offset: 0,
        wanted,
      });
    const newest = await rank(2);
    expect(newest).toMatchObject({ since: "2020-04-01", more: true, total: 2 });
    expect(newest.rows.map((r) => r.date).sort()).toEqual(["2020-05-15", "2020-06-12"]);
    // the next window would reach back over half the archive: the search takes everything instead
    const all = await rank(3);
    expect(all).toMatchObject({ since: null, more: false, total: 4 });
    expect(all.rows.map((r) => r.date)).toContain("2019-09-06");
  });

  it("refuses an unknown network or municipality filter with the field named", async () => {
    const error = await run(SYSTEM, { q: "jour", network: "Finns inte" }).catch((e) => e);
    expect(isAppError(error) && error.where).toBe("network");
    const bad = await run(SYSTEM, { q: "jour", municipality: "Atlantis" }).catch((e) => e);
    expect(isAppError(bad) && bad.where).toBe("municipality");
  });
});
