import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { findPlan, listThemes } from "../db/queries/plans.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";
import { ensurePlan, setThemeOwners } from "./planRules.js";

/**
 * Starts a year's plan from the year before: the texts and the theme areas are copied, owners
 * only where they are still members; no theme is planned for a meeting yet. Last year's plan stays.
 */
export async function startPlanFromLastYear(
  tx: Tx,
  opts: { actor: Actor; networkId: number; year: number; today: string },
): Promise<{ planId: number; themes: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  if (await findPlan(tx, network.id, opts.year)) {
    throw new AppError("conflict", `Det finns redan en verksamhetsplan för ${opts.year}; ändra den i stället.`);
  }
  const last = await findPlan(tx, network.id, opts.year - 1);
  if (!last) {
    throw new AppError("bad_request", `Det finns ingen verksamhetsplan för ${opts.year - 1} att utgå från.`);
  }
  const plan = await ensurePlan(tx, { networkId: network.id, year: opts.year, personId: opts.actor.personId });
  await tx
    .updateTable("plans")
    .set({ purpose: last.purpose, goals: last.goals, organisation: last.organisation })
    .where("id", "=", plan.id)
    .execute();
  const members = new Set((await listMembersOn(tx, network.id, opts.today)).map((m) => m.personId));
  const themes = await listThemes(tx, last.id);
  for (const t of themes) {
    const row = await tx
      .insertInto("themes")
      .values({ plan_id: plan.id, position: t.position, title: t.title, description: t.description })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setThemeOwners(
      tx,
      row.id,
      t.owners.map((o) => o.personId).filter((id) => members.has(id)),
    );
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "plan.create",
    objectType: "network",
    objectId: network.id,
    after: { year: opts.year, copiedFrom: opts.year - 1, themes: themes.length },
  });
  return { planId: plan.id, themes: themes.length };
}
