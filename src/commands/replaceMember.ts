import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { describeDate } from "../domain/date-input.js";
import type { ReplacementInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkToManage, resolvePerson } from "./networkRules.js";

/**
 * "X ersätter Y från <datum>" in one step: Y's membership ends that day and X's begins the same
 * day, with Y's role and municipality and a link back to Y's membership.
 */
export async function replaceMember(
  tx: Tx,
  opts: { actor: Actor; networkId: number; input: ReplacementInput },
): Promise<{ membershipId: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const { input } = opts;
  const date = input.date;
  if (!date) throw new AppError("bad_request", "Skriv från vilket datum.", { where: "date" });
  const outgoing = await tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .selectAll("m")
    .select(["p.name", "p.municipality_id as personMunicipalityId"])
    .where("m.id", "=", input.membership_id)
    .where("m.network_id", "=", network.id)
    .forUpdate()
    .executeTakeFirst();
  if (!outgoing)
    throw new AppError("bad_request", "Välj vem som slutar bland nätverkets medlemmar.", { where: "membership_id" });
  if (outgoing.to_date !== null && outgoing.to_date <= date) {
    throw new AppError(
      "bad_request",
      `${outgoing.name} slutade redan ${describeDate(outgoing.to_date)}. Välj någon som är medlem på det datumet.`,
      { where: "membership_id" },
    );
  }
  if (outgoing.from_date !== null && date <= outgoing.from_date) {
    throw new AppError(
      "bad_request",
      `Datumet måste vara efter att ${outgoing.name} började (${describeDate(outgoing.from_date)}).`,
      { where: "date" },
    );
  }
  // The municipality represented carries over; older memberships may only have it on the person.
  const municipalityId = outgoing.municipality_id ?? outgoing.personMunicipalityId;
  const person = await resolvePerson(tx, opts.actor, input, municipalityId);
  if (person.id === outgoing.person_id) {
    throw new AppError("bad_request", `${outgoing.name} kan inte ersätta sig själv.`, { where: "person_id" });
  }
  await tx.updateTable("memberships").set({ to_date: date }).where("id", "=", outgoing.id).execute();
  const row = await tx
    .insertInto("memberships")
    .values({
      person_id: person.id,
      network_id: network.id,
      role: outgoing.role,
      municipality_id: municipalityId,
      from_date: date,
      to_date: null,
      replaces_id: outgoing.id,
      note: `Ersätter ${outgoing.name}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "membership.replace",
    objectType: "membership",
    objectId: row.id,
    before: { membership_id: outgoing.id, person_id: outgoing.person_id, to_date: outgoing.to_date },
    after: { membership_id: row.id, person_id: person.id, role: outgoing.role, from_date: date },
  });
  return { membershipId: row.id };
}
