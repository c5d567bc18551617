import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findNetworkById } from "../db/queries/networks.js";
import { describeDate } from "../domain/date-input.js";
import { todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import type { DatePollInput, PollOptionInput } from "../domain/poll-input.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

// An option without a time counts as midnight, as the unique index on date_poll_options does.
const slot = (o: PollOptionInput) => `${o.date} ${o.start_time ?? "00:00"}`;

/**
 * A coordinator proposes dates (and times) for a network's meetings; members answer next. Refuses a
 * poll without dates, a date that has passed, the same date and time twice and an answer-by date in
 * the past; all of it or nothing is stored.
 */
export async function createDatePoll(
  tx: Tx,
  opts: { actor: Actor; networkId: number; input: DatePollInput; options: PollOptionInput[]; today?: string },
): Promise<{ pollId: number }> {
  const network = await findNetworkById(tx, opts.networkId);
  if (!network) throw notFound("Nätverket");
  await authorize(tx, opts.actor, "poll.manage", { networkId: network.id });
  if (network.status === "closed") {
    throw new AppError("bad_request", `${network.name} är avslutat; en omröstning behövs inte.`);
  }
  const today = opts.today ?? todayInSweden();
  const { input, options } = opts;
  if (options.length === 0) {
    throw new AppError("bad_request", "Föreslå minst ett datum: fyll i datumet i förslag 1.", {
      where: "option_date_1",
    });
  }
  if (options.length > 60) {
    throw new AppError("bad_request", "En omröstning kan ha högst 60 datumförslag.", { where: "option_date_1" });
  }
  const seen = new Map<string, number>();
  for (const o of options) {
    if (o.date < today) {
      throw new AppError(
        "bad_request",
        `Förslag ${o.row}: ${describeDate(o.date)} har redan varit. Föreslå datum från och med i dag.`,
        { where: `option_date_${o.row}` },
      );
    }
    const start = o.start_time ?? input.default_start_time;
    const end = o.end_time ?? input.default_end_time;
    if (start && end && end <= start) {
      throw new AppError("bad_request", `Förslag ${o.row}: sluttiden ${end} måste vara efter starttiden ${start}.`, {
        where: `option_end_${o.row}`,
      });
    }
    const first = seen.get(slot(o));
    if (first !== undefined) {
      throw new AppError(
        "bad_request",
        `Förslag ${o.row} är samma datum och tid som förslag ${first} (${describeDate(o.date)}${o.start_time ? ` kl. ${o.start_time}` : ""}).`,
        { where: `option_date_${o.row}` },
      );
    }
    seen.set(slot(o), o.row);
  }
  if (input.closes_on && input.closes_on < today) {
    throw new AppError("bad_request", `Sista svarsdag ${describeDate(input.closes_on)} har redan varit.`, {
      where: "closes_on",
    });
  }
  const poll = await tx
    .insertInto("date_polls")
    .values({
      network_id: network.id,
      title: input.title,
      description: input.description,
      location: input.location,
      default_start_time: input.default_start_time ?? null,
      default_end_time: input.default_end_time ?? null,
      // answers are taken to the end of the answer-by day, Swedish time
      closes_at: input.closes_on
        ? sql<Date>`(${input.closes_on}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'`
        : null,
      created_by: opts.actor.personId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("date_poll_options")
    .values(
      options.map((o) => ({
        poll_id: poll.id,
        date: o.date,
        start_time: o.start_time ?? null,
        end_time: o.end_time ?? null,
      })),
    )
    .execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "poll.create",
    objectType: "date_poll",
    objectId: poll.id,
    after: { network_id: network.id, ...input, options: options.map(({ row: _row, ...o }) => o) },
  });
  return { pollId: poll.id };
}
