import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { findPerson, listAliases, listAttendanceOfPerson, listMembershipsOfPerson } from "../db/queries/people.js";
import { notFound } from "../errors.js";

/** A person's memberships over time, attendance and actions. */
export async function getPersonPage(tx: Tx, opts: { personId: number }) {
  const person = await findPerson(tx, opts.personId);
  if (!person) throw notFound("Personen");
  const [memberships, attendance, actions, aliases] = await Promise.all([
    listMembershipsOfPerson(tx, person.id),
    listAttendanceOfPerson(tx, person.id),
    listActions(tx, { personId: person.id }),
    listAliases(tx, person.id),
  ]);
  const counted = attendance.filter((a) => a.status !== "guest");
  const presentShare = counted.length ? counted.filter((a) => a.status === "present").length / counted.length : null;
  return { person, memberships, attendance, actions, aliases, presentShare };
}

/** The data the person page view receives. */
export type PersonPageData = Awaited<ReturnType<typeof getPersonPage>>;
