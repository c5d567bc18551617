import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { appointChair } from "../../commands/appointChair.js";
import { getChairRotation } from "../../commands/getChairRotation.js";
import { getPlanPage } from "../../commands/getPlanPage.js";
import { getPlansOverview } from "../../commands/getPlansOverview.js";
import { removeTheme } from "../../commands/removeTheme.js";
import { reportApology } from "../../commands/reportApology.js";
import { savePlan } from "../../commands/savePlan.js";
import { saveTheme } from "../../commands/saveTheme.js";
import { setNextTheme } from "../../commands/setNextTheme.js";
import { startPlanFromLastYear } from "../../commands/startPlanFromLastYear.js";
import { withdrawApology } from "../../commands/withdrawApology.js";
import type { Tx } from "../../db/client.js";
import { findNetworkBySlug } from "../../db/queries/networks.js";
import { todayInSweden } from "../../domain/dates.js";
import { dateField, idList, requiredId } from "../../domain/form-fields.js";
import { ApologyInput, NextThemeInput, PlanInput, PlanYear, ThemeInput } from "../../domain/plan-input.js";
import { notFound } from "../../errors.js";
import { attempt, type FormState, failedForm, formBody, idParam, parseForm } from "../forms.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput, SlugParams } from "../validate.js";
import { ChairRotationPage } from "../views/chair-page.js";
import { noticeFrom } from "../views/meeting-editor-layout.js";
import { PlanPage, PlansOverviewPage } from "../views/plan-page.js";
import { sendMeetingPage } from "./meeting-page-reply.js";

const PlanParams = SlugParams.extend({ year: PlanYear });
const ThemeParams = PlanParams.extend({ id: idParam });
const YearQuery = z.object({ ar: PlanYear.optional() });
const AppointInput = z.object({
  person_id: requiredId("Välj den nya ordföranden."),
  date: dateField,
  replace_ids: idList,
});

