import type { SearchPageData } from "../../commands/getSearchPage.js";
import { type HitKind, MAX_PAGE, type SearchHit, type SearchRequest } from "../../commands/search.js";
import { formatDate } from "../../domain/dates.js";
import type { SnippetPart } from "../../domain/search-hit.js";
import { DateText } from "./components.js";
import { Layout } from "./layout.js";

/** Swedish names of the kinds of hits. */
export const HIT_KIND_LABELS: Record<HitKind, string> = {
  item: "Punkt",
  decision: "Beslut",
  action: "Uppdrag",
  person: "Person",
  network: "Nätverk",
};

/** A link to a search page with the same filters, some changed. */
export function searchHref(path: string, input: Partial<SearchRequest>, changes: Partial<SearchRequest> = {}): string {
  const all: Record<string, unknown> = { ...input, ...changes };
  const params = new URLSearchParams();
  for (const key of ["q", "network", "year", "kind", "person", "municipality", "page"]) {
    const v = all[key];
    if (v === undefined || v === null || v === "" || (key === "page" && v === 1)) continue;
    params.set(key, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Text with the matched words in <mark>; everything is escaped by Preact. */
export function Marked({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li class={`hit hit-${hit.kind}`}>
      <p class="hit-kind">
        <span class={`badge kind-${hit.kind}`}>{HIT_KIND_LABELS[hit.kind]}</span>
        {hit.network && hit.kind !== "network" && <span class="muted"> {hit.network}</span>}
        {hit.date && (
          <span class="muted">
            {" · "}
            <DateText date={hit.date} />
          </span>
        )}
      </p>
      <h3>
        <a href={hit.url}>
          <Marked parts={hit.titleParts} />
        </a>
      </h3>
      {hit.parts.length > 0 && (
        <p class="snippet">
          <Marked parts={hit.parts} />
        </p>
      )}
    </li>
  );
}

type Options = SearchPageData["options"];

/** The search box with its filters; on a network's page the network is fixed. */
export function SearchForm(props: { input: Partial<SearchRequest>; options: Options; fixedNetwork?: string }) {
  const { input, options } = props;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; the role works everywhere
    <form role="search" action="/sok" method="get" class="search-form" aria-label="Sök i arkivet">
      <div class="search-box">
        <label for="sok-q">Sök i anteckningar, beslut, uppdrag, personer och nätverk</label>
        <div class="search-row">
          <input
            id="sok-q"
            type="search"
            name="q"
            value={input.q ?? ""}
            maxLength={500}
            autocomplete="off"
            aria-describedby="sok-hjalp"
            data-live="sok-live"
          />
          <button type="submit">Sök</button>
        </div>
        <p id="sok-hjalp" class="hint">
          Böjningar ingår (beslut hittar beslutade). Skriv ”två ord” för en fras och -ord för att utesluta.
        </p>
      </div>
      {props.fixedNetwork && <input type="hidden" name="network" value={props.fixedNetwork} />}
      {options.signedIn && !props.fixedNetwork && (
        <details
          class="filters"
          open={Boolean(input.network || input.year || input.kind || input.person || input.municipality)}
        >
          <summary>Avgränsa sökningen</summary>
          <div class="filter-grid">
            <p>
              <label for="sok-network">Nätverk</label>
              <select id="sok-network" name="network">
                <option value="">Alla nätverk</option>
                {options.networks.map((n) => (
                  <option key={n.id} value={n.slug} selected={input.network === n.slug}>
                    {n.name}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-year">År</label>
              <select id="sok-year" name="year">
                <option value="">Alla år</option>
                {options.years.map((y) => (
                  <option key={y} value={String(y)} selected={input.year === y}>
                    {y}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-kind">Sort</label>
              <select id="sok-kind" name="kind">
                <option value="">Allt</option>
                {(Object.keys(HIT_KIND_LABELS) as HitKind[]).map((k) => (
                  <option key={k} value={k} selected={input.kind === k}>
                    {HIT_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-person">Person</label>
              <select id="sok-person" name="person">
                <option value="">Alla personer</option>
                {options.people.map((p) => (
                  <option key={p.id} value={String(p.id)} selected={input.person === p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-municipality">Kommun</label>
              <select id="sok-municipality" name="municipality">
                <option value="">Alla kommuner</option>
                {options.municipalities.map((k) => (
                  <option
                    key={k.id}
                    value={k.name}
                    selected={input.municipality?.toLowerCase() === k.name.toLowerCase()}
                  >
                    {k.name}
                  </option>
                ))}
              </select>
            </p>
          </div>
        </details>
      )}
      <div id="sok-live" class="live-results" aria-live="polite" />
      <script type="module" src="/assets/search.js" />
    </form>
  );
}

function summaryText(result: NonNullable<SearchPageData["result"]>): string {
  const n = result.total.toLocaleString("sv-SE");
  const words = `${result.total === 1 ? "träff" : "träffar"} i anteckningar, beslut och uppdrag`;
  if (result.total === 0)
    return result.hits.length > 0 ? "Inga träffar i anteckningar, beslut och uppdrag." : (result.message ?? "");
  if (result.since) return `${n} ${words} sedan ${formatDate(result.since)}, och fler äldre.`;
  if (result.more) return `Fler än ${n} ${words}.`;
  return `${n} ${words}.`;
}

function Summary({ result }: { result: NonNullable<SearchPageData["result"]> }) {
  return (
    <p class="summary" role="status">
      {summaryText(result)}
    </p>
  );
}

/** The search page: the form, then ranked hits with highlighted snippets, pages and a timeline link. */
export function SearchPage(props: { input: SearchRequest & { asked: boolean }; data: SearchPageData }) {
  const { input, data } = props;
  const result = data.result;
  const heading = result && input.q.trim() ? `Sök: ${input.q.trim().slice(0, 80)}` : "Sök";
  const lastPage = result ? Math.min(MAX_PAGE, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <Layout title={heading} active="search">
      <h1>Sök</h1>
      <SearchForm input={input} options={data.options} />
      {!data.options.signedIn && (
        <p class="notice">
          Logga in för att söka. Du ser justerade anteckningar, och utkast i de nätverk där du är medlem.
        </p>
      )}
      {result && (
        <section aria-labelledby="traffar" class="results">
          <h2 id="traffar">Träffar</h2>
          <Summary result={result} />
          {result.notes.map((n) => (
            <p key={n} class="muted">
              {n}
            </p>
          ))}
          {result.hits.length > 0 && (
            <>
              <p>
                <a href={searchHref("/sok/tidslinje", input, { page: 1 })}>Visa ämnet som tidslinje</a>
              </p>
              <ol class="hits">
                {result.hits.map((h) => (
                  <Hit key={`${h.kind}-${h.id}`} hit={h} />
                ))}
              </ol>
            </>
          )}
          {result.hits.length === 0 && result.total > 0 && <p>{result.message}</p>}
          {(result.page > 1 || result.page < lastPage) && (
            <nav aria-label="Sidor med träffar" class="pager">
              {result.page > 1 ? (
                <a href={searchHref("/sok", input, { page: result.page - 1 })} rel="prev">
                  ← Föregående sida
                </a>
              ) : (
                <span />
              )}
              <span class="muted">Sida {result.page}</span>
              {result.page < lastPage && (
                <a href={searchHref("/sok", input, { page: result.page + 1 })} rel="next">
                  Nästa sida →
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </Layout>
  );
}

/** The search box on a network's page: searches that network and its sub-networks. */
export function NetworkSearchBox({ name, slug }: { name: string; slug: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; the role works everywhere
    <form role="search" action="/sok" method="get" class="network-search" aria-label={`Sök i ${name}`}>
      <label for="natverk-sok">Sök i nätverkets anteckningar, beslut och uppdrag</label>
      <div class="search-row">
        <input id="natverk-sok" type="search" name="q" maxLength={500} />
        <button type="submit">Sök</button>
      </div>
      <input type="hidden" name="network" value={slug} />
    </form>
  );
}
