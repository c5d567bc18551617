import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, addDays, failure } from "../../test/commands.js";
import { openTestDatabase } from "../../test/db.js";
import { buildMembership, buildNetwork, buildPerson } from "../../test/factories.js";
import type { Database, Tx } from "../db/client.js";
import { listUnansweredPolls } from "../db/queries/date-polls.js";
import { todayInSweden } from "../domain/dates.js";
import type { DatePollInput, PollAnswer, PollOptionInput } from "../domain/poll-input.js";
import { answerDatePoll } from "./answerDatePoll.js";
import { createDatePoll } from "./createDatePoll.js";
import { getDatePollPage } from "./getDatePollPages.js";
import { pickDatePollOptions } from "./pickDatePollOptions.js";
import { remindDatePoll } from "./remindDatePoll.js";

const today = todayInSweden();
const input = (over: Partial<DatePollInput> = {}): DatePollInput => ({
  title: "Mötesdatum nästa år",
  description: "Välj de datum som passar.",
  location: "Stadshuset, sal Kajen",
  default_start_time: "09:00",
  default_end_time: "12:00",
  ...over,
});
const options = (...days: number[]): PollOptionInput[] => days.map((d, i) => ({ row: i + 1, date: addDays(today, d) }));

describe("date polls", () => {
  let database: Database;
  let db: Tx;
  const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db.transaction().execute(fn);

  async function setup() {
    const network = await buildNetwork(db);
    const coordinatorP = await buildPerson(db, {
      name: `Samordnare ${network.id}`,
      email: `samordnare-${network.id}@exempel.se`,
    });
    const anna = await buildPerson(db, { name: `Anna ${network.id}`, email: `anna-${network.id}@exempel.se` });
    const bo = await buildPerson(db, { name: `Bo ${network.id}`, email: `bo-${network.id}@exempel.se` });
    const noMail = await buildPerson(db, { name: `Cissi ${network.id}` });
    const outsiderP = await buildPerson(db, {
      name: `Utomstående ${network.id}`,
      email: `ute-${network.id}@exempel.se`,
    });
    await buildMembership(db, { personId: coordinatorP.id, networkId: network.id, role: "coordinator" });
    for (const p of [anna, bo, noMail]) await buildMembership(db, { personId: p.id, networkId: network.id });
    return {
      network,
      people: { anna, bo, noMail },
      coordinator: await actorFor(db, coordinatorP.id),
      member: await actorFor(db, anna.id),
      memberBo: await actorFor(db, bo.id),
      outsider: await actorFor(db, outsiderP.id),
    };
  }
  const pollCount = async () =>
    Number(
      (
        await db
          .selectFrom("date_polls")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
  });

  it("goes from proposed dates to answers to meetings, and picking again creates nothing twice", async () => {
    const s = await setup();
    const { pollId } = await inTx((tx) =>
      createDatePoll(tx, {
        actor: s.coordinator,
        networkId: s.network.id,
        input: input(),
        options: [...options(30, 60), { row: 3, date: addDays(today, 90), start_time: "13:00", end_time: "15:30" }],
      }),
    );
    const page = await getDatePollPage(db, { actor: s.member, pollId });
    expect(page.options.map((o) => o.date)).toEqual([addDays(today, 30), addDays(today, 60), addDays(today, 90)]);
    expect(page.canAnswer).toBe(true);
    expect(page.canManage).toBe(false);
    expect(page.unanswered).toBe(4);
    expect((await listUnansweredPolls(db, s.people.anna.id, today)).map((p) => p.id)).toContain(pollId);

    const [o1, o2, o3] = page.options.map((o) => o.id) as [number, number, number];
    const answers = (a: PollAnswer, b: PollAnswer, c: PollAnswer) =>
      new Map<number, PollAnswer>([
        [o1, a],
        [o2, b],
        [o3, c],
      ]);
    await inTx((tx) => answerDatePoll(tx, { actor: s.member, pollId, answers: answers("yes", "no", "maybe") }));
    // Changing one's answers while the poll is open replaces them.
    await inTx((tx) => answerDatePoll(tx, { actor: s.member, pollId, answers: answers("yes", "maybe", "no") }));
    await inTx((tx) => answerDatePoll(tx, { actor: s.memberBo, pollId, answers: answers("yes", "no", "yes") }));
    expect(await listUnansweredPolls(db, s.people.anna.id, today)).toEqual([]);

    const matrix = await getDatePollPage(db, { actor: s.coordinator, pollId });
    expect(matrix.canManage).toBe(true);
    expect(matrix.options.map((o) => [o.yes, o.maybe, o.no])).toEqual([
      [2, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const anna = matrix.rows.find((r) => r.personId === s.people.anna.id);
    expect([...(anna?.answers.values() ?? [])].sort()).toEqual(["maybe", "no", "yes"]);
    expect(matrix.unanswered).toBe(2);

    // The reminder goes to those who have not answered and have an address; the rest are listed.
    const run = await inTx((tx) => remindDatePoll(tx, { actor: s.coordinator, pollId }));
    expect(run.queued).toBe(1);
    expect(run.skipped.map((p) => p.name)).toEqual([s.people.noMail.name]);
    const mails = await db
      .selectFrom("outbox")
      .select(["recipient", "kind", "subject", "network_id"])
      .where("network_id", "=", s.network.id)
      .execute();
    expect(mails).toEqual([
      {
        recipient: `samordnare-${s.network.id}@exempel.se`,
        kind: "poll",
        subject: `Påminnelse: svara på ”Mötesdatum nästa år” i ${s.network.name}`,
        network_id: s.network.id,
      },
    ]);
    const logged = await db.selectFrom("date_poll_reminders").selectAll().where("poll_id", "=", pollId).execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.outbox_id).not.toBeNull();

    // Members may not pick dates.
    expect(
      (await failure(inTx((tx) => pickDatePollOptions(tx, { actor: s.member, pollId, optionIds: [o1] })))).code,
    ).toBe("forbidden");
    const picked = await inTx((tx) => pickDatePollOptions(tx, { actor: s.coordinator, pollId, optionIds: [o1, o3] }));
    expect(picked.meetings.map((m) => m.created)).toEqual([true, true]);
    const meetings = await db
      .selectFrom("meetings")
      .select(["id", "date", "start_time", "end_time", "location", "state"])
      .where("network_id", "=", s.network.id)
      .orderBy("date")
      .execute();
    expect(meetings).toEqual([
      {
        id: picked.meetings[0]?.meetingId,
        date: addDays(today, 30),
        start_time: "09:00:00",
        end_time: "12:00:00",
        location: "Stadshuset, sal Kajen",
        state: "planned",
      },
      {
        id: picked.meetings[1]?.meetingId,
        date: addDays(today, 90),
        start_time: "13:00:00",
        end_time: "15:30:00",
        location: "Stadshuset, sal Kajen",
        state: "planned",
      },
    ]);
    const linked = await db
      .selectFrom("date_poll_options")
      .select(["id", "meeting_id", "chosen"])
      .where("poll_id", "=", pollId)
      .orderBy("date")
      .execute();
    expect(linked).toEqual([
      { id: o1, meeting_id: picked.meetings[0]?.meetingId, chosen: true },
      { id: o2, meeting_id: null, chosen: false },
      { id: o3, meeting_id: picked.meetings[1]?.meetingId, chosen: true },
    ]);

    // Picking again (a reloaded form, a double click) never creates a second meeting; adding a date does.
    const again = await inTx((tx) => pickDatePollOptions(tx, { actor: s.coordinator, pollId, optionIds: [o1, o3] }));
    expect(again.meetings.map((m) => m.created)).toEqual([false, false]);
    const more = await inTx((tx) => pickDatePollOptions(tx, { actor: s.coordinator, pollId, optionIds: [o1, o2] }));
    expect(more.meetings.map((m) => m.created)).toEqual([false, true]);
    const count = await db.selectFrom("meetings").select("id").where("network_id", "=", s.network.id).execute();
    expect(count).toHaveLength(3);

    // The poll is closed now: answers and reminders are refused with a clear message, nothing changes.
    const closed = await failure(
      inTx((tx) => answerDatePoll(tx, { actor: s.memberBo, pollId, answers: answers("no", "no", "no") })),
    );
    expect(closed.code).toBe("conflict");
    expect(closed.message).toMatch(/^Omröstningen stängdes \d+ \S+ \d{4}; svaren kan inte längre/);
    const bo = await db
      .selectFrom("date_poll_answers")
      .select("answer")
      .where("person_id", "=", s.people.bo.id)
      .where("option_id", "=", o1)
      .executeTakeFirstOrThrow();
    expect(bo.answer).toBe("yes");
    expect((await failure(inTx((tx) => remindDatePoll(tx, { actor: s.coordinator, pollId })))).code).toBe("conflict");
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "date_poll")
      .where("object_id", "=", String(pollId))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "poll.create",
      "poll.answer",
      "poll.answer",
      "poll.answer",
      "poll.remind",
      "poll.pick",
      "poll.pick",
      "poll.pick",
    ]);
  });

  it("refuses a poll without dates, with a past date, a repeated date or bad times, and stores nothing", async () => {
    const s = await setup();
    const before = await pollCount();
    const optionsBefore = (await db.selectFrom("date_poll_options").select("id").execute()).length;
    const create = (opts: PollOptionInput[], over: Partial<DatePollInput> = {}) =>
      failure(
        inTx((tx) =>
          createDatePoll(tx, { actor: s.coordinator, networkId: s.network.id, input: input(over), options: opts }),
        ),
      );
    expect(await create([])).toMatchObject({ code: "bad_request", where: "option_date_1" });
    const past = await create([...options(10), { row: 2, date: addDays(today, -1) }]);
    expect(past).toMatchObject({ code: "bad_request", where: "option_date_2" });
    expect(past.message).toContain("har redan varit");
    const twice = await create([...options(10, 20), { row: 3, date: addDays(today, 10) }]);
    expect(twice).toMatchObject({ code: "bad_request", where: "option_date_3" });
    expect(twice.message).toContain("samma datum och tid som förslag 1");
    // The same date at two different times is two proposals, not a repeat; a reversed time is refused.
    const times = await create([
      { row: 1, date: addDays(today, 10), start_time: "09:00", end_time: "10:00" },
      { row: 2, date: addDays(today, 10), start_time: "13:00", end_time: "12:00" },
    ]);
    expect(times).toMatchObject({ code: "bad_request", where: "option_end_2" });
    const closes = await create(options(10), { closes_on: addDays(today, -2) });
    expect(closes).toMatchObject({ code: "bad_request", where: "closes_on" });
    expect(await pollCount()).toBe(before);
    expect(await db.selectFrom("date_poll_options").select("id").execute()).toHaveLength(optionsBefore);
  });

  it("lets only coordinators propose and only the network's people answer", async () => {
    const s = await setup();
    const denied = await failure(
      inTx((tx) =>
        createDatePoll(tx, { actor: s.member, networkId: s.network.id, input: input(), options: options(5) }),
      ),
    );
    expect(denied.code).toBe("forbidden");
    const { pollId } = await inTx((tx) =>
      createDatePoll(tx, { actor: s.coordinator, networkId: s.network.id, input: input(), options: options(5, 6) }),
    );
    const page = await getDatePollPage(db, { actor: s.member, pollId });
    const [a, b] = page.options.map((o) => o.id) as [number, number];
    const answers = new Map<number, PollAnswer>([
      [a, "yes"],
      [b, "no"],
    ]);
    expect((await failure(inTx((tx) => answerDatePoll(tx, { actor: s.outsider, pollId, answers })))).code).toBe(
      "forbidden",
    );
    expect((await failure(getDatePollPage(db, { actor: s.outsider, pollId }))).code).toBe("forbidden");
    expect((await failure(inTx((tx) => remindDatePoll(tx, { actor: s.member, pollId })))).code).toBe("forbidden");
    // Every date needs an answer; the error names the date that lacks one.
    const partial = await failure(
      inTx((tx) => answerDatePoll(tx, { actor: s.member, pollId, answers: new Map([[a, "yes"]]) })),
    );
    expect(partial).toMatchObject({ code: "bad_request", where: `answer_${b}` });
    const invalid = await failure(
      inTx((tx) =>
        answerDatePoll(tx, {
          actor: s.member,
          pollId,
          answers: new Map<number, PollAnswer | "invalid">([
            [a, "yes"],
            [b, "invalid"],
          ]),
        }),
      ),
    );
    expect(invalid).toMatchObject({ code: "bad_request", where: `answer_${b}` });
    const stray = await failure(
      inTx((tx) =>
        answerDatePoll(tx, {
          actor: s.member,
          pollId,
          answers: new Map<number, PollAnswer>([...answers, [999_999, "yes"]]),
        }),
      ),
    );
    expect(stray.code).toBe("bad_request");
    const stored = await db.selectFrom("date_poll_answers").select("answer").where("option_id", "in", [a, b]).execute();
    expect(stored).toEqual([]);
    expect(
      (await failure(inTx((tx) => pickDatePollOptions(tx, { actor: s.coordinator, pollId, optionIds: [] })))).where,
    ).toBe("options");
  });

  it("refuses answers once the answer-by day has passed", async () => {
    const s = await setup();
    const { pollId } = await inTx((tx) =>
      createDatePoll(tx, {
        actor: s.coordinator,
        networkId: s.network.id,
        input: input({ closes_on: today }),
        options: options(14),
      }),
    );
    const open = await findOpen(pollId);
    expect(open).toBe(true);
    await db
      .updateTable("date_polls")
      .set({ closes_at: new Date(Date.now() - 60_000) })
      .where("id", "=", pollId)
      .execute();
    const page = await getDatePollPage(db, { actor: s.member, pollId });
    expect(page.poll.isOpen).toBe(false);
    const late = await failure(
      inTx((tx) =>
        answerDatePoll(tx, {
          actor: s.member,
          pollId,
          answers: new Map<number, PollAnswer>([[page.options[0]?.id ?? 0, "yes"]]),
        }),
      ),
    );
    expect(late.code).toBe("conflict");
    expect(late.message).toContain("Omröstningen stängdes");
    expect(await listUnansweredPolls(db, s.people.anna.id, today)).toEqual([]);
  });

  async function findOpen(pollId: number) {
    return (await getDatePollPage(db, { actor: await actorFor(db, null, true), pollId })).poll.isOpen;
  }
});
