import type { Tx } from "../db/client.js";
import { plansOverview } from "../db/queries/plans.js";
import type { Actor } from "../domain/permissions.js";
import { requireAdmin } from "./authorize.js";

/** The secretariat's view of a year's plans: every open network, with or without its plan. */
export async function getPlansOverview(tx: Tx, opts: { actor: Actor; year: number }) {
  requireAdmin(opts.actor);
  const networks = await plansOverview(tx, opts.year);
  return {
    year: opts.year,
    missing: networks.filter((n) => n.planId === null),
    present: networks.filter((n) => n.planId !== null),
  };
}

/** What the plans overview page receives. */
export type PlansOverviewData = Awaited<ReturnType<typeof getPlansOverview>>;
