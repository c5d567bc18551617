import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { listUnansweredPolls } from "../db/queries/date-polls.js";
import { listMeetings } from "../db/queries/meetings.js";
import { readScopeOf } from "../db/queries/visibility.js";
import type { Actor } from "../domain/permissions.js";

/** The overview: coming meetings, recent minutes, open actions and unanswered date polls the actor may see. */
export async function getStartPage(tx: Tx, opts: { actor: Actor; today: string }) {
  const scope = await readScopeOf(tx, opts.actor);
  const [upcoming, recent, openActions] = await Promise.all([
    listMeetings(tx, { scope, when: "upcoming", today: opts.today, limit: 8 }),
    listMeetings(tx, { scope, when: "past", today: opts.today, limit: 8 }),
    listActions(tx, { scope, status: "open", limit: 10 }),
  ]);
  // Date polls the person has not answered yet, in their networks.
  const polls = opts.actor.personId !== null ? await listUnansweredPolls(tx, opts.actor.personId, opts.today) : [];
  return {
    upcoming,
    recent,
    openActions,
    polls,
    linked: opts.actor.personId !== null,
    today: opts.today,
    signedIn: scope.signedIn,
  };
}

/** The data the start page view receives. */
export type StartPageData = Awaited<ReturnType<typeof getStartPage>>;
