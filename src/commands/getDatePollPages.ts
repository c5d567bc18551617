import { sql } from "kysely";
import type { Tx } from "../db/client.js";
import { findPoll, listNetworkPolls, listPollAnswers, listPollOptions } from "../db/queries/date-polls.js";
import { listNetworkRecipients } from "../db/queries/mail.js";
import { findNetworkBySlug } from "../db/queries/networks.js";
import { todayInSweden } from "../domain/dates.js";
import { type Actor, allows } from "../domain/permissions.js";
import type { PollAnswer } from "../domain/poll-input.js";
import { notFound } from "../errors.js";
import { authorize, networkRolesOf } from "./authorize.js";

async function abilities(tx: Tx, actor: Actor, networkId: number) {
  const roles = actor.isAdmin ? [] : await networkRolesOf(tx, actor, networkId);
  return {
    canAnswer: allows(actor, roles, "poll.answer") && actor.personId !== null,
    canManage: allows(actor, roles, "poll.manage"),
  };
}

/** A network's date polls, for its members and coordinators. */
export async function getDatePollList(tx: Tx, opts: { actor: Actor; slug: string }) {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  await authorize(tx, opts.actor, "poll.answer", { networkId: network.id });
  const polls = await listNetworkPolls(tx, network.id);
  return { network, polls, ...(await abilities(tx, opts.actor, network.id)) };
}

/** The data the poll list view receives. */
export type DatePollListData = Awaited<ReturnType<typeof getDatePollList>>;

/** The network a coordinator proposes dates in, for the new-poll form. */
export async function getNewDatePollForm(tx: Tx, opts: { actor: Actor; slug: string }) {
  const network = await findNetworkBySlug(tx, opts.slug);
  if (!network) throw notFound("Nätverket");
  await authorize(tx, opts.actor, "poll.manage", { networkId: network.id });
  const last = await tx
    .selectFrom("meetings")
    .select(["location", "start_time", "end_time"])
    .where("network_id", "=", network.id)
    .where("state", "<>", "cancelled")
    .orderBy("date", "desc")
    .limit(1)
    .executeTakeFirst();
  return { network, today: todayInSweden(), suggested: last ?? null };
}

/** The data the new-poll form receives. */
export type NewDatePollData = Awaited<ReturnType<typeof getNewDatePollForm>>;

/**
 * One poll: the proposed dates with their totals, everyone's answers as a matrix (current members,
 * and anyone who answered and has left since), the viewer's own answers and what they may do.
 */
export async function getDatePollPage(tx: Tx, opts: { actor: Actor; pollId: number }) {
  const poll = await findPoll(tx, opts.pollId);
  if (!poll) throw notFound("Omröstningen");
  await authorize(tx, opts.actor, "poll.answer", { networkId: poll.networkId });
  const [options, answers, members, reminders] = await Promise.all([
    listPollOptions(tx, poll.id),
    listPollAnswers(tx, poll.id),
    listNetworkRecipients(tx, poll.networkId, todayInSweden()),
    sql<{ count: number; last: Date | null }>`
      SELECT count(*)::int AS count, max(sent_at) AS last FROM date_poll_reminders WHERE poll_id = ${poll.id}`.execute(
      tx,
    ),
  ]);
  const byPerson = new Map<number, Map<number, PollAnswer>>();
  for (const a of answers) {
    const m = byPerson.get(a.personId) ?? new Map<number, PollAnswer>();
    m.set(a.optionId, a.answer);
    byPerson.set(a.personId, m);
  }
  const people = new Map(members.map((m) => [m.personId, { personId: m.personId, name: m.name, current: true }]));
  for (const a of answers) {
    if (!people.has(a.personId)) people.set(a.personId, { personId: a.personId, name: a.name, current: false });
  }
  const rows = [...people.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((p) => ({ ...p, answers: byPerson.get(p.personId) ?? new Map<number, PollAnswer>() }));
  const mine = opts.actor.personId !== null ? (byPerson.get(opts.actor.personId) ?? null) : null;
  const reminder = reminders.rows[0] ?? { count: 0, last: null };
  return {
    poll,
    options,
    rows,
    mine,
    unanswered: rows.filter((r) => r.current && r.answers.size === 0).length,
    reminders: reminder,
    ...(await abilities(tx, opts.actor, poll.networkId)),
  };
}

/** The data the poll page receives. */
export type DatePollPageData = Awaited<ReturnType<typeof getDatePollPage>>;
