import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/**
 * Turns a decision into a standing item of its network ("en kort rapport på varje möte"): from the
 * next meeting on, the agenda builder proposes it. One standing item per decision.
 */
export async function makeStandingItem(
  tx: Tx,
  opts: { actor: Actor; decisionId: number; title: string },
): Promise<{ standingItemId: number }> {
  const decision = await tx
    .selectFrom("decisions")
    .select(["id", "network_id", "meeting_id", "year", "number"])
    .where("id", "=", opts.decisionId)
    .executeTakeFirst();
  if (!decision) throw notFound("Beslutet");
  await authorize(tx, opts.actor, "network.manage", { networkId: decision.network_id });
  await tx.selectFrom("networks").select("id").where("id", "=", decision.network_id).forUpdate().execute();
  const existing = await tx
    .selectFrom("standing_items")
    .select("title")
    .where("decision_id", "=", decision.id)
    .executeTakeFirst();
  if (existing) {
    throw new AppError("conflict", `Beslutet är redan en stående punkt: ”${existing.title}”.`, { where: "title" });
  }
  const max = await tx
    .selectFrom("standing_items")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("network_id", "=", decision.network_id)
    .executeTakeFirst();
  const row = await tx
    .insertInto("standing_items")
    .values({
      network_id: decision.network_id,
      position: (max?.max ?? -1) + 1,
      title: opts.title,
      kind: "standing",
      decision_id: decision.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "standing.fromDecision",
    objectType: "standing_item",
    objectId: row.id,
    after: { network_id: decision.network_id, decision_id: decision.id, title: opts.title },
  });
  return { standingItemId: row.id };
}
