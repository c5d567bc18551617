import type { Tx } from "../src/db/client.js";
import type { Actor } from "../src/domain/permissions.js";
import { isAppError } from "../src/errors.js";
import { buildUser } from "./factories.js";

/** An actor with an account: linked to a person (or none), optionally a secretariat admin. */
export async function actorFor(tx: Tx, personId: number | null, isAdmin = false): Promise<Actor> {
  const user = await buildUser(tx, { ...(personId ? { personId } : {}), isAdmin });
  return { userId: user.id, personId, isAdmin, label: user.email };
}

/** What a failed command threw: its code, field, message and details; anything but an AppError is rethrown. */
export async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, where: e.where, message: e.message, details: e.details };
    throw e;
  }
  throw new Error("expected the command to fail");
}

/** The ISO date `days` days after `iso` (negative for before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
