import type { FastifyInstance } from "fastify";
import { abilitiesIn, globalAbilities } from "../../commands/getAbilities.js";
import { getActionsList, getDecisionsList, getMeetingsList, getNetworksList } from "../../commands/getListPages.js";
import { getMeetingPage } from "../../commands/getMeetingPage.js";
import { getNetworkPage } from "../../commands/getNetworkPage.js";
import { getPersonPage } from "../../commands/getPersonPage.js";
import { getStartPage } from "../../commands/getStartPage.js";
import type { Tx } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput, SlugParams } from "../validate.js";
import { ActionsPage, DecisionsPage, MeetingsPage } from "../views/list-pages.js";
import { noticeFrom } from "../views/meeting-editor-layout.js";
import { MeetingPage } from "../views/meeting-page.js";
import { NetworkPage } from "../views/network-page.js";
import { NetworksPage } from "../views/networks-page.js";
import { PersonPage } from "../views/person-page.js";
import { StartPage } from "../views/start-page.js";

/** The read-only pages: overview, networks, meetings, people, actions, decisions. */
export function registerPageRoutes(app: FastifyInstance, db: Tx): void {
  app.get("/", async (req, reply) => {
    const data = await getStartPage(db, { actor: req.actor, today: todayInSweden() });
    return sendPage(reply, <StartPage data={data} />);
  });

  app.get("/natverk", async (req, reply) => {
    const networks = await getNetworksList(db, { actor: req.actor, today: todayInSweden() });
    return sendPage(reply, <NetworksPage networks={networks} canCreate={req.actor.isAdmin} />);
  });

  app.get("/natverk/:slug", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const data = await getNetworkPage(db, { actor: req.actor, slug, today: todayInSweden() });
    const abilities = await abilitiesIn(db, req.actor, data.network.id);
    return sendPage(reply, <NetworkPage data={data} abilities={abilities} />);
  });

  app.get("/moten", async (req, reply) => {
    const today = todayInSweden();
    const { upcoming, past } = await getMeetingsList(db, { actor: req.actor, today });
    const { planMeetings } = await globalAbilities(db, req.actor, today);
    return sendPage(reply, <MeetingsPage upcoming={upcoming} past={past} canPlan={planMeetings} />);
  });

  app.get("/moten/:id", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const data = await getMeetingPage(db, { actor: req.actor, meetingId: id, today: todayInSweden() });
    const abilities = await abilitiesIn(db, req.actor, data.meeting.network_id);
    return sendPage(
      reply,
      <MeetingPage data={data} abilities={abilities} csrf={req.csrfToken} notice={noticeFrom(req.query)} />,
    );
  });

  app.get("/personer/:id", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const data = await getPersonPage(db, { actor: req.actor, personId: id });
    return sendPage(reply, <PersonPage data={data} today={todayInSweden()} />);
  });

  app.get("/uppdrag", async (req, reply) => {
    const { open, done } = await getActionsList(db, { actor: req.actor });
    return sendPage(reply, <ActionsPage open={open} done={done} today={todayInSweden()} />);
  });

  app.get("/beslut", async (req, reply) => {
    const decisions = await getDecisionsList(db, { actor: req.actor });
    return sendPage(reply, <DecisionsPage decisions={decisions} />);
  });
}
