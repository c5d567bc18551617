// Stores a generated corpus fast: one INSERT ... SELECT FROM unnest(arrays) per table and batch
// (a handful of parameters however many rows, the same SQL on PGlite and PostgreSQL), a transaction
// per batch of networks, explicit ids so rows can point at each other without a round trip.
import { type RawBuilder, sql } from "kysely";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { SYSTEM } from "../domain/permissions.js";
import type { CorpusPlan } from "./generator.js";
import { type GenMeeting, generateMeetings } from "./generator-meetings.js";

/** What was stored. */
export type CorpusSummary = {
  networks: number;
  people: number;
  memberships: number;
  meetings: number;
  items: number;
  decisions: number;
  actions: number;
  attendance: number;
  skipped: number;
};

/** Options for storing: which meetings to leave out (kept back for an import), batch size, progress. */
export type WriteCorpusOptions = {
  /** meetings for which this returns true are not stored (references to them become null) */
  skip?: (meeting: GenMeeting) => boolean;
  /** meetings per transaction, rounded up to whole networks */
  batchMeetings?: number;
  onProgress?: (stored: number, total: number) => void;
};

type ColumnType = "int" | "text" | "date" | "time" | "timestamptz" | "bool";
type Column = readonly [name: string, type: ColumnType];

const ROWS_PER_STATEMENT = 20_000;

