import { sql } from "kysely";
import type { Tx } from "../client.js";
import { meetingVisible, type ReadScope } from "./visibility.js";

/** One person with their home municipality, or undefined. */
export function findPerson(tx: Tx, id: number) {
  return tx
    .selectFrom("people as p")
    .leftJoin("municipalities as k", "k.id", "p.municipality_id")
    .select([
      "p.id",
      "p.name",
      "p.email",
      "p.phone",
      "p.title",
      "p.anonymized_at as anonymizedAt",
      "k.name as municipality",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
}

/** Every membership a person has held, newest first. */
export function listMembershipsOfPerson(tx: Tx, personId: number) {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .leftJoin("municipalities as k", "k.id", "m.municipality_id")
    .select([
      "m.id",
      "n.name as networkName",
      "n.slug as networkSlug",
      "m.role",
      "k.name as municipality",
      "m.from_date as fromDate",
      "m.to_date as toDate",
    ])
    .where("m.person_id", "=", personId)
    .orderBy(sql`m.from_date DESC NULLS LAST`)
    .execute();
}

/** A person's attendance at the meetings the scope may read, newest first. */
export function listAttendanceOfPerson(tx: Tx, personId: number, scope: ReadScope, limit = 100) {
  return tx
    .selectFrom("attendance as a")
    .innerJoin("meetings as m", "m.id", "a.meeting_id")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .select(["m.id as meetingId", "m.date", "n.name as networkName", "a.status", "a.is_chair as isChair"])
    .where("a.person_id", "=", personId)
    .where(meetingVisible(scope))
    .orderBy("m.date", "desc")
    .limit(limit)
    .execute();
}

/** Other spellings of a person's name seen in documents. */
export async function listAliases(tx: Tx, personId: number): Promise<string[]> {
  const rows = await tx
    .selectFrom("person_aliases")
    .select("alias")
    .where("person_id", "=", personId)
    .orderBy("alias")
    .execute();
  return rows.map((r) => r.alias);
}
