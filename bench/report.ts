// The benchmark's outputs: one table of medians with their spread, each figure beside its
// baseline, and bench/results/latest.json with the same figures.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type Measured, spreadPercent } from "./stats.js";

/** Every figure of one size on one database; null where the feature is not built yet. */
export type TargetResult = {
  meetings: number;
  generate_s: number;
  import_floor_docs_per_s: Measured;
  import_parse_docs_per_s: Measured | null;
  import_store_docs_per_s: Measured | null;
  search_p50_ms: Measured | null;
  search_p95_ms: Measured | null;
  sql_p50_ms: Measured;
  sql_p95_ms: Measured;
  rg_p50_ms: Measured;
  rg_p95_ms: Measured;
  search_hits: number[] | null;
  sql_hits: number[];
  rg_hits: number[];
  search_per_query_ms: number[] | null;
  sql_per_query_ms: number[];
  rg_per_query_ms: number[];
  trivial_rps: Measured;
  trivial_p99_ms: Measured;
  network_page_rps: Measured;
  network_page_p99_ms: Measured;
  meeting_page_rps: Measured;
  meeting_page_p99_ms: Measured;
  trivial_cpu_ms: CpuFigures;
  network_page_cpu_ms: CpuFigures;
  meeting_page_cpu_ms: CpuFigures;
  page_bytes: Record<string, number>;
  cold_start_ms: Measured;
  idle_rss_mb: number;
  load_rss_mb: number;
  db_mb: number;
  db_mb_per_1000_meetings: number;
  load_errors: number;
};

/** CPU per request: the server process, and PostgreSQL's backends (null for PGlite, in-process). */
export type CpuFigures = { server: Measured; database: Measured | null };

/** Results by size, then database. */
export type BenchResults = Partial<Record<string, Partial<Record<"pglite" | "postgres", TargetResult>>>>;

const ratio = (a: Measured | null, b: Measured | null) => (a && b && b.median > 0 ? a.median / b.median : null);

/** Search through HTTP against rg (how many times faster) and against SQL (how many times slower). */
export function derived(r: TargetResult) {
  return {
    search_vs_ripgrep: ratio(r.rg_p50_ms, r.search_p50_ms),
    search_vs_sql: ratio(r.search_p50_ms, r.sql_p50_ms),
    sql_vs_ripgrep: ratio(r.rg_p50_ms, r.sql_p50_ms),
    meeting_page_vs_trivial: ratio(r.meeting_page_rps, r.trivial_rps),
    network_page_vs_trivial: ratio(r.network_page_rps, r.trivial_rps),
    meeting_page_bytes: r.page_bytes.meeting ?? null,
  };
}

const round = (x: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const plain = (m: Measured | null) => (m ? round(m.median) : null);
const spread = (m: Measured | null) => (m ? round(spreadPercent(m), 1) : null);

/** The JSON form: medians as plain numbers (null = not available), spreads in percent beside them. */
export function toJson(results: BenchResults, meta: Record<string, unknown>) {
  const out: Record<string, unknown> = { _meta: meta };
  for (const [size, byDb] of Object.entries(results)) {
    const sizeOut: Record<string, unknown> = {};
    for (const [db, r] of Object.entries(byDb ?? {})) {
      if (!r) continue;
      const values: Record<string, unknown> = {};
      const spreads: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(r)) {
        if (value && typeof value === "object" && "median" in value) {
          values[key] = plain(value as Measured);
          spreads[key] = spread(value as Measured);
        } else if (value && typeof value === "object" && "server" in value) {
          const cpu = value as CpuFigures;
          values[key] = { server: plain(cpu.server), database: plain(cpu.database) };
          spreads[key] = { server: spread(cpu.server), database: spread(cpu.database) };
        } else if (Array.isArray(value)) values[key] = value.map((v) => (typeof v === "number" ? round(v) : v));
        else values[key] = typeof value === "number" ? round(value) : value;
      }
      for (const [key, value] of Object.entries(derived(r))) values[key] = value === null ? null : round(value);
      sizeOut[db] = { ...values, spread_percent: spreads };
    }
    out[size] = sizeOut;
  }
  return out;
}

