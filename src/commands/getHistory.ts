import type { Tx } from "../db/client.js";
import { listAuditEntries } from "../db/queries/audit-log.js";
import { findMeeting } from "../db/queries/meetings.js";
import { findNetworkBySlug } from "../db/queries/networks.js";
import { findPerson } from "../db/queries/people.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize, requireAdmin } from "./authorize.js";

/** An object whose history tab is asked for. */
export type HistoryOf =
  | { type: "meeting"; id: number }
  | { type: "network"; slug: string }
  | { type: "person"; id: number };

/**
 * The history tab of a meeting, network or person: every audit entry recorded with that object
 * (objectType "meeting" / "network" / "person" and its id). Coordinators see their networks'
 * history; a person's history is for admins.
 */
export async function getHistory(tx: Tx, opts: { actor: Actor; of: HistoryOf }) {
  let title: string;
  let href: string;
  let objectId: string;
  if (opts.of.type === "meeting") {
    const meeting = await findMeeting(tx, opts.of.id);
    if (!meeting) throw notFound("Mötet");
    await authorize(tx, opts.actor, "history.read", { networkId: meeting.network_id });
    title = `${meeting.networkName} ${meeting.date}`;
    href = `/moten/${meeting.id}`;
    objectId = String(meeting.id);
  } else if (opts.of.type === "network") {
    const network = await findNetworkBySlug(tx, opts.of.slug);
    if (!network) throw notFound("Nätverket");
    await authorize(tx, opts.actor, "history.read", { networkId: network.id });
    title = network.name;
    href = `/natverk/${network.slug}`;
    objectId = String(network.id);
  } else {
    requireAdmin(opts.actor);
    const person = await findPerson(tx, opts.of.id);
    if (!person) throw notFound("Personen");
    title = person.name;
    href = `/personer/${person.id}`;
    objectId = String(person.id);
  }
  const entries = await listAuditEntries(tx, { objectType: opts.of.type, objectId }, 500);
  return { title, href, entries };
}

/** The data the history page receives. */
export type HistoryData = Awaited<ReturnType<typeof getHistory>>;
