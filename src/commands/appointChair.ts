import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";

/** Ends a membership the day before `date` and starts the same person's next one with another role. */
async function changeRole(
  tx: Tx,
  opts: { networkId: number; personId: number; role: "chair" | "member"; date: string; note: string },
) {
  const current = await tx
    .selectFrom("memberships")
    .selectAll()
    .where("network_id", "=", opts.networkId)
    .where("person_id", "=", opts.personId)
    .where("role", "in", ["member", "chair", "substitute"])
    .where((eb) => eb.or([eb("from_date", "is", null), eb("from_date", "<=", opts.date)]))
    .where((eb) => eb.or([eb("to_date", "is", null), eb("to_date", ">", opts.date)]))
    .orderBy("from_date", "desc")
    .forUpdate()
    .executeTakeFirst();
  if (!current) return null;
  if (current.from_date === opts.date) {
    // Started today: change the role in place rather than leave a membership of no days.
    await tx
      .updateTable("memberships")
      .set({ role: opts.role, note: opts.note })
      .where("id", "=", current.id)
      .execute();
    return current.id;
  }
  await tx.updateTable("memberships").set({ to_date: opts.date }).where("id", "=", current.id).execute();
  const row = await tx
    .insertInto("memberships")
    .values({
      person_id: opts.personId,
      network_id: opts.networkId,
      role: opts.role,
      municipality_id: current.municipality_id,
      from_date: opts.date,
      to_date: current.to_date,
      replaces_id: current.id,
      note: opts.note,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Appoints the network's next chair from a date: the member's membership continues as chair and
 * the chairs they replace (all current ones unless named) continue as members, so the chair
 * history stays whole. A chair who is not replaced stays on as co-chair; never more than two.
 */
export async function appointChair(
  tx: Tx,
  opts: { actor: Actor; networkId: number; personId: number; date: string; replaceIds?: number[] },
): Promise<{ membershipId: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const members = await listMembersOn(tx, network.id, opts.date);
  const chosen = members.find((m) => m.personId === opts.personId);
  if (!chosen || !(chosen.role === "member" || chosen.role === "substitute" || chosen.role === "chair")) {
    throw new AppError("bad_request", "Välj den nya ordföranden bland nätverkets medlemmar på det datumet.", {
      where: "person_id",
    });
  }
  if (chosen.role === "chair") {
    throw new AppError("bad_request", `${chosen.name} är redan ordförande.`, { where: "person_id" });
  }
  const chairs = members.filter((m) => m.role === "chair");
  const replace = opts.replaceIds === undefined ? null : new Set(opts.replaceIds);
  if (replace && [...replace].some((id) => !chairs.some((c) => c.personId === id))) {
    throw new AppError("bad_request", "Välj vem som lämnar ordförandeskapet bland de nuvarande ordförandena.", {
      where: "replace_ids",
    });
  }
  const outgoing = replace ? chairs.filter((c) => replace.has(c.personId)) : chairs;
  if (chairs.length - outgoing.length + 1 > 2) {
    throw new AppError(
      "bad_request",
      `Nätverket kan ha högst två ordförande samtidigt. Välj vem av ${chairs.map((c) => c.name).join(" och ")} som lämnar.`,
      { where: "replace_ids" },
    );
  }
  for (const c of outgoing) {
    await changeRole(tx, {
      networkId: network.id,
      personId: c.personId,
      role: "member",
      date: opts.date,
      note: `Ordförandeskapet gick till ${chosen.name}`,
    });
  }
  const membershipId = await changeRole(tx, {
    networkId: network.id,
    personId: chosen.personId,
    role: "chair",
    date: opts.date,
    note: outgoing.length ? `Efterträder ${outgoing.map((c) => c.name).join(" och ")} som ordförande` : "Ordförande",
  });
  if (membershipId === null) throw new AppError("conflict", `${chosen.name} har inget medlemskap att utgå från.`);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "chair.appoint",
    objectType: "network",
    objectId: network.id,
    before: { chairs: outgoing.map((c) => c.personId) },
    after: { chair: chosen.personId, from: opts.date },
  });
  return { membershipId };
}
