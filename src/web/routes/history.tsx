import type { FastifyInstance } from "fastify";
import { getHistory } from "../../commands/getHistory.js";
import type { Tx } from "../../db/client.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput, SlugParams } from "../validate.js";
import { HistoryPage } from "../views/history-page.js";

/** The history tabs: what was changed on a meeting, a network or a person, by whom and when. */
export function registerHistoryRoutes(app: FastifyInstance, db: Tx): void {
  app.get("/moten/:id/historik", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const data = await getHistory(db, { actor: req.actor, of: { type: "meeting", id } });
    return sendPage(reply, <HistoryPage data={data} active="meetings" />);
  });

  app.get("/natverk/:slug/historik", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const data = await getHistory(db, { actor: req.actor, of: { type: "network", slug } });
    return sendPage(reply, <HistoryPage data={data} active="networks" />);
  });

  app.get("/personer/:id/historik", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const data = await getHistory(db, { actor: req.actor, of: { type: "person", id } });
    return sendPage(reply, <HistoryPage data={data} active="networks" />);
  });
}
