import { sql } from "kysely";
import type { Tx } from "../client.js";

/** A network's plan for one year, or undefined. */
export function findPlan(tx: Tx, networkId: number, year: number) {
  return tx
    .selectFrom("plans as p")
    .leftJoin("people as u", "u.id", "p.updated_by")
    .select([
      "p.id",
      "p.year",
      "p.purpose",
      "p.goals",
      "p.organisation",
      "p.updated_at as updatedAt",
      "u.name as updatedBy",
    ])
    .where("p.network_id", "=", networkId)
    .where("p.year", "=", year)
    .executeTakeFirst();
}

/** The years a network has plans for, newest first. */
export async function listPlanYears(tx: Tx, networkId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom("plans")
    .select("year")
    .where("network_id", "=", networkId)
    .orderBy("year", "desc")
    .execute();
  return rows.map((r) => r.year);
}

/** One theme area with its owners and the meeting it is planned for. */
export type ThemeRow = {
  id: number;
  planId: number;
  position: number;
  title: string;
  description: string;
  plannedMeetingId: number | null;
  plannedDate: string | null;
  owners: { personId: number; name: string; municipality: string | null }[];
};

/** The theme areas of a plan, in order, with owners. */
export async function listThemes(tx: Tx, planId: number): Promise<ThemeRow[]> {
  return themesWhere(tx, sql`t.plan_id = ${planId}`);
}

/** The theme areas planned for a meeting, with owners. */
export async function listThemesForMeeting(tx: Tx, meetingId: number): Promise<ThemeRow[]> {
  return themesWhere(tx, sql`t.planned_meeting_id = ${meetingId}`);
}

async function themesWhere(tx: Tx, condition: ReturnType<typeof sql>): Promise<ThemeRow[]> {
  const result = await sql<ThemeRow>`
    SELECT t.id, t.plan_id AS "planId", t.position, t.title, t.description,
      t.planned_meeting_id AS "plannedMeetingId", to_char(m.date, 'YYYY-MM-DD') AS "plannedDate",
      coalesce((SELECT json_agg(json_build_object('personId', p.id, 'name', p.name, 'municipality', k.name)
          ORDER BY p.name)
        FROM theme_owners o JOIN people p ON p.id = o.person_id
        LEFT JOIN municipalities k ON k.id = p.municipality_id
        WHERE o.theme_id = t.id), '[]'::json) AS owners
    FROM themes t LEFT JOIN meetings m ON m.id = t.planned_meeting_id
    WHERE ${condition}
    ORDER BY t.position, t.id`.execute(tx);
  return result.rows;
}

/** Per network that is not closed: whether it has a plan for the year, and how many themes. */
export async function plansOverview(tx: Tx, year: number) {
  const result = await sql<{
    id: number;
    name: string;
    slug: string;
    kind: string;
    planId: number | null;
    themes: number;
    updatedAt: Date | null;
    lastYear: boolean;
  }>`
    SELECT n.id, n.name, n.slug, n.kind, p.id AS "planId",
      (SELECT count(*)::int FROM themes t WHERE t.plan_id = p.id) AS themes,
      p.updated_at AS "updatedAt",
      EXISTS (SELECT 1 FROM plans q WHERE q.network_id = n.id AND q.year = ${year - 1}) AS "lastYear"
    FROM networks n LEFT JOIN plans p ON p.network_id = n.id AND p.year = ${year}
    WHERE n.status <> 'closed'
    ORDER BY (p.id IS NOT NULL), lower(n.name)`.execute(tx);
  return result.rows;
}
