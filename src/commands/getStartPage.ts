import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { listMeetings } from "../db/queries/meetings.js";
import { readScopeOf } from "../db/queries/visibility.js";
import type { Actor } from "../domain/permissions.js";

/** The overview: coming meetings, recent minutes and open actions across the networks the actor may read. */
export async function getStartPage(tx: Tx, opts: { actor: Actor; today: string }) {
  const scope = await readScopeOf(tx, opts.actor);
  const [upcoming, recent, openActions] = await Promise.all([
    listMeetings(tx, { scope, when: "upcoming", today: opts.today, limit: 8 }),
    listMeetings(tx, { scope, when: "past", today: opts.today, limit: 8 }),
    listActions(tx, { scope, status: "open", limit: 10 }),
  ]);
  return { upcoming, recent, openActions, today: opts.today, signedIn: scope.signedIn };
}

/** The data the start page view receives. */
export type StartPageData = Awaited<ReturnType<typeof getStartPage>>;
