import type { Tx } from "../db/client.js";
import { listTimelineItems, type TimelineItem } from "../db/queries/timeline.js";
import { formatDate } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { prepareSearch, type SearchRequest } from "./search.js";

/** The newest this-many matches make up a timeline. */
export const TIMELINE_CAP = 2000;

/** One meeting where the topic came up. */
export type TimelineMeeting = {
  meetingId: number;
  date: string;
  networkName: string;
  networkSlug: string;
  items: TimelineItem[];
};

/** A topic followed through the minutes. */
export type TopicTimeline = {
  query: string;
  /** "Medelpunkten 2019–2020" */
  title: string;
  meetings: TimelineMeeting[];
  /** meetings per year, for the chart */
  years: { year: number; meetings: number; decisions: number; actions: number }[];
  decisions: number;
  actions: number;
  capped: boolean;
  message: string | null;
  notes: string[];
};

function titleOf(query: string, meetings: TimelineMeeting[]): string {
  const topic = query.trim().replace(/\s+/g, " ").slice(0, 80);
  const name = topic.charAt(0).toUpperCase() + topic.slice(1);
  const first = meetings[0]?.date.slice(0, 4);
  const last = meetings.at(-1)?.date.slice(0, 4);
  if (!first || !last) return name;
  return first === last ? `${name} ${first}` : `${name} ${first}–${last}`;
}

/**
 * The meetings where a topic (a search) came up, in date order, with the decisions and actions
 * along the way. Same query syntax, filters and read rules as the search.
 */
export async function getTopicTimeline(tx: Tx, actor: Actor, input: SearchRequest): Promise<TopicTimeline> {
  const { scope, parsed, compiled, filters, notes } = await prepareSearch(tx, actor, input);
  const empty = {
    query: input.q,
    title: "Tidslinje",
    meetings: [],
    years: [],
    decisions: 0,
    actions: 0,
    capped: false,
    notes,
  };
  if (parsed.problem) return { ...empty, message: parsed.problem };
  if (!compiled.swedish) {
    return { ...empty, message: "Sökningen innehöll bara vanliga småord. Lägg till ett ord som säger mer." };
  }
  const { kinds: _, ...allKinds } = filters;
  const { items, capped, since } = await listTimelineItems(tx, {
    tsquery: compiled.swedish,
    scope,
    filters: allKinds,
    cap: TIMELINE_CAP,
    newest: compiled.newest,
    oldest: compiled.oldest,
  });
  const meetings: TimelineMeeting[] = [];
  for (const item of items) {
    const last = meetings.at(-1);
    if (last && last.meetingId === item.meetingId) last.items.push(item);
    else
      meetings.push({
        meetingId: item.meetingId,
        date: item.date,
        networkName: item.networkName,
        networkSlug: item.networkSlug,
        items: [item],
      });
  }
  const years = new Map<number, { year: number; meetings: number; decisions: number; actions: number }>();
  for (const m of meetings) {
    const year = Number(m.date.slice(0, 4));
    const y = years.get(year) ?? { year, meetings: 0, decisions: 0, actions: 0 };
    y.meetings++;
    y.decisions += m.items.reduce((n, i) => n + i.decisions.length, 0);
    y.actions += m.items.reduce((n, i) => n + i.actions.length, 0);
    years.set(year, y);
  }
  const all = [...years.values()];
  return {
    query: input.q,
    title: titleOf(input.q, meetings),
    meetings,
    years: all,
    decisions: all.reduce((n, y) => n + y.decisions, 0),
    actions: all.reduce((n, y) => n + y.actions, 0),
    capped,
    message: meetings.length === 0 ? "Ämnet finns inte i några anteckningar du kan läsa." : null,
    notes: capped
      ? [
          ...notes,
          since
            ? `Ämnet är vanligt: tidslinjen visar träffarna från ${formatDate(since)} och framåt.`
            : `Ämnet är vanligt: tidslinjen visar ${TIMELINE_CAP} av träffarna.`,
        ]
      : notes,
  };
}
