import type { Tx } from "../db/client.js";
import { listMeetings } from "../db/queries/meetings.js";
import {
  findNetworkById,
  findNetworkBySlug,
  listChildNetworks,
  listMembers,
  listRepresentations,
} from "../db/queries/networks.js";
import { readScopeOf } from "../db/queries/visibility.js";
import { type Actor, allows } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { networkRolesOf, refusal } from "./authorize.js";

/** Everything the network page shows: facts, members by municipality, sub-networks, readable meetings. */
export async function getNetworkPage(tx: Tx, opts: { actor: Actor; slug: string; today: string }) {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  const [scope, roles] = await Promise.all([readScopeOf(tx, opts.actor), networkRolesOf(tx, opts.actor, network.id)]);
  if (!allows(opts.actor, roles, "network.read")) throw refusal(opts.actor);
  const [parent, children, members, representations, upcoming, past] = await Promise.all([
    network.parent_id ? findNetworkById(tx, network.parent_id) : undefined,
    listChildNetworks(tx, network.id, scope),
    listMembers(tx, network.id),
    listRepresentations(tx, network.id),
    listMeetings(tx, { scope, networkId: network.id, when: "upcoming", today: opts.today, limit: 10 }),
    listMeetings(tx, { scope, networkId: network.id, when: "past", today: opts.today, limit: 100 }),
  ]);
  const isCurrent = (m: { toDate: string | null }) => m.toDate === null || m.toDate > opts.today;
  const current = members.filter(isCurrent);
  const former = members.filter((m) => !isCurrent(m));
  const byMunicipality = new Map<string, typeof current>();
  for (const m of current) {
    const key = m.municipality ?? "Övriga";
    byMunicipality.set(key, [...(byMunicipality.get(key) ?? []), m]);
  }
  return {
    network,
    parent,
    children,
    byMunicipality: [...byMunicipality.entries()],
    former,
    representations,
    upcoming,
    past,
    canSeeHistory: allows(opts.actor, roles, "history.read"),
    canSeeContacts: allows(opts.actor, roles, "contacts.read"),
    /** people's pages need a sign-in; anonymous visitors see names without links */
    linkPeople: opts.actor.userId !== null || opts.actor.isAdmin,
  };
}

/** The data the network page view receives. */
export type NetworkPageData = Awaited<ReturnType<typeof getNetworkPage>>;
