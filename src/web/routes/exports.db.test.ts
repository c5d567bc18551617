import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import { buildMembership, buildPerson } from "../../../test/factories.js";
import { parseIcs } from "../../../test/ics-parse.js";
import { postForm, type SignedIn, signIn } from "../../../test/web.js";
import { loadDemoData } from "../../commands/loadDemoData.js";
import type { Database } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { queueMail } from "../../mail/queue.js";
import { createMailer } from "../../mail/transport.js";
import { runOutboxOnce } from "../../mail/worker.js";
import { buildApp } from "../app.js";

describe("downloads, calendar feeds and the outbox on the web", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;
  let member: SignedIn;
  let memberPersonId: number;
  let meetingId: number;
  let networkId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
    app = await buildApp({ database });
    admin = await signIn(database.db, { isAdmin: true });
    const lena = await database.db
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Lena O'Brien")
      .executeTakeFirstOrThrow();
    memberPersonId = lena.id;
    member = await signIn(database.db, { personId: lena.id });
    const m = await database.db
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.id", "m.network_id"])
      .where("n.slug", "=", "kultur-och-fritidschefsnatverket")
      .where("m.state", "=", "approved")
      .orderBy("m.date", "desc")
      .executeTakeFirstOrThrow();
    meetingId = m.id;
    networkId = m.network_id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("links every download from the meeting page and serves each with its type and file name", async () => {
    const page = await app.inject({ url: `/moten/${meetingId}`, headers: { cookie: member.cookie } });
    expect(page.body).toContain('<h2 id="ladda-ner">Ladda ner</h2>');
    const links = [...page.body.matchAll(/href="(\/moten\/\d+\/[a-z]+\.(?:md|docx|pdf|ics))"/g)].map((m) => m[1]);
    expect(links).toEqual([
      `/moten/${meetingId}/anteckningar.md`,
      `/moten/${meetingId}/anteckningar.docx`,
      `/moten/${meetingId}/anteckningar.pdf`,
      `/moten/${meetingId}/kallelse.docx`,
      `/moten/${meetingId}/kallelse.pdf`,
      `/moten/${meetingId}/kalender.ics`,
    ]);
    const types: Record<string, string> = {
      md: "text/markdown",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      pdf: "application/pdf",
      ics: "text/calendar",
    };
    for (const link of links) {
      const res = await app.inject({ url: link ?? "", headers: { cookie: member.cookie } });
      expect(res.statusCode, link).toBe(200);
      const ext = link?.split(".").at(-1) ?? "";
      expect(res.headers["content-type"]).toContain(types[ext]);
      expect(res.headers["content-disposition"]).toMatch(
        new RegExp(`^attachment; filename="kultur-och-fritidschefsnatverket-\\d{4}-\\d{2}-\\d{2}[a-z-]*\\.${ext}"`),
      );
      expect(res.headers["cache-control"]).toBe("private, no-store");
    }
  });

  it("refuses downloads to nobody signed in, and answers bad addresses clearly", async () => {
    // A page or file that needs a sign-in sends the browser to the sign-in form, and back afterwards.
    const anon = await app.inject(`/moten/${meetingId}/anteckningar.pdf`);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe(`/logga-in?nasta=${encodeURIComponent(`/moten/${meetingId}/anteckningar.pdf`)}`);
    expect(
      (await app.inject({ url: "/moten/999999/anteckningar.md", headers: { cookie: member.cookie } })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: "/moten/abc/anteckningar.md", headers: { cookie: member.cookie } })).statusCode,
    ).toBe(400);
    const contacts = await app.inject({
      url: "/natverk/kultur-och-fritidschefsnatverket/kontaktlista.pdf",
      headers: { cookie: member.cookie },
    });
    expect(contacts.statusCode).toBe(200);
    expect(contacts.headers["content-type"]).toBe("application/pdf");
  });

  it("lets a person make a secret calendar link, serves their feeds with it, and kills the old one on renewal", async () => {
    const other = await app.inject({ url: `/personer/${memberPersonId}/kalender`, headers: { cookie: admin.cookie } });
    expect(other.statusCode).toBe(403);
    const settings = await app.inject({
      url: `/personer/${memberPersonId}/kalender`,
      headers: { cookie: member.cookie },
    });
    expect(settings.statusCode).toBe(200);
    expect(settings.body).toContain("Du har ingen kalenderlänk ännu.");

    const made = await postForm(app, member, `/personer/${memberPersonId}/kalender`, {});
    expect(made.statusCode).toBe(200);
    const urls = [...made.body.matchAll(/value="(http[^"]+\.ics)"/g)].map((m) => m[1] ?? "");
    expect(urls[0]).toMatch(/\/kalender\/[A-Za-z0-9_-]{32}\/mina-moten\.ics$/);
    expect(urls.some((u) => u.endsWith("/natverk/kultur-och-fritidschefsnatverket/moten.ics"))).toBe(true);
    const tokens = await database.db
      .selectFrom("tokens")
      .select("id")
      .where("person_id", "=", memberPersonId)
      .execute();
    expect(tokens).toHaveLength(1);
    expect(urls[0]).not.toContain(tokens[0]?.id); // only the hash is stored

    const feed = await app.inject(new URL(urls[0] ?? "").pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const cal = parseIcs(feed.body);
    expect(cal.timezones).toEqual(["Europe/Stockholm"]);
    const meeting = await database.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    const event = cal.events.find((e) => e.UID?.value.startsWith(`samrad-mote-${meetingId}@`));
    expect(event?.DTSTART?.value).toBe(
      `${meeting.date.replace(/-/g, "")}T${(meeting.start_time ?? "").slice(0, 5).replace(":", "")}00`,
    );

    // A cancellation reaches the subscribed calendar with a higher SEQUENCE.
    await database.db
      .updateTable("meetings")
      .set({ state: "cancelled", cancelled_reason: "Sjukdom", revision: meeting.revision + 1 })
      .where("id", "=", meetingId)
      .execute();
    const networkFeed = await app.inject(new URL(urls.find((u) => u.includes("/natverk/")) ?? "").pathname);
    const cancelled = parseIcs(networkFeed.body).events.find((e) =>
      e.UID?.value.startsWith(`samrad-mote-${meetingId}@`),
    );
    expect(cancelled?.STATUS?.value).toBe("CANCELLED");
    expect(cancelled?.SEQUENCE?.value).toBe(String(meeting.revision + 1));
    await database.db
      .updateTable("meetings")
      .set({ state: meeting.state, cancelled_reason: null })
      .where("id", "=", meetingId)
      .execute();

    const renewed = await postForm(app, member, `/personer/${memberPersonId}/kalender`, {});
    const fresh = renewed.body.match(/value="(http[^"]+mina-moten\.ics)"/)?.[1] ?? "";
    expect(fresh).not.toBe(urls[0]);
    expect((await app.inject(new URL(urls[0] ?? "").pathname)).statusCode).toBe(404);
    expect((await app.inject(new URL(fresh).pathname)).statusCode).toBe(200);
    expect((await app.inject("/kalender/gissadgissadgissadgissad/mina-moten.ics")).statusCode).toBe(404);
    const audit = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "calendar.renew")
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("shows the outbox to coordinators and admins, with a retry button that queues a failed mail again", async () => {
    await database.db.transaction().execute(async (tx) => {
      await queueMail(tx, { to: "fel adress", subject: "Kallelse – Åsa", text: "x", networkId });
      await queueMail(tx, {
        to: { name: "Lena O'Brien", address: "lena.o.brien@exempel.se" },
        subject: "Hej Lena – åäö",
        text: "Brödtext med å ä ö.",
        networkId,
        attachments: [{ filename: "mote.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" }],
      });
    });
    await runOutboxOnce(database.db, { mailer: createMailer({ smtpUrl: undefined, from: "x@exempel.se" }) });

    expect((await app.inject({ url: "/utkorg", headers: { cookie: member.cookie } })).statusCode).toBe(403);
    expect((await app.inject("/utkorg")).statusCode).toBe(303);
    const coordinatorPerson = await buildPerson(database.db, { name: "Cora Samordnare" });
    await buildMembership(database.db, { personId: coordinatorPerson.id, networkId, role: "coordinator" });
    const coordinator = await signIn(database.db, { personId: coordinatorPerson.id });

    const page = await app.inject({ url: "/utkorg", headers: { cookie: coordinator.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Ogiltig e-postadress: fel adress");
    expect(page.body).toContain("Misslyckat");
    expect(page.body).toContain("Försök igen");
    const failed = await database.db
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "failed")
      .executeTakeFirstOrThrow();
    const retried = await postForm(app, coordinator, `/utkorg/${failed.id}/forsok-igen`, {});
    expect(retried.statusCode).toBe(303);
    const row = await database.db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", failed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "queued", attempts: 0 });
    // Without the CSRF token nothing happens.
    const forged = await app.inject({
      method: "POST",
      url: `/utkorg/${failed.id}/forsok-igen`,
      headers: { cookie: coordinator.cookie },
    });
    expect(forged.statusCode).toBe(403);

    const mailbox = await app.inject({ url: "/utkorg/brevlada", headers: { cookie: admin.cookie } });
    expect(mailbox.statusCode).toBe(200);
    expect(mailbox.body).toContain("Hej Lena – åäö");
    expect(mailbox.body).toContain("Brödtext med å ä ö.");
    expect(mailbox.body).toContain("<span>Lena O'Brien </span>");
    const sent = await database.db
      .selectFrom("outbox")
      .select("id")
      .where("transport", "=", "local")
      .executeTakeFirstOrThrow();
    const attachment = await app.inject({ url: `/utkorg/${sent.id}/bilagor/0`, headers: { cookie: admin.cookie } });
    expect(attachment.body).toBe("BEGIN:VCALENDAR");
    expect(
      (await app.inject({ url: `/utkorg/${sent.id}/bilagor/5`, headers: { cookie: admin.cookie } })).statusCode,
    ).toBe(404);
  });
});
