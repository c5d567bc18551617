import { type RawBuilder, sql } from "kysely";
import { HIT_END, HIT_START } from "../../domain/search-hit.js";
import type { ParsedQuery } from "../../domain/search-query.js";
import { nextWindow, type SearchWindow, searchWindows, windowTsquery, yearToken } from "../../domain/search-window.js";
import type { Tx } from "../client.js";
import type { ItemKind } from "../schema.js";
import { type ReadScope, readableSql } from "./scope.js";

/** The kinds of search documents (people and networks are searched by name beside them). */
export type DocumentKind = "item" | "decision" | "action";

/** Weights of D, C, B, A: names and round notes count little, titles and decisions most. */
const WEIGHTS = "{0.1,0.3,0.5,1.0}";
/** ts_rank_cd normalisation 1: divide by 1 + log(length), so long notes do not win by bulk. */
const NORMALISATION = 1;

/**
 * The tsqueries a parsed query compiles to, as canonical text (null when nothing is left to search
 * for), and the newest document's date, which the search windows count back from.
 */
export type CompiledQuery = {
  swedish: string | null;
  names: string | null;
  newest: string | null;
  oldest: string | null;
};

/**
 * Compiles a parsed query in the database, in one round trip: web-search syntax for the words,
 * and the last word both stemmed ("beslutade" -> beslut) and as a prefix of what was typed
 * ("medelpu" -> medelpu:*). The stem is matched whole: a stem prefix such as medelpunk:* would make
 * GIN collect every posting of every matching word, which is slow for common words.
 * Only sanitised words reach to_tsquery (see domain/search-query.ts); the canonical output
 * PostgreSQL prints is what is combined and cast back.
 */
