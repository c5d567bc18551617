import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { findImportDraft, type ImportDraftRow } from "../db/queries/import-drafts.js";
import { listNetworkNames } from "../db/queries/imports.js";
import { type Actor, allows } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { type ImportedMeeting, ImportedMeetingSchema } from "../importers/schema.js";
import { networkRolesOf, refusal } from "./authorize.js";
import { networkKey } from "./importMinutes.js";

/** A network someone may import minutes into. */
export type ImportNetwork = { id: number; name: string; slug: string };

/**
 * The networks the actor may import into ("import.run": coordinators of the network or of a parent
 * network; admins everywhere), by name.
 */
export async function networksToImportInto(tx: Tx, actor: Actor): Promise<ImportNetwork[]> {
  if (actor.isAdmin) return tx.selectFrom("networks").select(["id", "name", "slug"]).orderBy("name").execute();
  if (actor.personId === null) return [];
  // Candidates: networks the person coordinates today and everything below them; the permission
  // table decides for each, so the rule lives in one place.
  const candidates = await sql<ImportNetwork>`
    WITH RECURSIVE mine AS (
      SELECT network_id AS id FROM memberships
      WHERE person_id = ${actor.personId} AND role = 'coordinator'
        AND (from_date IS NULL OR from_date <= current_date)
        AND (to_date IS NULL OR to_date > current_date)
      UNION
      SELECT n.id FROM networks n JOIN mine ON n.parent_id = mine.id
    )
    SELECT n.id, n.name, n.slug FROM networks n WHERE n.id IN (SELECT id FROM mine) ORDER BY n.name`.execute(tx);
  const allowed: ImportNetwork[] = [];
  for (const n of candidates.rows) {
    if (allows(actor, await networkRolesOf(tx, actor, n.id), "import.run")) allowed.push(n);
  }
  return allowed;
}

/** Throws unless the actor may import into some network; returns those networks. */
export async function requireImporter(tx: Tx, actor: Actor): Promise<ImportNetwork[]> {
  if (actor.userId === null) throw refusal(actor);
  const networks = await networksToImportInto(tx, actor);
  if (!actor.isAdmin && networks.length === 0) throw refusal(actor);
  return networks;
}

/** Whether the actor may create a network by importing minutes that name a new one (admins only). */
export const mayCreateNetwork = (actor: Actor) => allows(actor, [], "network.create");

/** The existing network a document's name means (same letters and digits), if any. */
export async function networkNamed(tx: Tx, name: string | null): Promise<ImportNetwork | undefined> {
  if (!name?.trim()) return undefined;
  const key = networkKey(name);
  return (await listNetworkNames(tx)).find((n) => networkKey(n.name) === key);
}

/** A draft the actor uploaded (admins: any draft), with its meeting parsed; others get "not found". */
export async function ownDraft(
  tx: Tx,
  actor: Actor,
  draftId: number,
  opts: { lock?: boolean } = {},
): Promise<{ row: ImportDraftRow; meeting: ImportedMeeting }> {
  const row = await findImportDraft(tx, draftId, opts);
  if (!row || (row.createdBy !== actor.userId && !actor.isAdmin)) throw notFound("Importutkastet");
  return { row, meeting: ImportedMeetingSchema.parse(row.draft) };
}
