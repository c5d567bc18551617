import type { Tx } from "../src/db/client.js";
import type { MembershipRole } from "../src/db/schema.js";

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

/** A network with a unique name; override any column. */
export async function buildNetwork(tx: Tx, overrides: { name?: string; parentId?: number; purpose?: string } = {}) {
  const name = overrides.name ?? `Testnätverket ${unique()}`;
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return tx
    .insertInto("networks")
    .values({ name, slug, parent_id: overrides.parentId ?? null, purpose: overrides.purpose ?? "" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A person, optionally in a municipality by name. */
export async function buildPerson(tx: Tx, overrides: { name?: string; municipality?: string; email?: string } = {}) {
  const municipality = overrides.municipality
    ? await tx
        .selectFrom("municipalities")
        .select("id")
        .where("name", "=", overrides.municipality)
        .executeTakeFirstOrThrow()
    : null;
  return tx
    .insertInto("people")
    .values({
      name: overrides.name ?? `Testa Person ${unique()}`,
      email: overrides.email ?? null,
      municipality_id: municipality?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A membership of a person in a network. */
export async function buildMembership(
  tx: Tx,
  opts: {
    personId: number;
    networkId: number;
    role?: MembershipRole;
    fromDate?: string;
    toDate?: string | null;
  },
) {
  return tx
    .insertInto("memberships")
    .values({
      person_id: opts.personId,
      network_id: opts.networkId,
      role: opts.role ?? "member",
      from_date: opts.fromDate ?? "2020-01-01",
      to_date: opts.toDate ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A meeting of a network (builds the network when none is given). */
export async function buildMeeting(
  tx: Tx,
  overrides: { networkId?: number; date?: string; state?: "planned" | "approved" } = {},
) {
  const networkId = overrides.networkId ?? (await buildNetwork(tx)).id;
  return tx
    .insertInto("meetings")
    .values({
      network_id: networkId,
      date: overrides.date ?? "2024-05-17",
      state: overrides.state ?? "planned",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user account, optionally linked to a person and admin. */
export async function buildUser(tx: Tx, overrides: { personId?: number; email?: string; isAdmin?: boolean } = {}) {
  return tx
    .insertInto("users")
    .values({
      email: overrides.email ?? `user-${unique()}@exempel.se`,
      person_id: overrides.personId ?? null,
      is_admin: overrides.isAdmin ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user who signs in with a password, linked to a new person; optionally admin or disabled. */
export async function buildUserWithPassword(
  tx: Tx,
  opts: { email?: string; password: string; isAdmin?: boolean; personName?: string; disabled?: boolean },
) {
  const { hashPassword } = await import("../src/auth/passwords.js");
  const email = opts.email ?? `user-${unique()}@exempel.se`;
  const person = await buildPerson(tx, { email, ...(opts.personName ? { name: opts.personName } : {}) });
  return tx
    .insertInto("users")
    .values({
      email,
      person_id: person.id,
      is_admin: opts.isAdmin ?? false,
      password_hash: await hashPassword(opts.password),
      disabled_at: opts.disabled ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
