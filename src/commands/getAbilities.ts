import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import type { NetworkStatus } from "../db/schema.js";
import { type Actor, allows } from "../domain/permissions.js";
import { networkRolesOf } from "./authorize.js";

/** What the signed-in person may do in one network, so views show only the controls that work. */
export type Abilities = {
  signedIn: boolean;
  editMeetings: boolean;
  approveMinutes: boolean;
  manageNetwork: boolean;
  submitItems: boolean;
};

/** Nobody signed in: no controls. */
export const NO_ABILITIES: Abilities = {
  signedIn: false,
  editMeetings: false,
  approveMinutes: false,
  manageNetwork: false,
  submitItems: false,
};

/** The actor's abilities in a network (one query; none for anonymous visitors). */
export async function abilitiesIn(tx: Tx, actor: Actor, networkId: number): Promise<Abilities> {
  if (actor.userId === null && !actor.isAdmin) return NO_ABILITIES;
  const roles = actor.isAdmin ? [] : await networkRolesOf(tx, actor, networkId);
  return {
    signedIn: true,
    editMeetings: allows(actor, roles, "meeting.edit"),
    approveMinutes: allows(actor, roles, "minutes.approve"),
    manageNetwork: allows(actor, roles, "network.manage"),
    submitItems: allows(actor, roles, "item.submit") && actor.personId !== null,
  };
}

/** The networks an actor may plan meetings in (all open ones for admins), for the "Nytt möte" form. */
export async function networksToPlanIn(tx: Tx, actor: Actor, today: string) {
  if (actor.isAdmin) {
    return tx
      .selectFrom("networks")
      .select(["id", "name", "slug", "status"])
      .where("status", "<>", "closed")
      .orderBy("name")
      .execute();
  }
  if (actor.personId === null) return [];
  // Candidates: networks the person belongs to today and everything below them; the permission
  // table then decides for each, so the rule lives in one place.
  const candidates = await sql<{ id: number; name: string; slug: string; status: NetworkStatus }>`
    WITH RECURSIVE mine AS (
      SELECT network_id AS id FROM memberships
      WHERE person_id = ${actor.personId}
        AND (from_date IS NULL OR from_date <= ${today}::date)
        AND (to_date IS NULL OR to_date > ${today}::date)
      UNION
      SELECT n.id FROM networks n JOIN mine ON n.parent_id = mine.id
    )
    SELECT n.id, n.name, n.slug, n.status FROM networks n
    WHERE n.id IN (SELECT id FROM mine) AND n.status <> 'closed' ORDER BY n.name`.execute(tx);
  const allowed: { id: number; name: string; slug: string; status: NetworkStatus }[] = [];
  for (const n of candidates.rows) {
    if (allows(actor, await networkRolesOf(tx, actor, n.id), "meeting.edit")) allowed.push(n);
  }
  return allowed;
}

/** Whether the actor may plan a meeting in some network (for the "Planera nytt möte" entry point). */
export async function globalAbilities(tx: Tx, actor: Actor, today: string) {
  if (actor.userId === null && !actor.isAdmin) return { planMeetings: false };
  return { planMeetings: (await networksToPlanIn(tx, actor, today)).length > 0 };
}
