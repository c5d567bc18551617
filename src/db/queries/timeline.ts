import { sql } from "kysely";
import type { Tx } from "../client.js";
import { type ReadScope, readableSql } from "./scope.js";
import { type DocumentFilters, filterSql, widenUntilEnough } from "./search.js";

/** An item where a topic came up, with the decisions and actions under it. */
export type TimelineItem = {
  id: number;
  meetingId: number;
  date: string;
  networkName: string;
  networkSlug: string;
  title: string;
  postponed: boolean;
  matched: boolean;
  decisions: { id: number; year: number; number: number; text: string }[];
  actions: { id: number; text: string; status: string; dueDate: string | null; assignees: string | null }[];
};

/**
 * The items, decisions and actions matching a query, oldest first: every matched item, the item
 * of every matched decision or action, and all decisions and actions under those items. A topic
 * with more than `cap` matches shows the newest window holding that many (see widenUntilEnough).
 */
export async function listTimelineItems(
  tx: Tx,
  opts: {
    tsquery: string;
    scope: ReadScope;
    filters: DocumentFilters;
    cap: number;
    newest: string | null;
    oldest: string | null;
  },
): Promise<{ items: TimelineItem[]; capped: boolean; since: string | null }> {
  const window = { filters: opts.filters, wanted: opts.cap, cap: opts.cap, newest: opts.newest, oldest: opts.oldest };
  const matches = await widenUntilEnough(window, async (w) => {
    const r = await sql<{ kind: string; itemId: number | null; sourceId: number }>`
      SELECT d.kind, d.item_id AS "itemId", d.source_id AS "sourceId"
      FROM search_documents d
      WHERE ${w ? sql`d.document @@ (${opts.tsquery}::tsquery && ${w}::tsquery)` : sql`d.document @@ ${opts.tsquery}::tsquery`}
        AND d.meeting_id IS NOT NULL
        AND ${readableSql(opts.scope, "d.state", "d.network_id")} ${filterSql(opts.filters)}
      LIMIT ${opts.cap}`.execute(tx);
    return { rows: r.rows, total: r.rows.length };
  });
  const itemIds = [...new Set(matches.rows.flatMap((m) => (m.itemId === null ? [] : [m.itemId])))];
  const matchedItems = new Set(matches.rows.filter((m) => m.kind === "item").map((m) => m.sourceId));
  if (itemIds.length === 0) return { items: [], capped: false, since: null };
  const [items, decisions, actions] = await Promise.all([
    sql<Omit<TimelineItem, "decisions" | "actions" | "matched">>`
      SELECT i.id, m.id AS "meetingId", m.date::text AS date, n.name AS "networkName", n.slug AS "networkSlug",
        i.title, i.postponed
      FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN networks n ON n.id = m.network_id
      WHERE i.id = ANY(${sql.val(itemIds)}::int[])
      ORDER BY m.date, m.id, i.position`.execute(tx),
    sql<TimelineItem["decisions"][number] & { itemId: number }>`
      SELECT id, item_id AS "itemId", year, number, text FROM decisions
      WHERE item_id = ANY(${sql.val(itemIds)}::int[]) ORDER BY year, number`.execute(tx),
    sql<TimelineItem["actions"][number] & { itemId: number }>`
      SELECT a.id, a.item_id AS "itemId", a.text, a.status, a.due_date::text AS "dueDate",
        (SELECT string_agg(coalesce(p.name, aa.name), ', ' ORDER BY aa.id) FROM action_assignees aa
          LEFT JOIN people p ON p.id = aa.person_id WHERE aa.action_id = a.id) AS assignees
      FROM actions a WHERE a.item_id = ANY(${sql.val(itemIds)}::int[]) ORDER BY a.id`.execute(tx),
  ]);
  return {
    items: items.rows.map((i) => ({
      ...i,
      matched: matchedItems.has(i.id),
      decisions: decisions.rows.filter((d) => d.itemId === i.id).map(({ itemId: _, ...d }) => d),
      actions: actions.rows.filter((a) => a.itemId === i.id).map(({ itemId: _, ...a }) => a),
    })),
    capped: matches.more,
    since: matches.since,
  };
}
