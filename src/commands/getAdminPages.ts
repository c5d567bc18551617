import { z } from "zod";
import type { Tx } from "../db/client.js";
import { listUsers } from "../db/queries/users.js";
import type { Actor } from "../domain/permissions.js";
import { requireAdmin } from "./authorize.js";

/** The administration page: every account, and the networks new members can be added to. */
export async function getAdminPage(tx: Tx, opts: { actor: Actor }) {
  requireAdmin(opts.actor);
  const [users, networks] = await Promise.all([
    listUsers(tx),
    tx.selectFrom("networks").select(["id", "name"]).orderBy("name").execute(),
  ]);
  return { users, networks, selfId: opts.actor.userId };
}

/** The data the administration page receives. */
export type AdminPageData = Awaited<ReturnType<typeof getAdminPage>>;

/** The people search on the GDPR page. */
export const PeopleQuery = z.object({
  q: z.string().trim().max(100, "högst 100 tecken").optional(),
});

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** People whose name or e-mail contains the query, for GDPR export and anonymization. */
export async function getAdminPeople(tx: Tx, opts: { actor: Actor; q: string | undefined }) {
  requireAdmin(opts.actor);
  let q = tx
    .selectFrom("people as p")
    .leftJoin("municipalities as k", "k.id", "p.municipality_id")
    .select(["p.id", "p.name", "p.email", "k.name as municipality", "p.anonymized_at as anonymizedAt"]);
  if (opts.q) {
    const pattern = `%${likeEscape(opts.q)}%`;
    q = q.where((eb) => eb.or([eb("p.name", "ilike", pattern), eb("p.email", "ilike", pattern)]));
  }
  const people = await q.orderBy("p.name").orderBy("p.id").limit(50).execute();
  return { people, q: opts.q ?? "" };
}

/** The data the GDPR page receives. */
export type AdminPeopleData = Awaited<ReturnType<typeof getAdminPeople>>;
