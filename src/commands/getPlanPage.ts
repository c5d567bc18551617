import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { findNetworkBySlug } from "../db/queries/networks.js";
import { findPlan, listPlanYears, listThemes } from "../db/queries/plans.js";
import { type Actor, allows } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { networkRolesOf, refusal } from "./authorize.js";

/**
 * A network's yearly plan: purpose, goals, meeting organisation and theme areas with their
 * owners; for coordinators also the members and coming meetings to choose from. Signed-in only.
 */
export async function getPlanPage(tx: Tx, opts: { actor: Actor; slug: string; year: number; today: string }) {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  if (opts.actor.userId === null && !opts.actor.isAdmin) throw refusal(opts.actor);
  const roles = await networkRolesOf(tx, opts.actor, network.id);
  if (!allows(opts.actor, roles, "network.read")) throw refusal(opts.actor);
  const canEdit = allows(opts.actor, roles, "network.manage");
  const plan = await findPlan(tx, network.id, opts.year);
  const themes = plan ? await listThemes(tx, plan.id) : [];
  const years = await listPlanYears(tx, network.id);
  const members = canEdit ? await listMembersOn(tx, network.id, opts.today) : [];
  const meetings = canEdit
    ? await tx
        .selectFrom("meetings")
        .select(["id", "date", "title"])
        .where("network_id", "=", network.id)
        .where("state", "in", ["planned", "notice_sent"])
        .orderBy("date")
        .execute()
    : [];
  return {
    network: { id: network.id, name: network.name, slug: network.slug },
    year: opts.year,
    thisYear: Number(opts.today.slice(0, 4)),
    plan: plan ?? null,
    themes,
    years,
    canEdit,
    canStartFromLastYear: canEdit && !plan && years.includes(opts.year - 1),
    members: members.map((m) => ({ personId: m.personId, name: m.name, municipality: m.municipality })),
    meetings,
  };
}

/** What the plan page view receives. */
export type PlanPageData = Awaited<ReturnType<typeof getPlanPage>>;
