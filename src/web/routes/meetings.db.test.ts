import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import {
  buildAction,
  buildAgendaItem,
  buildMeeting,
  buildMembership,
  buildNetwork,
  buildPerson,
  buildStandingItem,
} from "../../../test/factories.js";
import { postForm, postMultipart, type SignedIn, signIn } from "../../../test/web.js";
import type { Database } from "../../db/client.js";
import { MAX_ATTACHMENT_BYTES } from "../../domain/file-type.js";
import { buildApp } from "../app.js";

/** The value of a hidden or text input in a page, by name (the first one). */
function inputValue(html: string, name: string): string {
  const m = new RegExp(
    `<input[^>]*name="${name}"[^>]*value="([^"]*)"|<input[^>]*value="([^"]*)"[^>]*name="${name}"`,
  ).exec(html);
  return m?.[1] ?? m?.[2] ?? "";
}

describe("meeting pages and forms", () => {
  let database: Database;
  let app: FastifyInstance;
  let coordinator: SignedIn;
  let second: SignedIn;
  let member: SignedIn;
  let networkId: number;
  let ids: { member: number; chair: number; outsider: number };

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    app = await buildApp({ database });
    const network = await buildNetwork(db, { name: "Webbtestnätverket" });
    networkId = network.id;
    const coord = await buildPerson(db, { name: "Cora Samordnare" });
    const coord2 = await buildPerson(db, { name: "Conny Medsamordnare" });
    const chair = await buildPerson(db, { name: "Ove Ordförande", municipality: "Bjuv" });
    const mem = await buildPerson(db, { name: "Mia Medlem", municipality: "Båstad" });
    const outsider = await buildPerson(db, { name: "Ulf Utanför", municipality: "Klippan" });
    await buildMembership(db, { personId: coord.id, networkId, role: "coordinator" });
    await buildMembership(db, { personId: coord2.id, networkId, role: "coordinator" });
    await buildMembership(db, { personId: chair.id, networkId, role: "chair" });
    await buildMembership(db, { personId: mem.id, networkId });
    await buildStandingItem(db, { networkId, title: "Föregående anteckningar", position: 0 });
    await buildStandingItem(db, { networkId, title: "Övrigt", position: 1 });
    ids = { member: mem.id, chair: chair.id, outsider: outsider.id };
    coordinator = await signIn(db, { personId: coord.id });
    second = await signIn(db, { personId: coord2.id });
    member = await signIn(db, { personId: mem.id });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const meetingCount = async () =>
    (await database.db.selectFrom("meetings").select("id").where("network_id", "=", networkId).execute()).length;

  it("asks anonymous visitors to sign in and refuses members the coordinator's pages", async () => {
    // A page that needs a sign-in sends the browser to the sign-in form.
    expect((await app.inject("/moten/nytt")).statusCode).toBe(303);
    const m = await buildMeeting(database.db, { networkId });
    for (const path of ["uppgifter", "dagordning", "narvaro", "anteckningar"]) {
      const res = await app.inject({ url: `/moten/${m.id}/${path}`, headers: { cookie: member.cookie } });
      expect(res.statusCode, path).toBe(403);
    }
    const read = await app.inject({ url: `/moten/${m.id}`, headers: { cookie: member.cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(`href="/moten/${m.id}/anteckningar"`);
    const editor = await app.inject({ url: `/moten/${m.id}`, headers: { cookie: coordinator.cookie } });
    expect(editor.body).toContain(`href="/moten/${m.id}/anteckningar"`);
  });

  it("plans a meeting, and on bad dates and times keeps what was typed and says what is wrong at the field", async () => {
    const before = await meetingCount();
    const bad = await postForm(app, coordinator, "/moten", {
      network_id: String(networkId),
      date: "31/2",
      start_time: "25:00",
      end_time: "",
      location: "Stadshuset, sal Kajen",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("”31/2” är inte ett datum");
    expect(bad.body).toContain("Tiden 25:00 finns inte");
    expect(bad.body).toMatch(/aria-describedby="plan-date-tips plan-date-fel"[^>]*|id="plan-date-fel"/);
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain('value="Stadshuset, sal Kajen"');
    expect(bad.body).toContain('value="31/2"');
    expect(bad.body).not.toMatch(/at .*\.tsx?:\d+/);

    const feb = await postForm(app, coordinator, "/moten", { network_id: String(networkId), date: "2027-02-31" });
    expect(feb.body).toContain("Datumet 2027-02-31 finns inte");
    const backwards = await postForm(app, coordinator, "/moten", {
      network_id: String(networkId),
      date: "2027-03-05",
      start_time: "13:00",
      end_time: "10:00",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain("Sluttiden 10:00 måste vara efter starttiden 13:00");
    expect(await meetingCount()).toBe(before);

    const ok = await postForm(app, coordinator, "/moten", {
      network_id: String(networkId),
      date: "2027-03-05",
      start_time: "9.00",
      end_time: "12:00",
      location: "Stadshuset",
      online_url: "",
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/moten\/\d+\/dagordning\?klart=planerat$/);
    const agenda = await app.inject({ url: String(ok.headers.location), headers: { cookie: coordinator.cookie } });
    expect(agenda.body).toContain("Mötet är planerat");
    expect(agenda.body).toContain("Föregående anteckningar");
    expect(await meetingCount()).toBe(before + 1);
  });

  it("refuses an empty item title and keeps the rest of the form", async () => {
    const m = await buildMeeting(database.db, { networkId });
    const res = await postForm(app, coordinator, `/moten/${m.id}/punkter`, {
      title: "   ",
      kind: "item",
      duration_minutes: "20",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Skriv en rubrik för punkten.");
    expect(res.body).toContain('id="ny-punkt-duration_minutes" name="duration_minutes"');
    expect(res.body).toMatch(
      /value="20"[^>]*id="ny-punkt-duration_minutes"|id="ny-punkt-duration_minutes"[^>]*value="20"/,
    );
    const items = await database.db.selectFrom("agenda_items").select("id").where("meeting_id", "=", m.id).execute();
    expect(items).toEqual([]);
  });

  it("refuses a stale details form after someone else changed the meeting, keeping both versions visible", async () => {
    const m = await buildMeeting(database.db, { networkId, date: "2027-04-09" });
    const page = await app.inject({ url: `/moten/${m.id}/uppgifter`, headers: { cookie: coordinator.cookie } });
    const base = inputValue(page.body, "base");
    expect(base).not.toBe("");
    const theirs = await postForm(app, second, `/moten/${m.id}/uppgifter`, {
      base,
      date: "2027-04-09",
      start_time: "13:00",
      end_time: "15:00",
      location: "Rådhuset",
    });
    expect(theirs.statusCode).toBe(303);
    const mine = await postForm(app, coordinator, `/moten/${m.id}/uppgifter`, {
      base,
      date: "2027-04-09",
      start_time: "09:00",
      end_time: "12:00",
      location: "Stadshuset",
    });
    expect(mine.statusCode).toBe(409);
    expect(mine.body).toContain("Någon annan har ändrat mötets uppgifter");
    expect(mine.body).toContain("Det här är sparat nu");
    expect(mine.body).toContain("Rådhuset");
    expect(mine.body).toContain('value="Stadshuset"');
    const stored = await database.db
      .selectFrom("meetings")
      .select(["location", "start_time"])
      .where("id", "=", m.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ location: "Rådhuset", start_time: "13:00:00" });
    // Saving again from the re-rendered form (it carries the new fingerprint) goes through.
    const again = await postForm(app, coordinator, `/moten/${m.id}/uppgifter`, {
      base: inputValue(mine.body, "base"),
      date: "2027-04-09",
      location: "Stadshuset",
    });
    expect(again.statusCode).toBe(303);
  });

  it("refuses an assignee who is not a member, with the typed action kept and nothing stored", async () => {
    const m = await buildMeeting(database.db, { networkId, date: "2027-05-07" });
    const item = await buildAgendaItem(database.db, { meetingId: m.id, title: "Kulturkortet" });
    const res = await postForm(app, coordinator, `/moten/${m.id}/punkter/${item.id}/uppdrag`, {
      text: "Bjud in ekonomerna",
      assignees: String(ids.outsider),
      due_date: "2027-06-01",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Ulf Utanför är inte medlem i nätverket");
    expect(res.body).toContain("Bjud in ekonomerna</textarea>");
    expect(await database.db.selectFrom("actions").select("id").where("item_id", "=", item.id).execute()).toEqual([]);

    const none = await postForm(app, coordinator, `/moten/${m.id}/punkter/${item.id}/uppdrag`, {
      text: "Bjud in",
      due_date: "",
    });
    expect(none.body).toContain("Välj minst en ansvarig bland medlemmarna.");

    const ok = await postForm(app, coordinator, `/moten/${m.id}/punkter/${item.id}/uppdrag`, {
      text: "Bjud in ekonomerna",
      assignees: String(ids.member),
      due_date: "2027-06-01",
    });
    expect(ok.statusCode).toBe(303);
  });

  it("autosaves notes as JSON and answers a stale save with a conflict carrying both texts", async () => {
    const m = await buildMeeting(database.db, { networkId });
    const item = await buildAgendaItem(database.db, { meetingId: m.id, title: "Läget" });
    const url = `/moten/${m.id}/punkter/${item.id}/anteckningar`;
    const json = (who: SignedIn, notes: string, revision: number) =>
      app.inject({
        method: "POST",
        url,
        payload: new URLSearchParams({ notes, revision: String(revision) }).toString(),
        headers: { ...who.headers, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      });
    const first = await json(coordinator, "Cora skriver.", 0);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ revision: 1, changed: true });
    const stale = await json(second, "Conny skriver.", 0);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().conflict).toMatchObject({ theirs: "Cora skriver.", revision: 1, by: "Cora Samordnare" });

    // Without JavaScript the form posts normally; the conflict page shows both texts.
    const plain = await postForm(app, second, url, { notes: "Conny skriver.", revision: "0" });
    expect(plain.statusCode).toBe(409);
    expect(plain.body).toContain("Cora skriver.</textarea>");
    expect(plain.body).toContain("Conny skriver.</textarea>");
    expect(plain.body).toContain("Ingen text har skrivits över");
    // The re-rendered form is based on the saved revision, so saving the merged text works.
    expect(plain.body).toMatch(/name="revision" value="1"/);
  });

  it("uploads slides and documents checked by content, refusing oversized and disallowed files on the form", async () => {
    const m = await buildMeeting(database.db, { networkId });
    const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n%%EOF\n");
    const ok = await postMultipart(
      app,
      coordinator,
      `/moten/${m.id}/bilagor`,
      { title: "Bilder", item_id: "" },
      {
        name: "bilder.pdf",
        bytes: pdf,
        type: "application/pdf",
      },
    );
    expect(ok.statusCode).toBe(303);
    const att = await database.db
      .selectFrom("attachments")
      .select("id")
      .where("meeting_id", "=", m.id)
      .executeTakeFirstOrThrow();
    const download = await app.inject({ url: `/bilagor/${att.id}`, headers: { cookie: member.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe("attachment; filename*=UTF-8''Bilder.pdf");
    expect(download.rawPayload.equals(Buffer.from(pdf))).toBe(true);

    const exe = await postMultipart(
      app,
      coordinator,
      `/moten/${m.id}/bilagor`,
      { title: "Presentation", item_id: "" },
      {
        name: "presentation.pdf",
        bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
        type: "application/pdf",
      },
    );
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain("inte av en tillåten typ");
    expect(exe.body).toContain('value="Presentation"');

    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 10);
    big.set(pdf);
    const huge = await postMultipart(
      app,
      coordinator,
      `/moten/${m.id}/bilagor`,
      { title: "Stora filen", item_id: "" },
      {
        name: "stor.pdf",
        bytes: big,
      },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain("Filen är för stor");
    expect(huge.body).toContain('value="Stora filen"');
    expect(
      await database.db.selectFrom("attachments").select("id").where("meeting_id", "=", m.id).execute(),
    ).toHaveLength(1);
  });

  it("approves minutes, refuses changes afterwards, and shows the versions after a correction", async () => {
    const m = await buildMeeting(database.db, { networkId, date: "2026-03-06", state: "held" });
    const item = await buildAgendaItem(database.db, { meetingId: m.id, title: "Budget", notes: "Genomgång." });
    const approve = await postForm(app, coordinator, `/moten/${m.id}/justera`, {});
    expect(approve.statusCode).toBe(303);
    const page = await app.inject({ url: `/moten/${m.id}?klart=justerat`, headers: { cookie: coordinator.cookie } });
    expect(page.body).toContain("Anteckningarna är justerade och kan inte längre ändras.");
    expect(page.body).toContain("Justerat av");
    expect(page.body).toContain("Cora Samordnare");
    const late = await postForm(app, coordinator, `/moten/${m.id}/punkter/${item.id}/anteckningar`, {
      notes: "Ändrat efteråt.",
      revision: "0",
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain("Anteckningarna är justerade");

    const noReason = await postForm(app, coordinator, `/moten/${m.id}/rattelse`, { reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv varför anteckningarna rättas.");
    const correct = await postForm(app, coordinator, `/moten/${m.id}/rattelse`, { reason: "Fel belopp" });
    expect(correct.statusCode).toBe(303);
    const v1 = await app.inject({ url: `/moten/${m.id}/versioner/1`, headers: { cookie: member.cookie } });
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain("Genomgång.");
    const after = await app.inject({ url: `/moten/${m.id}`, headers: { cookie: member.cookie } });
    expect(after.body).toContain("Version 2 (rättelse pågår): Fel belopp");
  });

  it("shows a member their actions under Mina uppdrag and lets them close one with a comment", async () => {
    const action = await buildAction(database.db, {
      networkId,
      text: "Mia sammanställer taxorna",
      dueDate: "2027-01-15",
      assigneeIds: [ids.member],
    });
    const mine = await app.inject({ url: "/uppdrag/mina", headers: { cookie: member.cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain("Mia sammanställer taxorna");
    const close = await postForm(app, member, `/uppdrag/${action.id}/klart`, { comment: "Skickat till alla." });
    expect(close.statusCode).toBe(303);
    expect(close.headers.location).toBe("/uppdrag/mina?klart=stangt");
    const row = await database.db
      .selectFrom("actions")
      .selectAll()
      .where("id", "=", action.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "done", closed_comment: "Skickat till alla.", closed_by: ids.member });
    expect((await app.inject("/uppdrag/mina")).headers.location).toBe("/logga-in?nasta=%2Fuppdrag%2Fmina");
  });

  it("cancels a meeting only with a reason, and plans it again", async () => {
    const m = await buildMeeting(database.db, { networkId, state: "notice_sent" });
    const noReason = await postForm(app, coordinator, `/moten/${m.id}/status`, { till: "cancelled", reason: " " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv varför mötet ställs in.");
    const cancel = await postForm(app, coordinator, `/moten/${m.id}/status`, {
      till: "cancelled",
      reason: "För få anmälda",
    });
    expect(cancel.headers.location).toBe(`/moten/${m.id}?klart=installt`);
    const page = await app.inject({ url: `/moten/${m.id}?klart=installt`, headers: { cookie: coordinator.cookie } });
    expect(page.body).toContain("Mötet är inställt.");
    expect(page.body).toContain("För få anmälda");
    const item = await buildAgendaItem(database.db, { meetingId: m.id });
    const refused = await postForm(app, coordinator, `/moten/${m.id}/punkter/${item.id}/beslut`, { text: "att x" });
    expect(refused.statusCode).toBe(409);
    expect((await postForm(app, coordinator, `/moten/${m.id}/status`, { till: "planned" })).statusCode).toBe(303);
    const row = await database.db
      .selectFrom("meetings")
      .select(["state", "cancelled_reason"])
      .where("id", "=", m.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: "planned", cancelled_reason: null });
  });

  it("refuses a form without the session's CSRF token", async () => {
    const m = await buildMeeting(database.db, { networkId });
    const res = await app.inject({
      method: "POST",
      url: `/moten/${m.id}/justera`,
      payload: "",
      headers: { cookie: coordinator.cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.statusCode).toBe(403);
  });
});
