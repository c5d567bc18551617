import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findPoll, listPollOptions } from "../db/queries/date-polls.js";
import { describeDate } from "../domain/date-input.js";
import { todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { planMeeting } from "./planMeeting.js";

/** A meeting made from (or already linked to) a picked date. */
export type PickedMeeting = { optionId: number; meetingId: number; date: string; created: boolean };

/**
 * The coordinator picks one or more proposed dates: each becomes a planned meeting (through
 * planMeeting, with the poll's place and times) in one transaction, and the poll closes. Picking a
 * date again never makes a second meeting: the option remembers the meeting it became.
 */
export async function pickDatePollOptions(
  tx: Tx,
  opts: { actor: Actor; pollId: number; optionIds: number[]; today?: string },
): Promise<{ meetings: PickedMeeting[] }> {
  const poll = await findPoll(tx, opts.pollId, { lock: true });
  if (!poll) throw notFound("Omröstningen");
  await authorize(tx, opts.actor, "poll.manage", { networkId: poll.networkId });
  if (opts.optionIds.length === 0) {
    throw new AppError("bad_request", "Välj minst ett datum som ska bli ett möte.", { where: "options" });
  }
  const options = await listPollOptions(tx, poll.id);
  const chosen = options.filter((o) => opts.optionIds.includes(o.id));
  if (chosen.length !== new Set(opts.optionIds).size) {
    throw new AppError("bad_request", "Ett av de valda datumen finns inte i omröstningen.", { where: "options" });
  }
  const today = opts.today ?? todayInSweden();
  const passed = chosen.find((o) => o.meetingId === null && o.date < today);
  if (passed) {
    throw new AppError("bad_request", `${describeDate(passed.date)} har redan varit; välj ett datum framåt i tiden.`, {
      where: "options",
    });
  }
  const meetings: PickedMeeting[] = [];
  const hm = (t: string | null) => (t ? t.slice(0, 5) : undefined);
  for (const o of chosen) {
    if (o.meetingId !== null) {
      meetings.push({ optionId: o.id, meetingId: o.meetingId, date: o.date, created: false });
      continue;
    }
    const start = hm(o.startTime) ?? hm(poll.defaultStartTime);
    const end = hm(o.endTime) ?? hm(poll.defaultEndTime);
    const { meetingId } = await planMeeting(tx, {
      actor: opts.actor,
      networkId: poll.networkId,
      input: {
        date: o.date,
        ...(start ? { start_time: start } : {}),
        ...(end && (!start || end > start) ? { end_time: end } : {}),
        location: poll.location,
        title: "",
      },
    });
    await tx
      .updateTable("date_poll_options")
      .set({ chosen: true, meeting_id: meetingId })
      .where("id", "=", o.id)
      .execute();
    meetings.push({ optionId: o.id, meetingId, date: o.date, created: true });
  }
  if (poll.status === "open") {
    await tx
      .updateTable("date_polls")
      .set({ status: "closed", closed_at: new Date(), closed_by: opts.actor.personId })
      .where("id", "=", poll.id)
      .execute();
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "poll.pick",
    objectType: "date_poll",
    objectId: poll.id,
    before: { status: poll.status },
    after: { status: "closed", meetings },
  });
  return { meetings };
}
