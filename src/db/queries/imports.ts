import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { AttendanceStatus } from "../schema.js";

// The reads and writes of importing minutes (src/commands/importMinutes.ts): finding what a
// document already produced, matching people and networks, and storing a meeting's content.

/** The stored document with these bytes (by SHA-256), and the meeting it produced if any. */
export async function findImportedDocument(tx: Tx, sha256: string) {
  return tx
    .selectFrom("source_documents as d")
    .leftJoin("meetings as m", "m.source_document_id", "d.id")
    .select(["d.id", "m.id as meetingId", "m.network_id as networkId"])
    .where("d.sha256", "=", sha256)
    .executeTakeFirst();
}

/** Stores the original document, so nothing read from it is ever lost. */
export async function insertSourceDocument(
  tx: Tx,
  doc: { filename: string; contentType: string; sha256: string; bytes: Uint8Array; text: string | null },
): Promise<number> {
  const row = await tx
    .insertInto("source_documents")
    .values({
      filename: doc.filename,
      content_type: doc.contentType,
      size: doc.bytes.byteLength,
      sha256: doc.sha256,
      bytes: doc.bytes,
      text: doc.text,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every network's id, name and slug (there are tens, not thousands). */
export function listNetworkNames(tx: Tx) {
  return tx.selectFrom("networks").select(["id", "name", "slug"]).execute();
}

/** Creates a network with just a name and slug. */
export async function insertNetwork(tx: Tx, name: string, slug: string): Promise<number> {
  const row = await tx.insertInto("networks").values({ name, slug }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Holds the network's row until the transaction ends, so two imports number decisions in turn. */
export async function lockNetwork(tx: Tx, networkId: number): Promise<void> {
  await sql`SELECT id FROM networks WHERE id = ${networkId} FOR UPDATE`.execute(tx);
}

/** Meetings of a network on a date, imported ones first. */
export function findMeetingsOn(tx: Tx, networkId: number, date: string) {
  return tx
    .selectFrom("meetings")
    .select(["id", "state", "edited_in_app", "source_document_id", "minutes_version"])
    .where("network_id", "=", networkId)
    .where("date", "=", date)
    .orderBy(sql`source_document_id IS NULL`)
    .orderBy("id")
    .execute();
}

/** How many of the meeting's actions someone has closed or cancelled in Samråd. */
export async function countHandledActions(tx: Tx, meetingId: number): Promise<number> {
  const row = await tx
    .selectFrom("actions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("opened_meeting_id", "=", meetingId)
    .where("status", "<>", "open")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The meeting's minutes as they stand, for the version kept before a re-import replaces them. */
export async function snapshotMinutes(tx: Tx, meetingId: number) {
  const [meeting, attendance, items, decisions, actions] = await Promise.all([
    tx.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirstOrThrow(),
    tx
      .selectFrom("attendance as a")
      .innerJoin("people as p", "p.id", "a.person_id")
      .select(["p.name", "a.status", "a.is_chair", "a.role_text"])
      .where("a.meeting_id", "=", meetingId)
      .orderBy("a.position")
      .execute(),
    tx
      .selectFrom("agenda_items")
      .select(["position", "title", "notes", "postponed"])
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .execute(),
    tx
      .selectFrom("decisions")
      .select(["year", "number", "text"])
      .where("meeting_id", "=", meetingId)
      .orderBy("number")
      .execute(),
    tx
      .selectFrom("actions")
      .select(["text", "due_date", "status"])
      .where("opened_meeting_id", "=", meetingId)
      .orderBy("id")
      .execute(),
  ]);
  return { meeting, attendance, items, decisions, actions };
}

/** Who is on a meeting's roster. */
export async function listAttendeeIds(tx: Tx, meetingId: number): Promise<number[]> {
  const rows = await tx.selectFrom("attendance").select("person_id").where("meeting_id", "=", meetingId).execute();
  return rows.map((r) => r.person_id);
}

/** Keeps a replaced version of approved minutes (they are never changed in place). */
export async function insertMinutesVersion(
  tx: Tx,
  v: { meetingId: number; version: number; snapshot: unknown; reason: string },
): Promise<void> {
  await tx
    .insertInto("minutes_versions")
    .values({
      meeting_id: v.meetingId,
      version: v.version,
      snapshot: JSON.stringify(v.snapshot),
      reason: v.reason,
    })
    .execute();
}

/** The decision numbers a meeting holds, in order, so a re-import can give them back. */
export async function listDecisionNumbers(tx: Tx, meetingId: number): Promise<Array<{ year: number; number: number }>> {
  return tx
    .selectFrom("decisions")
    .select(["year", "number"])
    .where("meeting_id", "=", meetingId)
    .orderBy("year")
    .orderBy("number")
    .execute();
}

/** Removes a meeting's attendance, items, decisions and actions before they are stored anew. */
export async function clearMeetingContent(tx: Tx, meetingId: number): Promise<void> {
  await tx.deleteFrom("actions").where("opened_meeting_id", "=", meetingId).execute();
  await tx.deleteFrom("decisions").where("meeting_id", "=", meetingId).execute();
  await tx.deleteFrom("agenda_items").where("meeting_id", "=", meetingId).execute();
  await tx.deleteFrom("attendance").where("meeting_id", "=", meetingId).execute();
}

/** Every municipality and organisation by name. */
export function listMunicipalities(tx: Tx) {
  return tx.selectFrom("municipalities").select(["id", "name"]).execute();
}

/** Adds a municipality or an outside organisation seen on a roster. */
export async function insertMunicipality(tx: Tx, name: string, kind: "municipality" | "organisation"): Promise<number> {
  const row = await tx
    .insertInto("municipalities")
    .values({ name, kind })
    .onConflict((oc) => oc.column("name").doUpdateSet({ name }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A stored person with their municipality's name and every other spelling seen. */
export type PersonRow = { id: number; name: string; municipality: string | null; aliases: string[] };

/**
 * People whose name or an alias starts with one of the given first names (lower case, without
 * diacritics): the only ones a roster name can match.
 */
export async function listPeopleByFirstNames(tx: Tx, firstNames: string[]): Promise<PersonRow[]> {
  if (firstNames.length === 0) return [];
  const rows = await sql<PersonRow>`
    SELECT p.id, p.name, k.name AS municipality,
      coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM person_aliases a WHERE a.person_id = p.id),
        '{}') AS aliases
    FROM people p LEFT JOIN municipalities k ON k.id = p.municipality_id
    WHERE p.anonymized_at IS NULL AND (
      lower(unaccent(split_part(p.name, ' ', 1))) = ANY(${firstNames})
      OR EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id
        AND lower(unaccent(split_part(a.alias, ' ', 1))) = ANY(${firstNames})))
    ORDER BY p.id`.execute(tx);
  return rows.rows;
}

/** Stored people by id (those a reviewer chose for a roster entry). */
export async function listPeopleByIds(tx: Tx, ids: number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<PersonRow>`
    SELECT p.id, p.name, k.name AS municipality,
      coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM person_aliases a WHERE a.person_id = p.id),
        '{}') AS aliases
    FROM people p LEFT JOIN municipalities k ON k.id = p.municipality_id
    WHERE p.anonymized_at IS NULL AND p.id = ANY(${ids})
    ORDER BY p.id`.execute(tx);
  return rows.rows;
}

/** Everyone stored, for the reader to resolve names a document's roster lacks. */
export async function listKnownPeople(tx: Tx): Promise<PersonRow[]> {
  const rows = await sql<PersonRow>`
    SELECT p.id, p.name, k.name AS municipality,
      coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM person_aliases a WHERE a.person_id = p.id),
        '{}') AS aliases
    FROM people p LEFT JOIN municipalities k ON k.id = p.municipality_id
    WHERE p.anonymized_at IS NULL
    ORDER BY p.id`.execute(tx);
  return rows.rows;
}

/** Which of these people have been on a roster of the network before. */
export async function listNetworkAttendees(tx: Tx, networkId: number, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom("attendance as a")
    .innerJoin("meetings as m", "m.id", "a.meeting_id")
    .select("a.person_id")
    .distinct()
    .where("m.network_id", "=", networkId)
    .where("a.person_id", "in", personIds)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Creates people as rosters name them; returns their ids in the order given. */
export async function insertPeople(
  tx: Tx,
  people: Array<{ name: string; municipalityId: number | null; title: string | null }>,
): Promise<number[]> {
  if (people.length === 0) return [];
  const rows = await tx
    .insertInto("people")
    .values(people.map((p) => ({ name: p.name, municipality_id: p.municipalityId, title: p.title })))
    .returning(["id", "name"])
    .execute();
  // PostgreSQL returns the rows of a multi-row VALUES in order; checked, as everything hangs on it.
  if (rows.length !== people.length || rows.some((r, k) => r.name !== people[k]?.name)) {
    throw new Error("insertPeople: returned rows do not line up with the names given");
  }
  return rows.map((r) => r.id);
}

/** Remembers other spellings of people's names (each once). */
export async function addAliases(tx: Tx, aliases: Array<{ personId: number; alias: string }>): Promise<void> {
  if (aliases.length === 0) return;
  await tx
    .insertInto("person_aliases")
    .values(aliases.map((a) => ({ person_id: a.personId, alias: a.alias })))
    .onConflict((oc) => oc.columns(["person_id", "alias"]).doNothing())
    .execute();
}

/** Gives people a municipality when they have none yet (a later roster never overwrites one). */
export async function setMunicipalitiesIfMissing(
  tx: Tx,
  rows: Array<{ personId: number; municipalityId: number }>,
): Promise<void> {
  for (const r of rows) {
    await tx
      .updateTable("people")
      .set({ municipality_id: r.municipalityId })
      .where("id", "=", r.personId)
      .where("municipality_id", "is", null)
      .execute();
  }
}

/** The meeting's own fields as the document states them. */
export type MeetingFields = {
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string;
  noteTakerId: number | null;
  noteTakerName: string | null;
  sourceDocumentId: number;
};

const meetingValues = (f: MeetingFields) => ({
  date: f.date,
  start_time: f.startTime,
  end_time: f.endTime,
  location: f.location,
  note_taker_id: f.noteTakerId,
  note_taker_name: f.noteTakerName,
  source_document_id: f.sourceDocumentId,
});

/**
 * Creates an imported meeting. Its state is 'approved': old minutes are the record as it was
 * adjusted then; when that happened is unknown, so approved_at stays empty.
 */
export async function insertImportedMeeting(tx: Tx, networkId: number, f: MeetingFields): Promise<number> {
  const row = await tx
    .insertInto("meetings")
    .values({ network_id: networkId, state: "approved", ...meetingValues(f) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces an imported meeting's fields with a newer document's, as a new minutes version. */
export async function updateImportedMeeting(tx: Tx, meetingId: number, version: number, f: MeetingFields) {
  await sql`
    UPDATE meetings SET date = ${f.date}, start_time = ${f.startTime}, end_time = ${f.endTime},
      location = ${f.location}, note_taker_id = ${f.noteTakerId}, note_taker_name = ${f.noteTakerName},
      source_document_id = ${f.sourceDocumentId}, minutes_version = ${version},
      revision = revision + 1, updated_at = now()
    WHERE id = ${meetingId}`.execute(tx);
}

/** One attendance row to store. */
export type AttendanceRow = {
  personId: number;
  status: AttendanceStatus;
  municipalityId: number | null;
  roleText: string | null;
  isChair: boolean;
  position: number;
};

/** Stores the meeting's roster. */
export async function insertAttendance(tx: Tx, meetingId: number, rows: AttendanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("attendance")
    .values(
      rows.map((r) => ({
        meeting_id: meetingId,
        person_id: r.personId,
        status: r.status,
        municipality_id: r.municipalityId,
        role_text: r.roleText,
        is_chair: r.isChair,
        position: r.position,
      })),
    )
    .execute();
}

/** Stores the agenda items; returns their ids by position. */
export async function insertItems(
  tx: Tx,
  meetingId: number,
  items: Array<{ position: number; title: string; notes: string; postponed: boolean }>,
): Promise<Map<number, number>> {
  if (items.length === 0) return new Map();
  const rows = await tx
    .insertInto("agenda_items")
    .values(items.map((i) => ({ meeting_id: meetingId, ...i })))
    .returning(["id", "position"])
    .execute();
  return new Map(rows.map((r) => [r.position, r.id]));
}

/** Stores who raised which item (a person, or the name as written). */
export async function insertItemRaisers(
  tx: Tx,
  rows: Array<{ itemId: number; personId: number | null; name: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("item_raisers")
    .values(rows.map((r) => ({ item_id: r.itemId, person_id: r.personId, name: r.name })))
    .execute();
}

/** The next free decision number of a network's year. */
export async function nextDecisionNumber(tx: Tx, networkId: number, year: number): Promise<number> {
  const row = await tx
    .selectFrom("decisions")
    .select((eb) => eb.fn.max<number | null>("number").as("max"))
    .where("network_id", "=", networkId)
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Stores decisions with their numbers. */
export async function insertDecisions(
  tx: Tx,
  rows: Array<{
    networkId: number;
    meetingId: number;
    itemId: number;
    year: number;
    number: number;
    text: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("decisions")
    .values(
      rows.map((r) => ({
        network_id: r.networkId,
        meeting_id: r.meetingId,
        item_id: r.itemId,
        year: r.year,
        number: r.number,
        text: r.text,
      })),
    )
    .execute();
}

/** Stores actions with their assignees (people, or names as written) in three statements. */
export async function insertActions(
  tx: Tx,
  actions: Array<{
    networkId: number;
    itemId: number;
    meetingId: number;
    text: string;
    dueDate: string | null;
    assignees: Array<{ personId: number | null; name: string }>;
  }>,
): Promise<void> {
  if (actions.length === 0) return;
  // Ids are taken first so that assignees can be written without one round trip per action.
  const ids = await sql<{ id: number }>`
    SELECT nextval(pg_get_serial_sequence('actions', 'id'))::int AS id
    FROM generate_series(1, ${actions.length})`.execute(tx);
  const withIds = actions.map((a, k) => ({ ...a, id: ids.rows[k]?.id as number }));
  await tx
    .insertInto("actions")
    .values(
      withIds.map((a) => ({
        id: a.id,
        network_id: a.networkId,
        item_id: a.itemId,
        opened_meeting_id: a.meetingId,
        text: a.text,
        due_date: a.dueDate,
      })),
    )
    .execute();
  const assignees = withIds.flatMap((a) =>
    a.assignees.map((p) => ({ action_id: a.id, person_id: p.personId, name: p.name })),
  );
  if (assignees.length > 0) await tx.insertInto("action_assignees").values(assignees).execute();
}

/**
 * Extends the inferred memberships with one more meeting's roster (members and chairs, not
 * guests): a new first or last date seen, or a new membership. Cheaper than recomputing; a
 * replaced meeting recomputes instead.
 */
export async function extendInferredMemberships(
  tx: Tx,
  networkId: number,
  date: string,
  rows: Array<{ personId: number; role: "member" | "chair"; municipalityId: number | null }>,
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.personId}::int, ${r.role}::text, ${r.municipalityId}::int)`));
  await sql`
    WITH r (person_id, role, municipality_id) AS (VALUES ${values}),
    updated AS (
      UPDATE memberships ms
      SET from_date = LEAST(ms.from_date, ${date}::date), last_seen_date = GREATEST(ms.last_seen_date, ${date}::date)
      FROM r
      WHERE ms.inferred AND ms.network_id = ${networkId} AND ms.person_id = r.person_id AND ms.role = r.role
        AND ms.municipality_id IS NOT DISTINCT FROM r.municipality_id
      RETURNING ms.person_id, ms.role, ms.municipality_id
    )
    INSERT INTO memberships (person_id, network_id, role, municipality_id, from_date, last_seen_date, inferred)
    SELECT r.person_id, ${networkId}, r.role, r.municipality_id, ${date}::date, ${date}::date, true
    FROM r
    WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE u.person_id = r.person_id AND u.role = r.role
        AND u.municipality_id IS NOT DISTINCT FROM r.municipality_id)
      AND NOT EXISTS (SELECT 1 FROM memberships h WHERE h.network_id = ${networkId}
        AND h.person_id = r.person_id AND h.role = r.role AND NOT h.inferred)`.execute(tx);
}

/**
 * Brings the inferred memberships of these people in a network in line with their attendance:
 * one per role (chair or member) and municipality, from the first to the last meeting seen.
 * Guests are not members; memberships entered by hand are left as they are, and when one exists
 * for the same role no inferred one is added beside it.
 */
export async function recomputeInferredMemberships(tx: Tx, networkId: number, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  await sql`
    WITH seen AS (
      SELECT a.person_id, CASE WHEN a.is_chair THEN 'chair' ELSE 'member' END AS role, a.municipality_id,
        min(m.date) AS first_date, max(m.date) AS last_date
      FROM attendance a JOIN meetings m ON m.id = a.meeting_id
      WHERE m.network_id = ${networkId} AND a.person_id = ANY(${personIds})
        AND a.status <> 'guest' AND m.state <> 'cancelled'
      GROUP BY 1, 2, 3
    ),
    wanted AS (
      SELECT s.* FROM seen s
      WHERE NOT EXISTS (SELECT 1 FROM memberships h WHERE h.network_id = ${networkId}
        AND h.person_id = s.person_id AND h.role = s.role AND NOT h.inferred)
    ),
    updated AS (
      UPDATE memberships ms SET from_date = w.first_date, last_seen_date = w.last_date
      FROM wanted w
      WHERE ms.inferred AND ms.network_id = ${networkId} AND ms.person_id = w.person_id AND ms.role = w.role
        AND ms.municipality_id IS NOT DISTINCT FROM w.municipality_id
      RETURNING ms.id
    ),
    removed AS (
      DELETE FROM memberships ms
      WHERE ms.inferred AND ms.network_id = ${networkId} AND ms.person_id = ANY(${personIds})
        AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.person_id = ms.person_id AND w.role = ms.role
          AND w.municipality_id IS NOT DISTINCT FROM ms.municipality_id)
        AND NOT EXISTS (SELECT 1 FROM memberships r WHERE r.replaces_id = ms.id)
      RETURNING ms.id
    )
    INSERT INTO memberships (person_id, network_id, role, municipality_id, from_date, last_seen_date, inferred)
    SELECT w.person_id, ${networkId}, w.role, w.municipality_id, w.first_date, w.last_date, true
    FROM wanted w
    WHERE NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.inferred AND ms.network_id = ${networkId}
      AND ms.person_id = w.person_id AND ms.role = w.role
      AND ms.municipality_id IS NOT DISTINCT FROM w.municipality_id)`.execute(tx);
}
