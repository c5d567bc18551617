import type { Transporter } from "nodemailer";
import type { StoredAttachment } from "../db/queries/outbox.js";

/** A message ready for the wire. */
export type OutgoingMessage = {
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  attachments: StoredAttachment[];
  /** stable across attempts, so a receiver can recognise a repeat */
  messageId: string;
};

/** Where mail goes: an SMTP server, or the local mailbox page when SMTP_URL is not set. */
export type Mailer = {
  kind: "smtp" | "local";
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
};

function domainOf(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? "samrad.local";
}

/** Builds the mailer for a configuration: nodemailer over SMTP_URL, or local delivery. */
export function createMailer(opts: { smtpUrl: string | undefined; from: string; timeoutMs?: number }): Mailer {
  if (!opts.smtpUrl) {
    return { kind: "local", async send() {}, close() {} };
  }
  const timeout = opts.timeoutMs ?? 30_000;
  // One connection per message (no pool): a worker sends a handful at a time, and a dead server
  // then fails each message on its own instead of poisoning a pooled connection.
  const smtpUrl = opts.smtpUrl;
  // nodemailer is loaded with the first mail: most starts of Samråd send none.
  let transport: Transporter | undefined;
  const connect = async (): Promise<Transporter> => {
    const nodemailer = (await import("nodemailer")).default;
    transport ??= nodemailer.createTransport(smtpUrl, {
      pool: false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
    } as never);
    return transport;
  };
  const domain = domainOf(opts.from);
  return {
    kind: "smtp",
    async send(m) {
      await (await connect()).sendMail({
        from: opts.from,
        // nodemailer quotes and RFC 2047-encodes the name (å, ä, ö, apostrophes) itself
        to: m.to.name ? { name: m.to.name, address: m.to.address } : m.to.address,
        subject: m.subject,
        text: m.text,
        messageId: `<${m.messageId}@${domain}>`,
        headers: { "Auto-Submitted": "auto-generated" },
        attachments: m.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, "base64"),
        })),
      });
    },
    close() {
      transport?.close();
    },
  };
}
