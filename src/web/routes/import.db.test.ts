import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import { zip } from "../../../test/docx.js";
import { buildMembership, buildNetwork, buildPerson } from "../../../test/factories.js";
import { loadSeeds } from "../../../test/seeds.js";
import { postForm, type SignedIn, signIn } from "../../../test/web.js";
import type { Database } from "../../db/client.js";
import type { ImportedMeeting } from "../../importers/schema.js";
import { buildApp } from "../app.js";

const seeds = loadSeeds();

/** Posts the import form with several files under "files", as a browser does with <input multiple>. */
function upload(
  app: FastifyInstance,
  who: SignedIn,
  files: Array<{ name: string; bytes: Uint8Array }>,
  fields: Record<string, string> = {},
) {
  const boundary = `----samrad${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ ...fields, _csrf: who.csrfToken })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return app.inject({
    method: "POST",
    url: "/import",
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: who.cookie },
  });
}

/** The review form filled in with the draft as it stands. */
function reviewForm(m: ImportedMeeting, networkId: number | null): Record<string, string> {
  const form: Record<string, string> = {
    network_id: networkId ? String(networkId) : "",
    date: m.date ?? "",
    start_time: m.startTime ?? "",
    end_time: m.endTime ?? "",
    location: m.location ?? "",
    note_taker: m.noteTaker ?? "",
    attendee_count: String(m.attendees.length),
    item_count: String(m.items.length),
  };
  m.attendees.forEach((a, k) => {
    form[`a_${k}_name`] = a.name;
    form[`a_${k}_municipality`] = a.municipality ?? "";
    form[`a_${k}_status`] = a.status;
    form[`a_${k}_role`] = a.role ?? "";
    if (a.chair) form[`a_${k}_chair`] = "on";
    form[`a_${k}_person`] = a.person === undefined ? "auto" : String(a.person);
    form[`a_${k}_merge`] = "";
  });
  m.items.forEach((item, k) => {
    form[`item_${k}_title`] = item.title;
  });
  return form;
}

describe.skipIf(seeds.length < 2)("the web import", () => {
  let database: Database;
  let app: FastifyInstance;
  let coordinator: SignedIn;
  let member: SignedIn;
  let networkId: number;
  const [first, second] = seeds as [(typeof seeds)[0], (typeof seeds)[0]];

  const draftOf = async (id: number) => {
    const row = await database.db
      .selectFrom("import_drafts")
      .select(["draft", "status", "meeting_id", "network_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { ...row, meeting: row.draft as ImportedMeeting };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    app = await buildApp({ database });
    const network = await buildNetwork(db, { name: "Socialchefs nätverket" });
    networkId = network.id;
    const coord = await buildPerson(db, { name: "Cora Samordnare" });
    const mem = await buildPerson(db, { name: "Mia Medlem" });
    await buildMembership(db, { personId: coord.id, networkId, role: "coordinator" });
    await buildMembership(db, { personId: mem.id, networkId, role: "member" });
    coordinator = await signIn(db, { personId: coord.id });
    member = await signIn(db, { personId: mem.id });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("is linked from the network page and shows the upload form", async () => {
    const slug = (
      await database.db.selectFrom("networks").select("slug").where("id", "=", networkId).executeTakeFirstOrThrow()
    ).slug;
    const networkPage = await app.inject({ url: `/natverk/${slug}`, headers: { cookie: coordinator.cookie } });
    expect(networkPage.body).toContain(`href="/import?natverk=${slug}"`);
    const memberView = await app.inject({ url: `/natverk/${slug}`, headers: { cookie: member.cookie } });
    expect(memberView.body).not.toContain("/import?natverk=");

    const page = await app.inject({ url: `/import?natverk=${slug}`, headers: { cookie: coordinator.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<input[^>]*type="file"[^>]*multiple[^>]*accept=".docx,.txt,.md"/);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('src="/assets/dropzone.js"');
    expect(page.body).toMatch(new RegExp(`<option value="${networkId}" selected`));
    const js = await app.inject({ url: "/assets/dropzone.js" });
    expect(js.statusCode).toBe(200);
  });

  it("drafts the good files of a multi-file upload and names each bad one", async () => {
    const before = Number(
      (
        await database.db
          .selectFrom("import_drafts")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await upload(app, coordinator, [
      { name: first.name, bytes: first.bytes },
      { name: "tom.txt", bytes: new Uint8Array() },
      { name: "trasig.docx", bytes: zip({ "word/document.xml": "<w:document/>" }).slice(0, 40) },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("2 filer kunde inte läsas");
    expect(res.body).toMatch(/<strong>tom\.txt<\/strong>: Filen är tom\./);
    expect(res.body).toMatch(/<strong>trasig\.docx<\/strong>: Word-filen kan inte läsas/);
    expect(res.body).toContain(first.name);
    const after = await database.db.selectFrom("import_drafts").select(["filename"]).execute();
    expect(after.length).toBe(before + 1);
    expect(after.map((r) => r.filename)).not.toContain("tom.txt");

    const tooBig = new Uint8Array(20 * 1024 * 1024 + 10).fill(0x61);
    const big = await upload(app, coordinator, [{ name: "jättestor.txt", bytes: tooBig }]);
    expect(big.statusCode).toBe(400);
    expect(big.body).toMatch(/<strong>jättestor\.txt<\/strong>: Filen är för stor; största tillåtna storlek är 20 MB/);

    const none = await upload(app, coordinator, []);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Välj minst en fil att importera.");
  });

  it("reviews, corrects and saves a draft, landing on the meeting", async () => {
    const res = await upload(app, coordinator, [{ name: second.name, bytes: second.bytes }]);
    expect(res.statusCode).toBe(303);
    const url = res.headers.location as string;
    const id = Number(/^\/import\/(\d+)$/.exec(url)?.[1]);
    expect(id).toBeGreaterThan(0);

    const review = await app.inject({ url, headers: { cookie: coordinator.cookie } });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('id="rad-1"');
    expect(review.body).toContain("Socialchefs nätverket");
    expect(review.body).toMatch(/ny person|matchad med/);
    expect(review.body).toContain(`formaction="/import/${id}/spara"`);

    const { meeting, network_id } = await draftOf(id);
    expect(network_id).toBe(networkId);
    const bad = await postForm(app, coordinator, url, {
      ...reviewForm(meeting, networkId),
      a_0_name: "",
      date: "5 maj",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv deltagarens namn.");
    expect(bad.body).toContain("Skriv datumet som ÅÅÅÅ-MM-DD.");

    const form = {
      ...reviewForm(meeting, networkId),
      a_0_name: "Cathrine Eriksson-Rättad",
      a_0_municipality: "Höganäs",
    };
    const saved = await postForm(app, coordinator, url, form);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?klart=sparat`);
    expect((await draftOf(id)).meeting.attendees[0]?.name).toBe("Cathrine Eriksson-Rättad");
    const again = await app.inject({ url: `${url}?klart=sparat`, headers: { cookie: coordinator.cookie } });
    expect(again.body).toContain("Ändringarna är sparade i utkastet.");
    expect(again.body).toContain('value="Cathrine Eriksson-Rättad"');

    // Saving also applies what is on the form, in the same transaction.
    const stored = await postForm(app, coordinator, `${url}/spara`, {
      ...reviewForm((await draftOf(id)).meeting, networkId),
      location: "Rättad plats",
    });
    expect(stored.statusCode).toBe(303);
    const meetingUrl = stored.headers.location as string;
    expect(meetingUrl).toMatch(/^\/moten\/\d+\?klart=importerat$/);
    const meetingPage = await app.inject({ url: meetingUrl, headers: { cookie: coordinator.cookie } });
    expect(meetingPage.statusCode).toBe(200);
    expect(meetingPage.body).toContain("Protokollet är importerat.");
    expect(meetingPage.body).toContain("Cathrine Eriksson-Rättad");
    expect(meetingPage.body).toContain("Rättad plats");
    expect((await draftOf(id)).status).toBe("saved");

    const twice = await postForm(app, coordinator, `${url}/spara`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("redan sparat");

    const list = await app.inject({ url: "/import", headers: { cookie: coordinator.cookie } });
    expect(list.body).toContain(`href="/moten/${/\/moten\/(\d+)/.exec(meetingUrl)?.[1]}"`);
  });

  it("discards a draft", async () => {
    const res = await upload(app, coordinator, [{ name: "kopia.txt", bytes: first.bytes }]);
    const url = res.headers.location as string;
    const gone = await postForm(app, coordinator, `${url}/kasta`, {});
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe("/import?klart=kastat");
    const id = Number(url.split("/").pop());
    expect((await draftOf(id)).status).toBe("discarded");
    const page = await app.inject({ url: gone.headers.location as string, headers: { cookie: coordinator.cookie } });
    expect(page.body).toContain("Utkastet är kastat.");
    expect(page.body).not.toContain(`href="${url}"`);
  });

  it("links warnings to their lines, says when a name is uncertain, and stores the person chosen", async () => {
    const db = database.db;
    const bjuv = await buildPerson(db, { name: "Erik Holmqvist", municipality: "Bjuv" });
    await buildPerson(db, { name: "Erik Holmqvist", municipality: "Klippan" });
    const text = [
      "Socialchefs nätverket",
      "",
      "Datum och tid: 2021-02-05 kl. 9-12",
      "",
      "Närvarande:",
      "Erik Holmqvist",
      "Sara Lind\tBjuv",
      "Sara Lind\tBjuv",
      "",
      "Budget",
      "",
      "Beslut: att godkänna budgeten.",
    ].join("\n");
    const res = await upload(app, coordinator, [{ name: "osäker.txt", bytes: new TextEncoder().encode(text) }]);
    const url = res.headers.location as string;
    const review = await app.inject({ url, headers: { cookie: coordinator.cookie } });
    expect(review.body).toMatch(/<a href="#rad-8">rad 8<\/a>: Sara Lind står redan i deltagarlistan/);
    expect(review.body).toContain('id="rad-8"');
    expect(review.body).toContain("osäker: två möjliga");
    const { meeting } = await draftOf(Number(url.split("/").pop()));
    const erik = meeting.attendees.findIndex((a) => a.name === "Erik Holmqvist");
    const saved = await postForm(app, coordinator, `${url}/spara`, {
      ...reviewForm(meeting, networkId),
      [`a_${erik}_person`]: String(bjuv.id),
    });
    expect(saved.statusCode).toBe(303);
    const meetingId = Number(/\/moten\/(\d+)/.exec(saved.headers.location as string)?.[1]);
    const present = await db.selectFrom("attendance").select("person_id").where("meeting_id", "=", meetingId).execute();
    expect(present.map((p) => p.person_id)).toContain(bjuv.id);
  });

  it("lets an admin, reaching it from the administration page, create a network by import", async () => {
    const admin = await signIn(database.db, { isAdmin: true });
    const page = await app.inject({ url: "/admin", headers: { cookie: admin.cookie } });
    expect(page.body).toContain('href="/import"');
    const list = await app.inject({ url: "/import", headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Socialchefs nätverket");

    const res = await upload(app, admin, [{ name: "annan.txt", bytes: seeds[2]?.bytes ?? first.bytes }]);
    const url = res.headers.location as string;
    const review = await app.inject({ url, headers: { cookie: admin.cookie } });
    expect(review.body).toContain("Eller ett nytt nätverk");
    const { meeting } = await draftOf(Number(url.split("/").pop()));
    const saved = await postForm(app, admin, `${url}/spara`, {
      ...reviewForm(meeting, null),
      network_name: "Arkivnätverket",
    });
    expect(saved.statusCode).toBe(303);
    const meetingPage = await app.inject({ url: saved.headers.location as string, headers: { cookie: admin.cookie } });
    expect(meetingPage.body).toContain("Arkivnätverket");
    const network = await database.db
      .selectFrom("networks")
      .select("id")
      .where("name", "=", "Arkivnätverket")
      .executeTakeFirst();
    expect(network).toBeDefined();
  });

  it("does not let a coordinator create a network by import", async () => {
    const res = await upload(app, coordinator, [{ name: "nytt.txt", bytes: seeds[3]?.bytes ?? first.bytes }]);
    const url = res.headers.location as string;
    const review = await app.inject({ url, headers: { cookie: coordinator.cookie } });
    expect(review.body).not.toContain("Eller ett nytt nätverk");
    const { meeting } = await draftOf(Number(url.split("/").pop()));
    const refused = await postForm(app, coordinator, url, {
      ...reviewForm(meeting, null),
      network_name: "Eget nätverk",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Bara sekretariatet kan skapa nätverk");
  });

  it("refuses members", async () => {
    expect((await app.inject({ url: "/import", headers: { cookie: member.cookie } })).statusCode).toBe(403);
    const res = await upload(app, member, [{ name: first.name, bytes: first.bytes }]);
    expect(res.statusCode).toBe(403);
  });
});
