import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { listDecisions } from "../db/queries/decisions.js";
import { listMeetings } from "../db/queries/meetings.js";
import { listNetworks } from "../db/queries/networks.js";
import { readScopeOf } from "../db/queries/visibility.js";
import type { Actor } from "../domain/permissions.js";

// The cross-network lists. Nobody is refused: each list holds what the actor may read (for an
// anonymous visitor, the approved minutes of networks that publish openly).

/** All networks the actor may read. */
export async function getNetworksList(tx: Tx, opts: { actor: Actor; today: string }) {
  return listNetworks(tx, opts.today, await readScopeOf(tx, opts.actor));
}

/** Coming and held meetings the actor may read. */
export async function getMeetingsList(tx: Tx, opts: { actor: Actor; today: string }) {
  const scope = await readScopeOf(tx, opts.actor);
  const [upcoming, past] = await Promise.all([
    listMeetings(tx, { scope, when: "upcoming", today: opts.today, limit: 50 }),
    listMeetings(tx, { scope, when: "past", today: opts.today, limit: 100 }),
  ]);
  return { upcoming, past };
}

/** Open and recently closed actions the actor may read. */
export async function getActionsList(tx: Tx, opts: { actor: Actor }) {
  const scope = await readScopeOf(tx, opts.actor);
  const [open, done] = await Promise.all([
    listActions(tx, { scope, status: "open" }),
    listActions(tx, { scope, status: "done", limit: 50 }),
  ]);
  return { open, done };
}

/** Decisions the actor may read, newest first. */
export async function getDecisionsList(tx: Tx, opts: { actor: Actor }) {
  return listDecisions(tx, { scope: await readScopeOf(tx, opts.actor) });
}
