import { sql } from "kysely";
import { z } from "zod";
import { hashPassword, NewPassword } from "../auth/passwords.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { createToken } from "../db/queries/tokens.js";
import { findUserByEmail } from "../db/queries/users.js";
import { todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { queueMail } from "../mail/queue.js";
import { requireAdmin } from "./authorize.js";

/** How long an invitation (first sign-in link) works. */
export const INVITE_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/** The roles an account can be given when it is created; member and coordinator need a network. */
export const USER_ROLES = ["reader", "member", "coordinator", "admin"] as const;

/** A new account, from the admin form or `samrad user add`. */
export const NewUserInput = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, "e-postadressen är för lång")
      .regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, "e-postadressen ser inte ut som en e-postadress"),
    name: z.string().trim().min(1, "fyll i ett namn").max(120, "namnet är för långt"),
    role: z.enum(USER_ROLES, { message: "rollen måste vara reader, member, coordinator eller admin" }),
    networkId: z.number().int().positive().optional(),
    password: NewPassword.optional(),
  })
  .refine((u) => u.role === "reader" || u.role === "admin" || u.networkId !== undefined, {
    message: "en medlem eller samordnare behöver ett nätverk",
    path: ["networkId"],
  });

/** Input to createUser. */
export type NewUser = z.infer<typeof NewUserInput>;

/**
 * Creates an account linked to a person (an existing person with the same e-mail, or a new one),
 * with a membership when the role is member or coordinator. Without a password it queues an
 * invitation mail with a one-time sign-in link when a base URL is given.
 */
export async function createUser(
  tx: Tx,
  opts: { actor: Actor; user: NewUser; baseUrl?: string },
): Promise<{ userId: number; personId: number; invited: boolean }> {
  requireAdmin(opts.actor);
  const u = opts.user;
  if (await findUserByEmail(tx, u.email)) {
    throw new AppError("conflict", `Det finns redan ett konto för ${u.email}.`, { where: "email" });
  }
  const network =
    u.networkId === undefined
      ? undefined
      : await tx.selectFrom("networks").select(["id", "name"]).where("id", "=", u.networkId).executeTakeFirst();
  if (u.networkId !== undefined && !network)
    throw new AppError("bad_request", "Nätverket finns inte.", { where: "networkId" });
  const existing = await tx
    .selectFrom("people")
    .select(["id", "anonymized_at"])
    .where(sql`lower(email)`, "=", u.email.toLowerCase())
    .executeTakeFirst();
  const person =
    existing ??
    (await tx
      .insertInto("people")
      .values({ name: u.name, email: u.email })
      .returning(["id", "anonymized_at"])
      .executeTakeFirstOrThrow());
  if (person.anonymized_at) throw new AppError("conflict", "Personen är anonymiserad.", { where: "email" });
  if (network && (u.role === "member" || u.role === "coordinator")) {
    await tx
      .insertInto("memberships")
      .values({ person_id: person.id, network_id: network.id, role: u.role, from_date: todayInSweden() })
      .execute();
  }
  const user = await tx
    .insertInto("users")
    .values({
      email: u.email,
      person_id: person.id,
      is_admin: u.role === "admin",
      password_hash: u.password === undefined ? null : await hashPassword(u.password),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let invited = false;
  if (u.password === undefined && opts.baseUrl) {
    const secret = await createToken(tx, { userId: user.id, purpose: "first_signin", validMs: INVITE_VALID_MS });
    await queueMail(tx, {
      to: { name: u.name, address: u.email, personId: person.id },
      subject: "Du har fått ett konto i Samråd",
      text: [
        `Hej ${u.name}!`,
        "",
        "Sekretariatet har gett dig ett konto i Samråd, där nätverkens möten, anteckningar och beslut finns.",
        "Logga in första gången med länken nedan (den fungerar en gång, i sju dagar) och välj ett lösenord:",
        "",
        `${opts.baseUrl.replace(/\/$/, "")}/forsta-inloggning/${secret}`,
      ].join("\n"),
    });
    invited = true;
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "user.create",
    objectType: "user",
    objectId: user.id,
    after: {
      email: u.email,
      name: u.name,
      personId: person.id,
      role: u.role,
      network: network?.name ?? null,
      password: u.password !== undefined,
      invited,
    },
  });
  return { userId: user.id, personId: person.id, invited };
}
