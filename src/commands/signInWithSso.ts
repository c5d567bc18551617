import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findUserByEmail, findUserBySubject } from "../db/queries/users.js";
import { SYSTEM } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { type NewSession, startSession } from "./startSession.js";

/** What the identity provider vouched for. */
export type SsoIdentity = { subject: string; email: string | undefined; emailVerified: boolean | undefined };

/**
 * Signs in someone the identity provider vouched for. The provider's subject finds the account; the
 * first time, the (not explicitly unverified) e-mail claim finds an existing account or a person in
 * Samråd, which is then linked to the subject. Nobody unknown gets in: the secretariat adds people.
 */
export async function signInWithSso(
  tx: Tx,
  opts: { identity: SsoIdentity; previousToken?: string | undefined },
): Promise<NewSession> {
  const { subject, email, emailVerified } = opts.identity;
  let user = await findUserBySubject(tx, subject);
  if (!user && email && emailVerified !== false) {
    user = await findUserByEmail(tx, email);
    if (user && user.oidcSubject !== null && user.oidcSubject !== subject) user = undefined;
    if (!user) {
      const person = await tx
        .selectFrom("people")
        .select("id")
        .where(sql`lower(email)`, "=", email.toLowerCase())
        .where("anonymized_at", "is", null)
        .executeTakeFirst();
      if (person) {
        const row = await tx
          .insertInto("users")
          .values({ email, person_id: person.id })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          actor: SYSTEM,
          action: "user.create",
          objectType: "user",
          objectId: row.id,
          after: { email, personId: person.id, role: "reader", via: "sso" },
        });
        user = {
          id: row.id,
          email,
          personId: person.id,
          passwordHash: null,
          oidcSubject: null,
          isAdmin: false,
          disabledAt: null,
        };
      }
    }
    if (user && user.oidcSubject === null) {
      await tx.updateTable("users").set({ oidc_subject: subject }).where("id", "=", user.id).execute();
      await recordAudit(tx, { actor: SYSTEM, action: "user.sso_linked", objectType: "user", objectId: user.id });
    }
  }
  if (!user || user.disabledAt) {
    throw new AppError(
      "forbidden",
      "Inloggningen lyckades, men det finns inget aktivt konto i Samråd för dig. Be sekretariatet lägga till dig.",
    );
  }
  return startSession(tx, { user, method: "sso", previousToken: opts.previousToken });
}
