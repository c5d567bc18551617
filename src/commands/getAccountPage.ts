import type { Tx } from "../db/client.js";
import type { Actor } from "../domain/permissions.js";

/** The signed-in person's own account: how they sign in and how many sessions are open. */
export async function getAccountPage(tx: Tx, opts: { actor: Actor }) {
  const userId = opts.actor.userId;
  const user =
    userId === null
      ? undefined
      : await tx
          .selectFrom("users as u")
          .leftJoin("people as p", "p.id", "u.person_id")
          .select([
            "u.id",
            "u.email",
            "p.name",
            "u.person_id as personId",
            "u.is_admin as isAdmin",
            "u.password_hash",
            "u.oidc_subject",
          ])
          .where("u.id", "=", userId)
          .executeTakeFirst();
  if (!user) return undefined;
  const sessions = await tx
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", user.id)
    .executeTakeFirstOrThrow();
  return {
    email: user.email,
    name: user.name ?? user.email,
    personId: user.personId,
    isAdmin: user.isAdmin,
    hasPassword: user.password_hash !== null,
    hasSso: user.oidc_subject !== null,
    sessions: Number(sessions.n),
  };
}

/** The data the account page receives. */
export type AccountPageData = NonNullable<Awaited<ReturnType<typeof getAccountPage>>>;
