import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, failure } from "../../test/commands.js";
import { openTestDatabase } from "../../test/db.js";
import {
  buildAction,
  buildAgendaItem,
  buildMeeting,
  buildMembership,
  buildNetwork,
  buildPerson,
  buildStandingItem,
  buildSubmittedItem,
  buildTheme,
} from "../../test/factories.js";
import type { Database, Tx } from "../db/client.js";
import { listAgendaProposals } from "../db/queries/agenda-proposals.js";
import type { Actor } from "../domain/permissions.js";
import { addAttachment } from "./addAttachment.js";
import { addProposedItems } from "./addProposedItems.js";
import { approveMinutes } from "./approveMinutes.js";
import { changeMeetingState } from "./changeMeetingState.js";
import { closeAction } from "./closeAction.js";
import { correctMinutes } from "./correctMinutes.js";
import { getMinutesEditor } from "./getMinutesEditor.js";
import { getMinutesVersion } from "./getMinutesVersion.js";
import { makeStandingItem } from "./makeStandingItem.js";
import { recordAction } from "./recordAction.js";
import { recordDecision } from "./recordDecision.js";
import { reorderAgenda } from "./reorderAgenda.js";
import { saveAttendance } from "./saveAttendance.js";
import { saveItemNotes } from "./saveItemNotes.js";
import { saveRoundNote } from "./saveRoundNote.js";
import { setItemPostponed } from "./setItemPostponed.js";

/** A network with standing items, a coordinator, a chair, two members and an outsider. */
async function setupNetwork(db: Tx) {
  const network = await buildNetwork(db);
  const coordinator = await buildPerson(db, { name: `Samordnare ${network.id}` });
  const chair = await buildPerson(db, { name: `Ordförande ${network.id}`, municipality: "Bjuv" });
  const member = await buildPerson(db, { name: `Medlem ${network.id}`, municipality: "Båstad" });
  const other = await buildPerson(db, { name: `Annan ${network.id}`, municipality: "Höganäs" });
  const outsider = await buildPerson(db, { name: `Utomstående ${network.id}`, municipality: "Klippan" });
  await buildMembership(db, { personId: coordinator.id, networkId: network.id, role: "coordinator" });
  await buildMembership(db, { personId: chair.id, networkId: network.id, role: "chair" });
  await buildMembership(db, { personId: member.id, networkId: network.id });
  await buildMembership(db, { personId: other.id, networkId: network.id });
  for (const [id, m] of [
    [chair.id, "Bjuv"],
    [member.id, "Båstad"],
    [other.id, "Höganäs"],
  ] as const) {
    const k = await db.selectFrom("municipalities").select("id").where("name", "=", m).executeTakeFirstOrThrow();
    await db.updateTable("memberships").set({ municipality_id: k.id }).where("person_id", "=", id).execute();
  }
  const standing = [
    await buildStandingItem(db, { networkId: network.id, title: "Föregående anteckningar", position: 0 }),
    await buildStandingItem(db, { networkId: network.id, title: "Läget i kommunerna", position: 1, kind: "round" }),
    await buildStandingItem(db, { networkId: network.id, title: "Övrigt", position: 2 }),
  ];
  return {
    network,
    standing,
    people: { coordinator, chair, member, other, outsider },
    coordinator: await actorFor(db, coordinator.id),
    chair: await actorFor(db, chair.id),
    member: await actorFor(db, member.id),
    outsider: await actorFor(db, outsider.id),
  };
}

