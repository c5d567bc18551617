import { type RawBuilder, sql } from "kysely";
import type { Actor } from "../../domain/permissions.js";
import type { Tx } from "../client.js";

/**
 * What an actor may read, as lists need it: everything (admin), or approved minutes (of open
 * networks only when nobody is signed in) plus all of the networks the actor belongs to. It is the
 * list-shaped twin of PERMISSIONS' read rows; the permission walk test keeps the two in step.
 */
export type ReadScope = { all: boolean; signedIn: boolean; networkIds: number[] };

/** Everything: for the system itself (CLI, workers, the demo loader). */
export const FULL_SCOPE: ReadScope = { all: true, signedIn: true, networkIds: [] };

/** The networks where a person holds a current membership, plus those under networks they coordinate. */
export async function memberNetworkIds(tx: Tx, personId: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    WITH RECURSIVE mine AS (
      SELECT m.network_id AS id, bool_or(m.role = 'coordinator') AS coord FROM memberships m
      WHERE m.person_id = ${personId}
        AND (m.from_date IS NULL OR m.from_date <= current_date)
        AND (m.to_date IS NULL OR m.to_date > current_date)
      GROUP BY m.network_id
      UNION
      SELECT n.id, true FROM networks n JOIN mine ON n.parent_id = mine.id AND mine.coord
    )
    SELECT DISTINCT id FROM mine ORDER BY id`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/** The read scope of an actor. */
export async function readScopeOf(tx: Tx, actor: Actor): Promise<ReadScope> {
  if (actor.isAdmin) return { all: true, signedIn: true, networkIds: [] };
  if (actor.userId === null) return { all: false, signedIn: false, networkIds: [] };
  const networkIds = actor.personId === null ? [] : await memberNetworkIds(tx, actor.personId);
  return { all: false, signedIn: true, networkIds };
}

function inNetworks(scope: ReadScope, column: string): RawBuilder<boolean> {
  if (scope.networkIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} IN (${sql.join(scope.networkIds)})`;
}

/** SQL condition: the network (alias n) is readable at all. */
export function networkVisible(scope: ReadScope, n = "n"): RawBuilder<boolean> {
  if (scope.all || scope.signedIn) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(`${n}.publish_minutes`)}`;
}

/** SQL condition: the meeting (alias m) of the network (alias n) is readable. */
export function meetingVisible(scope: ReadScope, m = "m", n = "n"): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const approved = sql`${sql.ref(`${m}.state`)} = 'approved'`;
  if (!scope.signedIn) return sql<boolean>`(${approved} AND ${sql.ref(`${n}.publish_minutes`)})`;
  return sql<boolean>`(${approved} OR ${inNetworks(scope, `${m}.network_id`)})`;
}

/**
 * SQL condition: the action (alias a) is readable — through the meeting it came from (alias m,
 * left-joined), or because the actor belongs to its network.
 */
export function actionVisible(scope: ReadScope, a = "a", m = "m", n = "n"): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const viaMeeting = sql`(${sql.ref(`${m}.id`)} IS NOT NULL AND ${meetingVisible(scope, m, n)})`;
  return sql<boolean>`(${viaMeeting} OR ${inNetworks(scope, `${a}.network_id`)})`;
}
