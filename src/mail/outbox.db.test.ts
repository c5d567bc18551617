import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db.js";
import { parseIcs } from "../../test/ics-parse.js";
import { TestSmtp } from "../../test/smtp.js";
import { loadDemoData } from "../commands/loadDemoData.js";
import type { Database } from "../db/client.js";
import { minutesApprovedMail, noticeMail } from "./builders.js";
import { queueMail, queueMails } from "./queue.js";
import { createMailer, type Mailer } from "./transport.js";
import { runOutboxOnce } from "./worker.js";

const TODAY = "2025-11-20";
const FROM = "Samråd Kultur <samrad@exempel.se>";
const later = (hours: number) => () => new Date(Date.now() + hours * 3600_000);

describe("mail through the outbox to a real SMTP server", () => {
  let database: Database;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let noticeMeetingId: number;
  let approvedMeetingId: number;

  const outbox = () => database.db.selectFrom("outbox").selectAll().orderBy("id").execute();
  const parsed = () => Promise.all(smtp.received.map((r) => simpleParser(r.raw)));

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: TODAY }));
    smtp = new TestSmtp();
    await smtp.start();
    mailer = createMailer({ smtpUrl: smtp.url, from: FROM, timeoutMs: 5000 });
    const kf = await database.db
      .selectFrom("networks")
      .select("id")
      .where("slug", "=", "kultur-och-fritidschefsnatverket")
      .executeTakeFirstOrThrow();
    const meeting = (state: "notice_sent" | "approved") =>
      database.db
        .selectFrom("meetings")
        .select("id")
        .where("network_id", "=", kf.id)
        .where("state", "=", state)
        .orderBy("date", "desc")
        .executeTakeFirstOrThrow();
    noticeMeetingId = (await meeting("notice_sent")).id;
    approvedMeetingId = (await meeting("approved")).id;
  });
  afterAll(async () => {
    mailer.close();
    await smtp.stop();
    await database.close();
  });
  beforeEach(async () => {
    await database.db.deleteFrom("action_reminders").execute();
    await database.db.deleteFrom("outbox").execute();
    smtp.received.length = 0;
    smtp.rejectRecipients.clear();
    if (!smtp.port) await smtp.start();
  });

  it("queues nothing when the change that caused the mail is rolled back", async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await queueMail(tx, { to: "astrid.bergqvist@exempel.se", subject: "Ångrat", text: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outbox()).toEqual([]);
  });

  it("sends the notice to every member with an address, once, with å ä ö and the .ics", async () => {
    await database.db.updateTable("people").set({ email: null }).where("name", "=", "Hugo Nordin").execute();
    const prepared = await database.db.transaction().execute(async (tx) => {
      const p = await noticeMail(tx, noticeMeetingId, { today: TODAY });
      await queueMails(tx, p.mails);
      return p;
    });
    expect(prepared.skipped).toEqual([expect.objectContaining({ name: "Hugo Nordin", reason: "saknar e-postadress" })]);
    const run = await runOutboxOnce(database.db, { mailer });
    expect(run).toEqual({ sent: prepared.mails.length, retrying: 0, failed: 0, lostClaims: 0 });

    const mails = await parsed();
    const recipients = smtp.received.flatMap((r) => r.to).sort();
    expect(recipients).toEqual(
      prepared.mails.map((m) => (typeof m.to === "string" ? m.to : (m.to.address ?? ""))).sort(),
    );
    expect(recipients).toContain("lena.o.brien@exempel.se");
    expect(new Set(recipients).size).toBe(recipients.length);

    const meeting = await database.db
      .selectFrom("meetings")
      .select(["date", "revision", "start_time"])
      .where("id", "=", noticeMeetingId)
      .executeTakeFirstOrThrow();
    const lena = mails.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === "lena.o.brien@exempel.se",
    );
    expect(lena).toBeDefined();
    if (!lena?.to || Array.isArray(lena.to)) throw new Error("no mail reached Lena O'Brien");
    expect(lena.to.value[0]?.name).toBe("Lena O'Brien");
    expect(lena.from?.value[0]).toEqual({ name: "Samråd Kultur", address: "samrad@exempel.se" });
    expect(lena.subject).toMatch(/^Kallelse: Kultur- och fritidschefsnätverket \d+ \p{L}+ \d{4}$/u);
    expect(lena.text).toContain("Välkommen till möte i Kultur- och fritidschefsnätverket.");
    expect(lena.text).toContain("Plats och lokal: Stadshuset i Höganäs, sal Kajen");
    expect(lena.text).toContain("1. Föregående anteckningar");
    // Raw headers are 7-bit: the names and subject with å, ä, ö are encoded, not sent as raw UTF-8.
    const rawHeaders = smtp.received[0]?.raw.toString("latin1").split("\r\n\r\n")[0] ?? "";
    expect(rawHeaders).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(/[^\x20-\x7e\r\n\t]/.test(rawHeaders)).toBe(false);

    expect(lena.attachments).toHaveLength(1);
    const ics = lena.attachments[0];
    expect(ics?.contentType).toBe("text/calendar");
    expect(ics?.filename).toBe("mote.ics");
    const cal = parseIcs(ics?.content.toString("utf8") ?? "");
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]?.DTSTART?.value).toBe(
      `${meeting.date.replace(/-/g, "")}T${(meeting.start_time ?? "").slice(0, 5).replace(":", "")}00`,
    );
    expect(cal.events[0]?.SEQUENCE?.value).toBe(String(meeting.revision));
    expect(cal.events[0]?.SUMMARY?.value).toBe("Kultur- och fritidschefsnätverket");
    expect((await outbox()).every((r) => r.status === "sent" && r.transport === "smtp")).toBe(true);
  });

  it("sends approved minutes with decisions in the text and the minutes as PDF", async () => {
    const prepared = await database.db.transaction().execute(async (tx) => {
      const p = await minutesApprovedMail(tx, approvedMeetingId, { today: TODAY });
      await queueMails(tx, p.mails);
      return p;
    });
    await runOutboxOnce(database.db, { mailer });
    expect(smtp.received).toHaveLength(prepared.mails.length);
    const [first] = await parsed();
    expect(first?.subject).toMatch(/^Justerade anteckningar: Kultur- och fritidschefsnätverket/);
    expect(first?.text).toContain("är justerade och bifogas som PDF");
    expect(first?.attachments[0]?.contentType).toBe("application/pdf");
    expect(first?.attachments[0]?.content.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("records an address the server refuses, and a missing or malformed one, as failed; the rest arrive", async () => {
    smtp.rejectRecipients.add("avvisad@exempel.se");
    await database.db.transaction().execute(async (tx) => {
      await queueMail(tx, {
        to: { name: "Åsa Avvisad", address: "avvisad@exempel.se" },
        subject: "Hej å ä ö",
        text: "ö",
      });
      await queueMail(tx, { to: { name: "Örjan Utan", address: null }, subject: "Hej", text: "x" });
      await queueMail(tx, { to: "inte en adress\r\nBcc: x@exempel.se", subject: "Hej", text: "x" });
      await queueMail(tx, {
        to: { name: "Märta\r\nBcc: y@exempel.se", address: "marta@exempel.se" },
        subject: "Rad1\nRad2",
        text: "x",
      });
    });
    const run = await runOutboxOnce(database.db, { mailer });
    expect(run).toMatchObject({ sent: 1, failed: 1, retrying: 0 });
    const rows = await outbox();
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "failed", "sent"]);
    expect(rows[0]?.last_error).toMatch(/550/);
    expect(rows[0]?.attempts).toBe(1);
    expect(rows[1]?.last_error).toBe("Örjan Utan saknar e-postadress.");
    expect(rows[2]?.last_error).toMatch(/^Ogiltig e-postadress: inte en adress Bcc/);
    expect(smtp.received.map((r) => r.to)).toEqual([["marta@exempel.se"]]);
    const [marta] = await parsed();
    expect(marta?.subject).toBe("Rad1 Rad2");
    expect(marta?.headers.has("bcc")).toBe(false);
  });

  it("loses nothing while the server is down mid-run, and sends every mail once when it is back", async () => {
    await database.db.transaction().execute(async (tx) => {
      for (let i = 1; i <= 6; i++)
        await queueMail(tx, { to: `mottagare${i}@exempel.se`, subject: `Brev ${i} – åäö`, text: `Text ${i}` });
    });
    smtp.stopAfter = 2; // the server goes away after the second message
    const first = await runOutboxOnce(database.db, { mailer });
    expect(first.sent).toBe(2);
    expect(first.retrying).toBe(4);
    let rows = await outbox();
    const waiting = rows.filter((r) => r.status === "queued");
    expect(waiting).toHaveLength(4);
    for (const r of waiting) {
      expect(r.attempts).toBe(1);
      expect(r.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(r.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    }
    // Nothing is due before its backoff has passed, so an immediate second pass sends nothing.
    expect((await runOutboxOnce(database.db, { mailer })).sent).toBe(0);

    await smtp.start();
    const second = await runOutboxOnce(database.db, { mailer, now: later(2) });
    expect(second).toMatchObject({ sent: 4, failed: 0 });
    rows = await outbox();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const subjects = (await parsed()).map((m) => m.subject).sort();
    expect(subjects).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Brev ${i} – åäö`));
    const ids = (await parsed()).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(6);
  });

  it("takes over the mail of a worker that crashed after claiming it, once its lease has expired", async () => {
    await database.db
      .transaction()
      .execute((tx) => queueMail(tx, { to: "kvar@exempel.se", subject: "Kvar", text: "x" }));
    // A worker claims the mail and dies before sending: the row stays 'sending'.
    const crashed = createMailer({ smtpUrl: smtp.url, from: FROM });
    const dead: Mailer = { kind: "smtp", send: () => new Promise(() => {}), close: () => crashed.close() };
    void runOutboxOnce(database.db, { mailer: dead, workerId: "dead-worker", maxRounds: 1 });
    await expect.poll(async () => (await outbox())[0]?.status).toBe("sending");
    expect((await runOutboxOnce(database.db, { mailer })).sent).toBe(0); // the lease still holds
    const taken = await runOutboxOnce(database.db, { mailer, now: later(1) });
    expect(taken.sent).toBe(1);
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.received).toHaveLength(1);
    crashed.close();
  });

  it("delivers to the local mailbox when no SMTP server is configured", async () => {
    await database.db
      .transaction()
      .execute((tx) => queueMail(tx, { to: "lokal@exempel.se", subject: "Lokalt", text: "x" }));
    const local = createMailer({ smtpUrl: undefined, from: FROM });
    expect((await runOutboxOnce(database.db, { mailer: local })).sent).toBe(1);
    expect((await outbox())[0]).toMatchObject({ status: "sent", transport: "local" });
    expect(smtp.received).toHaveLength(0);
  });
});
