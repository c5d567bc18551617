import { type RawBuilder, sql } from "kysely";
import { HIT_END, HIT_START } from "../../domain/search-hit.js";
import type { ParsedQuery } from "../../domain/search-query.js";
import type { Tx } from "../client.js";
import type { ItemKind } from "../schema.js";
import { type ReadScope, readableSql } from "./scope.js";

/** The kinds of search documents (people and networks are searched by name beside them). */
export type DocumentKind = "item" | "decision" | "action";

/** Weights of D, C, B, A: names and round notes count little, titles and decisions most. */
const WEIGHTS = "{0.1,0.3,0.5,1.0}";
/** ts_rank_cd normalisation 1: divide by 1 + log(length), so long notes do not win by bulk. */
const NORMALISATION = 1;

/** The tsqueries a parsed query compiles to, as canonical text; null when nothing is left to search for. */
export type CompiledQuery = { swedish: string | null; names: string | null };

/**
 * Compiles a parsed query in the database: web-search syntax for the words, and the last word as
 * a prefix both stemmed ("beslutade" -> beslut:*) and as typed ("medelpu" -> medelpu:*).
 * Only sanitised words reach to_tsquery (see domain/search-query.ts).
 */
export async function compileQuery(tx: Tx, parsed: ParsedQuery): Promise<CompiledQuery> {
  if (parsed.problem) return { swedish: null, names: null };
  const parts: RawBuilder<unknown>[] = [];
  if (parsed.websearch) parts.push(sql`websearch_to_tsquery('swedish', ${parsed.websearch})`);
  if (parsed.prefix) {
    const p = `${parsed.prefix}:*`;
    parts.push(sql`(to_tsquery('swedish', ${p}) || to_tsquery('simple', ${p}))`);
  }
  const swedish = parts.length === 1 ? parts[0] : sql`(${parts[0]} && ${parts[1]})`;
  // Names are matched word by word, unstemmed: every word must occur, the last as a prefix.
  const words = parsed.prefix ? parsed.words.slice(0, -1) : parsed.words;
  const nameTerms = [
    ...words,
    ...(parsed.prefix ? [`${parsed.prefix}:*`] : []),
    ...parsed.excluded.map((w) => `!${w}`),
  ];
  const row = await sql<{ swedish: string; nodes: number; names: string; nameNodes: number }>`
    SELECT q::text AS swedish, numnode(q) AS nodes, n::text AS names, numnode(n) AS "nameNodes"
    FROM (SELECT ${swedish}::tsquery AS q, to_tsquery('simple', ${nameTerms.join(" & ")}) AS n) x`.execute(tx);
  const r = row.rows[0];
  return {
    swedish: r && r.nodes > 0 ? r.swedish : null,
    names: r && r.nameNodes > 0 && words.length + (parsed.prefix ? 1 : 0) > 0 ? r.names : null,
  };
}

/** What a search may be narrowed to. */
export type DocumentFilters = {
  networkIds?: number[];
  year?: number;
  kinds?: DocumentKind[];
  personId?: number;
  municipalityId?: number;
};

/** One ranked search document, before its text is fetched. */
export type RankedDocument = {
  id: number;
  kind: DocumentKind;
  sourceId: number;
  meetingId: number | null;
  itemId: number | null;
  networkId: number;
  date: string | null;
  rank: number;
};

/** The AND-ed SQL conditions of search filters on search_documents d (empty when none). */
export function filterSql(filters: DocumentFilters) {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.networkIds) conditions.push(sql`d.network_id = ANY(${sql.val(filters.networkIds)}::int[])`);
  if (filters.year !== undefined) {
    conditions.push(sql`d.date >= ${`${filters.year}-01-01`}::date AND d.date < ${`${filters.year + 1}-01-01`}::date`);
  }
  if (filters.kinds) conditions.push(sql`d.kind = ANY(${sql.val(filters.kinds)}::text[])`);
  if (filters.personId !== undefined) conditions.push(sql`d.person_ids @> ARRAY[${filters.personId}]::int[]`);
  if (filters.municipalityId !== undefined) {
    conditions.push(sql`d.municipality_ids @> ARRAY[${filters.municipalityId}]::int[]`);
  }
  return conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``;
}

