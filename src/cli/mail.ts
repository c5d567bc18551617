import type { Command } from "commander";
import { todayInSweden } from "../domain/dates.js";
import { queueActionReminders } from "../mail/reminders.js";
import { createMailer } from "../mail/transport.js";
import { runOutboxOnce } from "../mail/worker.js";
import { configFrom, withDatabase } from "./context.js";

/** `samrad mail send-once`: queues due action reminders and sends what is due in the outbox, for cron. */
export function registerMailCommand(program: Command): void {
  const mail = program.command("mail").description("outgoing mail");
  mail
    .command("send-once")
    .description("queue due action reminders, send every due mail in the outbox once, and exit (for cron)")
    .action(async (_opts: unknown, cmd: Command) => {
      const config = configFrom(cmd);
      await withDatabase(config, async ({ db }) => {
        const reminders = await db.transaction().execute((tx) => queueActionReminders(tx, { today: todayInSweden() }));
        const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
        try {
          const run = await runOutboxOnce(db, { mailer });
          const where = mailer.kind === "smtp" ? "over SMTP" : "to the local mailbox (no SMTP_URL)";
          console.log(
            `Reminders queued: ${reminders.queued}${reminders.withoutAddress.length ? ` (${reminders.withoutAddress.length} assignee(s) without an e-mail address)` : ""}. ` +
              `Sent ${run.sent} ${where}; ${run.retrying} will be retried; ${run.failed} failed for good.`,
          );
          if (run.failed > 0) process.exitCode = 1;
        } finally {
          mailer.close();
        }
      });
    });
}
