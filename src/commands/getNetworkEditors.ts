import type { Tx } from "../db/client.js";
import { listContacts } from "../db/queries/contacts.js";
import { findNetworkBySlug, listMembers, listRepresentations } from "../db/queries/networks.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkBase } from "./networkDetails.js";

async function networkFor(
  tx: Tx,
  actor: Actor,
  slug: string,
  permission: "network.manage" | "network.read" | "contacts.read",
) {
  const network = await findNetworkBySlug(tx, slug);
  if (!network) throw notFound("Nätverket");
  await authorize(tx, actor, permission, { networkId: network.id });
  return network;
}

/** The networks a network may be placed under, for the parent select. */
export function listParentOptions(tx: Tx) {
  return tx.selectFrom("networks").select(["id", "name"]).orderBy("name").execute();
}

/** The network settings page: its details, possible parents and its standing items. */
export async function getNetworkEditor(tx: Tx, opts: { actor: Actor; slug: string }) {
  const network = await networkFor(tx, opts.actor, opts.slug, "network.manage");
  const parents = (await listParentOptions(tx)).filter((n) => n.id !== network.id);
  const standing = await tx
    .selectFrom("standing_items as s")
    .leftJoin("decisions as d", "d.id", "s.decision_id")
    .select(["s.id", "s.title", "s.kind", "d.year", "d.number"])
    .where("s.network_id", "=", network.id)
    .where("s.active", "=", true)
    .orderBy("s.position")
    .orderBy("s.id")
    .execute();
  return { network, parents, standing, base: networkBase(network) };
}

/** What the network settings view receives. */
export type NetworkEditorData = Awaited<ReturnType<typeof getNetworkEditor>>;

/** The members page: memberships over time, people to pick, municipalities and representatives. */
export async function getMembersEditor(tx: Tx, opts: { actor: Actor; slug: string; today: string }) {
  const network = await networkFor(tx, opts.actor, opts.slug, "network.manage");
  const [members, people, municipalities, representations] = [
    await listMembers(tx, network.id),
    await tx
      .selectFrom("people as p")
      .leftJoin("municipalities as k", "k.id", "p.municipality_id")
      .select(["p.id", "p.name", "k.name as municipality"])
      .where("p.anonymized_at", "is", null)
      .orderBy("p.name")
      .execute(),
    await tx.selectFrom("municipalities").select(["id", "name"]).orderBy("name").execute(),
    await listRepresentations(tx, network.id),
  ];
  const isCurrent = (m: { fromDate: string | null; toDate: string | null }) =>
    (m.fromDate === null || m.fromDate <= opts.today) && (m.toDate === null || m.toDate > opts.today);
  return {
    network,
    current: members.filter(isCurrent),
    coming: members.filter((m) => m.fromDate !== null && m.fromDate > opts.today),
    former: members.filter((m) => m.toDate !== null && m.toDate <= opts.today),
    people,
    municipalities,
    representations,
  };
}

/** What the members view receives. */
export type MembersEditorData = Awaited<ReturnType<typeof getMembersEditor>>;

/** One membership with its network, for its edit form. */
export async function getMembershipEditor(tx: Tx, opts: { actor: Actor; slug: string; membershipId: number }) {
  const network = await networkFor(tx, opts.actor, opts.slug, "network.manage");
  const membership = await tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .selectAll("m")
    .select("p.name")
    .where("m.id", "=", opts.membershipId)
    .where("m.network_id", "=", network.id)
    .executeTakeFirst();
  if (!membership) throw notFound("Medlemskapet");
  const municipalities = await tx.selectFrom("municipalities").select(["id", "name"]).orderBy("name").execute();
  return { network, membership, municipalities };
}

/** What the membership edit view receives. */
export type MembershipEditorData = Awaited<ReturnType<typeof getMembershipEditor>>;

/** A network's printable contact list: current members by municipality, and its representatives. */
export async function getContactList(tx: Tx, opts: { actor: Actor; slug: string; today: string }) {
  // Contact details are for the network's own people, as in the contact list download; "network.read"
  // would also let anyone signed in, or anybody at all on an openly publishing network, read them.
  const network = await networkFor(tx, opts.actor, opts.slug, "contacts.read");
  const contacts = await listContacts(tx, { today: opts.today, networkId: network.id });
  const representations = (await listRepresentations(tx, network.id)).filter(
    (r) => (r.fromDate === null || r.fromDate <= opts.today) && (r.toDate === null || r.toDate > opts.today),
  );
  return { network, contacts, representations, today: opts.today };
}

/** What the contact list view receives. */
export type ContactListData = Awaited<ReturnType<typeof getContactList>>;

/** The secretariat's list: every current member of every network, by municipality. */
export async function getAllContacts(tx: Tx, opts: { actor: Actor; today: string }) {
  await authorize(tx, opts.actor, "contacts.readAll");
  const contacts = await listContacts(tx, { today: opts.today });
  const byMunicipality = new Map<string, typeof contacts>();
  for (const c of contacts) {
    const key = c.municipality ?? "Utan kommun";
    byMunicipality.set(key, [...(byMunicipality.get(key) ?? []), c]);
  }
  return { groups: [...byMunicipality.entries()], today: opts.today, count: contacts.length };
}

/** What the secretariat contact list view receives. */
export type AllContactsData = Awaited<ReturnType<typeof getAllContacts>>;
