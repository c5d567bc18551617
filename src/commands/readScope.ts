import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import type { ReadScope } from "../db/queries/scope.js";
import { type Actor, allows } from "../domain/permissions.js";
import { authorize, networkRolesOf } from "./authorize.js";

/** The read scope of a signed-in actor; throws unauthorized for nobody signed in. */
export async function readScopeOf(tx: Tx, actor: Actor): Promise<ReadScope> {
  await authorize(tx, actor, "minutes.read");
  if (actor.isAdmin) return { all: true };
  if (actor.personId === null) return { all: false, draftNetworkIds: [] };
  // Candidates: networks the person belongs to today and everything below them; the permission
  // table then decides, network by network, whether drafts may be read.
  const candidates = await sql<{ id: number }>`
    WITH RECURSIVE tree AS (
      SELECT network_id AS id FROM memberships
      WHERE person_id = ${actor.personId}
        AND (from_date IS NULL OR from_date <= current_date)
        AND (to_date IS NULL OR to_date > current_date)
      UNION
      SELECT n.id FROM networks n JOIN tree t ON n.parent_id = t.id
    )
    SELECT DISTINCT id FROM tree ORDER BY id`.execute(tx);
  const draftNetworkIds: number[] = [];
  for (const { id } of candidates.rows) {
    if (allows(actor, await networkRolesOf(tx, actor, id), "minutes.readDraft")) draftNetworkIds.push(id);
  }
  return { all: false, draftNetworkIds };
}
