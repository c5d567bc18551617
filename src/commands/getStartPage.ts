import type { Tx } from "../db/client.js";
import { listActions } from "../db/queries/actions.js";
import { listMeetings } from "../db/queries/meetings.js";

/** The overview: coming meetings, recent minutes and open actions across networks. */
export async function getStartPage(tx: Tx, opts: { today: string }) {
  const [upcoming, recent, openActions] = await Promise.all([
    listMeetings(tx, { when: "upcoming", today: opts.today, limit: 8 }),
    listMeetings(tx, { when: "past", today: opts.today, limit: 8 }),
    listActions(tx, { status: "open", limit: 10 }),
  ]);
  return { upcoming, recent, openActions, today: opts.today };
}

/** The data the start page view receives. */
export type StartPageData = Awaited<ReturnType<typeof getStartPage>>;
