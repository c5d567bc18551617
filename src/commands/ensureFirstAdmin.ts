import { sql } from "kysely";
import { hashPassword } from "../auth/passwords.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { createToken } from "../db/queries/tokens.js";
import { findUserByEmail } from "../db/queries/users.js";
import { SYSTEM } from "../domain/permissions.js";

/** How long the first start's sign-in link works. */
export const FIRST_LINK_VALID_MS = 24 * 60 * 60 * 1000;

/** The address of the admin made on the first start when SAMRAD_ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = "admin@samrad.local";

/**
 * Makes sure someone can administer Samråd. On a database without an admin it creates one (with
 * the given password, or none); while no admin can sign in yet (no password, no single sign-on,
 * never signed in) it returns a fresh one-time sign-in link path, so a newcomer always gets in.
 */
export async function ensureFirstAdmin(
  tx: Tx,
  opts: { email?: string | undefined; password?: string | undefined } = {},
): Promise<{ created: boolean; email: string; linkPath: string | null }> {
  const admins = await tx
    .selectFrom("users")
    .select(["id", "email", "password_hash", "oidc_subject", "last_signin_at"])
    .where("is_admin", "=", true)
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
  const usable = admins.find((a) => a.password_hash !== null || a.oidc_subject !== null || a.last_signin_at !== null);
  if (usable) return { created: false, email: usable.email, linkPath: null };
  let admin = admins[0];
  let created = false;
  if (!admin) {
    const email = opts.email ?? DEFAULT_ADMIN_EMAIL;
    const passwordHash = opts.password ? await hashPassword(opts.password) : null;
    const existing = await findUserByEmail(tx, email);
    let userId: number;
    if (existing) {
      userId = existing.id;
      await tx
        .updateTable("users")
        .set({ is_admin: true, disabled_at: null, ...(passwordHash ? { password_hash: passwordHash } : {}) })
        .where("id", "=", userId)
        .execute();
    } else {
      const person =
        (await tx
          .selectFrom("people")
          .select("id")
          .where(sql`lower(email)`, "=", email.toLowerCase())
          .executeTakeFirst()) ??
        (await tx
          .insertInto("people")
          .values({ name: "Administratör", email })
          .returning("id")
          .executeTakeFirstOrThrow());
      const row = await tx
        .insertInto("users")
        .values({ email, is_admin: true, password_hash: passwordHash, person_id: person.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      userId = row.id;
    }
    created = true;
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "user.create",
      objectType: "user",
      objectId: userId,
      after: { email, role: "admin", password: passwordHash !== null, firstStart: true },
    });
    if (passwordHash) return { created, email, linkPath: null };
    admin = { id: userId, email, password_hash: null, oidc_subject: null, last_signin_at: null };
  }
  const secret = await createToken(tx, { userId: admin.id, purpose: "first_signin", validMs: FIRST_LINK_VALID_MS });
  return { created, email: admin.email, linkPath: `/forsta-inloggning/${secret}` };
}
