import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Tx } from "../db/client.js";
import { insertOutbox } from "../db/queries/outbox.js";
import type { MailKind, OutboxStatus } from "../db/schema.js";
import { AppError } from "../errors.js";

/** A plausible e-mail address: something@domain.tld, no spaces or header punctuation. */
export const EMAIL_PATTERN = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;

const Attachment = z.object({
  filename: z.string().min(1).max(200),
  contentType: z.string().min(1).max(200),
  content: z.union([z.instanceof(Buffer), z.instanceof(Uint8Array), z.string()]),
});

const Recipient = z.union([
  z.string(),
  z.object({ name: z.string().nullish(), address: z.string().nullish(), personId: z.number().int().nullish() }),
]);

/** What other commands hand to queueMail. */
export const MailInputSchema = z.object({
  to: Recipient,
  subject: z.string().trim().min(1, "ämnet är tomt").max(500),
  text: z.string().max(1_000_000),
  attachments: z.array(Attachment).max(10).default([]),
  kind: z.enum(["notice", "minutes", "reminder", "poll", "other"]).default("other"),
  networkId: z.number().int().nullish(),
  meetingId: z.number().int().nullish(),
});

/** One mail to one recipient. `to` is an address or { name, address }. */
export type MailInput = z.input<typeof MailInputSchema>;

// Header values are one line: a CR or LF in a name or subject would start a new header.
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();

/**
 * Queues a mail in the caller's transaction, so it is sent only if the change that caused it is
 * committed, and never lost once it is. A missing or malformed address is recorded as a failed mail
 * (visible on the outbox page) instead of failing the caller's change.
 */
export async function queueMail(tx: Tx, input: MailInput): Promise<{ id: number; status: OutboxStatus }> {
  const parsed = MailInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request", `E-postmeddelandet är felaktigt: ${issue?.message ?? "okänt fel"}.`, {
      where: issue?.path.join(".") || undefined,
    });
  }
  const mail = parsed.data;
  const to = typeof mail.to === "string" ? { name: null, address: mail.to } : mail.to;
  const address = (to.address ?? "").trim();
  const name = to.name ? oneLine(to.name) : null;
  const failedBecause = !address
    ? `${name ?? "Mottagaren"} saknar e-postadress.`
    : EMAIL_PATTERN.test(address)
      ? undefined
      : `Ogiltig e-postadress: ${oneLine(address).slice(0, 200)}`;
  return insertOutbox(tx, {
    recipient: oneLine(address) || "(saknas)",
    recipientName: name,
    subject: oneLine(mail.subject),
    bodyText: mail.text.replace(/\r\n?/g, "\n"),
    attachments: mail.attachments.map((a) => ({
      filename: oneLine(a.filename),
      contentType: oneLine(a.contentType),
      contentBase64: Buffer.from(typeof a.content === "string" ? Buffer.from(a.content, "utf8") : a.content).toString(
        "base64",
      ),
    })),
    kind: mail.kind as MailKind,
    networkId: mail.networkId ?? null,
    meetingId: mail.meetingId ?? null,
    messageId: randomUUID(),
    ...(failedBecause ? { failedBecause } : {}),
  });
}

/** Queues several mails in the caller's transaction; returns how many will be sent and how many are recorded as failed. */
export async function queueMails(tx: Tx, mails: MailInput[]): Promise<{ queued: number; failed: number }> {
  let queued = 0;
  let failed = 0;
  for (const m of mails) {
    const r = await queueMail(tx, m);
    if (r.status === "failed") failed++;
    else queued++;
  }
  return { queued, failed };
}
