import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { type Actor, allows, type NetworkRole, type Permission } from "../domain/permissions.js";
import { AppError } from "../errors.js";

/**
 * The roles an actor holds in a network today (a coordinator of a parent network coordinates its
 * sub-networks). Nobody signed in is "public" in a network that publishes its minutes openly.
 */
export async function networkRolesOf(tx: Tx, actor: Actor, networkId: number): Promise<NetworkRole[]> {
  if (actor.userId === null) {
    const network = await tx
      .selectFrom("networks")
      .select("publish_minutes")
      .where("id", "=", networkId)
      .executeTakeFirst();
    return network?.publish_minutes ? ["public"] : [];
  }
  if (actor.personId === null) return ["reader"];
  const rows = await sql<{ role: string }>`
    WITH RECURSIVE chain AS (
      SELECT id, parent_id FROM networks WHERE id = ${networkId}
      UNION ALL SELECT n.id, n.parent_id FROM networks n JOIN chain c ON n.id = c.parent_id
    )
    SELECT m.role, m.network_id = ${networkId} AS own FROM memberships m
    WHERE m.person_id = ${actor.personId} AND m.network_id IN (SELECT id FROM chain)
      AND (m.from_date IS NULL OR m.from_date <= current_date)
      AND (m.to_date IS NULL OR m.to_date > current_date)`.execute(tx);
  const roles = new Set<NetworkRole>(["reader"]);
  for (const r of rows.rows as { role: string; own: boolean }[]) {
    if (r.role === "coordinator") roles.add("coordinator");
    else if (r.own) {
      roles.add("member");
      if (r.role === "chair") roles.add("chair");
    }
  }
  return [...roles];
}

/** Throws forbidden (or unauthorized when nobody is signed in) unless the actor has the permission. */
export async function authorize(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  opts: { networkId?: number } = {},
): Promise<void> {
  if (actor.isAdmin) return;
  const roles =
    opts.networkId === undefined
      ? actor.userId === null
        ? []
        : (["reader"] as NetworkRole[])
      : await networkRolesOf(tx, actor, opts.networkId);
  if (allows(actor, roles, permission)) return;
  throw refusal(actor);
}

/** The error for a refused actor: sign in first when nobody is signed in, else forbidden. */
export function refusal(actor: Actor): AppError {
  if (actor.userId === null) return new AppError("unauthorized", "Logga in för att fortsätta.");
  return new AppError("forbidden", "Du har inte behörighet att göra det här.");
}

/** Throws unless a secretariat admin is asking. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw refusal(actor);
}
