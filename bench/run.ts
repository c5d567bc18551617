// `npm run bench`: generates the S and M corpora, stores each in PGlite and in PostgreSQL, and
// measures import, search, pages under load, page weight, cold start, memory and size on disk,
// each against its baseline in the same run. Prints a table; writes bench/results/latest.json.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { sql } from "kysely";
import { openPostgres } from "../src/db/client.js";
import { pageWeight } from "./bytes.js";
import { type PreparedCorpus, prepareCorpus } from "./corpus.js";
import { createBenchDatabase, fillDatabase, signedInCookie } from "./database.js";
import { type ImportMinutes, loadImporter, measureImport, type ReadMinutes } from "./import.js";
import { type LoadResult, startLoadGenerator } from "./load.js";
import { type BenchOptions, parseOptions } from "./options.js";
import { type BenchResults, renderTable, type TargetResult, toJson, writeJson } from "./report.js";
import {
  hasSearchApi,
  httpSearch,
  QUERIES,
  rgSearch,
  runPercentiles,
  type SearchRun,
  searchRun,
  timedSql,
} from "./search.js";
import { memoryOf, type ServerProcess, startServerProcess, statusOf } from "./server.js";
import { measured, median } from "./stats.js";

/** Passes over the query list per search run (12 queries each). */
const SEARCH_PASSES = 4;
/** Server starts timed per target; the first is a warm-up. */
const COLD_STARTS = 4;

const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

type Importer = { readMinutes: ReadMinutes; importMinutes: ImportMinutes } | null;

/** Search runs after one warm-up pass, summarised as medians of the per-run p50 and p95. */
async function searchFigures(repeats: number, fn: Parameters<typeof searchRun>[1]) {
  await searchRun(1, fn);
  const runs: SearchRun[] = [];
  for (let r = 0; r < repeats; r++) runs.push(await searchRun(SEARCH_PASSES, fn));
  const pct = runs.map(runPercentiles);
  return {
    p50: measured(pct.map((p) => p.p50)),
    p95: measured(pct.map((p) => p.p95)),
    hits: runs[0]?.hits ?? [],
    // Which queries are slow: the median of each over every pass of every run.
    perQuery: QUERIES.map((_, i) => median(runs.flatMap((r) => r.byQuery[i] ?? []))),
  };
}

/** CPU per request of the server process and of PostgreSQL's backends (null on PGlite, which is in-process). */
function cpuFigures(runs: LoadResult[]) {
  const db = runs.map((x) => x.dbCpuMsPerRequest).filter((x): x is number => x !== null);
  return {
    server: measured(runs.map((x) => x.serverCpuMsPerRequest)),
    database: db.length > 0 ? measured(db) : null,
  };
}

