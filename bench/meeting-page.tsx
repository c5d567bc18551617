// The meeting page's budget (docs: under 10 ms server render, under 60 KB gzip in all): median and
// p95 over N app.inject calls on the demo data, for the read page (anonymous and as an editor) and
// the coordinator's live minutes page, and the gzip bytes of each page with its CSS and scripts.
//
//   node --import tsx bench/meeting-page.tsx [--runs 200] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { renderToString } from "preact-render-to-string";
import { getMeetingPage } from "../src/commands/getMeetingPage.js";
import { loadDemoData } from "../src/commands/loadDemoData.js";
import { type Database, openPGlite, openPostgres } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { createSession } from "../src/db/queries/sessions.js";
import type { MeetingState } from "../src/db/schema.js";
import { todayInSweden } from "../src/domain/dates.js";
import { SYSTEM } from "../src/domain/permissions.js";
import { buildApp } from "../src/web/app.js";
import { MeetingPage } from "../src/web/views/meeting-page.js";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), min: s[0] ?? 0 };
}

/**
 * Wall time per request, and the CPU time this process spent on it: on a shared machine other
 * processes stretch the wall time, while with PGlite (in process) the CPU time is the work itself.
 */
async function timeInject(app: FastifyInstance, url: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i++) await app.inject({ url, headers }); // warm-up: JIT, query plans
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const res = await app.inject({ url, headers });
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  }
  const w = stats(wall);
  return { ...w, cpuMedian: stats(cpu).median };
}

/** Gzip bytes of a page's HTML and every stylesheet and script it loads, as the server sends them. */
async function weight(app: FastifyInstance, url: string, headers: Record<string, string>) {
  const gz = { ...headers, "accept-encoding": "gzip" };
  const page = await app.inject({ url, headers: gz });
  const html = (await app.inject({ url, headers })).body;
  const assets = [
    ...[...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ].filter((a): a is string => Boolean(a));
  let assetBytes = 0;
  for (const a of assets) assetBytes += (await app.inject({ url: a, headers: gz })).rawPayload.length;
  const htmlBytes = page.rawPayload.length;
  return { htmlBytes, assetBytes, total: htmlBytes + assetBytes, assets, rawHtml: html.length };
}

/** The meeting with most agenda items, then most attendance rows, among the given states. */
function richestMeeting(db: Database["db"], opts: { states: MeetingState[]; publishedOnly: boolean }) {
  let query = db
    .selectFrom("meetings as m")
    .innerJoin("networks as n", "n.id", "m.network_id")
    .select([
      "m.id",
      "m.network_id",
      (eb) =>
        eb
          .selectFrom("agenda_items")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("meeting_id", "=", "m.id")
          .as("items"),
      (eb) =>
        eb
          .selectFrom("attendance")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("meeting_id", "=", "m.id")
          .as("people"),
    ])
    .where("m.state", "in", opts.states);
  if (opts.publishedOnly) query = query.where("n.publish_minutes", "=", true);
  return query.orderBy("items", "desc").orderBy("people", "desc").limit(1).executeTakeFirstOrThrow();
}

const pgArg = process.argv.indexOf("--postgres");
const PG_URL = pgArg > 0 ? process.argv[pgArg + 1] : undefined;

/** An empty database: PGlite in memory, or a fresh PostgreSQL database dropped again at the end. */
async function openBenchDatabase(): Promise<Database> {
  if (!PG_URL) return openPGlite(undefined);
  const name = `samrad_bench_meeting_${process.pid}`;
  const admin = await openPostgres(PG_URL, { max: 1 });
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
      await admin.close();
    },
  };
}

const database = await openBenchDatabase();
try {
  await migrate(database.db);
  const summary = await database.db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
  const app = await buildApp({ database });
  const db = database.db;
  // The richest meeting of the demo (most agenda items, then most attendance rows) for the editor
  // pages; anonymous visitors may only read approved minutes of a network that publishes them.
  const meeting = await richestMeeting(db, { states: ["approved", "minutes_draft"], publishedOnly: false });
  const openMeeting = await richestMeeting(db, { states: ["approved"], publishedOnly: true });
  const coordinator = await db
    .selectFrom("memberships")
    .select("person_id")
    .where("network_id", "=", meeting.network_id)
    .where("role", "=", "coordinator")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({ email: "bench@exempel.se", person_id: coordinator.person_id })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Approved minutes make the editor read-only; as a draft it shows every form and the autosave island.
  await db.updateTable("meetings").set({ state: "minutes_draft" }).where("id", "=", meeting.id).execute();
  const { token } = await createSession(db, user.id);
  const signedIn = { cookie: `samrad_session=${token}` };

  const pages = [
    { name: "meeting page, anonymous", url: `/moten/${openMeeting.id}`, headers: {} },
    { name: "meeting page, coordinator", url: `/moten/${meeting.id}`, headers: signedIn },
    { name: "live minutes, coordinator", url: `/moten/${meeting.id}/anteckningar`, headers: signedIn },
    { name: "agenda builder, coordinator", url: `/moten/${meeting.id}/dagordning`, headers: signedIn },
  ];
  console.log(
    `${database.kind}. Demo: ${summary.meetings} meetings; measured meeting ${meeting.id} (${meeting.items} items, ${meeting.people} attendance rows; anonymous: ${openMeeting.id}); ${RUNS} requests each after 20 warm-up.`,
  );
  // The floor on this machine right now: one tiny query and a JSON answer.
  const floor = await timeInject(app, "/healthz", {});
  console.log(
    `${"/healthz (baseline)".padEnd(30)} median ${floor.median.toFixed(2)} ms  p95 ${floor.p95.toFixed(2)} ms`,
  );
  const rows = [];
  for (const p of pages) {
    const t = await timeInject(app, p.url, p.headers);
    const w = await weight(app, p.url, p.headers);
    rows.push({ page: p.name, ...t, ...w });
    console.log(
      `${p.name.padEnd(30)} median ${t.median.toFixed(2)} ms  p95 ${t.p95.toFixed(2)} ms  cpu ${t.cpuMedian.toFixed(2)} ms  | gzip HTML ${(w.htmlBytes / 1024).toFixed(1)} KB + CSS/JS ${(w.assetBytes / 1024).toFixed(1)} KB = ${(w.total / 1024).toFixed(1)} KB (HTML ${(w.rawHtml / 1024).toFixed(1)} KB uncompressed; ${w.assets.join(", ")})`,
    );
  }
  // Rendering alone, without the database: the view for data already read.
  const data = await getMeetingPage(db, { actor: SYSTEM, meetingId: meeting.id });
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 20; i++) {
    const t = performance.now();
    renderToString(<MeetingPage data={data} />);
    if (i >= 20) samples.push(performance.now() - t);
  }
  const r = stats(samples);
  console.log(`${"meeting page, render only".padEnd(30)} median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms`);
  await app.close();
} finally {
  await database.close();
}
