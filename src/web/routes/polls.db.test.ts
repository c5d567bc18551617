import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import { buildMeeting, buildMembership, buildNetwork, buildPerson } from "../../../test/factories.js";
import { postForm, postMultipart, type SignedIn, signIn } from "../../../test/web.js";
import type { Database } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { buildApp } from "../app.js";

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const today = todayInSweden();

describe("date poll and items-sent-in pages", () => {
  let database: Database;
  let app: FastifyInstance;
  let coordinator: SignedIn;
  let member: SignedIn;
  let network: { id: number; slug: string; name: string };
  let memberName: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    app = await buildApp({ database });
    network = await buildNetwork(db, { name: "Omröstningsnätverket" });
    const coord = await buildPerson(db, { name: "Cora Samordnare", email: "cora@exempel.se" });
    const mem = await buildPerson(db, { name: "Mia Medlem", email: "mia@exempel.se" });
    const other = await buildPerson(db, { name: "Olle Ohörd", email: "olle@exempel.se" });
    memberName = mem.name;
    await buildMembership(db, { personId: coord.id, networkId: network.id, role: "coordinator" });
    await buildMembership(db, { personId: mem.id, networkId: network.id });
    await buildMembership(db, { personId: other.id, networkId: network.id });
    coordinator = await signIn(db, { personId: coord.id });
    member = await signIn(db, { personId: mem.id });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const pollCount = async () => (await database.db.selectFrom("date_polls").select("id").execute()).length;

  it("creates a poll from the form, shows the matrix, takes answers, reminds and turns picked dates into meetings", async () => {
    const form = await app.inject({
      url: `/natverk/${network.slug}/omrostningar/ny`,
      headers: { cookie: coordinator.cookie },
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="option_date_12"');
    const members = await app.inject({
      url: `/natverk/${network.slug}/omrostningar/ny`,
      headers: { cookie: member.cookie },
    });
    expect(members.statusCode).toBe(403);

    // Bad input: no dates, then a date in the past; the form comes back with the message and nothing is stored.
    const before = await pollCount();
    const empty = await postForm(app, coordinator, `/natverk/${network.slug}/omrostningar/ny`, { title: "Datum 2027" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Föreslå minst ett datum");
    const past = await postForm(app, coordinator, `/natverk/${network.slug}/omrostningar/ny`, {
      title: "Datum 2027",
      option_date_1: addDays(today, 10),
      option_date_2: addDays(today, -3),
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("Förslag 2:");
    expect(past.body).toContain("har redan varit");
    expect(past.body).toContain(`value="${addDays(today, 10)}"`);
    const typo = await postForm(app, coordinator, `/natverk/${network.slug}/omrostningar/ny`, {
      title: "Datum 2027",
      option_date_1: "31/2 2027",
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain("Förslag 1: Datumet 31/2 2027 finns inte");
    expect(await pollCount()).toBe(before);

    const created = await postForm(app, coordinator, `/natverk/${network.slug}/omrostningar/ny`, {
      title: "Datum 2027",
      location: "Rådhuset",
      default_start_time: "09:00",
      default_end_time: "12:00",
      option_date_1: addDays(today, 40),
      option_date_3: addDays(today, 20),
      option_start_3: "13:00",
      option_end_3: "15:00",
    });
    expect(created.statusCode).toBe(303);
    const pollUrl = String(created.headers.location).split("?")[0] as string;
    expect(pollUrl).toMatch(/^\/omrostningar\/\d+$/);
    const pollId = Number(pollUrl.split("/").pop());

    const list = await app.inject({ url: `/natverk/${network.slug}/omrostningar`, headers: { cookie: member.cookie } });
    expect(list.body).toContain(`href="${pollUrl}"`);
    expect(list.body).not.toContain("Ny omröstning");
    const start = await app.inject({ url: "/", headers: { cookie: member.cookie } });
    expect(start.body).toContain("Datumomröstningar att svara på");
    expect(start.body).toContain(`href="${pollUrl}"`);
    const networkPage = await app.inject({ url: `/natverk/${network.slug}`, headers: { cookie: member.cookie } });
    expect(networkPage.body).toContain(`href="/natverk/${network.slug}/omrostningar"`);

    const options = await database.db
      .selectFrom("date_poll_options")
      .select(["id", "date"])
      .where("poll_id", "=", pollId)
      .orderBy("date")
      .execute();
    const [early, late] = options.map((o) => o.id) as [number, number];
    const half = await postForm(app, member, `/omrostningar/${pollId}/svar`, { [`answer_${early}`]: "yes" });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain("Svara ja, om det behövs eller nej för");
    const answered = await postForm(app, member, `/omrostningar/${pollId}/svar`, {
      [`answer_${early}`]: "maybe",
      [`answer_${late}`]: "yes",
    });
    expect(answered.statusCode).toBe(303);
    const page = await app.inject({ url: pollUrl, headers: { cookie: coordinator.cookie } });
    expect(page.statusCode).toBe(200);
    // A real table: column headers per date, row headers per person, answers in words and symbols.
    expect(page.body).toContain('<th scope="col">Person</th>');
    expect(page.body).toMatch(new RegExp(`<th scope="row">${memberName}</th>`));
    expect(page.body).toContain("Om det behövs</td>");
    expect(page.body).toContain("1 ja,<br/>0 om det behövs,<br/>0 nej");
    expect(page.body).toContain("Påminn dem som inte har svarat");
    // The member's form shows their answers checked, with one fieldset and legend per date.
    const mine = await app.inject({ url: pollUrl, headers: { cookie: member.cookie } });
    expect(mine.body).toMatch(new RegExp(`name="answer_${late}" value="yes" checked`));
    expect(mine.body).toContain("<legend>");
    expect(mine.body).not.toContain("Skapa möten för valda datum");

    const remind = await postForm(app, coordinator, `/omrostningar/${pollId}/paminn`, {});
    expect(remind.statusCode).toBe(303);
    const reminded = await app.inject({
      url: String(remind.headers.location),
      headers: { cookie: coordinator.cookie },
    });
    // Olle and the coordinator have not answered; both have addresses.
    expect(reminded.body).toContain("Påminnelsen skickas till 2 personer.");

    const none = await postForm(app, coordinator, `/omrostningar/${pollId}/valj`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Välj minst ett datum");
    const body = new URLSearchParams({ _csrf: coordinator.csrfToken });
    body.append("options", String(early));
    body.append("options", String(late));
    const pick = () =>
      app.inject({
        method: "POST",
        url: `/omrostningar/${pollId}/valj`,
        payload: body.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: coordinator.cookie },
      });
    const picked = await pick();
    expect(picked.statusCode).toBe(303);
    expect((await pick()).statusCode).toBe(303);
    const meetings = await database.db
      .selectFrom("meetings")
      .select(["id", "date", "start_time"])
      .where("network_id", "=", network.id)
      .orderBy("date")
      .execute();
    expect(meetings.map((m) => [m.date, m.start_time])).toEqual([
      [addDays(today, 20), "13:00:00"],
      [addDays(today, 40), "09:00:00"],
    ]);
    const done = await app.inject({ url: String(picked.headers.location), headers: { cookie: coordinator.cookie } });
    expect(done.body).toContain("Mötena är skapade");
    for (const m of meetings) expect(done.body).toContain(`href="/moten/${m.id}"`);
    const late2 = await postForm(app, member, `/omrostningar/${pollId}/svar`, {
      [`answer_${early}`]: "no",
      [`answer_${late}`]: "no",
    });
    expect(late2.statusCode).toBe(409);
    expect(late2.body).toContain("Omröstningen stängdes");
  });

  it("takes an item with a file from the meeting page, and the coordinator puts it on the agenda", async () => {
    const meeting = await buildMeeting(database.db, { networkId: network.id, date: addDays(today, 30) });
    const page = await app.inject({ url: `/moten/${meeting.id}`, headers: { cookie: member.cookie } });
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain(`Skicka in senast`);
    const sent = await postMultipart(
      app,
      member,
      `/moten/${meeting.id}/inskickade`,
      { title: "Gemensam fritidsbank", body: "Underlag bifogas." },
      { name: "underlag.pdf", bytes: new TextEncoder().encode("%PDF-1.4\nunderlag\n%%EOF"), type: "application/pdf" },
    );
    expect(sent.statusCode).toBe(303);
    const mine = await app.inject({ url: "/inskickade", headers: { cookie: member.cookie } });
    expect(mine.body).toContain("Gemensam fritidsbank");
    expect(mine.body).toContain("Väntar på samordnaren");
    expect(mine.body).toContain("bifogad fil: underlag");

    const items = await app.inject({ url: `/moten/${meeting.id}/inskickade`, headers: { cookie: coordinator.cookie } });
    expect(items.statusCode).toBe(200);
    const submitted = await database.db
      .selectFrom("submitted_items")
      .select("id")
      .where("meeting_id", "=", meeting.id)
      .executeTakeFirstOrThrow();
    const noReason = await postForm(app, coordinator, `/inskickade/${submitted.id}/skjut-upp`, {
      mote: String(meeting.id),
      reason: "",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv varför punkten skjuts upp");
    const placed = await postForm(app, coordinator, `/inskickade/${submitted.id}/dagordning`, {
      mote: String(meeting.id),
    });
    expect(placed.statusCode).toBe(303);
    expect(placed.headers.location).toBe(`/moten/${meeting.id}/inskickade?klart=placerad`);
    const after = await app.inject({ url: "/inskickade", headers: { cookie: member.cookie } });
    expect(after.body).toContain("På dagordningen");
    const agenda = await app.inject({ url: `/moten/${meeting.id}`, headers: { cookie: member.cookie } });
    expect(agenda.body).toContain("Gemensam fritidsbank");
    expect(agenda.body).toContain("underlag");

    // After the deadline the form is gone and a late post is refused with the date.
    const soon = await buildMeeting(database.db, { networkId: network.id, date: addDays(today, 2) });
    const closed = await app.inject({ url: `/moten/${soon.id}`, headers: { cookie: member.cookie } });
    expect(closed.body).toContain("Sista dag att skicka in punkter till det här mötet var");
    expect(closed.body).not.toContain(`action="/moten/${soon.id}/inskickade"`);
    const lateItem = await postForm(app, member, `/moten/${soon.id}/inskickade`, { title: "För sent" });
    expect(lateItem.statusCode).toBe(409);
    expect(lateItem.body).toContain("Sista dag att skicka in punkter till mötet");
  });
});
