import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { MembershipRole, NetworkKind, NetworkStatus } from "../schema.js";
import { meetingVisible, networkVisible, type ReadScope } from "./visibility.js";

/** A network as the list shows it. */
export type NetworkSummary = {
  id: number;
  name: string;
  slug: string;
  kind: NetworkKind;
  status: NetworkStatus;
  parentId: number | null;
  parentName: string | null;
  memberCount: number;
  lastMeeting: string | null;
  nextMeeting: string | null;
};

/** The networks the scope may read, with member counts and their last and next readable meeting dates. */
export async function listNetworks(tx: Tx, today: string, scope: ReadScope): Promise<NetworkSummary[]> {
  const rows = await sql<NetworkSummary>`
    SELECT n.id, n.name, n.slug, n.kind, n.status, n.parent_id AS "parentId", p.name AS "parentName",
      (SELECT count(DISTINCT m.person_id)::int FROM memberships m
        WHERE m.network_id = n.id AND (m.to_date IS NULL OR m.to_date >= ${today}::date)) AS "memberCount",
      (SELECT max(mt.date)::text FROM meetings mt WHERE mt.network_id = n.id AND mt.date <= ${today}::date
        AND mt.state <> 'cancelled' AND ${meetingVisible(scope, "mt", "n")}) AS "lastMeeting",
      (SELECT min(mt.date)::text FROM meetings mt WHERE mt.network_id = n.id AND mt.date > ${today}::date
        AND mt.state <> 'cancelled' AND ${meetingVisible(scope, "mt", "n")}) AS "nextMeeting"
    FROM networks n LEFT JOIN networks p ON p.id = n.parent_id
    WHERE ${networkVisible(scope, "n")}
    ORDER BY coalesce(p.name, n.name), n.parent_id NULLS FIRST, n.name`.execute(tx);
  return rows.rows;
}

/** One network by its slug, or undefined. */
export function findNetworkBySlug(tx: Tx, slug: string) {
  return tx.selectFrom("networks").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** One network by its id, or undefined. */
export function findNetworkById(tx: Tx, id: number) {
  return tx.selectFrom("networks").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Readable sub-networks and working groups directly under a network. */
export function listChildNetworks(tx: Tx, parentId: number, scope: ReadScope) {
  return tx
    .selectFrom("networks as n")
    .select(["n.id", "n.name", "n.slug", "n.kind", "n.status"])
    .where("n.parent_id", "=", parentId)
    .where(networkVisible(scope))
    .orderBy("n.name")
    .execute();
}

/** A membership with the person and municipality it names. */
export type MemberRow = {
  membershipId: number;
  personId: number;
  name: string;
  role: MembershipRole;
  municipality: string | null;
  fromDate: string | null;
  toDate: string | null;
};

/** Every membership of a network, current and past, ordered by municipality and name. */
export async function listMembers(tx: Tx, networkId: number): Promise<MemberRow[]> {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .leftJoin("municipalities as k", "k.id", "m.municipality_id")
    .select([
      "m.id as membershipId",
      "p.id as personId",
      "p.name",
      "m.role",
      "k.name as municipality",
      "m.from_date as fromDate",
      "m.to_date as toDate",
    ])
    .where("m.network_id", "=", networkId)
    .orderBy(sql`k.name NULLS LAST`)
    .orderBy("p.name")
    .orderBy("m.from_date")
    .execute();
}

/** The outside bodies a network's people represent it in. */
export function listRepresentations(tx: Tx, networkId: number) {
  return tx
    .selectFrom("representations as r")
    .innerJoin("people as p", "p.id", "r.person_id")
    .leftJoin("municipalities as k", "k.id", "r.municipality_id")
    .select([
      "r.id",
      "r.body",
      "p.id as personId",
      "p.name",
      "k.name as municipality",
      "r.from_date as fromDate",
      "r.to_date as toDate",
    ])
    .where("r.network_id", "=", networkId)
    .orderBy("r.body")
    .orderBy("r.from_date")
    .execute();
}
