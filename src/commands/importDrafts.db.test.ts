import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, failure } from "../../test/commands.js";
import { openTestDatabase } from "../../test/db.js";
import { zip } from "../../test/docx.js";
import { buildMembership, buildNetwork, buildPerson } from "../../test/factories.js";
import { loadSeeds } from "../../test/seeds.js";
import type { Database, Tx } from "../db/client.js";
import type { DraftCorrections } from "../domain/import-corrections.js";
import type { Actor } from "../domain/permissions.js";
import type { ImportedMeeting } from "../importers/schema.js";
import { createImportDrafts } from "./createImportDrafts.js";
import { discardImportDraft } from "./discardImportDraft.js";
import { getImportList, getImportReview } from "./getImportPages.js";
import { saveImportDraft } from "./saveImportDraft.js";
import { updateImportDraft } from "./updateImportDraft.js";

const seeds = loadSeeds();
const enc = (s: string) => new TextEncoder().encode(s);

/** The corrections that change nothing: the review form as first shown. */
function unchanged(m: ImportedMeeting, networkId: number | null): DraftCorrections {
  return {
    networkId,
    networkName: null,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    location: m.location,
    noteTaker: m.noteTaker,
    attendees: m.attendees.map((a) => ({
      name: a.name,
      municipality: a.municipality,
      status: a.status,
      role: a.role,
      chair: a.chair,
      person: a.person ?? "auto",
      mergeInto: null,
    })),
    itemTitles: m.items.map((i) => i.title),
  };
}

