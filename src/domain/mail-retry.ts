/** After this many failed attempts a mail is marked failed and waits for someone to press retry. */
export const MAX_ATTEMPTS = 25;

/** How long a worker's claim on a mail lasts; a crashed worker's claims expire after it. */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;

/**
 * Exponential backoff before the next attempt: 30 s, 1 min, 2 min … at most one hour, so a mail
 * survives a day-long SMTP outage within MAX_ATTEMPTS.
 */
export function retryDelayMs(attempts: number): number {
  const base = 30_000 * 2 ** Math.max(0, attempts - 1);
  return Math.min(base, 60 * 60 * 1000);
}

/** What a failed send means for the mail: try again later, or give up on this recipient. */
export type SendFailure = { permanent: boolean; message: string };

/**
 * Classifies an SMTP error: a 5xx answer to the envelope or the message (unknown recipient,
 * refused content) is permanent; connection trouble, time-outs, 4xx and login problems are not,
 * because they heal when the server or the configuration does.
 */
export function classifySendError(error: unknown): SendFailure {
  const e = error as { responseCode?: number; command?: string; code?: string; response?: string; message?: string };
  const message = (e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").trim().slice(0, 500);
  const code = e.responseCode ?? 0;
  const envelope = e.code === "EENVELOPE" || e.code === "EMESSAGE" || /^(RCPT TO|MAIL FROM|DATA)/.test(e.command ?? "");
  return { permanent: code >= 500 && code < 600 && envelope, message };
}
