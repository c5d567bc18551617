import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { ActionStatus } from "../schema.js";
import { actionVisible, type ReadScope } from "./visibility.js";

/** An action with where it came from and who holds it. */
export type ActionRow = {
  id: number;
  text: string;
  dueDate: string | null;
  status: ActionStatus;
  networkName: string;
  networkSlug: string;
  meetingId: number | null;
  meetingDate: string | null;
  itemId: number | null;
  assignees: string;
};

/** Actions the scope may read, filtered by status, network or assignee, earliest due first. */
export async function listActions(
  tx: Tx,
  opts: { scope: ReadScope; status?: ActionStatus; networkId?: number; personId?: number; limit?: number },
): Promise<ActionRow[]> {
  let q = tx
    .selectFrom("actions as a")
    .innerJoin("networks as n", "n.id", "a.network_id")
    .leftJoin("meetings as m", "m.id", "a.opened_meeting_id")
    .select([
      "a.id",
      "a.text",
      "a.due_date as dueDate",
      "a.status",
      "n.name as networkName",
      "n.slug as networkSlug",
      "m.id as meetingId",
      "m.date as meetingDate",
      "a.item_id as itemId",
      sql<string>`(SELECT string_agg(coalesce(p.name, aa.name), ', ' ORDER BY aa.id)
        FROM action_assignees aa LEFT JOIN people p ON p.id = aa.person_id WHERE aa.action_id = a.id)`.as("assignees"),
    ])
    .where(actionVisible(opts.scope));
  if (opts.status) q = q.where("a.status", "=", opts.status);
  if (opts.networkId !== undefined) q = q.where("a.network_id", "=", opts.networkId);
  if (opts.personId !== undefined) {
    const personId = opts.personId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("action_assignees as x")
          .select("x.id")
          .whereRef("x.action_id", "=", "a.id")
          .where("x.person_id", "=", personId),
      ),
    );
  }
  return q
    .orderBy(sql`a.due_date NULLS LAST`)
    .orderBy("a.id")
    .limit(opts.limit ?? 200)
    .execute() as Promise<ActionRow[]>;
}
