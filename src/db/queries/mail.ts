import { sql } from "kysely";
import type { Tx } from "../client.js";

/** A person a network mail goes to, with their address if they have one. */
export type NetworkRecipient = { personId: number; name: string; email: string | null };

/** The distinct people with a current membership (any role) in a network, by name. */
export async function listNetworkRecipients(tx: Tx, networkId: number, today: string): Promise<NetworkRecipient[]> {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .select(["p.id as personId", "p.name", "p.email"])
    .distinct()
    .where("m.network_id", "=", networkId)
    .where("p.anonymized_at", "is", null)
    .where((eb) => eb.or([eb("m.from_date", "is", null), eb("m.from_date", "<=", today)]))
    .where((eb) => eb.or([eb("m.to_date", "is", null), eb("m.to_date", ">", today)]))
    .orderBy("p.name")
    .orderBy("p.id")
    .execute();
}

/** An open action's assignee whose reminder is due and not yet queued. */
export type DueReminder = {
  actionId: number;
  text: string;
  dueDate: string;
  networkId: number;
  networkName: string;
  meetingId: number | null;
  meetingDate: string | null;
  personId: number;
  name: string;
  email: string | null;
};

/** Open actions due within their network's reminder_days of today, per assignee, not reminded yet for that due date. */
export async function listDueReminders(tx: Tx, today: string): Promise<DueReminder[]> {
  const rows = await sql<DueReminder>`
    SELECT a.id AS "actionId", a.text, a.due_date::text AS "dueDate", n.id AS "networkId", n.name AS "networkName",
      m.id AS "meetingId", m.date::text AS "meetingDate", p.id AS "personId", p.name, p.email
    FROM actions a
    JOIN networks n ON n.id = a.network_id
    JOIN action_assignees aa ON aa.action_id = a.id
    JOIN people p ON p.id = aa.person_id
    LEFT JOIN meetings m ON m.id = a.opened_meeting_id
    WHERE a.status = 'open' AND a.due_date IS NOT NULL AND p.anonymized_at IS NULL
      AND a.due_date >= ${today}::date AND a.due_date <= ${today}::date + n.reminder_days
      AND NOT EXISTS (SELECT 1 FROM action_reminders r
        WHERE r.action_id = a.id AND r.person_id = p.id AND r.due_date = a.due_date)
    ORDER BY a.due_date, a.id, p.id`.execute(tx);
  return rows.rows;
}

/** Remembers a reminder; false when another process already queued it (the caller then sends nothing). */
export async function claimReminder(
  tx: Tx,
  r: { actionId: number; personId: number; dueDate: string },
): Promise<boolean> {
  const inserted = await tx
    .insertInto("action_reminders")
    .values({ action_id: r.actionId, person_id: r.personId, due_date: r.dueDate })
    .onConflict((oc) => oc.columns(["action_id", "person_id", "due_date"]).doNothing())
    .returning("action_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Links a remembered reminder to the mail that carries it. */
export async function linkReminder(
  tx: Tx,
  r: { actionId: number; personId: number; dueDate: string; outboxId: number },
): Promise<void> {
  await tx
    .updateTable("action_reminders")
    .set({ outbox_id: r.outboxId })
    .where("action_id", "=", r.actionId)
    .where("person_id", "=", r.personId)
    .where("due_date", "=", r.dueDate)
    .execute();
}
