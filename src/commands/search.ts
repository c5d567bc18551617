import { z } from "zod";
import type { Tx } from "../db/client.js";
import { findMunicipality, findNetworkScope, type NetworkScope } from "../db/queries/lookups.js";
import type { ReadScope } from "../db/queries/scope.js";
import {
  type CompiledQuery,
  compileQuery,
  type DocumentDetail,
  type DocumentFilters,
  type DocumentKind,
  documentDetails,
  rankDocuments,
  searchEntities,
} from "../db/queries/search.js";
import { formatDate } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { hitTitle, hitUrl, type SnippetPart, snippetParts } from "../domain/search-hit.js";
import { type ParsedQuery, parseSearchQuery } from "../domain/search-query.js";
import { AppError } from "../errors.js";
import { readScopeOf } from "./readScope.js";

/** How many hits a page shows. */
export const PAGE_SIZE = 20;
/** The deepest page: nobody reads further, and deep offsets only cost. */
export const MAX_PAGE = 50;

/** Every kind of hit. */
export const HIT_KINDS = ["item", "decision", "action", "person", "network"] as const;
/** A kind of hit. */
export type HitKind = (typeof HIT_KINDS)[number];

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** What a search asks for; the web and the CLI parse into this (empty form fields mean "any"). */
export const SearchInput = z.object({
  q: z.string().max(100_000, "sökningen är för lång").default(""),
  network: z.preprocess(blank, z.string().trim().max(200).optional()),
  year: z.preprocess(
    blank,
    z.coerce.number().int().min(1900, "året är orimligt").max(2200, "året är orimligt").optional(),
  ),
  kind: z.preprocess(blank, z.enum(HIT_KINDS, "okänd sorts träff").optional()),
  person: z.preprocess(blank, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  municipality: z.preprocess(blank, z.string().trim().max(200).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(MAX_PAGE, `högst sida ${MAX_PAGE}`).default(1)),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(PAGE_SIZE)),
});

/** A parsed search request. */
export type SearchRequest = z.infer<typeof SearchInput>;

/** One hit as the page, the API and the CLI show it. */
export type SearchHit = {
  kind: HitKind;
  network: string | null;
  networkSlug: string | null;
  /** YYYY-MM-DD of the meeting, where there is one */
  date: string | null;
  title: string;
  /** the title in parts, matched words marked (items only; others are plain) */
  titleParts: SnippetPart[];
  /** plain text of the snippet */
  snippet: string;
  /** the snippet in parts, the matched words marked */
  parts: SnippetPart[];
  url: string;
  meetingId: number | null;
  itemId: number | null;
  id: number;
};

/** The answer to a search. */
export type SearchResult = {
  query: string;
  hits: SearchHit[];
  /** matching documents counted (people and networks not counted) */
  total: number;
  /** true when there are more matches than were counted (older than `since`, or past the cap) */
  more: boolean;
  /** when only the newest matches were ranked: the first day of the window they came from */
  since: string | null;
  page: number;
  pageSize: number;
  /** a calm Swedish sentence when nothing could be searched for, or why nothing was found */
  message: string | null;
  /** notes about how the query was read ("the query was cut") */
  notes: string[];
  /** the resolved filters, for showing them back */
  filters: { networkId: number | null; networkName: string | null; municipalityId: number | null };
};

function toHit(d: DocumentDetail): SearchHit {
  const parts = snippetParts(d.snippet);
  return {
    kind: d.kind,
    network: d.networkName,
    networkSlug: d.networkSlug,
    date: d.date,
    title: hitTitle(d),
    titleParts: d.kind === "item" && d.titleMarked ? snippetParts(d.titleMarked) : [{ text: hitTitle(d), hit: false }],
    snippet: parts.map((p) => p.text).join(""),
    parts,
    url: hitUrl(d),
    meetingId: d.meetingId,
    itemId: d.itemId,
    id: d.sourceId,
  };
}

/** A search request resolved: who may read what, the compiled query and the filters. */
export type PreparedSearch = {
  scope: ReadScope;
  parsed: ParsedQuery;
  compiled: CompiledQuery;
  network: NetworkScope | null;
  municipality: { id: number; name: string } | null;
  filters: DocumentFilters;
  documentKinds: DocumentKind[];
  notes: string[];
};

/**
 * Authorizes, parses and compiles a search and resolves its filters. Unknown networks and
 * municipalities are bad requests (they come from a form or a flag); the query text never is.
 */
