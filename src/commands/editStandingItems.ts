import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";

/** What can be done to a network's standing items from its settings page. */
export type StandingItemChange =
  | { op: "add"; title: string; kind: "standing" | "round" | "information" }
  | { op: "move"; standingItemId: number; direction: "up" | "down" }
  | { op: "remove"; standingItemId: number };

/**
 * Adds, moves or retires a standing item of a network ("Föregående anteckningar", "Läget i
 * kommunerna", "Övrigt"). Retired items stay linked from old agendas; they are only no longer proposed.
 */
export async function editStandingItems(
  tx: Tx,
  opts: { actor: Actor; networkId: number; change: StandingItemChange },
): Promise<void> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const items = await tx
    .selectFrom("standing_items")
    .selectAll()
    .where("network_id", "=", network.id)
    .where("active", "=", true)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const { change } = opts;
  if (change.op === "add") {
    const row = await tx
      .insertInto("standing_items")
      .values({
        network_id: network.id,
        title: change.title,
        kind: change.kind,
        position: (items.at(-1)?.position ?? -1) + 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actor: opts.actor,
      action: "standing.add",
      objectType: "standing_item",
      objectId: row.id,
      after: { network_id: network.id, title: change.title, kind: change.kind },
    });
    return;
  }
  const at = items.findIndex((i) => i.id === change.standingItemId);
  const item = items[at];
  if (!item) throw notFound("Den stående punkten");
  if (change.op === "remove") {
    await tx.updateTable("standing_items").set({ active: false }).where("id", "=", item.id).execute();
    await recordAudit(tx, {
      actor: opts.actor,
      action: "standing.remove",
      objectType: "standing_item",
      objectId: item.id,
      before: { title: item.title, active: true },
      after: { active: false },
    });
    return;
  }
  const to = change.direction === "up" ? at - 1 : at + 1;
  const other = items[to];
  if (!other) return;
  const order = [...items];
  order[at] = other;
  order[to] = item;
  for (const [position, i] of order.entries()) {
    await tx.updateTable("standing_items").set({ position }).where("id", "=", i.id).execute();
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "standing.reorder",
    objectType: "network",
    objectId: network.id,
    before: items.map((i) => i.id),
    after: order.map((i) => i.id),
  });
}
