import { sql } from "kysely";
import type { Tx } from "../client.js";

/** An account as sign-in needs it. */
export type UserRow = {
  id: number;
  email: string;
  personId: number | null;
  passwordHash: string | null;
  oidcSubject: string | null;
  isAdmin: boolean;
  disabledAt: Date | null;
};

const USER_COLUMNS = [
  "u.id",
  "u.email",
  "u.person_id as personId",
  "u.password_hash as passwordHash",
  "u.oidc_subject as oidcSubject",
  "u.is_admin as isAdmin",
  "u.disabled_at as disabledAt",
] as const;

/** One account by e-mail (case-insensitive), or undefined. */
export function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom("users as u")
    .select(USER_COLUMNS)
    .where(sql`lower(u.email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

/** One account by id, or undefined. */
export function findUserById(tx: Tx, id: number): Promise<UserRow | undefined> {
  return tx.selectFrom("users as u").select(USER_COLUMNS).where("u.id", "=", id).executeTakeFirst();
}

/** One account by its single sign-on subject, or undefined. */
export function findUserBySubject(tx: Tx, subject: string): Promise<UserRow | undefined> {
  return tx.selectFrom("users as u").select(USER_COLUMNS).where("u.oidc_subject", "=", subject).executeTakeFirst();
}

/** An account as the admin list shows it, with the networks its person belongs to today. */
export type UserListRow = {
  id: number;
  email: string;
  name: string | null;
  personId: number | null;
  isAdmin: boolean;
  disabledAt: Date | null;
  lastSigninAt: Date | null;
  hasPassword: boolean;
  hasSso: boolean;
  networks: string | null;
};

/** Every account, admins first, then by name. */
export async function listUsers(tx: Tx): Promise<UserListRow[]> {
  const rows = await sql<UserListRow>`
    SELECT u.id, u.email, p.name, u.person_id AS "personId", u.is_admin AS "isAdmin",
      u.disabled_at AS "disabledAt", u.last_signin_at AS "lastSigninAt",
      u.password_hash IS NOT NULL AS "hasPassword", u.oidc_subject IS NOT NULL AS "hasSso",
      (SELECT string_agg(n.name || ' (' || CASE m.role WHEN 'coordinator' THEN 'samordnare'
          WHEN 'chair' THEN 'ordförande' ELSE 'medlem' END || ')', ', ' ORDER BY n.name)
        FROM memberships m JOIN networks n ON n.id = m.network_id
        WHERE m.person_id = u.person_id AND (m.from_date IS NULL OR m.from_date <= current_date)
          AND (m.to_date IS NULL OR m.to_date > current_date)) AS networks
    FROM users u LEFT JOIN people p ON p.id = u.person_id
    ORDER BY u.is_admin DESC, u.disabled_at IS NOT NULL, coalesce(p.name, u.email)`.execute(tx);
  return rows.rows;
}

/** How many enabled admins there are (the last one may not be removed). */
export async function countEnabledAdmins(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("is_admin", "=", true)
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