export async function prepareSearch(tx: Tx, actor: Actor, input: SearchRequest): Promise<PreparedSearch> {
  const scope = await readScopeOf(tx, actor);
  const parsed = parseSearchQuery(input.q);
  const notes = parsed.truncated ? ["Sökningen var mycket lång och har kortats."] : [];
  const network = input.network ? ((await findNetworkScope(tx, input.network)) ?? null) : null;
  if (input.network && !network) {
    throw new AppError("bad_request", `Nätverket ”${input.network.slice(0, 80)}” finns inte.`, { where: "network" });
  }
  const municipality = input.municipality ? ((await findMunicipality(tx, input.municipality)) ?? null) : null;
  if (input.municipality && !municipality) {
    throw new AppError("bad_request", `Kommunen ”${input.municipality.slice(0, 80)}” finns inte.`, {
      where: "municipality",
    });
  }
  const compiled = await compileQuery(tx, parsed);
  const documentKinds = (["item", "decision", "action"] as DocumentKind[]).filter(
    (k) => input.kind === undefined || input.kind === k,
  );
  const filters: DocumentFilters = {
    ...(network ? { networkIds: network.ids } : {}),
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.kind ? { kinds: documentKinds } : {}),
    ...(input.person !== undefined ? { personId: input.person } : {}),
    ...(municipality ? { municipalityId: municipality.id } : {}),
  };
  return { scope, parsed, compiled, network, municipality, filters, documentKinds, notes };
}

/**
 * Searches item titles and notes, decisions, actions, people and networks the actor may read.
 * Never fails on what was typed: empty or absurd queries give a message and no hits.
 */
export async function search(tx: Tx, actor: Actor, input: SearchRequest): Promise<SearchResult> {
  const { scope, parsed, compiled, network, municipality, filters, documentKinds, notes } = await prepareSearch(
    tx,
    actor,
    input,
  );
  const base = {
    query: input.q,
    hits: [] as SearchHit[],
    total: 0,
    more: false,
    since: null as string | null,
    page: input.page,
    pageSize: input.limit,
    notes,
    filters: {
      networkId: network?.id ?? null,
      networkName: network?.name ?? null,
      municipalityId: municipality?.id ?? null,
    },
  };
  if (parsed.problem) return { ...base, message: parsed.problem };
  const offset = (input.page - 1) * input.limit;
  const ranked =
    compiled.swedish && documentKinds.length > 0
      ? await rankDocuments(tx, {
          tsquery: compiled.swedish,
          scope,
          filters,
          kindHints: parsed.kindHints,
          limit: input.limit,
          offset,
          newest: compiled.newest,
          oldest: compiled.oldest,
        })
      : { rows: [], total: 0, more: false, since: null };
  const details = compiled.swedish
    ? await documentDetails(
        tx,
        ranked.rows.map((r) => r.id),
        compiled.swedish,
      )
    : [];

  // People and networks are few and named exactly: they lead the first page.
  const entities: SearchHit[] = [];
  if (input.page === 1 && input.year === undefined && input.person === undefined) {
    const matches = await searchEntities(tx, {
      names: input.kind === undefined || input.kind === "person" ? compiled.names : null,
      tsquery: input.kind === undefined || input.kind === "network" ? compiled.swedish : null,
      ...(network ? { networkIds: network.ids } : {}),
      ...(municipality ? { municipalityId: municipality.id } : {}),
      limit: 5,
    });
    for (const m of matches) {
      const parts = m.kind === "network" ? snippetParts(m.snippet) : [{ text: m.snippet, hit: false }];
      entities.push({
        kind: m.kind,
        network: m.kind === "network" ? m.name : null,
        networkSlug: m.slug,
        date: null,
        title: m.name,
        titleParts: [{ text: m.name, hit: false }],
        snippet: parts.map((p) => p.text).join(""),
        parts: parts.filter((p) => p.text.length > 0),
        url: m.kind === "network" ? `/natverk/${m.slug}` : `/personer/${m.id}`,
        meetingId: null,
        itemId: null,
        id: m.id,
      });
    }
  }

  const hits = [...entities, ...details.map(toHit)];
  return {
    ...base,
    hits,
    total: ranked.total,
    more: ranked.more,
    since: ranked.since,
    message:
      hits.length > 0
        ? null
        : !compiled.swedish
          ? "Sökningen innehöll bara vanliga småord (som ”och”, ”att”). Lägg till ett ord som säger mer."
          : input.page > 1
            ? "Inga fler träffar."
            : "Inga träffar.",
    notes: ranked.since
      ? [
          ...notes,
          `Sökningen ger många träffar: de från ${formatDate(ranked.since)} och framåt är rangordnade. Lägg till ett ord eller välj ett år för att hitta äldre.`,
        ]
      : notes,
  };
}
