import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { closeAction } from "../../commands/closeAction.js";
import { getMinutesEditor } from "../../commands/getMinutesEditor.js";
import { getMyActions } from "../../commands/getMyActions.js";
import type { Tx } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { CloseActionInput } from "../../domain/meeting-input.js";
import { attempt, formBody, parseForm } from "../forms.js";
import { sendPage } from "../render.js";
import { IdParams, parseInput } from "../validate.js";
import { noticeFrom } from "../views/meeting-editor-layout.js";
import { MinutesEditorPage } from "../views/minutes-editor.js";
import { MyActionsPage } from "../views/my-actions-page.js";

const MeetingField = z.object({
  mote: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
});

/** "Mina uppdrag" and closing an action, from that page or from a meeting's minutes. */
export function registerMyActionRoutes(app: FastifyInstance, db: Tx): void {
  app.get("/uppdrag/mina", async (req, reply) => {
    const data = await getMyActions(db, { actor: req.actor });
    return sendPage(
      reply,
      <MyActionsPage data={data} today={todayInSweden()} csrf={req.csrfToken} notice={noticeFrom(req.query)} />,
    );
  });

  app.post("/uppdrag/:id/klart", async (req, reply) => {
    const { id: actionId } = parseInput(IdParams, req.params, "Adressen");
    const body = formBody(req);
    const { mote } = parseInput(MeetingField, body, "Formuläret");
    const parsed = parseForm(CloseActionInput, body);
    const result = parsed.ok
      ? await attempt(() =>
          db.transaction().execute((tx) =>
            closeAction(tx, {
              actor: req.actor,
              actionId,
              comment: parsed.data.comment,
              ...(mote ? { atMeetingId: mote } : {}),
            }),
          ),
        )
      : parsed;
    if (result.ok)
      return reply.redirect(mote ? `/moten/${mote}/anteckningar?klart=stangt` : "/uppdrag/mina?klart=stangt", 303);
    if (mote) {
      const data = await getMinutesEditor(db, { actor: req.actor, meetingId: mote });
      const state = { form: `stang-${actionId}`, values: body, errors: result.errors, message: result.message };
      return sendPage(reply, <MinutesEditorPage data={data} csrf={req.csrfToken} state={state} />, result.status);
    }
    const data = await getMyActions(db, { actor: req.actor });
    const state = { form: `klart-${actionId}`, values: body, errors: result.errors, message: result.message };
    return sendPage(
      reply,
      <MyActionsPage data={data} today={todayInSweden()} csrf={req.csrfToken} state={state} />,
      result.status,
    );
  });
}
