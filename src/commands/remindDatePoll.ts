import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findPoll, listPollAnswers } from "../db/queries/date-polls.js";
import { listNetworkRecipients } from "../db/queries/mail.js";
import { formatDate, todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { linkLines } from "../mail/links.js";
import { queueMail } from "../mail/queue.js";
import { closedMessage } from "./answerDatePoll.js";
import { authorize } from "./authorize.js";

/** What a reminder round did: mails queued, and the people who got none and why. */
export type PollReminderRun = { queued: number; skipped: { personId: number; name: string; reason: string }[] };

/**
 * Reminds the current members who have not answered a poll: one mail each through the outbox,
 * each remembered in date_poll_reminders. Members without an e-mail address are listed instead.
 */
export async function remindDatePoll(
  tx: Tx,
  opts: { actor: Actor; pollId: number; today?: string },
): Promise<PollReminderRun> {
  const poll = await findPoll(tx, opts.pollId, { lock: true });
  if (!poll) throw notFound("Omröstningen");
  await authorize(tx, opts.actor, "poll.manage", { networkId: poll.networkId });
  if (!poll.isOpen)
    throw new AppError("conflict", `${closedMessage(poll)} Påminnelser skickas bara om öppna omröstningar.`);
  const today = opts.today ?? todayInSweden();
  const answered = new Set((await listPollAnswers(tx, poll.id)).map((a) => a.personId));
  const run: PollReminderRun = { queued: 0, skipped: [] };
  const by = poll.closesAt
    ? ` senast ${formatDate(poll.closesAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }))}`
    : "";
  for (const p of await listNetworkRecipients(tx, poll.networkId, today)) {
    if (answered.has(p.personId)) continue;
    if (!p.email?.trim()) {
      run.skipped.push({ personId: p.personId, name: p.name, reason: "saknar e-postadress" });
      continue;
    }
    const { id } = await queueMail(tx, {
      to: { name: p.name, address: p.email, personId: p.personId },
      subject: `Påminnelse: svara på ”${poll.title}” i ${poll.networkName}`,
      text: [
        `Hej ${p.name}!`,
        "",
        `Du har inte svarat på omröstningen ”${poll.title}” om mötesdatum i ${poll.networkName}.`,
        `Svara ja, om det behövs eller nej för varje föreslaget datum${by}.`,
        "",
        ...linkLines("Omröstningen i Samråd", `/omrostningar/${poll.id}`),
        "",
        "Vänliga hälsningar",
        "Samråd",
      ].join("\n"),
      kind: "poll",
      networkId: poll.networkId,
    });
    await tx
      .insertInto("date_poll_reminders")
      .values({ poll_id: poll.id, person_id: p.personId, outbox_id: id, sent_by: opts.actor.personId })
      .execute();
    run.queued++;
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "poll.remind",
    objectType: "date_poll",
    objectId: poll.id,
    after: run,
  });
  return run;
}
