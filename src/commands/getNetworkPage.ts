import type { Tx } from "../db/client.js";
import { listMeetings } from "../db/queries/meetings.js";
import {
  findNetworkById,
  findNetworkBySlug,
  listChildNetworks,
  listMembers,
  listRepresentations,
} from "../db/queries/networks.js";
import { notFound } from "../errors.js";

/** Everything the network page shows: facts, members by municipality, sub-networks, meetings. */
export async function getNetworkPage(tx: Tx, opts: { slug: string; today: string }) {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  const [parent, children, members, representations, upcoming, past] = await Promise.all([
    network.parent_id ? findNetworkById(tx, network.parent_id) : undefined,
    listChildNetworks(tx, network.id),
    listMembers(tx, network.id),
    listRepresentations(tx, network.id),
    listMeetings(tx, { networkId: network.id, when: "upcoming", today: opts.today, limit: 10 }),
    listMeetings(tx, { networkId: network.id, when: "past", today: opts.today, limit: 100 }),
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
  };
}

/** The data the network page view receives. */
export type NetworkPageData = Awaited<ReturnType<typeof getNetworkPage>>;
