import { sql } from "kysely";
import type { Tx } from "../client.js";
import { type ReadScope, readableSql } from "./scope.js";

// The figures behind the reports. Meetings that took place are held, minutes_draft or approved and
// dated on or before the day asked about; attendance, decisions and actions come from minutes, so
// they follow the read scope (approved minutes, plus drafts where the actor is a member).

const HELD = sql`('held', 'minutes_draft', 'approved')`;

function networkFilter(column: string, networkIds: number[] | undefined) {
  return networkIds ? sql`AND ${sql.ref(column)} = ANY(${sql.val(networkIds)}::int[])` : sql``;
}

/** Per municipality and year: meetings with anyone from it on the list, and meetings someone of it attended. */
export async function attendanceByMunicipality(
  tx: Tx,
  opts: { scope: ReadScope; networkIds?: number[]; until: string },
) {
  const r = await sql<{ year: number; municipality: string; expected: number; represented: number }>`
    SELECT extract(year FROM m.date)::int AS year, coalesce(k.name, pk.name, 'Utan kommun') AS municipality,
      count(DISTINCT m.id)::int AS expected,
      count(DISTINCT m.id) FILTER (WHERE a.status = 'present')::int AS represented
    FROM attendance a
    JOIN meetings m ON m.id = a.meeting_id
    JOIN people p ON p.id = a.person_id
    LEFT JOIN municipalities k ON k.id = a.municipality_id
    LEFT JOIN municipalities pk ON pk.id = p.municipality_id
    WHERE a.status <> 'guest' AND m.state IN ${HELD} AND m.date <= ${opts.until}::date
      AND ${readableSql(opts.scope, "m.state", "m.network_id")} ${networkFilter("m.network_id", opts.networkIds)}
    GROUP BY 1, 2
    ORDER BY 2, 1`.execute(tx);
  return r.rows;
}

/** Per person and year: meetings present, away (absent or excused) and on the list. */
export async function attendanceByPerson(tx: Tx, opts: { scope: ReadScope; networkIds?: number[]; until: string }) {
  const r = await sql<{
    year: number;
    personId: number;
    person: string;
    municipality: string | null;
    present: number;
    away: number;
    listed: number;
  }>`
    SELECT extract(year FROM m.date)::int AS year, p.id AS "personId", p.name AS person,
      max(coalesce(k.name, pk.name)) AS municipality,
      count(*) FILTER (WHERE a.status = 'present')::int AS present,
      count(*) FILTER (WHERE a.status IN ('absent', 'excused'))::int AS away,
      count(*)::int AS listed
    FROM attendance a
    JOIN meetings m ON m.id = a.meeting_id
    JOIN people p ON p.id = a.person_id
    LEFT JOIN municipalities k ON k.id = a.municipality_id
    LEFT JOIN municipalities pk ON pk.id = p.municipality_id
    WHERE a.status <> 'guest' AND m.state IN ${HELD} AND m.date <= ${opts.until}::date
      AND ${readableSql(opts.scope, "m.state", "m.network_id")} ${networkFilter("m.network_id", opts.networkIds)}
    GROUP BY 1, 2, 3
    ORDER BY 3, 2, 1`.execute(tx);
  return r.rows;
}

/** Per network and year: meetings held, cancelled and still to come. */
export async function meetingsPerNetworkYear(tx: Tx, opts: { networkIds?: number[]; today: string }) {
  const r = await sql<{
    network: string;
    slug: string;
    year: number;
    held: number;
    cancelled: number;
    planned: number;
  }>`
    SELECT n.name AS network, n.slug, extract(year FROM m.date)::int AS year,
      count(*) FILTER (WHERE m.state IN ${HELD} AND m.date <= ${opts.today}::date)::int AS held,
      count(*) FILTER (WHERE m.state = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE m.state <> 'cancelled' AND NOT (m.state IN ${HELD} AND m.date <= ${opts.today}::date))::int
        AS planned
    FROM meetings m JOIN networks n ON n.id = m.network_id
    WHERE true ${networkFilter("m.network_id", opts.networkIds)}
    GROUP BY 1, 2, 3
    ORDER BY 1, 3`.execute(tx);
  return r.rows;
}