describe.skipIf(seeds.length < 2)("importing minutes through drafts", () => {
  let database: Database;
  const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.db.transaction().execute(fn);
  let coordinator: Actor;
  let member: Actor;
  let admin: Actor;
  let networkId: number;
  let annika: number;
  const [first, second] = seeds as [(typeof seeds)[0], (typeof seeds)[0]];

  const draftMeeting = async (actor: Actor, draftId: number) =>
    (await inTx((tx) => getImportReview(tx, { actor, draftId }))).meeting;
  const count = async (table: "people" | "meetings" | "import_drafts" | "source_documents") =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    const network = await buildNetwork(db, { name: "Socialchefs nätverket" });
    networkId = network.id;
    const coord = await buildPerson(db, { name: "Linnea Planerare" });
    const mem = await buildPerson(db, { name: "Maja Medlem" });
    await buildMembership(db, { personId: coord.id, networkId, role: "coordinator" });
    await buildMembership(db, { personId: mem.id, networkId, role: "member" });
    annika = (await buildPerson(db, { name: "Annika Andersson", municipality: "Helsingborg" })).id;
    coordinator = await actorFor(db, coord.id);
    member = await actorFor(db, mem.id);
    admin = await actorFor(db, null, true);
  });
  afterAll(() => database.close());

  it("drafts every readable file and names each one that cannot be read, storing nothing of it", async () => {
    const before = await count("import_drafts");
    const result = await inTx((tx) =>
      createImportDrafts(tx, {
        actor: coordinator,
        files: [
          { filename: first.name, bytes: first.bytes },
          { filename: "trasig.docx", bytes: zip({ "word/document.xml": "<w:document/>" }).slice(0, 40) },
          { filename: "tom.txt", bytes: new Uint8Array() },
          { filename: "lösenord.docx", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) },
          { filename: "skräp.txt", bytes: new Uint8Array(Array.from({ length: 600 }, (_, k) => (k * 37) % 256)) },
          { filename: "stor.txt", bytes: enc("x"), truncated: true },
          { filename: `../../${second.name}`, bytes: second.bytes },
        ],
      }),
    );
    expect(result.drafts.map((d) => d.filename)).toEqual([first.name, second.name]);
    expect(result.failures.map((f) => f.filename)).toEqual([
      "trasig.docx",
      "tom.txt",
      "lösenord.docx",
      "skräp.txt",
      "stor.txt",
    ]);
    const messages = Object.fromEntries(result.failures.map((f) => [f.filename, f.message]));
    expect(messages["trasig.docx"]).toMatch(/Word-filen kan inte läsas/);
    expect(messages["tom.txt"]).toBe("Filen är tom.");
    expect(messages["lösenord.docx"]).toMatch(/lösenordsskyddad/);
    expect(messages["stor.txt"]).toMatch(/för stor.*20 MB/);
    expect(messages["skräp.txt"]).toMatch(/binär/);
    expect(await count("import_drafts")).toBe(before + 2);
    expect(await count("meetings")).toBe(0);

    // The document names the network the coordinator coordinates: it is chosen already.
    const list = await inTx((tx) => getImportList(tx, { actor: coordinator }));
    expect(list.drafts.map((d) => [d.filename, d.networkId, d.status])).toEqual([
      [second.name, networkId, "draft"],
      [first.name, networkId, "draft"],
    ]);
    expect(list.canCreateNetwork).toBe(false);
    const review = await inTx((tx) => getImportReview(tx, { actor: coordinator, draftId: result.drafts[0]?.id ?? 0 }));
    expect(review.draft.source).toContain("Socialchefs nätverket");
    const annikaAt = review.meeting.attendees.findIndex((a) => a.name === "Annika Andersson");
    expect(review.resolutions[annikaAt]).toMatchObject({ kind: "match", person: { id: annika } });
  });

  it("refuses members, readers and others' drafts", async () => {
    const files = [{ filename: first.name, bytes: first.bytes }];
    expect((await failure(inTx((tx) => createImportDrafts(tx, { actor: member, files })))).code).toBe("forbidden");
    expect((await failure(inTx((tx) => getImportList(tx, { actor: member })))).code).toBe("forbidden");
    const other = await buildPerson(database.db, { name: "Olle Annan" });
    const otherNet = await buildNetwork(database.db, { name: "Annat nätverk" });
    await buildMembership(database.db, { personId: other.id, networkId: otherNet.id, role: "coordinator" });
    const otherCoord = await actorFor(database.db, other.id);
    expect((await failure(inTx((tx) => createImportDrafts(tx, { actor: otherCoord, files, networkId })))).code).toBe(
      "forbidden",
    );
    // Their own upload of a document naming a network they do not coordinate: no network is chosen,
    // and saving says to choose one of theirs.
    const theirs = await inTx((tx) => createImportDrafts(tx, { actor: otherCoord, files }));
    const theirDraft = theirs.drafts[0]?.id ?? 0;
    expect((await draftMeeting(otherCoord, theirDraft)).network).toBe("Socialchefs nätverket");
    const notTheirs = await failure(inTx((tx) => saveImportDraft(tx, { actor: otherCoord, draftId: theirDraft })));
    expect(notTheirs).toMatchObject({ code: "bad_request", where: "network_id" });
    expect(notTheirs.message).toContain("Du importerar inte till Socialchefs nätverket");

    const { drafts } = await inTx((tx) => createImportDrafts(tx, { actor: coordinator, files }));
    const draftId = drafts[0]?.id ?? 0;
    expect((await failure(inTx((tx) => getImportReview(tx, { actor: otherCoord, draftId })))).code).toBe("not_found");
    expect((await failure(inTx((tx) => saveImportDraft(tx, { actor: otherCoord, draftId })))).code).toBe("not_found");
    // A coordinator may only store into networks they coordinate.
    const m = await draftMeeting(coordinator, draftId);
    expect(
      (
        await failure(
          inTx((tx) => updateImportDraft(tx, { actor: coordinator, draftId, corrections: unchanged(m, otherNet.id) })),
        )
      ).code,
    ).toBe("forbidden");
    await inTx((tx) => discardImportDraft(tx, { actor: coordinator, draftId }));
  });

  it("stores a corrected name, a merge and a split through importMinutes, once", async () => {
    const { drafts } = await inTx((tx) =>
      createImportDrafts(tx, { actor: coordinator, files: [{ filename: second.name, bytes: second.bytes }] }),
    );
    const draftId = drafts[0]?.id as number;
    const m = await draftMeeting(coordinator, draftId);
    const c = unchanged(m, networkId);
    const at = (name: string) => m.attendees.findIndex((a) => a.name === name);
    const moberg = at("Madeleine Moberg");
    const mikael = at("Mikael Lindberg");
    const johan = at("Johan Lindberg");
    const annikaAt = at("Annika Andersson");
    expect([moberg, mikael, johan, annikaAt].every((k) => k >= 0)).toBe(true);
    // Correct a name and a municipality.
    Object.assign(c.attendees[moberg] ?? {}, { name: "Madeleine Mobergsson", municipality: "Svalövs kommun" });
    // Merge: Johan Lindberg's line is the same person as Mikael Lindberg.
    Object.assign(c.attendees[johan] ?? {}, { mergeInto: mikael });
    // Split: this Annika Andersson is not the stored one.
    Object.assign(c.attendees[annikaAt] ?? {}, { person: "new" });
    c.itemTitles[0] = `${c.itemTitles[0]} (rättad)`;
    await inTx((tx) => updateImportDraft(tx, { actor: coordinator, draftId, corrections: c }));

    const review = await inTx((tx) => getImportReview(tx, { actor: coordinator, draftId }));
    expect(review.meeting.attendees).toHaveLength(m.attendees.length - 1);
    const newAnnika = review.meeting.attendees.findIndex((a) => a.name === "Annika Andersson");
    expect(review.resolutions[newAnnika]).toEqual({ kind: "new", forced: true });

    const update = await database.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "import_draft.update")
      .where("object_id", "=", String(draftId))
      .executeTakeFirstOrThrow();
    expect(Object.keys(update.after as object).sort()).toEqual(["attendees", "itemTitles"]);
    expect(Object.keys(update.before as object).sort()).toEqual(["attendees", "itemTitles"]);

    const people = await count("people");
    const outcome = await inTx((tx) => saveImportDraft(tx, { actor: coordinator, draftId }));
    expect(outcome.status).toBe("created");
    const db = database.db;
    const attendance = await db
      .selectFrom("attendance as a")
      .innerJoin("people as p", "p.id", "a.person_id")
      .leftJoin("municipalities as k", "k.id", "a.municipality_id")
      .select(["p.id", "p.name", "k.name as municipality"])
      .where("a.meeting_id", "=", outcome.meetingId)
      .execute();
    expect(attendance).toHaveLength(m.attendees.length - 1);
    expect(attendance.find((a) => a.name === "Madeleine Mobergsson")?.municipality).toBe("Svalövs kommun");
    expect(attendance.some((a) => a.name === "Madeleine Moberg" || a.name === "Johan Lindberg")).toBe(false);
    const mikaelId = attendance.find((a) => a.name === "Mikael Lindberg")?.id as number;
    const aliases = await db.selectFrom("person_aliases").select("alias").where("person_id", "=", mikaelId).execute();
    expect(aliases.map((a) => a.alias)).toContain("Johan Lindberg");
    const annikas = attendance.filter((a) => a.name === "Annika Andersson");
    expect(annikas).toHaveLength(1);
    expect(annikas[0]?.id).not.toBe(annika);
    expect(await count("people")).toBeGreaterThan(people);
    const title = await db
      .selectFrom("agenda_items")
      .select("title")
      .where("meeting_id", "=", outcome.meetingId)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    expect(title.title).toMatch(/\(rättad\)$/);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("action", "in", ["minutes.import", "import_draft.save", "import_draft.update", "import_draft.create"])
      .where("actor", "=", coordinator.label)
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(["minutes.import", "import_draft.save", "import_draft.update", "import_draft.create"]),
    );

    // Saved once; a second save or a change is refused.
    expect((await failure(inTx((tx) => saveImportDraft(tx, { actor: coordinator, draftId })))).code).toBe("conflict");
    expect(
      (await failure(inTx((tx) => updateImportDraft(tx, { actor: coordinator, draftId, corrections: c })))).code,
    ).toBe("conflict");

    // The same bytes uploaded again are "unchanged", and point at the same meeting.
    const again = await inTx((tx) =>
      createImportDrafts(tx, { actor: coordinator, files: [{ filename: "igen.txt", bytes: second.bytes }] }),
    );
    const meetings = await count("meetings");
    const repeat = await inTx((tx) => saveImportDraft(tx, { actor: coordinator, draftId: again.drafts[0]?.id ?? 0 }));
    expect(repeat).toMatchObject({ status: "unchanged", meetingId: outcome.meetingId });
    expect(await count("meetings")).toBe(meetings);
  });

  it("does not reveal a meeting imported into another network", async () => {
    const person = await buildPerson(database.db, { name: "Tea Tredje" });
    const net = await buildNetwork(database.db, { name: "Tredje nätverket" });
    await buildMembership(database.db, { personId: person.id, networkId: net.id, role: "coordinator" });
    const third = await actorFor(database.db, person.id);
    const { drafts } = await inTx((tx) =>
      createImportDrafts(tx, {
        actor: third,
        networkId: net.id,
        files: [{ filename: "samma.txt", bytes: second.bytes }],
      }),
    );
    const refused = await failure(inTx((tx) => saveImportDraft(tx, { actor: third, draftId: drafts[0]?.id ?? 0 })));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toContain("redan importerat till Socialchefs nätverket");
  });

  it("discards a draft, which then cannot be saved", async () => {
    const { drafts } = await inTx((tx) =>
      createImportDrafts(tx, { actor: coordinator, files: [{ filename: first.name, bytes: first.bytes }] }),
    );
    const draftId = drafts[0]?.id as number;
    await inTx((tx) => discardImportDraft(tx, { actor: coordinator, draftId }));
    const list = await inTx((tx) => getImportList(tx, { actor: coordinator }));
    expect(list.drafts.some((d) => d.id === draftId)).toBe(false);
    expect((await failure(inTx((tx) => saveImportDraft(tx, { actor: coordinator, draftId })))).code).toBe("conflict");
    const row = await database.db
      .selectFrom("import_drafts")
      .select("status")
      .where("id", "=", draftId)
      .executeTakeFirst();
    expect(row?.status).toBe("discarded");
  });

  it("lets only an admin create a network by import", async () => {
    const text = [
      "Nytt samverkansnätverk",
      "",
      "Datum och tid: 2021-05-05 kl. 9-11",
      "",
      "Närvarande:",
      "Karin Nyström\tBjuv",
      "Erik Holm\tKlippan",
      "",
      "Budget",
      "",
      "Beslut: att godkänna budgeten.",
    ].join("\n");
    const files = [{ filename: "nytt.txt", bytes: enc(text) }];
    const mine = await inTx((tx) => createImportDrafts(tx, { actor: coordinator, files }));
    const draftId = mine.drafts[0]?.id as number;
    const m = await draftMeeting(coordinator, draftId);
    expect(m.network).toBe("Nytt samverkansnätverk");
    const refused = await failure(inTx((tx) => saveImportDraft(tx, { actor: coordinator, draftId })));
    expect(refused).toMatchObject({ code: "bad_request", where: "network_id" });
    expect(refused.message).toMatch(/Bara sekretariatet/);
    const networks = await database.db.selectFrom("networks").select("name").execute();
    expect(networks.some((n) => n.name === "Nytt samverkansnätverk")).toBe(false);

    const theirs = await inTx((tx) => createImportDrafts(tx, { actor: admin, files }));
    const saved = await inTx((tx) => saveImportDraft(tx, { actor: admin, draftId: theirs.drafts[0]?.id ?? 0 }));
    expect(saved.network).toMatchObject({ name: "Nytt samverkansnätverk", created: true });
  });
});
