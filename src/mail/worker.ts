import { hostname } from "node:os";
import type { Tx } from "../db/client.js";
import { claimDueMail, markAttemptFailed, markSent } from "../db/queries/outbox.js";
import { todayInSweden } from "../domain/dates.js";
import { CLAIM_LEASE_MS, classifySendError, MAX_ATTEMPTS, retryDelayMs } from "../domain/mail-retry.js";
import { queueActionReminders } from "./reminders.js";
import type { Mailer } from "./transport.js";

/** What one pass over the outbox did. */
export type OutboxRun = { sent: number; retrying: number; failed: number; lostClaims: number };

let workerCounter = 0;

/** A name for this worker that no other process or worker shares. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${++workerCounter}:${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Claims due mails (a short statement with SKIP LOCKED), sends each outside any transaction, and
 * records the outcome: sent, queued again with exponential backoff, or failed for good. Repeats
 * until nothing is due. `now` is the clock the queue is read with (tests move it forward).
 */
export async function runOutboxOnce(
  db: Tx,
  opts: { mailer: Mailer; workerId?: string; now?: () => Date; batch?: number; leaseMs?: number; maxRounds?: number },
): Promise<OutboxRun> {
  const workerId = opts.workerId ?? newWorkerId();
  const now = opts.now ?? (() => new Date());
  const run: OutboxRun = { sent: 0, retrying: 0, failed: 0, lostClaims: 0 };
  for (let round = 0; round < (opts.maxRounds ?? 100); round++) {
    const mails = await claimDueMail(db, {
      workerId,
      now: now(),
      leaseMs: opts.leaseMs ?? CLAIM_LEASE_MS,
      limit: opts.batch ?? 10,
    });
    if (mails.length === 0) break;
    for (const mail of mails) {
      try {
        await opts.mailer.send({
          to: { name: mail.recipientName, address: mail.recipient },
          subject: mail.subject,
          text: mail.bodyText,
          attachments: mail.attachments,
          messageId: mail.messageId ?? `samrad-outbox-${mail.id}`,
        });
      } catch (error) {
        const failure = classifySendError(error);
        const giveUp = failure.permanent || mail.attempts >= MAX_ATTEMPTS;
        await markAttemptFailed(db, {
          id: mail.id,
          workerId,
          error: failure.message,
          retryAt: giveUp ? null : new Date(now().getTime() + retryDelayMs(mail.attempts)),
        });
        if (giveUp) run.failed++;
        else run.retrying++;
        continue;
      }
      if (await markSent(db, { id: mail.id, workerId, now: now(), transport: opts.mailer.kind })) run.sent++;
      else run.lostClaims++;
    }
  }
  return run;
}

/** A running background worker. */
export type OutboxWorker = { stop(): Promise<void> };

/**
 * Runs the outbox every `intervalMs` (and the action reminders once an hour) until stopped. Errors
 * (a database hiccup) are logged and the next tick tries again; stop() waits for the current pass.
 */
export function startOutboxWorker(
  db: Tx,
  opts: { mailer: Mailer; intervalMs?: number; log?: (line: string) => void },
): OutboxWorker {
  const log = opts.log ?? ((line: string) => console.error(line));
  const interval = opts.intervalMs ?? 5_000;
  const workerId = newWorkerId();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();
  let lastReminders = 0;

  const tick = async () => {
    try {
      if (Date.now() - lastReminders > 60 * 60 * 1000) {
        lastReminders = Date.now();
        await db.transaction().execute((tx) => queueActionReminders(tx, { today: todayInSweden() }));
      }
      const run = await runOutboxOnce(db, { mailer: opts.mailer, workerId });
      if (run.failed > 0) log(`outbox: ${run.failed} mail(s) failed for good; see /utkorg`);
    } catch (e) {
      log(`outbox: ${(e as Error).message}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, interval);
    timer.unref();
  };
  current = tick().finally(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      opts.mailer.close();
    },
  };
}
