import { sql } from "kysely";
import type { Tx } from "../client.js";

/** A date poll with its network, and whether answers are still taken. */
export type PollRow = {
  id: number;
  networkId: number;
  networkName: string;
  networkSlug: string;
  title: string;
  description: string;
  location: string;
  defaultStartTime: string | null;
  defaultEndTime: string | null;
  closesAt: Date | null;
  status: "open" | "closed";
  closedAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
  /** open, and its answer-by time has not passed */
  isOpen: boolean;
};

/** One poll by id (optionally locked for an update), or undefined. */
export async function findPoll(tx: Tx, pollId: number, opts: { lock?: boolean } = {}): Promise<PollRow | undefined> {
  if (opts.lock) await sql`SELECT id FROM date_polls WHERE id = ${pollId} FOR UPDATE`.execute(tx);
  return tx
    .selectFrom("date_polls as d")
    .innerJoin("networks as n", "n.id", "d.network_id")
    .leftJoin("people as c", "c.id", "d.created_by")
    .select([
      "d.id",
      "d.network_id as networkId",
      "n.name as networkName",
      "n.slug as networkSlug",
      "d.title",
      "d.description",
      "d.location",
      "d.default_start_time as defaultStartTime",
      "d.default_end_time as defaultEndTime",
      "d.closes_at as closesAt",
      "d.status",
      "d.closed_at as closedAt",
      "d.created_at as createdAt",
      "c.name as createdByName",
      sql<boolean>`d.status = 'open' AND (d.closes_at IS NULL OR d.closes_at > now())`.as("isOpen"),
    ])
    .where("d.id", "=", pollId)
    .executeTakeFirst();
}

/** A proposed date with its answer counts and the meeting created from it. */
export type PollOptionRow = {
  id: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  chosen: boolean;
  meetingId: number | null;
  yes: number;
  maybe: number;
  no: number;
};

/** The proposed dates of a poll, in date order, with counts per answer. */
export async function listPollOptions(tx: Tx, pollId: number): Promise<PollOptionRow[]> {
  const rows = await sql<PollOptionRow>`
    SELECT o.id, o.date::text AS date, o.start_time::text AS "startTime", o.end_time::text AS "endTime",
      o.chosen, o.meeting_id AS "meetingId",
      count(*) FILTER (WHERE a.answer = 'yes')::int AS yes,
      count(*) FILTER (WHERE a.answer = 'maybe')::int AS maybe,
      count(*) FILTER (WHERE a.answer = 'no')::int AS no
    FROM date_poll_options o LEFT JOIN date_poll_answers a ON a.option_id = o.id
    WHERE o.poll_id = ${pollId}
    GROUP BY o.id ORDER BY o.date, o.start_time NULLS FIRST, o.id`.execute(tx);
  return rows.rows;
}

/** Every answer to a poll: who answered what for which option. */
export async function listPollAnswers(tx: Tx, pollId: number) {
  return tx
    .selectFrom("date_poll_answers as a")
    .innerJoin("date_poll_options as o", "o.id", "a.option_id")
    .innerJoin("people as p", "p.id", "a.person_id")
    .select(["a.option_id as optionId", "a.person_id as personId", "p.name", "a.answer", "a.answered_at as answeredAt"])
    .where("o.poll_id", "=", pollId)
    .execute();
}

/** The polls of a network, newest first, with how many dates they propose and how many people answered. */
export async function listNetworkPolls(tx: Tx, networkId: number) {
  const rows = await sql<{
    id: number;
    title: string;
    status: "open" | "closed";
    isOpen: boolean;
    closesAt: Date | null;
    createdAt: Date;
    options: number;
    answered: number;
    chosen: number;
  }>`
    SELECT d.id, d.title, d.status, d.closes_at AS "closesAt", d.created_at AS "createdAt",
      (d.status = 'open' AND (d.closes_at IS NULL OR d.closes_at > now())) AS "isOpen",
      (SELECT count(*) FROM date_poll_options o WHERE o.poll_id = d.id)::int AS options,
      (SELECT count(DISTINCT a.person_id) FROM date_poll_answers a JOIN date_poll_options o ON o.id = a.option_id
        WHERE o.poll_id = d.id)::int AS answered,
      (SELECT count(*) FROM date_poll_options o WHERE o.poll_id = d.id AND o.meeting_id IS NOT NULL)::int AS chosen
    FROM date_polls d WHERE d.network_id = ${networkId}
    ORDER BY d.created_at DESC, d.id DESC`.execute(tx);
  return rows.rows;
}

/** Open polls in networks the person belongs to today that they have not answered yet. */
export async function listUnansweredPolls(tx: Tx, personId: number, today: string) {
  const rows = await sql<{
    id: number;
    title: string;
    networkName: string;
    networkSlug: string;
    closesAt: Date | null;
  }>`
    SELECT d.id, d.title, n.name AS "networkName", n.slug AS "networkSlug", d.closes_at AS "closesAt"
    FROM date_polls d JOIN networks n ON n.id = d.network_id
    WHERE d.status = 'open' AND (d.closes_at IS NULL OR d.closes_at > now())
      AND EXISTS (SELECT 1 FROM memberships m WHERE m.network_id = d.network_id AND m.person_id = ${personId}
        AND (m.from_date IS NULL OR m.from_date <= ${today}::date) AND (m.to_date IS NULL OR m.to_date > ${today}::date))
      AND NOT EXISTS (SELECT 1 FROM date_poll_answers a JOIN date_poll_options o ON o.id = a.option_id
        WHERE o.poll_id = d.id AND a.person_id = ${personId})
    ORDER BY d.closes_at NULLS LAST, d.id`.execute(tx);
  return rows.rows;
}
