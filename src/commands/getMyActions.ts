import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { readScopeOf } from "../db/queries/visibility.js";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";

/** "Mina uppdrag": the signed-in person's open actions, earliest due first, and those done lately. */
export async function getMyActions(tx: Tx, opts: { actor: Actor }) {
  if (opts.actor.userId === null) throw new AppError("unauthorized", "Logga in för att se dina uppdrag.");
  if (opts.actor.personId === null) return { open: [], done: [], linked: false };
  const scope = await readScopeOf(tx, opts.actor);
  const [open, done] = [
    await listActions(tx, { scope, status: "open", personId: opts.actor.personId }),
    await listActions(tx, { scope, status: "done", personId: opts.actor.personId, limit: 30 }),
  ];
  return { open, done, linked: true };
}

/** What the "Mina uppdrag" view receives. */
export type MyActionsData = Awaited<ReturnType<typeof getMyActions>>;
