import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { MembershipRole } from "../schema.js";

/** One line of a contact list: a current membership with the person's contact details. */
export type ContactRow = {
  membershipId: number;
  personId: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  role: MembershipRole;
  municipality: string | null;
  networkName: string;
  networkSlug: string;
};

/** Current memberships (on `today`) with contact details, of one network or of all. */
export function listContacts(tx: Tx, opts: { today: string; networkId?: number }): Promise<ContactRow[]> {
  let q = tx
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .leftJoin("municipalities as k", (j) => j.on(sql<boolean>`k.id = coalesce(m.municipality_id, p.municipality_id)`))
    .select([
      "m.id as membershipId",
      "p.id as personId",
      "p.name",
      "p.title",
      "p.email",
      "p.phone",
      "m.role",
      "k.name as municipality",
      "n.name as networkName",
      "n.slug as networkSlug",
    ])
    .where("p.anonymized_at", "is", null)
    .where((eb) => eb.or([eb("m.from_date", "is", null), eb("m.from_date", "<=", opts.today)]))
    .where((eb) => eb.or([eb("m.to_date", "is", null), eb("m.to_date", ">", opts.today)]));
  if (opts.networkId !== undefined) q = q.where("m.network_id", "=", opts.networkId);
  return q.orderBy(sql`k.name NULLS LAST`).orderBy("p.name").orderBy("n.name").execute();
}
