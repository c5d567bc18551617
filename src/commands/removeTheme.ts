import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** Takes a theme area out of its plan; agenda items that took it up keep their title. */
export async function removeTheme(tx: Tx, opts: { actor: Actor; networkId: number; themeId: number }): Promise<void> {
  const theme = await tx
    .selectFrom("themes as t")
    .innerJoin("plans as p", "p.id", "t.plan_id")
    .select(["t.id", "t.title", "p.network_id", "p.year"])
    .where("t.id", "=", opts.themeId)
    .where("p.network_id", "=", opts.networkId)
    .executeTakeFirst();
  if (!theme) throw notFound("Temaområdet");
  await authorize(tx, opts.actor, "network.manage", { networkId: theme.network_id });
  await tx.deleteFrom("themes").where("id", "=", theme.id).execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "theme.remove",
    objectType: "network",
    objectId: theme.network_id,
    before: { themeId: theme.id, title: theme.title, year: theme.year },
  });
}
