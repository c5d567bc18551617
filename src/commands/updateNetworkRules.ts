import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { NetworkRulesInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";

/**
 * Sets how a network works: whether its approved minutes are open to anyone, how many days before
 * an action is due its reminder goes out, and how many days before a meeting items sent in close.
 */
export async function updateNetworkRules(
  tx: Tx,
  opts: { actor: Actor; networkId: number; input: NetworkRulesInput },
): Promise<void> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  await tx
    .updateTable("networks")
    .set({ ...opts.input, updated_at: new Date() })
    .where("id", "=", network.id)
    .execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "network.rules",
    objectType: "network",
    objectId: network.id,
    before: {
      publish_minutes: network.publish_minutes,
      reminder_days: network.reminder_days,
      submission_days: network.submission_days,
    },
    after: opts.input,
  });
}