/** Per network and year: decisions made. */
export async function decisionsPerNetworkYear(tx: Tx, opts: { scope: ReadScope; networkIds?: number[] }) {
  const r = await sql<{ network: string; slug: string; year: number; decisions: number }>`
    SELECT n.name AS network, n.slug, d.year, count(*)::int AS decisions
    FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN networks n ON n.id = d.network_id
    WHERE ${readableSql(opts.scope, "m.state", "d.network_id")} ${networkFilter("d.network_id", opts.networkIds)}
    GROUP BY 1, 2, 3
    ORDER BY 1, 3`.execute(tx);
  return r.rows;
}

/** Open and overdue actions per network, and per assignee (a person, or the name as written). */
export async function openActions(tx: Tx, opts: { scope: ReadScope; networkIds?: number[]; today: string }) {
  const readable = readableSql(opts.scope, "m.state", "a.network_id");
  const [byNetwork, byPerson] = await Promise.all([
    sql<{ network: string; slug: string; open: number; overdue: number }>`
      SELECT n.name AS network, n.slug,
        count(*)::int AS open,
        count(*) FILTER (WHERE a.due_date < ${opts.today}::date)::int AS overdue
      FROM actions a JOIN networks n ON n.id = a.network_id LEFT JOIN meetings m ON m.id = a.opened_meeting_id
      WHERE a.status = 'open' AND ${readable} ${networkFilter("a.network_id", opts.networkIds)}
      GROUP BY 1, 2
      ORDER BY 1`.execute(tx),
    sql<{ personId: number | null; person: string; open: number; overdue: number; networks: string }>`
      SELECT aa.person_id AS "personId", coalesce(p.name, aa.name) AS person,
        count(DISTINCT a.id)::int AS open,
        count(DISTINCT a.id) FILTER (WHERE a.due_date < ${opts.today}::date)::int AS overdue,
        string_agg(DISTINCT n.name, ', ') AS networks
      FROM actions a
      JOIN action_assignees aa ON aa.action_id = a.id
      LEFT JOIN people p ON p.id = aa.person_id
      JOIN networks n ON n.id = a.network_id
      LEFT JOIN meetings m ON m.id = a.opened_meeting_id
      WHERE a.status = 'open' AND ${readable} ${networkFilter("a.network_id", opts.networkIds)}
      GROUP BY 1, 2
      ORDER BY 4 DESC, 3 DESC, 2`.execute(tx),
  ]);
  return { byNetwork: byNetwork.rows, byPerson: byPerson.rows };
}

/** Every network and sub-network with last and next meeting, this year's count, chairs, coordinators and plan. */
export async function networkOverview(tx: Tx, opts: { networkIds?: number[]; today: string }) {
  const year = Number(opts.today.slice(0, 4));
  const r = await sql<{
    id: number;
    name: string;
    slug: string;
    kind: string;
    status: string;
    parent: string | null;
    lastMeeting: string | null;
    nextMeeting: string | null;
    meetingsThisYear: number;
    chairs: string | null;
    coordinators: string | null;
    hasPlan: boolean;
  }>`
    SELECT n.id, n.name, n.slug, n.kind, n.status, p.name AS parent,
      (SELECT max(date)::text FROM meetings WHERE network_id = n.id AND date <= ${opts.today}::date
        AND state IN ${HELD}) AS "lastMeeting",
      (SELECT min(date)::text FROM meetings WHERE network_id = n.id AND date > ${opts.today}::date
        AND state <> 'cancelled') AS "nextMeeting",
      (SELECT count(*)::int FROM meetings WHERE network_id = n.id AND state <> 'cancelled'
        AND date >= ${`${year}-01-01`}::date AND date < ${`${year + 1}-01-01`}::date) AS "meetingsThisYear",
      (SELECT string_agg(pp.name || coalesce(' (' || coalesce(k.name, pk.name) || ')', ''), ', ' ORDER BY pp.name)
        FROM memberships ms JOIN people pp ON pp.id = ms.person_id
        LEFT JOIN municipalities k ON k.id = ms.municipality_id LEFT JOIN municipalities pk ON pk.id = pp.municipality_id
        WHERE ms.network_id = n.id AND ms.role = 'chair'
          AND (ms.from_date IS NULL OR ms.from_date <= ${opts.today}::date)
          AND (ms.to_date IS NULL OR ms.to_date > ${opts.today}::date)) AS chairs,
      (SELECT string_agg(pp.name, ', ' ORDER BY pp.name)
        FROM memberships ms JOIN people pp ON pp.id = ms.person_id
        WHERE ms.network_id = n.id AND ms.role = 'coordinator'
          AND (ms.from_date IS NULL OR ms.from_date <= ${opts.today}::date)
          AND (ms.to_date IS NULL OR ms.to_date > ${opts.today}::date)) AS coordinators,
      EXISTS (SELECT 1 FROM plans WHERE network_id = n.id AND year = ${year}) AS "hasPlan"
    FROM networks n LEFT JOIN networks p ON p.id = n.parent_id
    WHERE true ${networkFilter("n.id", opts.networkIds)}
    ORDER BY coalesce(p.name, n.name), n.parent_id NULLS FIRST, n.name`.execute(tx);
  return r.rows;
}