/**
 * Ranks the readable documents matching a compiled query; hits of a kind the query names
 * ("beslut ...", "uppdrag ...") come first. The newest `cap` matches are ranked
 * (through the date index when the words are common, through GIN when rare), so a word found in
 * half the archive costs no more than one found in a thousand documents; `total` stops at the cap.
 */
export async function rankDocuments(
  tx: Tx,
  opts: {
    tsquery: string;
    scope: ReadScope;
    filters: DocumentFilters;
    kindHints: DocumentKind[];
    limit: number;
    offset: number;
    cap: number;
  },
): Promise<{ rows: RankedDocument[]; total: number }> {
  const q = sql`${opts.tsquery}::tsquery`;
  const result = await sql<RankedDocument & { total: number }>`
    WITH candidates AS (
      SELECT d.id, d.kind, d.source_id, d.meeting_id, d.item_id, d.network_id, d.date, d.document
      FROM search_documents d
      WHERE d.document @@ ${q} AND ${readableSql(opts.scope, "d.state", "d.network_id")} ${filterSql(opts.filters)}
      ORDER BY d.date DESC, d.id DESC
      LIMIT ${opts.cap}
    ), ranked AS (
      SELECT c.*, ts_rank_cd(${WEIGHTS}::real[], c.document, ${q}, ${NORMALISATION}) AS rank,
        c.kind = ANY(${sql.val(opts.kindHints)}::text[]) AS named
      FROM candidates c
    )
    SELECT id, kind, source_id AS "sourceId", meeting_id AS "meetingId", item_id AS "itemId",
      network_id AS "networkId", date::text AS date, rank::float8 AS rank, count(*) OVER ()::int AS total
    FROM ranked
    ORDER BY named DESC, rank DESC, date DESC, id DESC
    LIMIT ${opts.limit} OFFSET ${opts.offset}`.execute(tx);
  const total = result.rows[0]?.total ?? (opts.offset > 0 ? await countCapped(tx, opts) : 0);
  return { rows: result.rows.map(({ total: _, ...r }) => r), total };
}

async function countCapped(
  tx: Tx,
  opts: { tsquery: string; scope: ReadScope; filters: DocumentFilters; cap: number },
): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM search_documents d
      WHERE d.document @@ ${opts.tsquery}::tsquery AND ${readableSql(opts.scope, "d.state", "d.network_id")}
        ${filterSql(opts.filters)}
      LIMIT ${opts.cap}) x`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

/** A document with the text to show: titles, headline with HIT_START/HIT_END marks, where it is. */
export type DocumentDetail = {
  id: number;
  kind: DocumentKind;
  sourceId: number;
  meetingId: number | null;
  itemId: number | null;
  date: string | null;
  networkName: string;
  networkSlug: string;
  itemTitle: string | null;
  itemKind: ItemKind | null;
  titleMarked: string | null;
  snippet: string;
  decisionYear: number | null;
  decisionNumber: number | null;
  actionStatus: string | null;
  actionDue: string | null;
  assignees: string | null;
};

const HEADLINE = `StartSel="${HIT_START}", StopSel="${HIT_END}", MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const HEADLINE_ALL = `StartSel="${HIT_START}", StopSel="${HIT_END}", HighlightAll=true`;

