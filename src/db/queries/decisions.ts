import type { Tx } from "../client.js";
import { meetingVisible, type ReadScope } from "./visibility.js";

/** Decisions the scope may read, newest first, optionally of one network or year. */
export function listDecisions(tx: Tx, opts: { scope: ReadScope; networkId?: number; year?: number; limit?: number }) {
  let q = tx
    .selectFrom("decisions as d")
    .innerJoin("networks as n", "n.id", "d.network_id")
    .innerJoin("meetings as m", "m.id", "d.meeting_id")
    .select([
      "d.id",
      "d.year",
      "d.number",
      "d.text",
      "d.item_id as itemId",
      "n.name as networkName",
      "n.slug as networkSlug",
      "m.id as meetingId",
      "m.date as meetingDate",
    ])
    .where(meetingVisible(opts.scope));
  if (opts.networkId !== undefined) q = q.where("d.network_id", "=", opts.networkId);
  if (opts.year !== undefined) q = q.where("d.year", "=", opts.year);
  return q
    .orderBy("m.date", "desc")
    .orderBy("d.number", "desc")
    .limit(opts.limit ?? 200)
    .execute();
}

/** The next free decision number for a network in a year. */
export async function nextDecisionNumber(tx: Tx, networkId: number, year: number): Promise<number> {
  const row = await tx
    .selectFrom("decisions")
    .select((eb) => eb.fn.max("number").as("max"))
    .where("network_id", "=", networkId)
    .where("year", "=", year)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}