/** Yearly plans and themes, the secretariat's overview of plans, apologies and the chair rotation. */
export function registerPlanRoutes(app: FastifyInstance, db: Tx): void {
  const run = <T,>(fn: (tx: Tx) => Promise<T>) => attempt(() => db.transaction().execute(fn));
  const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);
  const networkOf = async (slug: string) => {
    const n = await findNetworkBySlug(db, slug);
    if (!n) throw notFound("Nätverket");
    return n;
  };

  async function planPage(
    req: FastifyRequest,
    reply: FastifyReply,
    params: { slug: string; year: number },
    state?: FormState,
    status = 200,
  ) {
    const data = await getPlanPage(db, { actor: req.actor, ...params, today: todayInSweden() });
    return sendPage(
      reply,
      <PlanPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }

  app.get("/natverk/:slug/plan", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    return see(reply, `/natverk/${slug}/plan/${todayInSweden().slice(0, 4)}`);
  });

  app.get("/natverk/:slug/plan/:year", async (req, reply) => {
    const params = parseInput(PlanParams, req.params, "Adressen");
    return planPage(req, reply, params);
  });

  app.post("/natverk/:slug/plan/:year", async (req, reply) => {
    const params = parseInput(PlanParams, req.params, "Adressen");
    const network = await networkOf(params.slug);
    const body = formBody(req);
    const parsed = parseForm(PlanInput, body);
    const result = parsed.ok
      ? await run((tx) =>
          savePlan(tx, { actor: req.actor, networkId: network.id, year: params.year, input: parsed.data }),
        )
      : parsed;
    if (result.ok) return see(reply, `/natverk/${params.slug}/plan/${params.year}?klart=plan`);
    return planPage(req, reply, params, failedForm("plan", body, result), result.status);
  });

  app.post("/natverk/:slug/plan/:year/fran-forra-aret", async (req, reply) => {
    const params = parseInput(PlanParams, req.params, "Adressen");
    const network = await networkOf(params.slug);
    const result = await run((tx) =>
      startPlanFromLastYear(tx, { actor: req.actor, networkId: network.id, year: params.year, today: todayInSweden() }),
    );
    if (result.ok) return see(reply, `/natverk/${params.slug}/plan/${params.year}?klart=plan`);
    return planPage(req, reply, params, failedForm("plan", {}, result), result.status);
  });

  const themeRoute = (withId: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const params = withId
      ? parseInput(ThemeParams, req.params, "Adressen")
      : { ...parseInput(PlanParams, req.params, "Adressen"), id: undefined };
    const network = await networkOf(params.slug);
    const body = formBody(req);
    const parsed = parseForm(ThemeInput, body);
    const result = parsed.ok
      ? await run((tx) =>
          saveTheme(tx, {
            actor: req.actor,
            networkId: network.id,
            year: params.year,
            ...(params.id === undefined ? {} : { themeId: params.id }),
            input: parsed.data,
            today: todayInSweden(),
          }),
        )
      : parsed;
    if (result.ok) return see(reply, `/natverk/${params.slug}/plan/${params.year}?klart=sparat#teman-rubrik`);
    const form = params.id === undefined ? "nytt-tema" : `tema-${params.id}`;
    return planPage(req, reply, params, failedForm(form, body, result), result.status);
  };
  app.post("/natverk/:slug/plan/:year/teman", themeRoute(false));
  app.post("/natverk/:slug/plan/:year/teman/:id", themeRoute(true));

  app.post("/natverk/:slug/plan/:year/teman/:id/ta-bort", async (req, reply) => {
    const params = parseInput(ThemeParams, req.params, "Adressen");
    const network = await networkOf(params.slug);
    await db
      .transaction()
      .execute((tx) => removeTheme(tx, { actor: req.actor, networkId: network.id, themeId: params.id }));
    return see(reply, `/natverk/${params.slug}/plan/${params.year}?klart=tema-borttaget`);
  });

  app.get("/admin/verksamhetsplaner", async (req, reply) => {
    const { ar } = parseInput(YearQuery, req.query, "Året");
    const data = await getPlansOverview(db, { actor: req.actor, year: ar ?? Number(todayInSweden().slice(0, 4)) });
    return sendPage(reply, <PlansOverviewPage data={data} />);
  });

  app.post("/moten/:id/nasta-tema", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(NextThemeInput, body);
    const result = parsed.ok
      ? await run((tx) =>
          setNextTheme(tx, { actor: req.actor, meetingId: id, input: parsed.data, today: todayInSweden() }),
        )
      : parsed;
    if (result.ok) return see(reply, `/moten/${id}?klart=tema`);
    return sendMeetingPage(db, req, reply, id, failedForm("nasta-tema", body, result), result.status);
  });

  app.post("/moten/:id/forhinder", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = parseForm(ApologyInput, body);
    const result = parsed.ok
      ? await run((tx) => reportApology(tx, { actor: req.actor, meetingId: id, note: parsed.data.note }))
      : parsed;
    if (result.ok) return see(reply, `/moten/${id}?klart=forhinder`);
    return sendMeetingPage(db, req, reply, id, failedForm("forhinder", body, result), result.status);
  });

  app.post("/moten/:id/forhinder/ta-tillbaka", async (req, reply) => {
    const { id } = parseInput(IdParams, req.params, "Adressen");
    const result = await run((tx) => withdrawApology(tx, { actor: req.actor, meetingId: id }));
    if (result.ok) return see(reply, `/moten/${id}?klart=forhinder-tillbaka`);
    return sendMeetingPage(db, req, reply, id, failedForm("forhinder", {}, result), result.status);
  });

  async function chairPage(req: FastifyRequest, reply: FastifyReply, slug: string, state?: FormState, status = 200) {
    const data = await getChairRotation(db, { actor: req.actor, slug, today: todayInSweden() });
    return sendPage(
      reply,
      <ChairRotationPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }

  app.get("/natverk/:slug/ordforande", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    return chairPage(req, reply, slug);
  });

  app.post("/natverk/:slug/ordforande", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const network = await networkOf(slug);
    const body = formBody(req);
    const parsed = parseForm(AppointInput, body);
    const result = parsed.ok
      ? await run((tx) =>
          appointChair(tx, {
            actor: req.actor,
            networkId: network.id,
            personId: parsed.data.person_id,
            date: parsed.data.date,
            replaceIds: parsed.data.replace_ids,
          }),
        )
      : parsed;
    if (result.ok) return see(reply, `/natverk/${slug}/ordforande?klart=ordforande`);
    return chairPage(req, reply, slug, failedForm("ordforande", body, result), result.status);
  });
}
