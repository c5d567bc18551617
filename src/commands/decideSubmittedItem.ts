import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { formatDate, todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { linkLines } from "../mail/links.js";
import { queueMail } from "../mail/queue.js";
import { addProposedItems } from "./addProposedItems.js";
import { authorize } from "./authorize.js";

async function loadItem(tx: Tx, id: number) {
  const item = await tx
    .selectFrom("submitted_items as s")
    .innerJoin("people as p", "p.id", "s.person_id")
    .innerJoin("networks as n", "n.id", "s.network_id")
    .leftJoin("meetings as m", "m.id", "s.meeting_id")
    .select([
      "s.id",
      "s.network_id",
      "s.meeting_id",
      "s.deferred_to_meeting_id",
      "s.status",
      "s.title",
      "s.deferred_reason",
      "p.name as senderName",
      "p.email as senderEmail",
      "p.id as senderId",
      "n.name as networkName",
      "m.date as meetingDate",
    ])
    .where("s.id", "=", id)
    .forUpdate("s")
    .executeTakeFirst();
  if (!item) throw notFound("Den inskickade punkten");
  return item;
}

/**
 * The coordinator puts an item sent in on the agenda of the meeting it was sent to (or deferred
 * to): through addProposedItems, so it is added exactly once, before the closing items, with its
 * sender as raiser and its files.
 */
export async function scheduleSubmittedItem(
  tx: Tx,
  opts: { actor: Actor; submittedItemId: number },
): Promise<{ meetingId: number; itemId: number }> {
  const item = await loadItem(tx, opts.submittedItemId);
  await authorize(tx, opts.actor, "meeting.edit", { networkId: item.network_id });
  if (item.status === "scheduled") {
    throw new AppError("conflict", `”${item.title}” står redan på dagordningen.`);
  }
  const meetingId = item.status === "deferred" ? item.deferred_to_meeting_id : item.meeting_id;
  if (meetingId === null) {
    throw new AppError(
      "conflict",
      `”${item.title}” är uppskjuten utan möte; skjut upp den till ett möte först, så föreslås den där.`,
    );
  }
  const { added } = await addProposedItems(tx, {
    actor: opts.actor,
    meetingId,
    keys: [`submitted:${item.id}`],
  });
  if (added === 0) throw new AppError("conflict", `”${item.title}” kunde inte läggas till; ladda om sidan.`);
  const after = await tx
    .selectFrom("submitted_items")
    .select(["item_id", "meeting_id"])
    .where("id", "=", item.id)
    .executeTakeFirstOrThrow();
  return { meetingId: after.meeting_id ?? meetingId, itemId: after.item_id ?? 0 };
}

/**
 * The coordinator defers an item sent in, with a reason the sender sees, optionally to a later
 * meeting of the network (whose agenda builder then proposes it). The sender gets a mail.
 */
export async function deferSubmittedItem(
  tx: Tx,
  opts: { actor: Actor; submittedItemId: number; reason: string; toMeetingId?: number | undefined; today?: string },
): Promise<void> {
  const item = await loadItem(tx, opts.submittedItemId);
  await authorize(tx, opts.actor, "meeting.edit", { networkId: item.network_id });
  if (item.status === "scheduled") {
    throw new AppError(
      "conflict",
      `”${item.title}” står redan på dagordningen; ta bort punkten från dagordningen först om den ska skjutas upp.`,
    );
  }
  const reason = opts.reason.trim();
  if (!reason)
    throw new AppError("bad_request", "Skriv varför punkten skjuts upp; avsändaren ser det.", { where: "reason" });
  let to: { id: number; date: string } | null = null;
  if (opts.toMeetingId !== undefined) {
    const m = await tx
      .selectFrom("meetings")
      .select(["id", "date", "network_id", "state"])
      .where("id", "=", opts.toMeetingId)
      .executeTakeFirst();
    const today = opts.today ?? todayInSweden();
    if (
      !m ||
      m.network_id !== item.network_id ||
      (m.state !== "planned" && m.state !== "notice_sent") ||
      m.date < today ||
      m.id === item.meeting_id ||
      (item.meetingDate !== null && m.date <= item.meetingDate)
    ) {
      throw new AppError("bad_request", "Välj ett senare möte i samma nätverk som ännu inte har hållits.", {
        where: "meeting_id",
      });
    }
    to = { id: m.id, date: m.date };
  }
  await tx
    .updateTable("submitted_items")
    .set({
      status: "deferred",
      deferred_reason: reason,
      deferred_to_meeting_id: to?.id ?? null,
      decided_at: new Date(),
      decided_by: opts.actor.personId,
    })
    .where("id", "=", item.id)
    .execute();
  if (item.senderEmail?.trim()) {
    const from = item.meetingDate ? ` till mötet ${formatDate(item.meetingDate)}` : "";
    await queueMail(tx, {
      to: { name: item.senderName, address: item.senderEmail, personId: item.senderId },
      subject: `Din punkt ”${item.title}” skjuts upp`,
      text: [
        `Hej ${item.senderName}!`,
        "",
        `Punkten ”${item.title}” som du skickade in${from} i ${item.networkName} skjuts upp.`,
        `Anledning: ${reason}`,
        ...(to ? [`Den föreslås i stället till mötet ${formatDate(to.date)}.`] : []),
        "",
        ...linkLines("Dina inskickade punkter", "/inskickade"),
        "",
        "Vänliga hälsningar",
        "Samråd",
      ].join("\n"),
      kind: "other",
      networkId: item.network_id,
      meetingId: item.meeting_id,
    });
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "item.defer",
    objectType: "submitted_item",
    objectId: item.id,
    before: { status: item.status, deferred_reason: item.deferred_reason },
    after: { status: "deferred", deferred_reason: reason, deferred_to_meeting_id: to?.id ?? null },
  });
}
