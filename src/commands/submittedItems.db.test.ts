import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, addDays, failure } from "../../test/commands.js";
import { openTestDatabase } from "../../test/db.js";
import { buildMeeting, buildMembership, buildNetwork, buildPerson } from "../../test/factories.js";
import type { Database, Tx } from "../db/client.js";
import { listAgendaProposals } from "../db/queries/agenda-proposals.js";
import { todayInSweden } from "../domain/dates.js";
import { deferSubmittedItem, scheduleSubmittedItem } from "./decideSubmittedItem.js";
import { getMeetingSubmissions, getMySubmittedItems, getSubmissionForm } from "./getSubmittedItems.js";
import { submitItem } from "./submitItem.js";

const today = todayInSweden();
const pdf = new TextEncoder().encode("%PDF-1.4\nUnderlag om fritidsbanken\n%%EOF");

describe("items sent in", () => {
  let database: Database;
  let db: Tx;
  const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db.transaction().execute(fn);

  async function setup() {
    const network = await buildNetwork(db);
    const coordinatorP = await buildPerson(db, { name: `Samordnare ${network.id}` });
    const sender = await buildPerson(db, { name: `Sara ${network.id}`, email: `sara-${network.id}@exempel.se` });
    const colleague = await buildPerson(db, { name: `Kollega ${network.id}` });
    const outsiderP = await buildPerson(db, { name: `Utomstående ${network.id}` });
    await buildMembership(db, { personId: coordinatorP.id, networkId: network.id, role: "coordinator" });
    await buildMembership(db, { personId: sender.id, networkId: network.id });
    await buildMembership(db, { personId: colleague.id, networkId: network.id });
    // The network's default: items by 7 days before the meeting.
    const next = await buildMeeting(db, { networkId: network.id, date: addDays(today, 20) });
    const later = await buildMeeting(db, { networkId: network.id, date: addDays(today, 60) });
    const soon = await buildMeeting(db, { networkId: network.id, date: addDays(today, 3) });
    return {
      network,
      next,
      later,
      soon,
      people: { sender, colleague, outsider: outsiderP },
      coordinator: await actorFor(db, coordinatorP.id),
      member: await actorFor(db, sender.id),
      outsider: await actorFor(db, outsiderP.id),
    };
  }
  const count = async () => (await db.selectFrom("submitted_items").select("id").execute()).length;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
  });

  it("goes from a member's item with a presenter and a file onto the agenda, and the sender sees it", async () => {
    const s = await setup();
    const form = await getSubmissionForm(db, s.next, today);
    expect(form).toMatchObject({ deadline: addDays(today, 13), open: true });
    expect(form.presenters.map((p) => p.name)).toContain(s.people.colleague.name);
    const { submittedItemId } = await inTx((tx) =>
      submitItem(tx, {
        actor: s.member,
        meetingId: s.next.id,
        title: "Fritidsbanken i alla kommuner",
        body: "Förslag om en gemensam upphandling.",
        presenterId: s.people.colleague.id,
        file: { filename: "underlag.pdf", bytes: pdf, truncated: false },
      }),
    );
    const mine = await getMySubmittedItems(db, { actor: s.member });
    expect(mine.items.map((i) => [i.id, i.status, i.presenterName, i.files.map((f) => f.title)])).toEqual([
      [submittedItemId, "submitted", s.people.colleague.name, ["underlag"]],
    ]);
    const page = await getMeetingSubmissions(db, { actor: s.coordinator, meetingId: s.next.id });
    expect(page.items.map((i) => i.id)).toEqual([submittedItemId]);
    expect(page.later.map((m) => m.id)).toEqual([s.later.id]);
    expect((await failure(getMeetingSubmissions(db, { actor: s.member, meetingId: s.next.id }))).code).toBe(
      "forbidden",
    );

    expect((await failure(inTx((tx) => scheduleSubmittedItem(tx, { actor: s.member, submittedItemId })))).code).toBe(
      "forbidden",
    );
    const { itemId, meetingId } = await inTx((tx) =>
      scheduleSubmittedItem(tx, { actor: s.coordinator, submittedItemId }),
    );
    expect(meetingId).toBe(s.next.id);
    const item = await db.selectFrom("agenda_items").selectAll().where("id", "=", itemId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ meeting_id: s.next.id, title: "Fritidsbanken i alla kommuner" });
    expect(item.presenter_id).toBe(s.people.colleague.id);
    const files = await db
      .selectFrom("attachments")
      .select(["title", "item_id"])
      .where("item_id", "=", itemId)
      .execute();
    expect(files).toEqual([{ title: "underlag", item_id: itemId }]);
    const after = await getMySubmittedItems(db, { actor: s.member });
    expect(after.items[0]).toMatchObject({ status: "scheduled", meetingId: s.next.id, itemId });
    expect(after.items[0]?.decidedAt).not.toBeNull();
    // Scheduling twice adds nothing twice.
    const again = await failure(inTx((tx) => scheduleSubmittedItem(tx, { actor: s.coordinator, submittedItemId })));
    expect(again.code).toBe("conflict");
    const onAgenda = await db.selectFrom("agenda_items").select("id").where("meeting_id", "=", s.next.id).execute();
    expect(onAgenda).toHaveLength(1);
  });

  it("defers an item with a reason to a later meeting, tells the sender, and proposes it there", async () => {
    const s = await setup();
    const { submittedItemId } = await inTx((tx) =>
      submitItem(tx, { actor: s.member, meetingId: s.next.id, title: "Lovaktiviteter", body: "" }),
    );
    const noReason = await failure(
      inTx((tx) => deferSubmittedItem(tx, { actor: s.coordinator, submittedItemId, reason: "  " })),
    );
    expect(noReason).toMatchObject({ code: "bad_request", where: "reason" });
    const wrongMeeting = await failure(
      inTx((tx) =>
        deferSubmittedItem(tx, {
          actor: s.coordinator,
          submittedItemId,
          reason: "Full dagordning",
          toMeetingId: s.next.id,
        }),
      ),
    );
    expect(wrongMeeting).toMatchObject({ code: "bad_request", where: "meeting_id" });
    expect(
      (await failure(inTx((tx) => deferSubmittedItem(tx, { actor: s.member, submittedItemId, reason: "Nej" })))).code,
    ).toBe("forbidden");
    await inTx((tx) =>
      deferSubmittedItem(tx, {
        actor: s.coordinator,
        submittedItemId,
        reason: "Dagordningen är full; vi tar den i vår.",
        toMeetingId: s.later.id,
      }),
    );
    const mine = await getMySubmittedItems(db, { actor: s.member });
    expect(mine.items[0]).toMatchObject({
      status: "deferred",
      deferredReason: "Dagordningen är full; vi tar den i vår.",
      deferredToMeetingId: s.later.id,
      deferredToDate: s.later.date,
    });
    const mail = await db
      .selectFrom("outbox")
      .select(["recipient", "subject", "body_text"])
      .where("network_id", "=", s.network.id)
      .executeTakeFirstOrThrow();
    expect(mail.recipient).toBe(`sara-${s.network.id}@exempel.se`);
    expect(mail.subject).toBe("Din punkt ”Lovaktiviteter” skjuts upp");
    expect(mail.body_text).toContain("Anledning: Dagordningen är full; vi tar den i vår.");
    expect((await listAgendaProposals(db, s.next)).filter((p) => p.source === "submitted")).toEqual([]);
    expect((await listAgendaProposals(db, s.later)).filter((p) => p.source === "submitted").map((p) => p.key)).toEqual([
      `submitted:${submittedItemId}`,
    ]);
    const { meetingId } = await inTx((tx) => scheduleSubmittedItem(tx, { actor: s.coordinator, submittedItemId }));
    expect(meetingId).toBe(s.later.id);
    const scheduled = await db
      .selectFrom("submitted_items")
      .selectAll()
      .where("id", "=", submittedItemId)
      .executeTakeFirstOrThrow();
    expect(scheduled).toMatchObject({ status: "scheduled", meeting_id: s.later.id, deferred_to_meeting_id: null });
    const deferAfter = await failure(
      inTx((tx) => deferSubmittedItem(tx, { actor: s.coordinator, submittedItemId, reason: "Ändå inte" })),
    );
    expect(deferAfter.code).toBe("conflict");
  });

  it("refuses an item after the deadline, with a presenter from outside, or from an outsider; nothing is stored", async () => {
    const s = await setup();
    const before = await count();
    const late = await failure(
      inTx((tx) => submitItem(tx, { actor: s.member, meetingId: s.soon.id, title: "För sent", body: "" })),
    );
    expect(late.code).toBe("conflict");
    expect(late.message).toContain(`Sista dag att skicka in punkter till mötet`);
    expect(late.message).toMatch(/var \d+ \S+ \d{4}\./);
    expect((await getSubmissionForm(db, s.soon, today)).open).toBe(false);
    // The deadline day itself is still fine.
    const onTheDay = await inTx((tx) =>
      submitItem(tx, { actor: s.member, meetingId: s.next.id, title: "I tid", body: "", today: addDays(today, 13) }),
    );
    expect(onTheDay.submittedItemId).toBeGreaterThan(0);
    const dayAfter = await failure(
      inTx((tx) =>
        submitItem(tx, {
          actor: s.member,
          meetingId: s.next.id,
          title: "En dag för sent",
          body: "",
          today: addDays(today, 14),
        }),
      ),
    );
    expect(dayAfter.code).toBe("conflict");
    const presenter = await failure(
      inTx((tx) =>
        submitItem(tx, {
          actor: s.member,
          meetingId: s.next.id,
          title: "Fel föredragande",
          body: "",
          presenterId: s.people.outsider.id,
        }),
      ),
    );
    expect(presenter).toMatchObject({ code: "bad_request", where: "presenter_id" });
    const badFile = await failure(
      inTx((tx) =>
        submitItem(tx, {
          actor: s.member,
          meetingId: s.next.id,
          title: "Med fel fil",
          body: "",
          file: { filename: "virus.exe", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), truncated: false },
        }),
      ),
    );
    expect(badFile).toMatchObject({ code: "bad_request", where: "file" });
    expect(
      (await failure(inTx((tx) => submitItem(tx, { actor: s.outsider, meetingId: s.next.id, title: "Hej", body: "" }))))
        .code,
    ).toBe("forbidden");
    expect(await count()).toBe(before + 1);
    const files = await db.selectFrom("submitted_item_attachments").select("id").execute();
    expect(files.every((f) => f.id > 0)).toBe(true);
    const stray = await db
      .selectFrom("submitted_items")
      .select("title")
      .where("network_id", "=", s.network.id)
      .execute();
    expect(stray.map((r) => r.title)).toEqual(["I tid"]);
  });
});
