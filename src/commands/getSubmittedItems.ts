import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { listNetworkRecipients } from "../db/queries/mail.js";
import { todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { submissionDeadline } from "../domain/submission-deadline.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** An item sent in, with where it stands: waiting, on an agenda, or deferred (and why). */
export type SubmittedItemRow = {
  id: number;
  title: string;
  body: string;
  status: "submitted" | "scheduled" | "deferred";
  createdAt: Date;
  networkName: string;
  networkSlug: string;
  senderName: string;
  presenterName: string | null;
  meetingId: number | null;
  meetingDate: string | null;
  itemId: number | null;
  deferredReason: string;
  deferredToMeetingId: number | null;
  deferredToDate: string | null;
  decidedAt: Date | null;
  files: { title: string; size: number }[];
};

function listSubmitted(tx: Tx) {
  return tx
    .selectFrom("submitted_items as s")
    .innerJoin("networks as n", "n.id", "s.network_id")
    .innerJoin("people as sender", "sender.id", "s.person_id")
    .leftJoin("people as pr", "pr.id", "s.presenter_id")
    .leftJoin("meetings as m", "m.id", "s.meeting_id")
    .leftJoin("meetings as d", "d.id", "s.deferred_to_meeting_id")
    .select([
      "s.id",
      "s.title",
      "s.body",
      "s.status",
      "s.created_at as createdAt",
      "n.name as networkName",
      "n.slug as networkSlug",
      "sender.name as senderName",
      "pr.name as presenterName",
      "s.meeting_id as meetingId",
      "m.date as meetingDate",
      "s.item_id as itemId",
      "s.deferred_reason as deferredReason",
      "s.deferred_to_meeting_id as deferredToMeetingId",
      "d.date as deferredToDate",
      "s.decided_at as decidedAt",
      sql<
        { title: string; size: number }[]
      >`coalesce((SELECT json_agg(json_build_object('title', f.title, 'size', doc.size)
        ORDER BY f.id) FROM submitted_item_attachments f JOIN source_documents doc ON doc.id = f.document_id
        WHERE f.submitted_item_id = s.id), '[]'::json)`.as("files"),
    ]);
}

/** "Mina inskickade punkter": the signed-in member's items sent in, newest first, with the coordinator's decision. */
export async function getMySubmittedItems(tx: Tx, opts: { actor: Actor }) {
  if (opts.actor.userId === null && !opts.actor.isAdmin) {
    throw new AppError("unauthorized", "Logga in för att se dina inskickade punkter.");
  }
  if (opts.actor.personId === null) return { linked: false as const, items: [] as SubmittedItemRow[] };
  const items = (await listSubmitted(tx)
    .where("s.person_id", "=", opts.actor.personId)
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .execute()) as SubmittedItemRow[];
  return { linked: true as const, items };
}

/** The data the "Mina inskickade punkter" view receives. */
export type MySubmittedItemsData = Awaited<ReturnType<typeof getMySubmittedItems>>;

/**
 * The items sent in to one meeting (or deferred to it), for its coordinator: what waits for a
 * decision, what is decided, and the later meetings an item can be deferred to.
 */
export async function getMeetingSubmissions(tx: Tx, opts: { actor: Actor; meetingId: number }) {
  const meeting = await tx
    .selectFrom("meetings as m")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .select([
      "m.id",
      "m.date",
      "m.state",
      "m.network_id",
      "n.name as networkName",
      "n.slug as networkSlug",
      "n.submission_days",
    ])
    .where("m.id", "=", opts.meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound("Mötet");
  await authorize(tx, opts.actor, "meeting.edit", { networkId: meeting.network_id });
  const items = (await listSubmitted(tx)
    .where((eb) => eb.or([eb("s.meeting_id", "=", meeting.id), eb("s.deferred_to_meeting_id", "=", meeting.id)]))
    .orderBy("s.created_at")
    .orderBy("s.id")
    .execute()) as SubmittedItemRow[];
  const later = await tx
    .selectFrom("meetings")
    .select(["id", "date"])
    .where("network_id", "=", meeting.network_id)
    .where("state", "in", ["planned", "notice_sent"])
    .where("date", ">=", todayInSweden())
    .where("date", ">", meeting.date)
    .orderBy("date")
    .execute();
  return {
    meeting: { ...meeting, deadline: submissionDeadline(meeting.date, meeting.submission_days) },
    items,
    later,
  };
}

/** The data the coordinator's page of items sent in receives. */
export type MeetingSubmissionsData = Awaited<ReturnType<typeof getMeetingSubmissions>>;

/** What the meeting page's "Skicka in en punkt" form needs: the deadline, whether it has passed, who can present. */
export async function getSubmissionForm(
  tx: Tx,
  meeting: { network_id: number; date: string },
  today = todayInSweden(),
) {
  const network = await tx
    .selectFrom("networks")
    .select("submission_days")
    .where("id", "=", meeting.network_id)
    .executeTakeFirstOrThrow();
  const deadline = submissionDeadline(meeting.date, network.submission_days);
  const presenters = await listNetworkRecipients(tx, meeting.network_id, today);
  return { deadline, open: today <= deadline, presenters: presenters.map((p) => ({ id: p.personId, name: p.name })) };
}
