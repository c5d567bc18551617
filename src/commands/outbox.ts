import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { countOutbox, findOutboxMail, listOutbox, requeueMail } from "../db/queries/outbox.js";
import type { OutboxStatus } from "../db/schema.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { networkRolesOf } from "./authorize.js";

/**
 * The networks whose mail an actor may see: all for admins (null), else those they coordinate.
 * Someone who coordinates nothing is refused.
 */
async function visibleNetworks(tx: Tx, actor: Actor): Promise<number[] | null> {
  if (actor.isAdmin) return null;
  if (actor.userId === null) throw new AppError("unauthorized", "Logga in för att fortsätta.");
  const ids: number[] = [];
  for (const { id } of await tx.selectFrom("networks").select("id").execute()) {
    if ((await networkRolesOf(tx, actor, id)).includes("coordinator")) ids.push(id);
  }
  if (ids.length === 0) throw new AppError("forbidden", "Utkorgen är till för samordnare och administratörer.");
  return ids;
}

/** The outbox page: counts per status and the latest mails, or only locally delivered ones (the mailbox). */
export async function getOutboxPage(tx: Tx, opts: { actor: Actor; status?: OutboxStatus; mailbox?: boolean }) {
  const networkIds = await visibleNetworks(tx, opts.actor);
  const [counts, rows] = await Promise.all([
    countOutbox(tx, networkIds),
    listOutbox(tx, {
      networkIds,
      ...(opts.status ? { status: opts.status } : {}),
      ...(opts.mailbox ? { transport: "local" as const, limit: 50 } : {}),
    }),
  ]);
  return { counts, rows };
}

/** The mailbox page: locally delivered mails with their text (when no SMTP server is configured). */
export async function getMailbox(tx: Tx, opts: { actor: Actor }) {
  const networkIds = await visibleNetworks(tx, opts.actor);
  const rows = await listOutbox(tx, { networkIds, transport: "local", limit: 50 });
  const mails = [];
  for (const r of rows) {
    const mail = await findOutboxMail(tx, r.id);
    if (mail) mails.push({ ...r, bodyText: mail.body_text, attachments: mail.attachments.map((a) => a.filename) });
  }
  return { mails };
}

async function visibleMail(tx: Tx, actor: Actor, id: number) {
  const networkIds = await visibleNetworks(tx, actor);
  const mail = await findOutboxMail(tx, id);
  if (!mail || (networkIds && (mail.network_id === null || !networkIds.includes(mail.network_id)))) {
    throw notFound("Brevet");
  }
  return mail;
}

/** Queues a failed (or waiting) mail again now, with a fresh count of attempts. */
export async function retryMail(tx: Tx, opts: { actor: Actor; id: number }): Promise<void> {
  const mail = await visibleMail(tx, opts.actor, opts.id);
  if (!(await requeueMail(tx, mail.id))) {
    throw new AppError("conflict", "Brevet skickas redan eller är redan skickat.");
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "outbox.retry",
    objectType: "outbox",
    objectId: mail.id,
    before: { status: mail.status, attempts: mail.attempts, lastError: mail.last_error },
    after: { status: "queued", attempts: 0 },
  });
}

/** One attachment of a mail the actor may see, for download from the mailbox page. */
export async function getMailAttachment(tx: Tx, opts: { actor: Actor; id: number; index: number }) {
  const mail = await visibleMail(tx, opts.actor, opts.id);
  const a = mail.attachments[opts.index];
  if (!a) throw notFound("Bilagan");
  return { filename: a.filename, contentType: a.contentType, bytes: Buffer.from(a.contentBase64, "base64") };
}
