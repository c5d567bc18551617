import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findPoll, listPollOptions } from "../db/queries/date-polls.js";
import { describeDate } from "../domain/date-input.js";
import { formatDate, formatTimeRange } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import type { PollAnswer } from "../domain/poll-input.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** Why a poll takes no more answers, for messages. */
export function closedMessage(poll: { status: string; closedAt: Date | null; closesAt: Date | null }): string {
  const when = poll.closedAt ?? poll.closesAt;
  const day = when ? ` ${formatDate(when.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }))}` : "";
  return `Omröstningen stängdes${day}; svaren kan inte längre lämnas eller ändras.`;
}

/**
 * A member answers a date poll: yes, if need be or no for every proposed date. Answers can be
 * changed until the poll closes; after that they are refused with a clear message.
 */
export async function answerDatePoll(
  tx: Tx,
  opts: { actor: Actor; pollId: number; answers: Map<number, PollAnswer | "invalid"> },
): Promise<{ answered: number }> {
  const poll = await findPoll(tx, opts.pollId, { lock: true });
  if (!poll) throw notFound("Omröstningen");
  await authorize(tx, opts.actor, "poll.answer", { networkId: poll.networkId });
  const personId = opts.actor.personId;
  if (personId === null) {
    throw new AppError("bad_request", "Ditt konto är inte kopplat till en person i nätverket; kontakta samordnaren.");
  }
  if (!poll.isOpen) throw new AppError("conflict", closedMessage(poll));
  const options = await listPollOptions(tx, poll.id);
  const known = new Set(options.map((o) => o.id));
  for (const id of opts.answers.keys()) {
    if (!known.has(id)) throw new AppError("bad_request", "Svaret gäller ett datum som inte finns i omröstningen.");
  }
  for (const o of options) {
    const a = opts.answers.get(o.id);
    if (a === undefined || a === "invalid") {
      const time = formatTimeRange(o.startTime, o.endTime);
      throw new AppError(
        "bad_request",
        `Svara ja, om det behövs eller nej för ${describeDate(o.date)}${time ? ` kl. ${time}` : ""}.`,
        { where: `answer_${o.id}` },
      );
    }
  }
  const before = await tx
    .selectFrom("date_poll_answers")
    .select(["option_id", "answer"])
    .where("person_id", "=", personId)
    .where(
      "option_id",
      "in",
      options.map((o) => o.id),
    )
    .execute();
  for (const o of options) {
    const answer = opts.answers.get(o.id) as PollAnswer;
    await tx
      .insertInto("date_poll_answers")
      .values({ option_id: o.id, person_id: personId, answer })
      .onConflict((oc) => oc.columns(["option_id", "person_id"]).doUpdateSet({ answer, answered_at: new Date() }))
      .execute();
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "poll.answer",
    objectType: "date_poll",
    objectId: poll.id,
    before: before.length ? Object.fromEntries(before.map((b) => [b.option_id, b.answer])) : undefined,
    after: Object.fromEntries(options.map((o) => [o.id, opts.answers.get(o.id)])),
  });
  return { answered: options.length };
}
