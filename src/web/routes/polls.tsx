import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { answerDatePoll } from "../../commands/answerDatePoll.js";
import { createDatePoll } from "../../commands/createDatePoll.js";
import { getDatePollList, getDatePollPage, getNewDatePollForm } from "../../commands/getDatePollPages.js";
import { pickDatePollOptions } from "../../commands/pickDatePollOptions.js";
import { remindDatePoll } from "../../commands/remindDatePoll.js";
import type { Tx } from "../../db/client.js";
import { idList } from "../../domain/form-fields.js";
import { DatePollInput, parsePollAnswers, parsePollOptions } from "../../domain/poll-input.js";
import { attempt, type FormState, failedForm, formBody, invalidForm, parseForm } from "../forms.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput, SlugParams } from "../validate.js";
import { noticeFrom } from "../views/meeting-editor-layout.js";
import { DatePollListPage, DatePollPage, NewDatePollPage, type ReminderNotice } from "../views/poll-pages.js";

function reminderNotice(query: unknown): ReminderNotice {
  const q = (query ?? {}) as { paminda?: unknown; utan?: unknown };
  const n = (v: unknown) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : undefined);
  const queued = n(q.paminda);
  return queued === undefined ? undefined : { queued, without: n(q.utan) ?? 0 };
}

/** Date polls: a network's polls, a new poll, answering, reminding and picking dates into meetings. */
export function registerPollRoutes(app: FastifyInstance, db: Tx): void {
  const run = <T,>(fn: (tx: Tx) => Promise<T>) => attempt(() => db.transaction().execute(fn));
  const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

  async function pollPage(req: FastifyRequest, reply: FastifyReply, pollId: number, state?: FormState, status = 200) {
    const data = await getDatePollPage(db, { actor: req.actor, pollId });
    return sendPage(
      reply,
      <DatePollPage
        data={data}
        csrf={req.csrfToken}
        state={state}
        notice={noticeFrom(req.query)}
        reminded={state ? undefined : reminderNotice(req.query)}
      />,
      status,
    );
  }

  app.get("/natverk/:slug/omrostningar", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const data = await getDatePollList(db, { actor: req.actor, slug });
    return sendPage(reply, <DatePollListPage data={data} />);
  });

  app.get("/natverk/:slug/omrostningar/ny", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    const data = await getNewDatePollForm(db, { actor: req.actor, slug });
    return sendPage(reply, <NewDatePollPage data={data} csrf={req.csrfToken} />);
  });

  app.post("/natverk/:slug/omrostningar/ny", async (req, reply) => {
    const { slug } = parseInput(SlugParams, req.params, "Adressen");
    // The form is only shown to those who may propose dates: ask before reading it.
    const data = await getNewDatePollForm(db, { actor: req.actor, slug });
    const body = formBody(req);
    const details = parseForm(DatePollInput, body);
    const options = parsePollOptions(body);
    const result =
      details.ok && options.ok
        ? await run((tx) =>
            createDatePoll(tx, {
              actor: req.actor,
              networkId: data.network.id,
              input: details.data,
              options: options.options,
            }),
          )
        : invalidForm({ ...(details.ok ? {} : details.errors), ...(options.ok ? {} : options.errors) });
    if (result.ok) return see(reply, `/omrostningar/${result.value.pollId}?klart=omrostning`);
    return sendPage(
      reply,
      <NewDatePollPage data={data} csrf={req.csrfToken} state={failedForm("omrostning", body, result)} />,
      result.status,
    );
  });

  app.get("/omrostningar/:id", async (req, reply) => {
    const { id: pollId } = parseInput(IdParams, req.params, "Adressen");
    return pollPage(req, reply, pollId);
  });

  app.post("/omrostningar/:id/svar", async (req, reply) => {
    const { id: pollId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const answers = parsePollAnswers(body);
    const result = await run((tx) => answerDatePoll(tx, { actor: req.actor, pollId, answers }));
    if (result.ok) return see(reply, `/omrostningar/${pollId}?klart=svar#svar-rubrik`);
    return pollPage(req, reply, pollId, failedForm("svar", body, result), result.status);
  });

  app.post("/omrostningar/:id/paminn", async (req, reply) => {
    const { id: pollId } = parseInput(IdParams, req.params, "Adressen");
    const result = await run((tx) => remindDatePoll(tx, { actor: req.actor, pollId }));
    if (result.ok) {
      const { queued, skipped } = result.value;
      return see(reply, `/omrostningar/${pollId}?paminda=${queued}&utan=${skipped.length}`);
    }
    return pollPage(req, reply, pollId, failedForm("paminn", {}, result), result.status);
  });

  app.post("/omrostningar/:id/valj", async (req, reply) => {
    const { id: pollId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const parsed = idList.safeParse(body.options);
    const optionIds = parsed.success ? parsed.data : [];
    const result = await run((tx) => pickDatePollOptions(tx, { actor: req.actor, pollId, optionIds }));
    if (result.ok) return see(reply, `/omrostningar/${pollId}?klart=moten#moten-rubrik`);
    return pollPage(req, reply, pollId, failedForm("valj", body, result), result.status);
  });
}
