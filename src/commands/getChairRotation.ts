import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { findNetworkBySlug } from "../db/queries/networks.js";
import { type Actor, allows } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { networkRolesOf, refusal } from "./authorize.js";
import { readScopeOf } from "./readScope.js";
import { networkRotation } from "./reports/rotation.js";

/** How many years back the proposal looks when it says who has not held the chair. */
const ROTATION_YEARS = 3;

/**
 * The chair rotation of a network: who chairs now, and the next chairs proposed from the history,
 * the member municipalities that have gone longest without the chair first (never before all).
 * Each proposal lists the municipality's current members who could take the chair.
 */
export async function getChairRotation(tx: Tx, opts: { actor: Actor; slug: string; today: string }) {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  if (opts.actor.userId === null && !opts.actor.isAdmin) throw refusal(opts.actor);
  const roles = await networkRolesOf(tx, opts.actor, network.id);
  if (!allows(opts.actor, roles, "network.read")) throw refusal(opts.actor);
  const scope = await readScopeOf(tx, opts.actor);
  const { status } = await networkRotation(tx, {
    scope,
    networkId: network.id,
    asOf: opts.today,
    years: ROTATION_YEARS,
  });
  const members = await listMembersOn(tx, network.id, opts.today);
  const chairs = members.filter((m) => m.role === "chair");
  const chairMunicipalities = new Set(chairs.map((c) => c.municipality));
  const candidatesIn = (municipality: string) =>
    members
      .filter((m) => m.municipality === municipality && (m.role === "member" || m.role === "substitute"))
      .map((m) => ({ personId: m.personId, name: m.name, role: m.role }));
  const proposals = status.municipalities
    .filter((m) => !chairMunicipalities.has(m.municipality))
    .map((m) => ({
      municipality: m.municipality,
      lastChaired: m.lastChaired,
      candidates: candidatesIn(m.municipality),
    }))
    .filter((p) => p.candidates.length > 0)
    // Never chaired first, then the longest ago; ties in the municipalities' alphabetical order.
    .sort((a, b) => (a.lastChaired ?? "").localeCompare(b.lastChaired ?? ""));
  return {
    network: { id: network.id, name: network.name, slug: network.slug },
    today: opts.today,
    years: ROTATION_YEARS,
    statement: status.statement,
    chairs: chairs.map((c) => ({ personId: c.personId, name: c.name, municipality: c.municipality })),
    proposals,
    canAppoint: allows(opts.actor, roles, "network.manage"),
  };
}

/** What the chair rotation page receives. */
export type ChairRotationData = Awaited<ReturnType<typeof getChairRotation>>;
