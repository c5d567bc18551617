import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { findPerson, listAliases, listAttendanceOfPerson, listMembershipsOfPerson } from "../db/queries/people.js";
import { readScopeOf } from "../db/queries/visibility.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** A person's memberships over time, and the attendance and actions the actor may read. */
export async function getPersonPage(tx: Tx, opts: { actor: Actor; personId: number }) {
  await authorize(tx, opts.actor, "person.read");
  const person = await findPerson(tx, opts.personId);
  if (!person) throw notFound("Personen");
  const scope = await readScopeOf(tx, opts.actor);
  const [memberships, attendance, actions, aliases] = await Promise.all([
    listMembershipsOfPerson(tx, person.id),
    listAttendanceOfPerson(tx, person.id, scope),
    listActions(tx, { scope, personId: person.id }),
    listAliases(tx, person.id),
  ]);
  const counted = attendance.filter((a) => a.status !== "guest");
  const presentShare = counted.length ? counted.filter((a) => a.status === "present").length / counted.length : null;
  return { person, memberships, attendance, actions, aliases, presentShare, isAdmin: opts.actor.isAdmin };
}

/** The data the person page view receives. */
export type PersonPageData = Awaited<ReturnType<typeof getPersonPage>>;
