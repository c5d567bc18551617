import { sql } from "kysely";
import type { Tx } from "../client.js";

/** A network with the ids of itself and every network below it. */
export type NetworkScope = { id: number; name: string; slug: string; ids: number[] };

/** Finds a network by slug or by name (any case), with its sub-networks; undefined when none. */
export async function findNetworkScope(tx: Tx, nameOrSlug: string): Promise<NetworkScope | undefined> {
  const network = await tx
    .selectFrom("networks")
    .select(["id", "name", "slug"])
    .where((eb) => eb.or([eb("slug", "=", nameOrSlug), eb(sql`lower(name)`, "=", nameOrSlug.toLowerCase())]))
    .orderBy("id")
    .executeTakeFirst();
  if (!network) return undefined;
  const tree = await sql<{ id: number }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM networks WHERE id = ${network.id}
      UNION SELECT n.id FROM networks n JOIN tree t ON n.parent_id = t.id
    ) SELECT id FROM tree ORDER BY id`.execute(tx);
  return { ...network, ids: tree.rows.map((r) => r.id) };
}

/** Finds a municipality (or outside organisation) by id or by name (any case). */
export function findMunicipality(tx: Tx, idOrName: string) {
  const id = /^\d{1,9}$/.test(idOrName) ? Number(idOrName) : null;
  return tx
    .selectFrom("municipalities")
    .select(["id", "name"])
    .where((eb) => (id !== null ? eb("id", "=", id) : eb(sql`lower(name)`, "=", idOrName.toLowerCase())))
    .executeTakeFirst();
}

/** Every municipality and organisation, members first, for filter lists. */
export function listMunicipalities(tx: Tx) {
  return tx
    .selectFrom("municipalities")
    .select(["id", "name", "is_member as isMember"])
    .orderBy("is_member", "desc")
    .orderBy("name")
    .execute();
}

/** People who are not anonymised, by name, for filter lists. */
export function listPeopleForFilter(tx: Tx) {
  return tx
    .selectFrom("people")
    .select(["id", "name"])
    .where("anonymized_at", "is", null)
    .orderBy("name")
    .orderBy("id")
    .limit(2000)
    .execute();
}

/** Networks by name, for filter lists. */
export function listNetworksForFilter(tx: Tx) {
  return tx.selectFrom("networks").select(["id", "name", "slug", "parent_id as parentId"]).orderBy("name").execute();
}