/** Inserts rows (arrays in column order) with one unnest per column, in chunks. */
async function insertRows(tx: Tx, table: string, columns: readonly Column[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const arrays: RawBuilder<unknown>[] = columns.map(
      ([, type], c) => sql`${chunk.map((r) => r[c] ?? null)}::${sql.raw(type)}[]`,
    );
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
      SELECT * FROM unnest(${sql.join(arrays)})`.execute(tx);
  }
}

/** The largest id in each table the writer fills with explicit ids, so a second corpus goes after it. */
async function idOffsets(tx: Tx) {
  const tables = [
    "people",
    "networks",
    "memberships",
    "standing_items",
    "meetings",
    "agenda_items",
    "decisions",
    "actions",
    "plans",
    "themes",
  ] as const;
  const row = await sql<Record<(typeof tables)[number], number>>`SELECT ${sql.join(
    tables.map((t) => sql`(SELECT coalesce(max(id), 0)::int FROM ${sql.table(t)}) AS ${sql.ref(t)}`),
  )}`.execute(tx);
  const offsets = row.rows[0];
  if (!offsets) throw new Error("could not read the id offsets");
  return { tables, offsets };
}

/**
 * Stores the whole corpus: the world in one transaction, then the meetings network by network in
 * batches, then moves the id sequences past what was written and analyzes. Audited as one
 * "corpus.generate".
 */
export async function writeCorpus(db: Tx, plan: CorpusPlan, opts: WriteCorpusOptions = {}): Promise<CorpusSummary> {
  const summary: CorpusSummary = {
    networks: plan.networks.length,
    people: plan.people.length,
    memberships: plan.memberships.length,
    meetings: 0,
    items: 0,
    decisions: 0,
    actions: 0,
    attendance: 0,
    skipped: 0,
  };
  const { tables, offsets: o } = await db.transaction().execute(async (tx) => {
    for (const name of plan.organisations)
      await tx
        .insertInto("municipalities")
        .values({ name, kind: "organisation" })
        .onConflict((oc) => oc.column("name").doNothing())
        .execute();
    const found = await idOffsets(tx);
    await writeWorld(tx, plan, found.offsets);
    return found;
  });
  const municipalityIds = new Map(
    (await db.selectFrom("municipalities").select(["id", "name"]).execute()).map((m) => [m.name, m.id]),
  );
  const muni = (name: string | null) => (name === null ? null : (municipalityIds.get(name) ?? null));
  const ctx: BatchContext = { plan, o, muni, skip: opts.skip ?? (() => false), summary };

  const batchSize = opts.batchMeetings ?? 2_000;
  let batch: GenMeeting[] = [];
  let batchNetwork = -1;
  const flush = async () => {
    if (batch.length === 0) return;
    const meetings = batch;
    batch = [];
    await db.transaction().execute((tx) => writeMeetings(tx, ctx, meetings));
    opts.onProgress?.(summary.meetings + summary.skipped, plan.meetingCount);
  };
  for (const meeting of generateMeetings(plan)) {
    // Batches end at network boundaries: rows only point at meetings of their own network.
    if (meeting.networkId !== batchNetwork && batch.length >= batchSize) await flush();
    batchNetwork = meeting.networkId;
    batch.push(meeting);
  }
  await flush();

  await db.transaction().execute(async (tx) => {
    for (const t of tables)
      await sql`SELECT setval(pg_get_serial_sequence(${t}, 'id'), greatest((SELECT max(id) FROM ${sql.table(t)}), 1))`.execute(
        tx,
      );
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "corpus.generate",
      objectType: "database",
      objectId: null,
      after: { seed: plan.seed, today: plan.today, ...summary },
    });
  });
  // Fresh statistics, so the planner does not guess and autovacuum does not start later mid-use.
  await sql`ANALYZE`.execute(db);
  return summary;
}

type Offsets = Record<string, number>;

type BatchContext = {
  plan: CorpusPlan;
  o: Offsets;
  muni: (name: string | null) => number | null;
  skip: (meeting: GenMeeting) => boolean;
  summary: CorpusSummary;
};

async function writeWorld(tx: Tx, plan: CorpusPlan, o: Offsets): Promise<void> {
  const municipalityIds = new Map(
    (await tx.selectFrom("municipalities").select(["id", "name"]).execute()).map((m) => [m.name, m.id]),
  );
  const muni = (name: string | null) => (name === null ? null : (municipalityIds.get(name) ?? null));
  const off = (table: string, id: number | null) => (id === null ? null : id + (o[table] ?? 0));
  // Names, slugs and e-mail addresses are unique: a corpus written beside others gets suffixes.
  const taken = async (query: Promise<{ v: string | null }[]>) => new Set((await query).map((r) => r.v ?? ""));
  const emails = await taken(tx.selectFrom("people").select(sql<string>`lower(email)`.as("v")).execute());
  const names = await taken(tx.selectFrom("networks").select(sql<string>`lower(name)`.as("v")).execute());
  const slugs = await taken(tx.selectFrom("networks").select("slug as v").execute());
  const free = (set: Set<string>, value: string, suffix: (n: number) => string) => {
    let out = value;
    for (let n = 2; set.has(out.toLowerCase()); n++) out = suffix(n);
    set.add(out.toLowerCase());
    return out;
  };
  const email = (e: string) => free(emails, e, (n) => e.replace("@", `.${n}@`));
  const networkName = (name: string) => free(names, name, (n) => `${name} ${n}`);
  const slug = (value: string) => free(slugs, value, (n) => `${value.slice(0, 75)}-${n}`);
  await insertRows(
    tx,
    "people",
    [
      ["id", "int"],
      ["name", "text"],
      ["email", "text"],
      ["title", "text"],
      ["municipality_id", "int"],
    ],
    plan.people.map((p) => [off("people", p.id), p.name, email(p.email), p.title, muni(p.municipality)]),
  );
  await insertRows(
    tx,
    "networks",
    [
      ["id", "int"],
      ["name", "text"],
      ["slug", "text"],
      ["parent_id", "int"],
      ["kind", "text"],
      ["status", "text"],
      ["purpose", "text"],
    ],
    plan.networks.map((n) => [
      off("networks", n.id),
      networkName(n.name),
      slug(n.slug),
      off("networks", n.parentId),
      n.kind,
      n.status,
      n.purpose,
    ]),
  );
  await insertRows(
    tx,
    "standing_items",
    [
      ["id", "int"],
      ["network_id", "int"],
      ["position", "int"],
      ["title", "text"],
      ["kind", "text"],
    ],
    plan.networks.flatMap((n) =>
      n.standing.map((s) => [off("standing_items", s.id), off("networks", n.id), s.position, s.title, s.kind]),
    ),
  );
  await insertRows(
    tx,
    "memberships",
    [
      ["id", "int"],
      ["person_id", "int"],
      ["network_id", "int"],
      ["role", "text"],
      ["municipality_id", "int"],
      ["from_date", "date"],
      ["to_date", "date"],
      ["replaces_id", "int"],
      ["note", "text"],
    ],
    plan.memberships.map((m) => [
      off("memberships", m.id),
      off("people", m.personId),
      off("networks", m.networkId),
      m.role,
      muni(m.municipality),
      m.from,
      m.to,
      off("memberships", m.replacesId),
      m.note,
    ]),
  );
  await insertRows(
    tx,
    "representations",
    [
      ["person_id", "int"],
      ["network_id", "int"],
      ["body", "text"],
      ["municipality_id", "int"],
      ["from_date", "date"],
    ],
    plan.representations.map((r) => [
      off("people", r.personId),
      off("networks", r.networkId),
      r.body,
      muni(r.municipality),
      r.from,
    ]),
  );
  await insertRows(
    tx,
    "plans",
    [
      ["id", "int"],
      ["network_id", "int"],
      ["year", "int"],
      ["purpose", "text"],
      ["goals", "text"],
      ["organisation", "text"],
    ],
    plan.plans.map((p) => [
      off("plans", p.id),
      off("networks", p.networkId),
      p.year,
      p.purpose,
      p.goals,
      p.organisation,
    ]),
  );
}

async function writeMeetings(tx: Tx, ctx: BatchContext, meetings: GenMeeting[]): Promise<void> {
  const { o, muni, summary, plan } = ctx;
  const off = (table: string, id: number | null) => (id === null ? null : id + (o[table] ?? 0));
  const skipped = new Set<number>();
  for (const m of meetings) if (ctx.skip(m)) skipped.add(m.id);
  const meetingRef = (id: number | null) => (id === null || skipped.has(id) ? null : off("meetings", id));
  const kept = meetings.filter((m) => !skipped.has(m.id));
  summary.skipped += skipped.size;

  await insertRows(
    tx,
    "meetings",
    [
      ["id", "int"],
      ["network_id", "int"],
      ["state", "text"],
      ["date", "date"],
      ["start_time", "time"],
      ["end_time", "time"],
      ["location", "text"],
      ["online_url", "text"],
      ["note_taker_id", "int"],
      ["approved_at", "timestamptz"],
      ["approved_by", "int"],
      ["notice_sent_at", "timestamptz"],
      ["cancelled_reason", "text"],
    ],
    kept.map((m) => [
      off("meetings", m.id),
      off("networks", m.networkId),
      m.state,
      m.date,
      m.startTime,
      m.endTime,
      m.location,
      m.onlineUrl,
      off("people", m.noteTakerId),
      m.approvedAt,
      off("people", m.approvedById),
      m.noticeSentAt,
      m.cancelledReason,
    ]),
  );
  summary.meetings += kept.length;

  // Themes of the plans of these networks, pointing at their planned meetings (now stored).
  const networkIds = new Set(meetings.map((m) => m.networkId));
  const plans = plan.plans.filter((p) => networkIds.has(p.networkId));
  const themes = plans.flatMap((p) => p.themes);
  await insertRows(
    tx,
    "themes",
    [
      ["id", "int"],
      ["plan_id", "int"],
      ["position", "int"],
      ["title", "text"],
      ["description", "text"],
      ["planned_meeting_id", "int"],
    ],
    themes.map((t) => [
      off("themes", t.id),
      off("plans", t.planId),
      t.position,
      t.title,
      t.description,
      meetingRef(t.plannedMeetingId),
    ]),
  );
  await insertRows(
    tx,
    "theme_owners",
    [
      ["theme_id", "int"],
      ["person_id", "int"],
    ],
    themes.flatMap((t) => t.ownerIds.map((p) => [off("themes", t.id), off("people", p)])),
  );

  const attendance: unknown[][] = [];
  const items: unknown[][] = [];
  const raisers: unknown[][] = [];
  const roundNotes: unknown[][] = [];
  const decisions: unknown[][] = [];
  const actions: unknown[][] = [];
  const assignees: unknown[][] = [];
  for (const m of kept) {
    const meetingId = off("meetings", m.id);
    const networkId = off("networks", m.networkId);
    for (const [position, a] of m.attendance.entries())
      attendance.push([
        meetingId,
        off("people", a.personId),
        a.status,
        muni(a.municipality),
        a.roleText,
        a.isChair,
        position,
      ]);
    for (const i of m.items) {
      const itemId = off("agenda_items", i.id);
      const carried =
        i.carriedFrom && !skipped.has(i.carriedFrom.meetingId) ? off("agenda_items", i.carriedFrom.itemId) : null;
      items.push([
        itemId,
        meetingId,
        i.position,
        i.kind,
        i.title,
        i.notes,
        off("people", i.presenterId),
        i.durationMinutes,
        i.postponed,
        carried,
        off("themes", i.themeId),
        off("standing_items", i.standingItemId),
      ]);
      for (const r of i.raisers) raisers.push([itemId, off("people", r.personId), r.name]);
      for (const r of i.roundNotes) roundNotes.push([itemId, muni(r.municipality), r.notes]);
      for (const d of i.decisions)
        decisions.push([off("decisions", d.id), networkId, meetingId, itemId, d.year, d.number, d.text]);
      for (const a of i.actions) {
        const actionId = off("actions", a.id);
        actions.push([
          actionId,
          networkId,
          itemId,
          meetingId,
          meetingRef(a.closedMeetingId),
          a.text,
          a.dueDate,
          a.status,
          a.closedAt,
        ]);
        for (const p of a.assignees) assignees.push([actionId, off("people", p.personId), p.name]);
      }
    }
  }
  await insertRows(
    tx,
    "attendance",
    [
      ["meeting_id", "int"],
      ["person_id", "int"],
      ["status", "text"],
      ["municipality_id", "int"],
      ["role_text", "text"],
      ["is_chair", "bool"],
      ["position", "int"],
    ],
    attendance,
  );
  await insertRows(
    tx,
    "agenda_items",
    [
      ["id", "int"],
      ["meeting_id", "int"],
      ["position", "int"],
      ["kind", "text"],
      ["title", "text"],
      ["notes", "text"],
      ["presenter_id", "int"],
      ["duration_minutes", "int"],
      ["postponed", "bool"],
      ["carried_from_item_id", "int"],
      ["theme_id", "int"],
      ["standing_item_id", "int"],
    ],
    items,
  );
  await insertRows(
    tx,
    "item_raisers",
    [
      ["item_id", "int"],
      ["person_id", "int"],
      ["name", "text"],
    ],
    raisers,
  );
  await insertRows(
    tx,
    "round_notes",
    [
      ["item_id", "int"],
      ["municipality_id", "int"],
      ["notes", "text"],
    ],
    roundNotes,
  );
  await insertRows(
    tx,
    "decisions",
    [
      ["id", "int"],
      ["network_id", "int"],
      ["meeting_id", "int"],
      ["item_id", "int"],
      ["year", "int"],
      ["number", "int"],
      ["text", "text"],
    ],
    decisions,
  );
  await insertRows(
    tx,
    "actions",
    [
      ["id", "int"],
      ["network_id", "int"],
      ["item_id", "int"],
      ["opened_meeting_id", "int"],
      ["closed_meeting_id", "int"],
      ["text", "text"],
      ["due_date", "date"],
      ["status", "text"],
      ["closed_at", "timestamptz"],
    ],
    actions,
  );
  await insertRows(
    tx,
    "action_assignees",
    [
      ["action_id", "int"],
      ["person_id", "int"],
      ["name", "text"],
    ],
    assignees,
  );
  summary.items += items.length;
  summary.decisions += decisions.length;
  summary.actions += actions.length;
  summary.attendance += attendance.length;
}