/** Fetches the shown page of documents with highlighted snippets (ts_headline runs on these rows only). */
export async function documentDetails(tx: Tx, ids: number[], tsquery: string): Promise<DocumentDetail[]> {
  if (ids.length === 0) return [];
  const q = sql`${tsquery}::tsquery`;
  const rows = await sql<DocumentDetail>`
    SELECT s.id, s.kind, s.source_id AS "sourceId", s.meeting_id AS "meetingId", s.item_id AS "itemId",
      s.date::text AS date, n.name AS "networkName", n.slug AS "networkSlug",
      i.title AS "itemTitle", i.kind AS "itemKind",
      CASE WHEN i.title IS NOT NULL THEN ts_headline('swedish', i.title, ${q}, ${HEADLINE_ALL}) END AS "titleMarked",
      ts_headline('swedish', CASE s.kind
          WHEN 'decision' THEN dec.text
          WHEN 'action' THEN act.text
          ELSE concat_ws(E'\n', nullif(i.notes, ''), (SELECT string_agg(k.name || ': ' || r.notes, E'\n' ORDER BY k.name)
            FROM round_notes r JOIN municipalities k ON k.id = r.municipality_id WHERE r.item_id = i.id))
        END, ${q}, ${HEADLINE}) AS snippet,
      dec.year AS "decisionYear", dec.number AS "decisionNumber",
      act.status AS "actionStatus", act.due_date::text AS "actionDue",
      (SELECT string_agg(coalesce(p.name, aa.name), ', ' ORDER BY aa.id) FROM action_assignees aa
        LEFT JOIN people p ON p.id = aa.person_id WHERE aa.action_id = act.id) AS assignees
    FROM search_documents s
    JOIN networks n ON n.id = s.network_id
    LEFT JOIN agenda_items i ON i.id = s.item_id
    LEFT JOIN decisions dec ON s.kind = 'decision' AND dec.id = s.source_id
    LEFT JOIN actions act ON s.kind = 'action' AND act.id = s.source_id
    WHERE s.id = ANY(${sql.val(ids)}::bigint[])`.execute(tx);
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A person whose name (or another spelling of it) matches. */
export type PersonMatch = { id: number; name: string; title: string | null; municipality: string | null };

/** People matching a names query, optionally only members of some networks or of a municipality. */
export async function searchPeople(
  tx: Tx,
  names: string,
  opts: { networkIds?: number[]; municipalityId?: number; limit: number },
): Promise<PersonMatch[]> {
  const q = sql`${names}::tsquery`;
  const rows = await sql<PersonMatch>`
    SELECT p.id, p.name, p.title, k.name AS municipality
    FROM people p
    LEFT JOIN municipalities k ON k.id = p.municipality_id
    WHERE p.anonymized_at IS NULL
      AND p.id IN (
        SELECT id FROM people WHERE to_tsvector('simple', name) @@ ${q}
        UNION SELECT person_id FROM person_aliases WHERE to_tsvector('simple', alias) @@ ${q})
      ${opts.municipalityId !== undefined ? sql`AND p.municipality_id = ${opts.municipalityId}` : sql``}
      ${
        opts.networkIds
          ? sql`AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id
              AND m.network_id = ANY(${sql.val(opts.networkIds)}::int[]))`
          : sql``
      }
    ORDER BY p.name, p.id
    LIMIT ${opts.limit}`.execute(tx);
  return rows.rows;
}

/** A network whose name or purpose matches. */
export type NetworkMatch = { id: number; name: string; slug: string; snippet: string };

/** Networks matching a query by name and purpose, optionally only among some networks. */
export async function searchNetworks(
  tx: Tx,
  tsquery: string,
  opts: { networkIds?: number[]; limit: number },
): Promise<NetworkMatch[]> {
  const q = sql`${tsquery}::tsquery`;
  const rows = await sql<NetworkMatch>`
    SELECT n.id, n.name, n.slug, ts_headline('swedish', n.purpose, ${q}, ${HEADLINE}) AS snippet
    FROM networks n
    WHERE to_tsvector('swedish', n.name || ' ' || n.purpose) @@ ${q}
      ${opts.networkIds ? sql`AND n.id = ANY(${sql.val(opts.networkIds)}::int[])` : sql``}
    ORDER BY ts_rank_cd(to_tsvector('swedish', n.name || ' ' || n.purpose), ${q}) DESC, n.name
    LIMIT ${opts.limit}`.execute(tx);
  return rows.rows;
}