describe("running a meeting", () => {
  let database: Database;
  let db: Tx;
  const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db.transaction().execute(fn);

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
  });

  it("proposes standing items, last meeting's postponed items, due actions, the theme and sent-in items, in that order", async () => {
    const s = await setupNetwork(db);
    const last = await buildMeeting(db, { networkId: s.network.id, date: "2024-03-01", state: "approved" });
    await buildAgendaItem(db, { meetingId: last.id, title: "Socialjouren", postponed: true });
    await buildAgendaItem(db, { meetingId: last.id, title: "Hanterad punkt" });
    const older = await buildMeeting(db, { networkId: s.network.id, date: "2023-11-01", state: "approved" });
    await buildAgendaItem(db, { meetingId: older.id, title: "Gammal bordlagd punkt", postponed: true });
    const next = await buildMeeting(db, { networkId: s.network.id, date: "2024-04-12" });
    const due = await buildAction(db, {
      networkId: s.network.id,
      text: "Medlem tar fram underlag",
      dueDate: "2024-04-12",
      assigneeIds: [s.people.member.id],
    });
    await buildAction(db, { networkId: s.network.id, text: "Inte förfallet ännu", dueDate: "2024-06-01" });
    const theme = await buildTheme(db, {
      networkId: s.network.id,
      title: "Tema: stärka förtroendet",
      plannedMeetingId: next.id,
      ownerIds: [s.people.chair.id],
    });
    const sent = await buildSubmittedItem(db, {
      networkId: s.network.id,
      personId: s.people.other.id,
      title: "Gemensam familjerådgivning",
      body: "Finns intresse för samarbete?",
      meetingId: next.id,
    });

    const proposals = await listAgendaProposals(db, next);
    expect(proposals.map((p) => [p.source, p.title])).toEqual([
      ["standing", "Föregående anteckningar"],
      ["standing", "Läget i kommunerna"],
      ["standing", "Övrigt"],
      ["postponed", "Socialjouren"],
      ["action", "Uppföljning: Medlem tar fram underlag"],
      ["theme", "Tema: stärka förtroendet"],
      ["submitted", "Gemensam familjerådgivning"],
    ]);

    const { added } = await inTx((tx) =>
      addProposedItems(tx, { actor: s.coordinator, meetingId: next.id, keys: proposals.map((p) => p.key) }),
    );
    expect(added).toBe(7);
    const items = await db
      .selectFrom("agenda_items")
      .selectAll()
      .where("meeting_id", "=", next.id)
      .orderBy("position")
      .execute();
    // "Övrigt" closes the agenda even though it was proposed third.
    expect(items.map((i) => i.title)).toEqual([
      "Föregående anteckningar",
      "Läget i kommunerna",
      "Socialjouren",
      "Uppföljning: Medlem tar fram underlag",
      "Tema: stärka förtroendet",
      "Gemensam familjerådgivning",
      "Övrigt",
    ]);
    expect(items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(items[1]?.kind).toBe("round");
    const carried = items.find((i) => i.title === "Socialjouren");
    const original = await db
      .selectFrom("agenda_items")
      .select("id")
      .where("meeting_id", "=", last.id)
      .where("title", "=", "Socialjouren")
      .executeTakeFirstOrThrow();
    expect(carried?.carried_from_item_id).toBe(original.id);
    expect(items.find((i) => i.follow_up_action_id === due.id)?.presenter_id).toBe(s.people.member.id);
    expect(items.find((i) => i.theme_id === theme.id)?.presenter_id).toBe(s.people.chair.id);
    const submitted = await db
      .selectFrom("submitted_items")
      .selectAll()
      .where("id", "=", sent.id)
      .executeTakeFirstOrThrow();
    expect(submitted.status).toBe("scheduled");
    const raiser = await db
      .selectFrom("item_raisers")
      .select("person_id")
      .where("item_id", "=", submitted.item_id as number)
      .executeTakeFirstOrThrow();
    expect(raiser.person_id).toBe(s.people.other.id);

    // Everything proposed is now on the agenda: nothing is proposed twice, even from a stale form.
    expect(await listAgendaProposals(db, next)).toEqual([]);
    const again = await inTx((tx) =>
      addProposedItems(tx, { actor: s.coordinator, meetingId: next.id, keys: proposals.map((p) => p.key) }),
    );
    expect(again.added).toBe(0);
    const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", next.id).executeTakeFirstOrThrow();
    expect(meeting.edited_in_app).toBe(true);
    expect(meeting.revision).toBe(1);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "user_id"])
      .where("object_type", "=", "meeting")
      .where("object_id", "=", String(next.id))
      .execute();
    expect(audit).toEqual([{ action: "agenda.addProposed", user_id: s.coordinator.userId }]);
  });

  it("refuses members without the coordinator role and people outside the network", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id });
    const item = await buildAgendaItem(db, { meetingId: m.id });
    expect(
      (
        await failure(
          inTx((tx) => recordDecision(tx, { actor: s.member, meetingId: m.id, itemId: item.id, text: "att x" })),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      (
        await failure(
          inTx((tx) =>
            saveItemNotes(tx, { actor: s.outsider, meetingId: m.id, itemId: item.id, notes: "x", revision: 0 }),
          ),
        )
      ).code,
    ).toBe("forbidden");
    const anonymous: Actor = { userId: null, personId: null, isAdmin: false, label: "anonymous" };
    expect((await failure(inTx((tx) => approveMinutes(tx, { actor: anonymous, meetingId: m.id })))).code).toBe(
      "unauthorized",
    );
  });

  it("saves notes with an optimistic lock: the second writer gets a conflict with both texts and nothing is overwritten", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id });
    const item = await buildAgendaItem(db, { meetingId: m.id, title: "Verksamhetsplan" });
    const first = await inTx((tx) =>
      saveItemNotes(tx, {
        actor: s.coordinator,
        meetingId: m.id,
        itemId: item.id,
        notes: "Anna skrev det här.",
        revision: 0,
      }),
    );
    expect(first).toEqual({ revision: 1, changed: true });

    const admin = await actorFor(db, null, true);
    const stale = await failure(
      inTx((tx) =>
        saveItemNotes(tx, {
          actor: admin,
          meetingId: m.id,
          itemId: item.id,
          notes: "Bertil skrev annat.",
          revision: 0,
        }),
      ),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.details).toMatchObject({
      theirs: "Anna skrev det här.",
      revision: 1,
      by: `Samordnare ${s.network.id}`,
    });
    const stored = await db
      .selectFrom("agenda_items")
      .select(["notes", "revision"])
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ notes: "Anna skrev det här.", revision: 1 });

    // A retried autosave of the text already stored is not a conflict.
    expect(
      await inTx((tx) =>
        saveItemNotes(tx, {
          actor: admin,
          meetingId: m.id,
          itemId: item.id,
          notes: "Anna skrev det här.",
          revision: 0,
        }),
      ),
    ).toEqual({ revision: 1, changed: false });
    // Based on the current revision, the second writer's merged text is saved.
    expect(
      await inTx((tx) =>
        saveItemNotes(tx, {
          actor: admin,
          meetingId: m.id,
          itemId: item.id,
          notes: "Anna skrev det här.\n\nBertil skrev annat.",
          revision: 1,
        }),
      ),
    ).toEqual({ revision: 2, changed: true });
    const meeting = await db
      .selectFrom("meetings")
      .select(["revision", "edited_in_app"])
      .where("id", "=", m.id)
      .executeTakeFirstOrThrow();
    expect(meeting).toEqual({ revision: 2, edited_in_app: true });
    const audits = await db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "agenda_item")
      .where("object_id", "=", String(item.id))
      .execute();
    expect(audits.map((a) => a.action)).toEqual(["item.notes", "item.notes"]);
  });

  it("keeps round notes per municipality with the same lock", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id });
    const round = await buildAgendaItem(db, { meetingId: m.id, title: "Läget i kommunerna", kind: "round" });
    const bjuv = await db
      .selectFrom("municipalities")
      .select("id")
      .where("name", "=", "Bjuv")
      .executeTakeFirstOrThrow();
    const save = (notes: string, revision: number) =>
      inTx((tx) =>
        saveRoundNote(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          itemId: round.id,
          municipalityId: bjuv.id,
          notes,
          revision,
        }),
      );
    expect(await save("Rekrytering pågår.", 0)).toEqual({ revision: 1, changed: true });
    expect((await failure(save("Något annat.", 0))).details).toMatchObject({
      theirs: "Rekrytering pågår.",
      revision: 1,
    });
    expect(await save("Rekrytering pågår. Ny chef i maj.", 1)).toEqual({ revision: 2, changed: true });
    const editor = await getMinutesEditor(db, { actor: s.coordinator, meetingId: m.id });
    const rows = editor.items[0]?.round ?? [];
    expect(rows.map((r) => r.municipality)).toEqual(["Bjuv", "Båstad", "Höganäs"]);
    expect(rows[0]).toMatchObject({ notes: "Rekrytering pågår. Ny chef i maj.", revision: 2 });
  });

  it("numbers decisions per network and year, and turns one into a standing item", async () => {
    const s = await setupNetwork(db);
    const other = await setupNetwork(db);
    const m1 = await buildMeeting(db, { networkId: s.network.id, date: "2024-02-02" });
    const m2 = await buildMeeting(db, { networkId: s.network.id, date: "2025-01-10" });
    const o1 = await buildMeeting(db, { networkId: other.network.id, date: "2024-02-02" });
    const i1 = await buildAgendaItem(db, { meetingId: m1.id, title: "Verksamhetsplan" });
    const i2 = await buildAgendaItem(db, { meetingId: m2.id });
    const io = await buildAgendaItem(db, { meetingId: o1.id });
    const decide = (actor: Actor, meetingId: number, itemId: number, text: string) =>
      inTx((tx) => recordDecision(tx, { actor, meetingId, itemId, text }));
    expect(await decide(s.coordinator, m1.id, i1.id, "att anta planen")).toMatchObject({ year: 2024, number: 1 });
    expect(await decide(s.coordinator, m1.id, i1.id, "att följa upp i maj")).toMatchObject({ year: 2024, number: 2 });
    expect(await decide(other.coordinator, o1.id, io.id, "att börja om")).toMatchObject({ year: 2024, number: 1 });
    const next = await decide(s.coordinator, m2.id, i2.id, "att rapportera på varje möte");
    expect(next).toMatchObject({ year: 2025, number: 1 });

    const made = await inTx((tx) =>
      makeStandingItem(tx, { actor: s.coordinator, decisionId: next.decisionId, title: "Rapport från arbetsgruppen" }),
    );
    const standing = await db
      .selectFrom("standing_items")
      .selectAll()
      .where("id", "=", made.standingItemId)
      .executeTakeFirstOrThrow();
    expect(standing).toMatchObject({ network_id: s.network.id, decision_id: next.decisionId, position: 3 });
    expect(
      (
        await failure(
          inTx((tx) => makeStandingItem(tx, { actor: s.coordinator, decisionId: next.decisionId, title: "Igen" })),
        )
      ).code,
    ).toBe("conflict");
    expect(
      (
        await failure(
          inTx((tx) => makeStandingItem(tx, { actor: s.member, decisionId: next.decisionId, title: "Medlem" })),
        )
      ).code,
    ).toBe("forbidden");
    const later = await buildMeeting(db, { networkId: s.network.id, date: "2025-03-01" });
    expect((await listAgendaProposals(db, later)).map((p) => p.title)).toContain("Rapport från arbetsgruppen");
  });

  it("records actions only for members, defaults the due date to the next meeting and refuses a due date before the meeting", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id, date: "2024-05-03" });
    await buildMeeting(db, { networkId: s.network.id, date: "2024-06-14" });
    const item = await buildAgendaItem(db, { meetingId: m.id });
    expect((await getMinutesEditor(db, { actor: s.coordinator, meetingId: m.id })).nextMeetingDate).toBe("2024-06-14");

    const bad = await failure(
      inTx((tx) =>
        recordAction(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          itemId: item.id,
          input: { text: "Skicka ut", assignees: [s.people.member.id, s.people.outsider.id], due_date: "2024-06-14" },
        }),
      ),
    );
    expect(bad).toMatchObject({ code: "bad_request", where: "assignees" });
    expect(bad.message).toContain(s.people.outsider.name);
    const early = await failure(
      inTx((tx) =>
        recordAction(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          itemId: item.id,
          input: { text: "Skicka ut", assignees: [s.people.member.id], due_date: "2024-01-01" },
        }),
      ),
    );
    expect(early).toMatchObject({ code: "bad_request", where: "due_date" });
    // Nothing half-stored from the refused attempts.
    expect(await db.selectFrom("actions").select("id").where("network_id", "=", s.network.id).execute()).toEqual([]);

    const { actionId } = await inTx((tx) =>
      recordAction(tx, {
        actor: s.coordinator,
        meetingId: m.id,
        itemId: item.id,
        input: {
          text: "Skicka ut jämförelsen",
          assignees: [s.people.member.id, s.people.chair.id],
          due_date: "2024-06-14",
        },
      }),
    );
    const assignees = await db
      .selectFrom("action_assignees")
      .select(["person_id", "name"])
      .where("action_id", "=", actionId)
      .orderBy("id")
      .execute();
    expect(assignees).toEqual([
      { person_id: s.people.member.id, name: s.people.member.name },
      { person_id: s.people.chair.id, name: s.people.chair.name },
    ]);

    // Another member may not close it; an assignee may, with a comment.
    expect((await failure(inTx((tx) => closeAction(tx, { actor: s.outsider, actionId, comment: "" })))).code).toBe(
      "forbidden",
    );
    await inTx((tx) => closeAction(tx, { actor: s.member, actionId, comment: "Skickat 1 juni." }));
    const closed = await db.selectFrom("actions").selectAll().where("id", "=", actionId).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: "done", closed_by: s.people.member.id, closed_comment: "Skickat 1 juni." });
    expect((await failure(inTx((tx) => closeAction(tx, { actor: s.member, actionId, comment: "" })))).code).toBe(
      "conflict",
    );
  });

  it("carries a postponed item to the next meeting's proposals, linked to the original", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id, date: "2024-09-06", state: "held" });
    const item = await buildAgendaItem(db, { meetingId: m.id, title: "Offentliga mikrotjänster" });
    await inTx((tx) =>
      setItemPostponed(tx, { actor: s.coordinator, meetingId: m.id, itemId: item.id, postponed: true }),
    );
    const next = await buildMeeting(db, { networkId: s.network.id, date: "2024-10-04" });
    const proposal = (await listAgendaProposals(db, next)).find((p) => p.source === "postponed");
    expect(proposal).toMatchObject({ title: "Offentliga mikrotjänster", item: { carried_from_item_id: item.id } });
    await inTx((tx) => addProposedItems(tx, { actor: s.coordinator, meetingId: next.id, keys: [proposal?.key ?? ""] }));
    // Once carried it cannot silently be un-postponed.
    const undo = await failure(
      inTx((tx) => setItemPostponed(tx, { actor: s.coordinator, meetingId: m.id, itemId: item.id, postponed: false })),
    );
    expect(undo.code).toBe("conflict");
  });

  it("queues the notice when it is published and the minutes when they are approved, to members with an address", async () => {
    const s = await setupNetwork(db);
    await db.updateTable("people").set({ email: "ordf@exempel.se" }).where("id", "=", s.people.chair.id).execute();
    await db.updateTable("people").set({ email: "medlem@exempel.se" }).where("id", "=", s.people.member.id).execute();
    await db
      .updateTable("people")
      .set({ email: "utanfor@exempel.se" })
      .where("id", "=", s.people.outsider.id)
      .execute();
    const m = await buildMeeting(db, { networkId: s.network.id, date: "2099-03-05", state: "planned" });
    await buildAgendaItem(db, { meetingId: m.id, title: "Budget 2100" });
    const outbox = (kind: "notice" | "minutes") =>
      db
        .selectFrom("outbox")
        .select(["recipient", "subject"])
        .where("meeting_id", "=", m.id)
        .where("kind", "=", kind)
        .orderBy("recipient")
        .execute();

    expect(
      await inTx((tx) => changeMeetingState(tx, { actor: s.coordinator, meetingId: m.id, to: "notice_sent" })),
    ).toEqual({ mailed: 2 });
    const notices = await outbox("notice");
    expect(notices.map((n) => n.recipient)).toEqual(["medlem@exempel.se", "ordf@exempel.se"]);
    expect(notices[0]?.subject).toContain("Kallelse");

    await inTx((tx) => changeMeetingState(tx, { actor: s.coordinator, meetingId: m.id, to: "held" }));
    expect(await outbox("notice")).toHaveLength(2);
    expect(await inTx((tx) => approveMinutes(tx, { actor: s.chair, meetingId: m.id }))).toEqual({
      version: 1,
      mailed: 2,
    });
    const minutes = await outbox("minutes");
    expect(minutes.map((n) => n.recipient)).toEqual(["medlem@exempel.se", "ordf@exempel.se"]);
    expect(minutes[0]?.subject).toContain("Justerade anteckningar");
  });

  it("tells the members when a meeting whose notice went out is cancelled, and nobody when it had none", async () => {
    const s = await setupNetwork(db);
    await db.updateTable("people").set({ email: "medlem2@exempel.se" }).where("id", "=", s.people.member.id).execute();
    const noticed = await buildMeeting(db, { networkId: s.network.id, date: "2099-04-02", state: "planned" });
    const quiet = await buildMeeting(db, { networkId: s.network.id, date: "2099-05-07", state: "planned" });
    await inTx((tx) => changeMeetingState(tx, { actor: s.coordinator, meetingId: noticed.id, to: "notice_sent" }));
    const cancel = (meetingId: number) =>
      inTx((tx) =>
        changeMeetingState(tx, { actor: s.coordinator, meetingId, to: "cancelled", reason: "Lokalen är upptagen" }),
      );
    expect(await cancel(noticed.id)).toEqual({ mailed: 1 });
    expect(await cancel(quiet.id)).toEqual({ mailed: 0 });
    const mails = await db
      .selectFrom("outbox")
      .select(["recipient", "subject", "body_text", "meeting_id"])
      .where("meeting_id", "in", [noticed.id, quiet.id])
      .where("subject", "like", "Inställt%")
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: "medlem2@exempel.se", meeting_id: noticed.id });
    expect(mails[0]?.body_text).toContain("Anledning: Lokalen är upptagen");
  });

  it("approves minutes with who and when, makes them read-only, and corrects them as a new version", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id, date: "2024-11-08", state: "notice_sent" });
    const item = await buildAgendaItem(db, { meetingId: m.id, title: "Budget" });
    await inTx((tx) =>
      saveItemNotes(tx, {
        actor: s.coordinator,
        meetingId: m.id,
        itemId: item.id,
        notes: "Första texten.",
        revision: 0,
      }),
    );
    expect((await failure(inTx((tx) => approveMinutes(tx, { actor: s.chair, meetingId: m.id })))).code).toBe(
      "conflict",
    );
    await inTx((tx) => changeMeetingState(tx, { actor: s.coordinator, meetingId: m.id, to: "held" }));
    expect((await failure(inTx((tx) => approveMinutes(tx, { actor: s.member, meetingId: m.id })))).code).toBe(
      "forbidden",
    );
    expect(await inTx((tx) => approveMinutes(tx, { actor: s.chair, meetingId: m.id }))).toMatchObject({ version: 1 });

    const approved = await db.selectFrom("meetings").selectAll().where("id", "=", m.id).executeTakeFirstOrThrow();
    expect(approved.state).toBe("approved");
    expect(approved.approved_by).toBe(s.people.chair.id);
    expect(approved.approved_at).toBeInstanceOf(Date);
    const readOnly = await failure(
      inTx((tx) =>
        saveItemNotes(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          itemId: item.id,
          notes: "Ändrat i efterhand.",
          revision: 1,
        }),
      ),
    );
    expect(readOnly.code).toBe("conflict");
    expect(readOnly.message).toContain("justerade");

    expect(
      (await failure(inTx((tx) => correctMinutes(tx, { actor: s.member, meetingId: m.id, reason: "x" })))).code,
    ).toBe("forbidden");
    expect(
      await inTx((tx) =>
        correctMinutes(tx, { actor: s.coordinator, meetingId: m.id, reason: "Fel datum för uppföljningen" }),
      ),
    ).toEqual({
      version: 2,
    });
    await inTx((tx) =>
      saveItemNotes(tx, { actor: s.coordinator, meetingId: m.id, itemId: item.id, notes: "Rättad text.", revision: 1 }),
    );
    await inTx((tx) => approveMinutes(tx, { actor: s.coordinator, meetingId: m.id }));

    const versions = await db
      .selectFrom("minutes_versions")
      .select(["version", "reason", "created_by"])
      .where("meeting_id", "=", m.id)
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { version: 1, reason: "", created_by: s.people.chair.id },
      { version: 2, reason: "Fel datum för uppföljningen", created_by: s.people.coordinator.id },
    ]);
    const v1 = await getMinutesVersion(db, { actor: s.member, meetingId: m.id, version: 1 });
    expect(v1.snapshot.items[0]?.notes).toBe("Första texten.");
    expect(v1.snapshot.meeting.approvedBy).toBe(s.people.chair.name);
    const v2 = await getMinutesVersion(db, { actor: s.member, meetingId: m.id, version: 2 });
    expect(v2.snapshot.items[0]?.notes).toBe("Rättad text.");
  });

  it("keeps a version of minutes approved before versions were stored when they are corrected", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id, date: "2023-05-05", state: "approved" });
    await buildAgendaItem(db, { meetingId: m.id, title: "Gammal punkt", notes: "Importerad text." });
    await inTx((tx) => correctMinutes(tx, { actor: s.chair, meetingId: m.id, reason: "Stavfel" }));
    const v1 = await getMinutesVersion(db, { actor: s.member, meetingId: m.id, version: 1 });
    expect(v1.snapshot.items[0]?.notes).toBe("Importerad text.");
    const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", m.id).executeTakeFirstOrThrow();
    expect(meeting).toMatchObject({ state: "minutes_draft", minutes_version: 2, correction_reason: "Stavfel" });
  });

  it("takes attendance of members and guests, lists the coordinator under Övriga and refuses a stale form", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id });
    await inTx((tx) =>
      saveAttendance(tx, {
        actor: s.coordinator,
        meetingId: m.id,
        members: [
          { personId: s.people.chair.id, status: "present" },
          { personId: s.people.member.id, status: "excused" },
          { personId: s.people.other.id, status: "absent" },
          { personId: s.people.coordinator.id, status: "present" },
        ],
        guest: { name: "Gästa Föreläsare", roleText: "Föreläsare", municipalityId: undefined },
        removeGuests: [],
        base: undefined,
      }),
    );
    const rows = await db
      .selectFrom("attendance as a")
      .innerJoin("people as p", "p.id", "a.person_id")
      .select(["p.name", "a.status", "a.role_text", "a.is_chair"])
      .where("a.meeting_id", "=", m.id)
      .orderBy("a.position")
      .execute();
    expect(rows).toEqual([
      { name: s.people.chair.name, status: "present", role_text: null, is_chair: true },
      { name: s.people.member.name, status: "excused", role_text: null, is_chair: false },
      { name: s.people.other.name, status: "absent", role_text: null, is_chair: false },
      { name: s.people.coordinator.name, status: "guest", role_text: "Samordnare", is_chair: false },
      { name: "Gästa Föreläsare", status: "guest", role_text: "Föreläsare", is_chair: false },
    ]);
    const outsider = await failure(
      inTx((tx) =>
        saveAttendance(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          members: [{ personId: s.people.outsider.id, status: "present" }],
          guest: null,
          removeGuests: [],
          base: undefined,
        }),
      ),
    );
    expect(outsider).toMatchObject({ code: "bad_request", where: `status_${s.people.outsider.id}` });
    const stale = await failure(
      inTx((tx) =>
        saveAttendance(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          members: [],
          guest: null,
          removeGuests: [],
          base: "gammal",
        }),
      ),
    );
    expect(stale.code).toBe("conflict");
  });

  it("moves items up and down and refuses a whole order that no longer matches the agenda", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id });
    const a = await buildAgendaItem(db, { meetingId: m.id, title: "A" });
    const b = await buildAgendaItem(db, { meetingId: m.id, title: "B" });
    const c = await buildAgendaItem(db, { meetingId: m.id, title: "C" });
    const order = async () =>
      (
        await db.selectFrom("agenda_items").select("title").where("meeting_id", "=", m.id).orderBy("position").execute()
      ).map((i) => i.title);
    await inTx((tx) => reorderAgenda(tx, { actor: s.coordinator, meetingId: m.id, itemId: c.id, direction: "up" }));
    expect(await order()).toEqual(["A", "C", "B"]);
    await inTx((tx) => reorderAgenda(tx, { actor: s.coordinator, meetingId: m.id, order: [b.id, a.id, c.id] }));
    expect(await order()).toEqual(["B", "A", "C"]);
    expect(
      (await failure(inTx((tx) => reorderAgenda(tx, { actor: s.coordinator, meetingId: m.id, order: [a.id, b.id] }))))
        .code,
    ).toBe("conflict");
    expect(await order()).toEqual(["B", "A", "C"]);
  });

  it("stores attachments by content, once per file, and refuses oversized and disallowed files", async () => {
    const s = await setupNetwork(db);
    const m = await buildMeeting(db, { networkId: s.network.id });
    const pdf = new TextEncoder().encode("%PDF-1.4\nBilder från mötet\n%%EOF");
    const attach = (filename: string, bytes: Uint8Array, truncated = false) =>
      inTx((tx) =>
        addAttachment(tx, {
          actor: s.coordinator,
          meetingId: m.id,
          itemId: undefined,
          title: "",
          file: { filename, bytes, truncated },
        }),
      );
    const first = await attach("bilder.pdf", pdf);
    await attach("samma-igen.pdf", pdf);
    const docs = await db
      .selectFrom("attachments as a")
      .innerJoin("source_documents as d", "d.id", "a.document_id")
      .select(["a.id", "a.title", "d.id as docId", "d.content_type"])
      .where("a.meeting_id", "=", m.id)
      .orderBy("a.id")
      .execute();
    expect(docs.map((d) => d.title)).toEqual(["bilder", "samma-igen"]);
    expect(docs[0]?.docId).toBe(docs[1]?.docId);
    expect(docs[0]?.content_type).toBe("application/pdf");
    expect(first.attachmentId).toBe(docs[0]?.id);

    const exe = await failure(attach("presentation.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0])));
    expect(exe).toMatchObject({ code: "bad_request", where: "file" });
    expect(exe.message).toContain("inte av en tillåten typ");
    expect(await failure(attach("stor.pdf", pdf, true))).toMatchObject({ code: "too_large", where: "file" });
    expect(await failure(attach("tom.txt", new Uint8Array(0)))).toMatchObject({ code: "bad_request", where: "file" });
    expect(await db.selectFrom("attachments").select("id").where("meeting_id", "=", m.id).execute()).toHaveLength(2);
  });
});
