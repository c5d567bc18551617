import type { FastifyReply, FastifyRequest } from "fastify";
import { abilitiesIn } from "../../commands/getAbilities.js";
import { getMeetingPage } from "../../commands/getMeetingPage.js";
import type { Tx } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import type { FormState } from "../forms.js";
import { sendPage } from "../render.js";
import { MeetingPage } from "../views/meeting-page.js";

/** Renders the meeting page again with a failed form's state (the forms on it post elsewhere). */
export async function sendMeetingPage(
  db: Tx,
  req: FastifyRequest,
  reply: FastifyReply,
  meetingId: number,
  state: FormState,
  status: number,
) {
  const data = await getMeetingPage(db, { actor: req.actor, meetingId, today: todayInSweden() });
  const abilities = await abilitiesIn(db, req.actor, data.meeting.network_id);
  return sendPage(reply, <MeetingPage data={data} abilities={abilities} csrf={req.csrfToken} state={state} />, status);
}