/** The chairs marked on each held meeting's attendance list of a network, in date order. */
export async function chairSightings(tx: Tx, opts: { scope: ReadScope; networkId: number; until: string }) {
  const r = await sql<{
    meetingId: number;
    date: string;
    personId: number | null;
    person: string | null;
    municipality: string | null;
  }>`
    SELECT m.id AS "meetingId", m.date::text AS date, p.id AS "personId", p.name AS person,
      coalesce(k.name, pk.name) AS municipality
    FROM meetings m
    LEFT JOIN attendance a ON a.meeting_id = m.id AND a.is_chair
    LEFT JOIN people p ON p.id = a.person_id
    LEFT JOIN municipalities k ON k.id = a.municipality_id
    LEFT JOIN municipalities pk ON pk.id = p.municipality_id
    WHERE m.network_id = ${opts.networkId} AND m.state IN ${HELD} AND m.date <= ${opts.until}::date
      AND ${readableSql(opts.scope, "m.state", "m.network_id")}
    ORDER BY m.date, m.id, p.name`.execute(tx);
  return r.rows;
}

/**
 * The chair memberships entered by hand in a network, with the municipality each chair represents.
 * Memberships inferred from imported rosters are left out: the attendance lists they came from
 * already give those terms, with their real end.
 */
export async function chairMemberships(tx: Tx, networkId: number) {
  const r = await sql<{ person: string; municipality: string | null; from: string | null; to: string | null }>`
    SELECT p.name AS person, coalesce(k.name, pk.name) AS municipality, ms.from_date::text AS from,
      ms.to_date::text AS to
    FROM memberships ms JOIN people p ON p.id = ms.person_id
    LEFT JOIN municipalities k ON k.id = ms.municipality_id
    LEFT JOIN municipalities pk ON pk.id = p.municipality_id
    WHERE ms.network_id = ${networkId} AND ms.role = 'chair' AND NOT ms.inferred
    ORDER BY ms.from_date NULLS FIRST, p.name`.execute(tx);
  return r.rows;
}

/** The member municipalities a network draws from: in its memberships or on its attendance lists. */
export async function networkMunicipalities(tx: Tx, networkId: number): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT k.name FROM municipalities k
    WHERE k.is_member AND (
      EXISTS (SELECT 1 FROM memberships ms JOIN people p ON p.id = ms.person_id
        WHERE ms.network_id = ${networkId} AND coalesce(ms.municipality_id, p.municipality_id) = k.id)
      OR EXISTS (SELECT 1 FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN people p ON p.id = a.person_id
        WHERE m.network_id = ${networkId} AND a.status <> 'guest'
          AND coalesce(a.municipality_id, p.municipality_id) = k.id))
    ORDER BY k.name`.execute(tx);
  return r.rows.map((x) => x.name).sort(new Intl.Collator("sv").compare);
}

/** Networks that have chairs on record (memberships or attendance lists). */
export async function networksWithChairs(tx: Tx, networkIds?: number[]) {
  const r = await sql<{ id: number; name: string; slug: string }>`
    SELECT n.id, n.name, n.slug FROM networks n
    WHERE (EXISTS (SELECT 1 FROM memberships WHERE network_id = n.id AND role = 'chair')
      OR EXISTS (SELECT 1 FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.network_id = n.id AND a.is_chair))
      ${networkFilter("n.id", networkIds)}
    ORDER BY n.name`.execute(tx);
  return r.rows;
}
