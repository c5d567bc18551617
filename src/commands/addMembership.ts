import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { MembershipInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { authorize } from "./authorize.js";
import { checkCoChairs, networkToManage, resolvePerson } from "./networkRules.js";

/** Adds a member (an existing person or a new one) with role, municipality and period. */
export async function addMembership(
  tx: Tx,
  opts: { actor: Actor; networkId: number; input: MembershipInput },
): Promise<{ membershipId: number; personId: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const { input } = opts;
  const period = { from: input.from_date ?? null, to: input.to_date ?? null };
  if (input.role === "chair") await checkCoChairs(tx, network.id, period);
  const person = await resolvePerson(tx, opts.actor, input, input.municipality_id ?? null);
  const row = await tx
    .insertInto("memberships")
    .values({
      person_id: person.id,
      network_id: network.id,
      role: input.role,
      municipality_id: input.municipality_id ?? (input.role === "coordinator" ? null : person.municipalityId),
      from_date: period.from,
      to_date: period.to,
      note: input.note,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "membership.add",
    objectType: "membership",
    objectId: row.id,
    after: { network_id: network.id, person_id: person.id, role: input.role, ...period },
  });
  return { membershipId: row.id, personId: person.id };
}