/** Everything measured on one size in one database. */
async function benchTarget(
  corpus: PreparedCorpus,
  kind: "pglite" | "postgres",
  opts: BenchOptions,
  importer: Importer,
): Promise<{ result: TargetResult; searchApi: boolean }> {
  const started = performance.now();
  const bench = await createBenchDatabase(kind, {
    dir: corpus.dir,
    postgresUrl: opts.postgresUrl,
    name: `samrad_bench_${corpus.size.toLowerCase()}_${process.pid}`,
  });
  try {
    // 1. Fill, then the in-process measures: SQL search, import, and a session for the pages.
    const database = await bench.open();
    let fill: Awaited<ReturnType<typeof fillDatabase>>;
    let sqlSearch: Awaited<ReturnType<typeof searchFigures>>;
    let imported: Awaited<ReturnType<typeof measureImport>>;
    let cookie: string;
    try {
      let lastLog = 0;
      fill = await fillDatabase(bench, database, corpus, (done, total) => {
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          log(
            `  ${corpus.size} ${kind}: stored ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} meetings`,
          );
        }
      });
      log(`  ${corpus.size} ${kind}: filled in ${(fill.generateMs / 1000).toFixed(1)} s`);
      sqlSearch = await searchFigures(opts.repeats, (q) => timedSql(database.db, q));
      imported = await measureImport({ sets: corpus.importSets, database: database.db, importer });
      cookie = await signedInCookie(database);
    } finally {
      await database.close();
    }

    // 2. Cold starts of the real server on the filled database; the last one stays up.
    const colds: number[] = [];
    let server: ServerProcess | null = null;
    for (let i = 0; i < COLD_STARTS; i++) {
      const s = await startServerProcess({ dataDir: bench.dataDir, databaseUrl: bench.url });
      colds.push(s.coldStartMs);
      if (i < COLD_STARTS - 1) await s.stop();
      else server = s;
    }
    if (!server) throw new Error("no server");
    const running = server;
    const load = startLoadGenerator();
    // PostgreSQL's work happens in its backends: their CPU is read from /proc too.
    const admin = bench.url ? await openPostgres(opts.postgresUrl, { max: 1 }) : null;
    const databasePids = admin
      ? async () =>
          (
            await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity
              WHERE datname = ${bench.name} AND pid <> pg_backend_pid()`.execute(admin.db)
          ).rows.map((r) => r.pid)
      : undefined;
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const idle = memoryOf(running.pid);
      const headers = { cookie };
      const meetingPaths = corpus.meetingIds.map((id) => `/moten/${id}`);
      const networkPath = `/natverk/${corpus.networkSlug}`;
      for (const path of [networkPath, meetingPaths[0] ?? "/moten/1", "/"]) {
        const status = await statusOf(`${running.url}${path}`, headers);
        if (status !== 200) throw new Error(`GET ${path} answered ${status} for the signed-in admin`);
      }

      // 3. Page weight of a first visit.
      const pages: Record<string, string> = {
        start: "/",
        networks: "/natverk",
        network: networkPath,
        meetings: "/moten",
        meeting: meetingPaths[Math.floor(meetingPaths.length / 2)] ?? "/moten/1",
        search: `/sok?q=${encodeURIComponent("försörjningsstöd")}`,
      };
      const pageBytes: Record<string, number> = {};
      for (const [key, path] of Object.entries(pages))
        pageBytes[key] = (await pageWeight(running.url, path, headers)).total;

      // 4. Search through HTTP, when the route exists.
      const searchApi = await hasSearchApi(running.url, headers);
      const httpFigures = searchApi
        ? await searchFigures(opts.repeats, (q) => httpSearch(running.url, headers, q))
        : null;

      // 5. Load: trivial route, network page, meeting page, taking turns each repeat.
      const routes = { trivial: ["/healthz"], network: [networkPath], meeting: meetingPaths };
      const runs: Record<keyof typeof routes, LoadResult[]> = { trivial: [], network: [], meeting: [] };
      for (let r = 0; r <= opts.repeats; r++) {
        for (const [key, paths] of Object.entries(routes) as [keyof typeof routes, string[]][]) {
          const result = await load.run(
            {
              url: running.url,
              paths,
              seconds: r === 0 ? 1 : opts.loadSeconds,
              connections: opts.connections,
              headers,
            },
            running.pid,
            databasePids,
          );
          if (r > 0) runs[key].push(result);
        }
      }
      const loadErrors = Object.values(runs)
        .flat()
        .reduce((n, x) => n + x.errors + x.non2xx, 0);
      const peakRss = Math.max(...Object.values(runs).flatMap((x) => x.map((y) => y.peakRssMb)));

      await running.stop();
      load.close();

      // 6. Today's way: rg over the same minutes as text files.
      const rg = await searchFigures(opts.repeats, (q) => rgSearch(q, corpus.textDir));

      const stored = fill.summary.meetings;
      const mb = (b: number) => b / 1024 / 1024;
      const result: TargetResult = {
        meetings: stored,
        generate_s: fill.generateMs / 1000,
        import_floor_docs_per_s: imported.floor,
        import_parse_docs_per_s: imported.parse,
        import_store_docs_per_s: imported.store,
        search_p50_ms: httpFigures?.p50 ?? null,
        search_p95_ms: httpFigures?.p95 ?? null,
        sql_p50_ms: sqlSearch.p50,
        sql_p95_ms: sqlSearch.p95,
        rg_p50_ms: rg.p50,
        rg_p95_ms: rg.p95,
        search_hits: httpFigures?.hits ?? null,
        sql_hits: sqlSearch.hits,
        rg_hits: rg.hits,
        search_per_query_ms: httpFigures?.perQuery ?? null,
        sql_per_query_ms: sqlSearch.perQuery,
        rg_per_query_ms: rg.perQuery,
        trivial_rps: measured(runs.trivial.map((x) => x.rps)),
        trivial_p99_ms: measured(runs.trivial.map((x) => x.p99)),
        network_page_rps: measured(runs.network.map((x) => x.rps)),
        network_page_p99_ms: measured(runs.network.map((x) => x.p99)),
        meeting_page_rps: measured(runs.meeting.map((x) => x.rps)),
        meeting_page_p99_ms: measured(runs.meeting.map((x) => x.p99)),
        trivial_cpu_ms: cpuFigures(runs.trivial),
        network_page_cpu_ms: cpuFigures(runs.network),
        meeting_page_cpu_ms: cpuFigures(runs.meeting),
        page_bytes: pageBytes,
        cold_start_ms: measured(colds.slice(1)),
        idle_rss_mb: idle.rssMb,
        load_rss_mb: peakRss,
        db_mb: mb(fill.bytes),
        db_mb_per_1000_meetings: mb(fill.bytes - fill.emptyBytes) / (stored / 1000),
        load_errors: loadErrors,
      };
      log(`  ${corpus.size} ${kind}: done in ${elapsed(started)}`);
      return { result, searchApi };
    } finally {
      load.close();
      await running.stop();
      await admin?.close();
    }
  } finally {
    if (!opts.keep) await bench.drop();
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const loadBefore = loadavg();
  const importer = loadImporter();
  log(
    `Samråd benchmark: sizes ${opts.sizes.join(", ")} on ${opts.databases.join(" and ")}, ${opts.repeats} runs each after a warm-up`,
  );
  if (!importer) log("  import: n/a (importer not available)");
  const results: BenchResults = {};
  let searchApi = false;
  for (const size of opts.sizes) {
    const t = performance.now();
    const corpus = await prepareCorpus(size, { seed: opts.seed, importRuns: opts.repeats + 1 });
    log(
      `${size}: corpus planned, ${corpus.textFiles.toLocaleString("en-US")} minutes as .txt (${(corpus.textBytes / 1024 / 1024).toFixed(1)} MB) in ${elapsed(t)}`,
    );
    try {
      for (const kind of opts.databases) {
        const { result, searchApi: has } = await benchTarget(corpus, kind, opts, importer);
        searchApi ||= has;
        results[size] = { ...results[size], [kind]: result };
      }
    } finally {
      if (!opts.keep) rmSync(corpus.dir, { recursive: true, force: true });
    }
  }
  const meta = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    load_average_before: loadBefore.map((x) => Math.round(x * 100) / 100),
    load_average_after: loadavg().map((x) => Math.round(x * 100) / 100),
    repeats: opts.repeats,
    load_seconds: opts.loadSeconds,
    connections: opts.connections,
    seed: opts.seed,
    queries: QUERIES.map((q) => q.q),
    importer: importer !== null,
    search_api: searchApi,
    total_s: Math.round((performance.now() - started) / 1000),
  };
  writeJson(opts.out, toJson(results, meta));
  process.stdout.write(`${renderTable(results, { importer: importer !== null, searchApi })}\n`);
  log(
    `\nMedians of ${opts.repeats} runs after a warm-up; ± is half the range of the runs. Load average ${meta.load_average_before.join(" ")} before, ${meta.load_average_after.join(" ")} after (${meta.cpus} cores).`,
  );
  log(`Wrote ${opts.out} in ${meta.total_s} s.`);
}

main().catch((e: Error) => {
  log(`bench: ${e.message}`);
  process.exitCode = 1;
});
