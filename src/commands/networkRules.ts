import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";

/** At most two chairs at a time: the co-chairs. Refuses a third whose period overlaps theirs. */
export async function checkCoChairs(
  tx: Tx,
  networkId: number,
  period: { from: string | null; to: string | null },
  excludeMembershipId?: number,
): Promise<void> {
  const rows = await sql<{ name: string }>`
    SELECT p.name FROM memberships m JOIN people p ON p.id = m.person_id
    WHERE m.network_id = ${networkId} AND m.role = 'chair'
      AND m.id <> ${excludeMembershipId ?? 0}
      AND (m.from_date IS NULL OR ${period.to}::date IS NULL OR m.from_date < ${period.to}::date)
      AND (m.to_date IS NULL OR ${period.from}::date IS NULL OR m.to_date > ${period.from}::date)
    ORDER BY p.name`.execute(tx);
  if (rows.rows.length >= 2) {
    throw new AppError(
      "bad_request",
      `Nätverket har redan två ordförande under den perioden (${rows.rows.map((r) => r.name).join(" och ")}). Avsluta ett av uppdragen först.`,
      { where: "role" },
    );
  }
}

/** The person a member form names: one picked in the list, or a new one created now. */
export async function resolvePerson(
  tx: Tx,
  actor: Actor,
  input: {
    person_id?: number | undefined;
    new_name: string;
    new_email?: string | undefined;
    new_title: string;
    new_phone: string;
  },
  municipalityId: number | null,
): Promise<{ id: number; name: string; municipalityId: number | null }> {
  if (input.person_id !== undefined) {
    const p = await tx
      .selectFrom("people")
      .select(["id", "name", "municipality_id"])
      .where("id", "=", input.person_id)
      .executeTakeFirst();
    if (!p) throw new AppError("bad_request", "Personen finns inte längre; välj någon annan.", { where: "person_id" });
    return { id: p.id, name: p.name, municipalityId: p.municipality_id };
  }
  if (input.new_email) {
    const taken = await tx
      .selectFrom("people")
      .select("name")
      .where(sql`lower(email)`, "=", input.new_email.toLowerCase())
      .executeTakeFirst();
    if (taken) {
      throw new AppError("bad_request", `E-postadressen används redan av ${taken.name}; välj personen i listan.`, {
        where: "new_email",
      });
    }
  }
  const created = await tx
    .insertInto("people")
    .values({
      name: input.new_name,
      email: input.new_email ?? null,
      title: input.new_title || null,
      phone: input.new_phone || null,
      municipality_id: municipalityId,
    })
    .returning(["id", "name", "municipality_id"])
    .executeTakeFirstOrThrow();
  await recordAudit(tx, { actor, action: "person.create", objectType: "person", objectId: created.id, after: input });
  return { id: created.id, name: created.name, municipalityId: created.municipality_id };
}

/** A network by id with the actor's permission to manage it checked. */
export async function networkToManage(tx: Tx, networkId: number) {
  const network = await tx
    .selectFrom("networks")
    .selectAll()
    .where("id", "=", networkId)
    .forUpdate()
    .executeTakeFirst();
  if (!network) throw notFound("Nätverket");
  return network;
}