/** Writes the JSON file, creating its folder. */
export function writeJson(path: string, json: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

const fmt = (x: number) =>
  x >= 1000 ? Math.round(x).toLocaleString("en-US") : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const cell = (m: Measured | null, unit = "") =>
  m ? `${fmt(m.median)}${unit} ±${spreadPercent(m).toFixed(0)}%` : "n/a";
const times = (x: number | null) => (x === null ? "n/a" : `${fmt(x)}×`);
const cpuCell = (c: CpuFigures) =>
  c.database ? `${fmt(c.server.median)}+${fmt(c.database.median)} ms` : `${fmt(c.server.median)} ms`;
const kb = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${(bytes / 1024).toFixed(1)} KB`);

/** The table: one column per size and database, one row per figure, baselines indented below. */
export function renderTable(results: BenchResults, notes: { importer: boolean; searchApi: boolean }): string {
  const columns: { label: string; r: TargetResult }[] = [];
  for (const [size, byDb] of Object.entries(results))
    for (const [db, r] of Object.entries(byDb ?? {})) if (r) columns.push({ label: `${size} ${db}`, r });
  type Row = [string, (r: TargetResult) => string];
  const rows: (Row | string)[] = [
    "Import (documents per second; median of runs)",
    ["  parse only", (r) => (notes.importer ? cell(r.import_parse_docs_per_s) : "n/a (importer not available)")],
    ["  parse and store", (r) => (notes.importer ? cell(r.import_store_docs_per_s) : "n/a (importer not available)")],
    ["    floor: read and split", (r) => cell(r.import_floor_docs_per_s)],
    "Search (ms over 12 queries × passes; p50 / p95)",
    ["  HTTP /api/sok p50", (r) => (r.search_p50_ms ? cell(r.search_p50_ms, " ms") : "n/a (no /api/sok)")],
    ["  HTTP /api/sok p95", (r) => (r.search_p95_ms ? cell(r.search_p95_ms, " ms") : "n/a (no /api/sok)")],
    ["    SQL p50", (r) => cell(r.sql_p50_ms, " ms")],
    ["    SQL p95", (r) => cell(r.sql_p95_ms, " ms")],
    ["    rg over .txt p50", (r) => cell(r.rg_p50_ms, " ms")],
    ["    rg over .txt p95", (r) => cell(r.rg_p95_ms, " ms")],
    ["  HTTP vs rg (p50, × faster)", (r) => times(derived(r).search_vs_ripgrep)],
    ["  HTTP vs SQL (p50, × slower)", (r) => times(derived(r).search_vs_sql)],
    ["    SQL vs rg (p50, × faster)", (r) => times(derived(r).sql_vs_ripgrep)],
    "Pages under load (autocannon, loopback, signed in; CPU = server process [+ PostgreSQL backends])",
    ["  network page req/s", (r) => cell(r.network_page_rps)],
    ["  network page p99", (r) => cell(r.network_page_p99_ms, " ms")],
    ["  meeting page req/s", (r) => cell(r.meeting_page_rps)],
    ["  meeting page p99", (r) => cell(r.meeting_page_p99_ms, " ms")],
    ["    trivial /healthz req/s", (r) => cell(r.trivial_rps)],
    ["    trivial /healthz p99", (r) => cell(r.trivial_p99_ms, " ms")],
    ["  meeting page vs trivial", (r) => times(derived(r).meeting_page_vs_trivial)],
    ["  meeting page CPU/request", (r) => cpuCell(r.meeting_page_cpu_ms)],
    ["  network page CPU/request", (r) => cpuCell(r.network_page_cpu_ms)],
    ["    trivial CPU/request", (r) => cpuCell(r.trivial_cpu_ms)],
    ["  network page vs trivial", (r) => times(derived(r).network_page_vs_trivial)],
    "Transferred, first visit (gzip; HTML + CSS + JS)",
    ["  start page", (r) => kb(r.page_bytes.start)],
    ["  network list", (r) => kb(r.page_bytes.networks)],
    ["  network page", (r) => kb(r.page_bytes.network)],
    ["  meeting list", (r) => kb(r.page_bytes.meetings)],
    ["  meeting page", (r) => kb(r.page_bytes.meeting)],
    ["  search page", (r) => kb(r.page_bytes.search)],
    "Server process",
    ["  cold start to /healthz", (r) => cell(r.cold_start_ms, " ms")],
    ["  RSS idle", (r) => `${fmt(r.idle_rss_mb)} MB`],
    ["  RSS under load (peak)", (r) => `${fmt(r.load_rss_mb)} MB`],
    "Database",
    ["  meetings stored", (r) => fmt(r.meetings)],
    ["  size on disk", (r) => `${fmt(r.db_mb)} MB`],
    ["  per 1,000 meetings", (r) => `${fmt(r.db_mb_per_1000_meetings)} MB`],
    ["  generated and stored in", (r) => `${fmt(r.generate_s)} s`],
  ];
  const labelWidth = Math.max(...rows.map((row) => (typeof row === "string" ? 0 : row[0].length))) + 2;
  const cells = columns.map((c) => rows.map((row) => (typeof row === "string" ? "" : row[1](c.r))));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...(cells[i] ?? []).map((s) => s.length)) + 2);
  const lines = ["".padEnd(labelWidth) + columns.map((c, i) => c.label.padStart(widths[i] ?? 0)).join("")];
  for (const [k, row] of rows.entries()) {
    if (typeof row === "string") {
      lines.push(row);
      continue;
    }
    lines.push(
      row[0].padEnd(labelWidth) + columns.map((_, i) => (cells[i]?.[k] ?? "").padStart(widths[i] ?? 0)).join(""),
    );
  }
  return lines.join("\n");
}
