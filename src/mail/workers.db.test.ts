import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDbKind } from "../../test/db.js";
import { buildMembership, buildNetwork, buildPerson } from "../../test/factories.js";
import { TestSmtp } from "../../test/smtp.js";
import { type Database, openPostgres } from "../db/client.js";
import { queueMail } from "./queue.js";
import { queueActionReminders } from "./reminders.js";
import { createMailer, type Mailer } from "./transport.js";
import { runOutboxOnce } from "./worker.js";

describe("several workers on one database", () => {
  let database: Database;
  let other: Database;
  let smtp: TestSmtp;

  beforeAll(async () => {
    database = await openTestDatabase();
    // On PostgreSQL the second worker has its own connection pool, as a second web process would.
    other = testDbKind === "postgres" ? await openPostgres(database.location, { max: 4 }) : database;
    smtp = new TestSmtp();
    await smtp.start();
  });
  afterAll(async () => {
    await smtp.stop();
    if (other !== database) await other.close();
    await database.close();
  });

  it("never send a mail twice: SKIP LOCKED hands each mail to one worker", async () => {
    await database.db.transaction().execute(async (tx) => {
      for (let i = 1; i <= 30; i++)
        await queueMail(tx, { to: `delad${i}@exempel.se`, subject: `Delad ${i}`, text: "x" });
    });
    const mailers = [1, 2, 3, 4].map(() => createMailer({ smtpUrl: smtp.url, from: "samrad@exempel.se" }));
    // Worker 0 holds its first batch until worker 1 has sent one mail, so both are surely mid-run at once.
    let secondSent = () => {};
    const gate = new Promise<void>((resolve) => {
      secondSent = resolve;
    });
    const [m0, m1] = mailers as [Mailer, Mailer];
    const held: Mailer = { ...m0, send: async (msg) => gate.then(() => m0.send(msg)) };
    const signalling: Mailer = { ...m1, send: async (msg) => m1.send(msg).then(() => secondSent()) };
    const workers = [held, signalling, mailers[2] as Mailer, mailers[3] as Mailer];
    const runs = await Promise.all(
      workers.map((mailer, i) =>
        runOutboxOnce(i % 2 ? other.db : database.db, { mailer, workerId: `w${i}`, batch: 3 }),
      ),
    );
    for (const m of mailers) m.close();
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(runs.reduce((n, r) => n + r.lostClaims, 0)).toBe(0);
    expect(runs[0]?.sent).toBeGreaterThanOrEqual(3);
    expect(runs[1]?.sent).toBeGreaterThanOrEqual(1);
    const subjects = (await Promise.all(smtp.received.map((r) => simpleParser(r.raw)))).map((m) => m.subject);
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    const claimedBy = await database.db
      .selectFrom("outbox")
      .select("claimed_by")
      .where("status", "=", "sent")
      .execute();
    expect(claimedBy).toHaveLength(30);
  });

  it("queue an action reminder once per due date, and again when the due date moves", async () => {
    const network = await buildNetwork(database.db, { name: "Påminnelsenätverket" });
    await database.db.updateTable("networks").set({ reminder_days: 5 }).where("id", "=", network.id).execute();
    const ada = await buildPerson(database.db, { name: "Åsa Ödman", email: "asa.odman@exempel.se" });
    const bo = await buildPerson(database.db, { name: "Bo Utanadress" });
    await buildMembership(database.db, { personId: ada.id, networkId: network.id });
    const action = await database.db
      .insertInto("actions")
      .values({ network_id: network.id, text: "Åsa sammanställer underlaget.", due_date: "2025-03-10" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("action_assignees")
      .values([
        { action_id: action.id, person_id: ada.id, name: ada.name },
        { action_id: action.id, person_id: bo.id, name: bo.name },
      ])
      .execute();
    const remind = (today: string, db = database.db) =>
      db.transaction().execute((tx) => queueActionReminders(tx, { today }));

    expect((await remind("2025-03-01")).queued).toBe(0); // nine days before: too early
    const first = await remind("2025-03-06");
    expect(first.queued).toBe(1);
    expect(first.withoutAddress).toEqual([{ actionId: action.id, name: "Bo Utanadress" }]);
    // Two processes running the job again the same day (or the next) queue nothing more.
    const again = await Promise.all([remind("2025-03-06"), remind("2025-03-07", other.db)]);
    expect(again.map((r) => r.queued)).toEqual([0, 0]);
    const mails = await database.db.selectFrom("outbox").selectAll().where("kind", "=", "reminder").execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: "asa.odman@exempel.se", recipient_name: "Åsa Ödman" });
    expect(mails[0]?.subject).toBe("Påminnelse: uppdrag i Påminnelsenätverket senast 10 mars 2025");
    expect(mails[0]?.body_text).toContain("Åsa sammanställer underlaget.");

    await database.db.updateTable("actions").set({ due_date: "2025-04-01" }).where("id", "=", action.id).execute();
    expect((await remind("2025-03-08")).queued).toBe(0);
    expect((await remind("2025-03-28")).queued).toBe(1);
    await database.db.updateTable("actions").set({ status: "done" }).where("id", "=", action.id).execute();
    await database.db.updateTable("actions").set({ due_date: "2025-05-01" }).where("id", "=", action.id).execute();
    expect((await remind("2025-04-30")).queued).toBe(0); // done actions are not reminded
  });
});
