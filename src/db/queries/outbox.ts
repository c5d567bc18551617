import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { MailKind, OutboxStatus } from "../schema.js";

/** A mail as stored in the outbox, attachments base64-encoded. */
export type StoredAttachment = { filename: string; contentType: string; contentBase64: string };

/** A claimed mail, ready to send. */
export type OutboxMail = {
  id: number;
  recipient: string;
  recipientName: string | null;
  subject: string;
  bodyText: string;
  attachments: StoredAttachment[];
  attempts: number;
  messageId: string | null;
};

/** Inserts one mail; status 'failed' records a mail that can never be sent (a bad address). */
export async function insertOutbox(
  tx: Tx,
  row: {
    recipient: string;
    recipientName: string | null;
    subject: string;
    bodyText: string;
    attachments: StoredAttachment[];
    kind: MailKind;
    networkId: number | null;
    meetingId: number | null;
    messageId: string;
    failedBecause?: string;
  },
): Promise<{ id: number; status: OutboxStatus }> {
  return tx
    .insertInto("outbox")
    .values({
      recipient: row.recipient,
      recipient_name: row.recipientName,
      subject: row.subject,
      body_text: row.bodyText,
      attachments: JSON.stringify(row.attachments),
      kind: row.kind,
      network_id: row.networkId,
      meeting_id: row.meetingId,
      message_id: row.messageId,
      ...(row.failedBecause ? { status: "failed" as const, last_error: row.failedBecause } : {}),
    })
    .returning(["id", "status"])
    .executeTakeFirstOrThrow();
}

/**
 * Claims up to `limit` due mails for one worker in one short statement: queued mails whose time has
 * come, and mails another worker claimed longer than the lease ago (it crashed). SKIP LOCKED lets
 * several workers claim side by side without ever taking the same row.
 */
export async function claimDueMail(
  db: Tx,
  opts: { workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<OutboxMail[]> {
  const expired = new Date(opts.now.getTime() - opts.leaseMs);
  const result = await sql<{
    id: number;
    recipient: string;
    recipient_name: string | null;
    subject: string;
    body_text: string;
    attachments: StoredAttachment[] | string;
    attempts: number;
    message_id: string | null;
  }>`
    WITH due AS (
      SELECT id FROM outbox
      WHERE (status = 'queued' AND next_attempt_at <= ${opts.now})
         OR (status = 'sending' AND claimed_at < ${expired})
      ORDER BY next_attempt_at, id
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE outbox o
    SET status = 'sending', claimed_at = ${opts.now}, claimed_by = ${opts.workerId}, attempts = o.attempts + 1
    FROM due WHERE o.id = due.id
    RETURNING o.id, o.recipient, o.recipient_name, o.subject, o.body_text, o.attachments, o.attempts, o.message_id`.execute(
    db,
  );
  return result.rows
    .map((r) => ({
      id: Number(r.id),
      recipient: r.recipient,
      recipientName: r.recipient_name,
      subject: r.subject,
      bodyText: r.body_text,
      attachments: typeof r.attachments === "string" ? JSON.parse(r.attachments) : r.attachments,
      attempts: r.attempts,
      messageId: r.message_id,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Marks a claimed mail sent; false when the claim was lost (it expired and another worker took it). */
export async function markSent(
  db: Tx,
  opts: { id: number; workerId: string; now: Date; transport: "smtp" | "local" },
): Promise<boolean> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: opts.now, transport: opts.transport, last_error: null, claimed_at: null })
    .where("id", "=", opts.id)
    .where("claimed_by", "=", opts.workerId)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Puts a claimed mail back in the queue for a later attempt, or marks it failed for good. */
export async function markAttemptFailed(
  db: Tx,
  opts: { id: number; workerId: string; error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable("outbox")
    .set(
      opts.retryAt
        ? { status: "queued", next_attempt_at: opts.retryAt, last_error: opts.error, claimed_at: null }
        : { status: "failed", last_error: opts.error, claimed_at: null },
    )
    .where("id", "=", opts.id)
    .where("claimed_by", "=", opts.workerId)
    .where("status", "=", "sending")
    .execute();
}

/** One row of the outbox page. */
export type OutboxRow = {
  id: number;
  recipient: string;
  recipientName: string | null;
  subject: string;
  kind: MailKind;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  transport: "smtp" | "local" | null;
  networkName: string | null;
  meetingId: number | null;
};

/** Outbox mails, newest first, of some networks (or all when networkIds is null). */
export async function listOutbox(
  tx: Tx,
  opts: { networkIds: number[] | null; status?: OutboxStatus; transport?: "local"; limit?: number },
): Promise<OutboxRow[]> {
  if (opts.networkIds && opts.networkIds.length === 0) return [];
  let q = tx
    .selectFrom("outbox as o")
    .leftJoin("networks as n", "n.id", "o.network_id")
    .select([
      "o.id",
      "o.recipient",
      "o.recipient_name as recipientName",
      "o.subject",
      "o.kind",
      "o.status",
      "o.attempts",
      "o.last_error as lastError",
      "o.next_attempt_at as nextAttemptAt",
      "o.created_at as createdAt",
      "o.sent_at as sentAt",
      "o.transport",
      "n.name as networkName",
      "o.meeting_id as meetingId",
    ]);
  if (opts.networkIds) q = q.where("o.network_id", "in", opts.networkIds);
  if (opts.status) q = q.where("o.status", "=", opts.status);
  if (opts.transport) q = q.where("o.transport", "=", opts.transport);
  const rows = await q
    .orderBy("o.id", "desc")
    .limit(opts.limit ?? 200)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** One outbox mail with its body and attachments, or undefined. */
export async function findOutboxMail(tx: Tx, id: number) {
  const row = await tx.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const attachments = (typeof row.attachments === "string" ? JSON.parse(row.attachments) : row.attachments) as
    | StoredAttachment[]
    | null;
  return { ...row, id: Number(row.id), attachments: attachments ?? [] };
}

/** Counts of mails per status (for the outbox page's summary). */
export async function countOutbox(tx: Tx, networkIds: number[] | null): Promise<Record<OutboxStatus, number>> {
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  if (networkIds && networkIds.length === 0) return counts;
  let q = tx.selectFrom("outbox").select(["status", sql<number>`count(*)::int`.as("n")]);
  if (networkIds) q = q.where("network_id", "in", networkIds);
  for (const r of await q.groupBy("status").execute()) counts[r.status] = r.n;
  return counts;
}

/** Queues a failed or waiting mail again right away, with a fresh count of attempts. */
export async function requeueMail(tx: Tx, id: number): Promise<boolean> {
  const r = await tx
    .updateTable("outbox")
    .set({ status: "queued", attempts: 0, next_attempt_at: sql<Date>`now()`, claimed_at: null, claimed_by: null })
    .where("id", "=", id)
    .where("status", "in", ["failed", "queued"])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
