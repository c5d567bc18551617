import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findPlan } from "../db/queries/plans.js";
import type { Actor } from "../domain/permissions.js";
import type { PlanInput } from "../domain/plan-input.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";
import { ensurePlan } from "./planRules.js";

/** Writes a network's yearly plan: purpose, goals and meeting organisation (created on first save). */
export async function savePlan(
  tx: Tx,
  opts: { actor: Actor; networkId: number; year: number; input: PlanInput },
): Promise<{ planId: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const before = await findPlan(tx, network.id, opts.year);
  const plan = await ensurePlan(tx, { networkId: network.id, year: opts.year, personId: opts.actor.personId });
  await tx
    .updateTable("plans")
    .set({ ...opts.input, updated_at: new Date(), updated_by: opts.actor.personId })
    .where("id", "=", plan.id)
    .execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: plan.created ? "plan.create" : "plan.update",
    objectType: "network",
    objectId: network.id,
    before: before
      ? { year: before.year, purpose: before.purpose, goals: before.goals, organisation: before.organisation }
      : undefined,
    after: { year: opts.year, ...opts.input },
  });
  return { planId: plan.id };
}
