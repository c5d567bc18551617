import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { RepresentationInput } from "../domain/network-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";

/** Adds a representative in an outside body, or changes one (e.g. sets the end date). */
export async function saveRepresentation(
  tx: Tx,
  opts: { actor: Actor; networkId: number; representationId?: number; input: RepresentationInput },
): Promise<{ representationId: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const { input } = opts;
  const person = await tx
    .selectFrom("people")
    .select(["id", "municipality_id"])
    .where("id", "=", input.person_id)
    .executeTakeFirst();
  if (!person) throw new AppError("bad_request", "Personen finns inte; välj någon i listan.", { where: "person_id" });
  const values = {
    person_id: person.id,
    network_id: network.id,
    body: input.body,
    municipality_id: input.municipality_id ?? person.municipality_id,
    from_date: input.from_date ?? null,
    to_date: input.to_date ?? null,
    note: input.note,
  };
  if (opts.representationId === undefined) {
    const row = await tx.insertInto("representations").values(values).returning("id").executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actor: opts.actor,
      action: "representation.add",
      objectType: "representation",
      objectId: row.id,
      after: values,
    });
    return { representationId: row.id };
  }
  const before = await tx
    .selectFrom("representations")
    .selectAll()
    .where("id", "=", opts.representationId)
    .where("network_id", "=", network.id)
    .executeTakeFirst();
  if (!before) throw notFound("Uppdraget som representant");
  await tx.updateTable("representations").set(values).where("id", "=", before.id).execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "representation.update",
    objectType: "representation",
    objectId: before.id,
    before,
    after: values,
  });
  return { representationId: before.id };
}
