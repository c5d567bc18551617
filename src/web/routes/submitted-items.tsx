import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { deferSubmittedItem, scheduleSubmittedItem } from "../../commands/decideSubmittedItem.js";
import { getMeetingSubmissions, getMySubmittedItems } from "../../commands/getSubmittedItems.js";
import type { Tx } from "../../db/client.js";
import { DeferItemInput } from "../../domain/poll-input.js";
import { AppError } from "../../errors.js";
import { attempt, type FormState, failedForm, formBody, parseForm } from "../forms.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput } from "../validate.js";
import { noticeFrom } from "../views/meeting-editor-layout.js";
import { MeetingSubmissionsPage, MySubmittedItemsPage } from "../views/submitted-items-pages.js";

/** The meeting page the decision forms came from (a hidden field), to return to. */
const MeetingField = z.object({
  mote: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
});

/** Items sent in: the member's own list, and the coordinator's page to schedule or defer them. */
export function registerSubmittedItemRoutes(app: FastifyInstance, db: Tx): void {
  const run = <T,>(fn: (tx: Tx) => Promise<T>) => attempt(() => db.transaction().execute(fn));
  const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

  async function meetingItems(
    req: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    state?: FormState,
    status = 200,
  ) {
    const data = await getMeetingSubmissions(db, { actor: req.actor, meetingId });
    return sendPage(
      reply,
      <MeetingSubmissionsPage data={data} csrf={req.csrfToken} state={state} notice={noticeFrom(req.query)} />,
      status,
    );
  }

  app.get("/inskickade", async (req, reply) => {
    const data = await getMySubmittedItems(db, { actor: req.actor });
    return sendPage(reply, <MySubmittedItemsPage data={data} />);
  });

  app.get("/moten/:id/inskickade", async (req, reply) => {
    const { id: meetingId } = parseInput(IdParams, req.params, "Adressen");
    return meetingItems(req, reply, meetingId);
  });

  app.post("/inskickade/:id/dagordning", async (req, reply) => {
    const { id: submittedItemId } = parseInput(IdParams, req.params, "Adressen");
    const { mote } = parseInput(MeetingField, formBody(req), "Formuläret");
    const result = await run((tx) => scheduleSubmittedItem(tx, { actor: req.actor, submittedItemId }));
    if (result.ok) return see(reply, `/moten/${mote ?? result.value.meetingId}/inskickade?klart=placerad`);
    if (!mote) throw new AppError("bad_request", result.message);
    return meetingItems(req, reply, mote, failedForm(`placera-${submittedItemId}`, {}, result), result.status);
  });

  app.post("/inskickade/:id/skjut-upp", async (req, reply) => {
    const { id: submittedItemId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const { mote } = parseInput(MeetingField, body, "Formuläret");
    const parsed = parseForm(DeferItemInput, body);
    const result = parsed.ok
      ? await run((tx) =>
          deferSubmittedItem(tx, {
            actor: req.actor,
            submittedItemId,
            reason: parsed.data.reason,
            toMeetingId: parsed.data.meeting_id,
          }),
        )
      : parsed;
    if (result.ok) return see(reply, mote ? `/moten/${mote}/inskickade?klart=uppskjuten` : "/inskickade");
    if (!mote) throw new AppError("bad_request", result.message);
    return meetingItems(req, reply, mote, failedForm(`skjut-upp-${submittedItemId}`, body, result), result.status);
  });
}
