import type { Tx } from "../db/client.js";
import { claimReminder, linkReminder, listDueReminders } from "../db/queries/mail.js";
import { formatDate } from "../domain/dates.js";
import { linkLines } from "./links.js";
import { queueMail } from "./queue.js";

/** What a reminder run did. */
export type ReminderRun = { queued: number; withoutAddress: { actionId: number; name: string }[] };

/**
 * Queues one reminder per open action and assignee when the due date is within the network's
 * reminder_days, exactly once per due date (action_reminders remembers; a moved due date gets a new
 * one). Assignees without an address are reported and tried again on the next run.
 */
export async function queueActionReminders(tx: Tx, opts: { today: string }): Promise<ReminderRun> {
  const run: ReminderRun = { queued: 0, withoutAddress: [] };
  for (const r of await listDueReminders(tx, opts.today)) {
    if (!r.email?.trim()) {
      run.withoutAddress.push({ actionId: r.actionId, name: r.name });
      continue;
    }
    if (!(await claimReminder(tx, r))) continue;
    const from = r.meetingDate ? ` från mötet ${formatDate(r.meetingDate)}` : "";
    const { id } = await queueMail(tx, {
      to: { name: r.name, address: r.email, personId: r.personId },
      subject: `Påminnelse: uppdrag i ${r.networkName} senast ${formatDate(r.dueDate)}`,
      text: [
        `Hej ${r.name}!`,
        "",
        `Du har ett uppdrag i ${r.networkName}${from} som ska vara klart senast ${formatDate(r.dueDate)}:`,
        "",
        r.text,
        "",
        ...linkLines("Uppdraget i Samråd", r.meetingId ? `/moten/${r.meetingId}` : "/uppdrag"),
        "",
        "Vänliga hälsningar",
        "Samråd",
      ].join("\n"),
      kind: "reminder",
      networkId: r.networkId,
      meetingId: r.meetingId,
    });
    await linkReminder(tx, { ...r, outboxId: id });
    run.queued++;
  }
  return run;
}
