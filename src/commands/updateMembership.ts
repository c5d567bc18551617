import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { MembershipUpdateInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { checkCoChairs } from "./networkRules.js";

/** Changes a membership's role, municipality, period or note (ending it is setting the end date). */
export async function updateMembership(
  tx: Tx,
  opts: { actor: Actor; membershipId: number; input: MembershipUpdateInput },
): Promise<{ networkId: number }> {
  const m = await tx
    .selectFrom("memberships")
    .selectAll()
    .where("id", "=", opts.membershipId)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw notFound("Medlemskapet");
  await authorize(tx, opts.actor, "network.manage", { networkId: m.network_id });
  const { input } = opts;
  const after = {
    role: input.role,
    municipality_id: input.municipality_id ?? null,
    from_date: input.from_date ?? null,
    to_date: input.to_date ?? null,
    note: input.note,
  };
  if (after.role === "chair") await checkCoChairs(tx, m.network_id, { from: after.from_date, to: after.to_date }, m.id);
  await tx.updateTable("memberships").set(after).where("id", "=", m.id).execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "membership.update",
    objectType: "membership",
    objectId: m.id,
    before: {
      role: m.role,
      municipality_id: m.municipality_id,
      from_date: m.from_date,
      to_date: m.to_date,
      note: m.note,
    },
    after,
  });
  return { networkId: m.network_id };
}