export async function compileQuery(tx: Tx, parsed: ParsedQuery): Promise<CompiledQuery> {
  if (parsed.problem) return { swedish: null, names: null, newest: null, oldest: null };
  const prefix = parsed.prefix ? `${parsed.prefix}:*` : "";
  // Names are matched word by word, unstemmed: every word must occur, the last as a prefix.
  const words = parsed.prefix ? parsed.words.slice(0, -1) : parsed.words;
  const nameTerms = [...words, ...(prefix ? [prefix] : []), ...parsed.excluded.map((w) => `!${w}`)];
  const result = await sql<{
    ws: string;
    stem: string;
    plain: string;
    names: string;
    newest: string | null;
    oldest: string | null;
  }>`
    SELECT ${parsed.websearch ? sql`websearch_to_tsquery('swedish', ${parsed.websearch})::text` : sql`''`} AS ws,
      ${parsed.prefix ? sql`to_tsquery('swedish', ${parsed.prefix})::text` : sql`''`} AS stem,
      ${prefix ? sql`to_tsquery('simple', ${prefix})::text` : sql`''`} AS plain,
      ${nameTerms.length > 0 ? sql`to_tsquery('simple', ${nameTerms.join(" & ")})::text` : sql`''`} AS names,
      (SELECT max(date)::text FROM search_documents) AS newest,
      (SELECT min(date)::text FROM search_documents) AS oldest`.execute(tx);
  const r = result.rows[0];
  if (!r) return { swedish: null, names: null, newest: null, oldest: null };
  const typed = !r.stem || r.stem === r.plain ? r.plain : r.plain ? `${r.stem} | ${r.plain}` : r.stem;
  const parts = [r.ws, typed].filter((x) => x.length > 0).map((x) => `( ${x} )`);
  return {
    swedish: parts.length > 0 ? parts.join(" & ") : null,
    names: r.names.length > 0 && words.length + (prefix ? 1 : 0) > 0 ? r.names : null,
    newest: r.newest,
    oldest: r.oldest,
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

/** How the matches were gathered: all of them, or those in a window of the newest months or years. */
export type Coverage = { total: number; more: boolean; since: string | null };

/** Stop widening the window once it holds this many hits. */
export const WINDOW_WANTED = 100;
/** Never read more candidates than this in one step. */
export const STEP_CAP = 500;

/**
 * Runs `step` on ever wider windows of the newest documents until one holds `wanted` hits (or on
 * everything). A year filter is a window of its own. Each step reads at most its cap of rows,
 * and GIN intersects word and window inside the index, so a common word costs no more than a rare one.
 */
export async function widenUntilEnough<T extends { total: number }>(
  opts: { filters: DocumentFilters; wanted: number; cap: number; newest: string | null; oldest: string | null },
  step: (windowQuery: string | null) => Promise<T>,
): Promise<T & Coverage> {
  if (opts.filters.year !== undefined) {
    const result = await step(`'${yearToken(opts.filters.year)}'`);
    return { ...result, more: result.total >= opts.cap, since: null };
  }
  const { newest, oldest } = opts;
  // Windows reaching back over half the archive cost as much as the whole archive: skip them.
  const windows = newest && oldest ? searchWindows(newest).filter((w) => w.since > midpoint(oldest, newest)) : [];
  let window: SearchWindow | null = windows[0] ?? null;
  for (;;) {
    const result = await step(window ? windowTsquery(window) : null);
    if (!window) return { ...result, more: result.total >= opts.cap, since: null };
    if (result.total >= opts.wanted) return { ...result, more: true, since: window.since };
    window = nextWindow(windows, window.months, result.total, opts.wanted);
  }
}

/** The day halfway between two YYYY-MM-DD dates. */
function midpoint(from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + (b - a) / 2).toISOString().slice(0, 10);
}

function matchSql(tsquery: string, windowQuery: string | null) {
  return windowQuery
    ? sql`d.document @@ (${tsquery}::tsquery && ${windowQuery}::tsquery)`
    : sql`d.document @@ ${tsquery}::tsquery`;
}

/**
 * Ranks the readable documents matching a compiled query; hits of a kind the query names
 * ("beslut ...", "uppdrag ...") come first, then by rank, then newest first. Common words are
 * ranked within the newest window that holds enough hits (see widenUntilEnough).
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
    /** the newest and oldest documents' dates (from compileQuery): the windows count back from the newest */
    newest: string | null;
    oldest: string | null;
    wanted?: number;
    cap?: number;
  },
): Promise<{ rows: RankedDocument[] } & Coverage> {
  const cap = opts.cap ?? STEP_CAP;
  const q = sql`${opts.tsquery}::tsquery`;
  const step = async (windowQuery: string | null) => {
    const result = await sql<RankedDocument & { total: number }>`
      WITH candidates AS (
        SELECT d.id, d.kind, d.source_id, d.meeting_id, d.item_id, d.network_id, d.date, d.document
        FROM search_documents d
        WHERE ${matchSql(opts.tsquery, windowQuery)} AND ${readableSql(opts.scope, "d.state", "d.network_id")}
          ${filterSql(opts.filters)}
        LIMIT ${cap}
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
    const total =
      result.rows[0]?.total ?? (opts.offset > 0 ? await countMatches(tx, { ...opts, cap, windowQuery }) : 0);
    return { rows: result.rows.map(({ total: _, ...r }) => r), total };
  };
  const widen = { filters: opts.filters, wanted: opts.wanted ?? WINDOW_WANTED, cap, newest: opts.newest };
  return widenUntilEnough({ ...widen, oldest: opts.oldest }, step);
}

async function countMatches(
  tx: Tx,
  opts: { tsquery: string; scope: ReadScope; filters: DocumentFilters; cap: number; windowQuery: string | null },
): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM search_documents d
      WHERE ${matchSql(opts.tsquery, opts.windowQuery)} AND ${readableSql(opts.scope, "d.state", "d.network_id")}
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

/** A person or network whose name matches (a network also by its purpose). */
export type EntityMatch = {
  kind: "person" | "network";
  id: number;
  name: string;
  /** a network's slug */
  slug: string | null;
  /** a person's title and municipality, a network's purpose with the matched words marked */
  snippet: string;
};

/**
 * People matching a names query (unstemmed, other spellings too) and networks matching a query by
 * name and purpose, in one round trip; optionally only members or sub-networks of some networks,
 * or people of a municipality.
 */
export async function searchEntities(
  tx: Tx,
  opts: {
    names: string | null;
    tsquery: string | null;
    networkIds?: number[];
    municipalityId?: number;
    limit: number;
  },
): Promise<EntityMatch[]> {
  const parts: RawBuilder<unknown>[] = [];
  if (opts.names) {
    const q = sql`${opts.names}::tsquery`;
    parts.push(sql`(SELECT 'person' AS kind, p.id, p.name, NULL::text AS slug,
        concat_ws(', ', p.title, k.name) AS snippet, 0::real AS score
      FROM people p LEFT JOIN municipalities k ON k.id = p.municipality_id
      WHERE p.anonymized_at IS NULL
        AND p.id IN (SELECT id FROM people WHERE to_tsvector('simple', name) @@ ${q}
          UNION SELECT person_id FROM person_aliases WHERE to_tsvector('simple', alias) @@ ${q})
        ${opts.municipalityId !== undefined ? sql`AND p.municipality_id = ${opts.municipalityId}` : sql``}
        ${
          opts.networkIds
            ? sql`AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id
                AND m.network_id = ANY(${sql.val(opts.networkIds)}::int[]))`
            : sql``
        }
      ORDER BY p.name, p.id LIMIT ${opts.limit})`);
  }
  if (opts.tsquery && opts.municipalityId === undefined) {
    const q = sql`${opts.tsquery}::tsquery`;
    const doc = sql`to_tsvector('swedish', n.name || ' ' || n.purpose)`;
    parts.push(sql`(SELECT 'network' AS kind, n.id, n.name, n.slug, ts_headline('swedish', n.purpose, ${q}, ${HEADLINE}),
        ts_rank_cd(${doc}, ${q}) AS score
      FROM networks n
      WHERE ${doc} @@ ${q} ${opts.networkIds ? sql`AND n.id = ANY(${sql.val(opts.networkIds)}::int[])` : sql``}
      ORDER BY score DESC, n.name LIMIT ${opts.limit})`);
  }
  if (parts.length === 0) return [];
  const rows = await sql<EntityMatch>`
      SELECT kind, id, name, slug, snippet FROM (${sql.join(parts, sql` UNION ALL `)}) x
      ORDER BY kind = 'network', score DESC, name, id`.execute(tx);
  return rows.rows;
}
