import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { listMunicipalities, listNetworksForFilter, listPeopleForFilter } from "../db/queries/lookups.js";
import type { Actor } from "../domain/permissions.js";
import { type SearchRequest, type SearchResult, search } from "./search.js";

/** The choices the search form's filters offer: empty for nobody signed in. */
export async function getSearchOptions(tx: Tx, actor: Actor) {
  if (actor.userId === null && !actor.isAdmin) {
    return { signedIn: false, networks: [], people: [], municipalities: [], years: [] as number[] };
  }
  const [networks, people, municipalities, range] = await Promise.all([
    listNetworksForFilter(tx),
    listPeopleForFilter(tx),
    listMunicipalities(tx),
    sql<{ first: number | null; last: number | null }>`
      SELECT extract(year FROM min(date))::int AS first, extract(year FROM max(date))::int AS last FROM meetings`.execute(
      tx,
    ),
  ]);
  const { first, last } = range.rows[0] ?? { first: null, last: null };
  const years: number[] = [];
  if (first !== null && last !== null) for (let y = last; y >= first && years.length < 100; y--) years.push(y);
  return { signedIn: true, networks, people, municipalities, years };
}

/** The search form with its filter choices, and the result when something was asked. */
export async function getSearchPage(
  tx: Tx,
  actor: Actor,
  input: SearchRequest & { asked: boolean },
): Promise<{ options: Awaited<ReturnType<typeof getSearchOptions>>; result: SearchResult | null }> {
  const options = await getSearchOptions(tx, actor);
  const result = input.asked ? await search(tx, actor, input) : null;
  return { options, result };
}

/** The data the search page view receives. */
export type SearchPageData = Awaited<ReturnType<typeof getSearchPage>>;
