import type { FastifyInstance } from "fastify";
import { getSearchPage } from "../../commands/getSearchPage.js";
import { getTopicTimeline } from "../../commands/getTopicTimeline.js";
import { SearchInput, search } from "../../commands/search.js";
import type { Tx } from "../../db/client.js";
import { loadCharts } from "../charts.js";
import { sendPage } from "../render.js";
import { parseInput } from "../validate.js";
import { SearchPage } from "../views/search-page.js";
import { TimelinePage } from "../views/timeline-page.js";

/** The search page (/sok), its JSON API (/api/sok) and the topic timeline (/sok/tidslinje). */
export function registerSearchRoutes(app: FastifyInstance, db: Tx): void {
  app.get("/sok", async (req, reply) => {
    const input = parseInput(SearchInput, req.query, "Sökningen");
    const asked = typeof (req.query as Record<string, unknown>).q === "string";
    const data = await db.transaction().execute((tx) => getSearchPage(tx, req.actor, { ...input, asked }));
    return sendPage(reply, <SearchPage input={{ ...input, asked }} data={data} />);
  });

  app.get("/api/sok", async (req) => {
    const input = parseInput(SearchInput, req.query, "Sökningen");
    const result = await db.transaction().execute((tx) => search(tx, req.actor, input));
    return {
      hits: result.hits.map(({ titleParts: _, ...hit }) => hit),
      total: result.total,
      more: result.more,
      since: result.since,
      page: result.page,
      message: result.message,
      notes: result.notes,
    };
  });

  app.get("/sok/tidslinje", async (req, reply) => {
    const input = parseInput(SearchInput, req.query, "Sökningen");
    const data = await db.transaction().execute((tx) => getTopicTimeline(tx, req.actor, input));
    await loadCharts();
    return sendPage(reply, <TimelinePage input={input} data={data} />);
  });
}
