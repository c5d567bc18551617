// The search benchmark: a fixed list of realistic queries through HTTP (GET /api/sok), the same
// query straight in SQL (the overhead baseline) and rg over the minutes as text files (today's way).
import { execFile } from "node:child_process";
import { request } from "node:http";
import { promisify } from "node:util";
import { sql } from "kysely";
import type { Tx } from "../src/db/client.js";
import { percentile } from "./stats.js";

/** A query as a person types it, how SQL and rg ask the same. */
export type BenchQuery = {
  label: string;
  /** what is typed into the search box */
  q: string;
  /** the tsquery: websearch syntax, or a prefix (to_tsquery with :*) */
  tsquery: { kind: "websearch"; text: string } | { kind: "prefix"; text: string };
  /** rg: all of these must occur in a file (case-insensitive); regex for a prefix */
  rg: { all: string[]; regex?: boolean };
};

/** Single words, two words, phrases, a prefix and recurring names, as people search minutes. */
export const QUERIES: BenchQuery[] = [
  {
    label: "word",
    q: "försörjningsstöd",
    tsquery: { kind: "websearch", text: "försörjningsstöd" },
    rg: { all: ["försörjningsstöd"] },
  },
  { label: "word", q: "hemtjänsten", tsquery: { kind: "websearch", text: "hemtjänsten" }, rg: { all: ["hemtjänst"] } },
  { label: "word", q: "biblioteken", tsquery: { kind: "websearch", text: "biblioteken" }, rg: { all: ["bibliotek"] } },
  {
    label: "word",
    q: "klimatanpassning",
    tsquery: { kind: "websearch", text: "klimatanpassning" },
    rg: { all: ["klimatanpassning"] },
  },
  { label: "name", q: "Grannkraft", tsquery: { kind: "websearch", text: "Grannkraft" }, rg: { all: ["Grannkraft"] } },
  {
    label: "name",
    q: "Ankarplatsen",
    tsquery: { kind: "websearch", text: "Ankarplatsen" },
    rg: { all: ["Ankarplatsen"] },
  },
  {
    label: "two words",
    q: "hemtjänst bemanning",
    tsquery: { kind: "websearch", text: "hemtjänst bemanning" },
    rg: { all: ["hemtjänst", "bemanning"] },
  },
  {
    label: "two words",
    q: "kulturskolan Landskrona",
    tsquery: { kind: "websearch", text: "kulturskolan Landskrona" },
    rg: { all: ["kulturskolan", "Landskrona"] },
  },
  {
    label: "two words",
    q: "tillsyn avlopp",
    tsquery: { kind: "websearch", text: "tillsyn avlopp" },
    rg: { all: ["tillsyn", "avlopp"] },
  },
  {
    label: "phrase",
    q: '"våld i nära relationer"',
    tsquery: { kind: "websearch", text: '"våld i nära relationer"' },
    rg: { all: ["våld i nära relationer"] },
  },
  {
    label: "phrase",
    q: '"flyttas till nästa möte"',
    tsquery: { kind: "websearch", text: '"flyttas till nästa möte"' },
    rg: { all: ["flyttas till nästa möte"] },
  },
  { label: "prefix", q: "famil*", tsquery: { kind: "prefix", text: "famil" }, rg: { all: ["\\bfamil"], regex: true } },
];

/** Latency samples of one run over every query, in ms (also by query), and how many hits each had. */
export type SearchRun = { samples: number[]; byQuery: number[][]; hits: number[] };

/** p50 and p95 of a run's samples. */
export const runPercentiles = (run: SearchRun) => ({
  p50: percentile(run.samples, 50),
  p95: percentile(run.samples, 95),
});

/** The baseline query in SQL, ranked as the search page ranks: top 20 agenda items. */
export async function sqlSearch(db: Tx, query: BenchQuery): Promise<number> {
  const tsq =
    query.tsquery.kind === "websearch"
      ? sql`websearch_to_tsquery('swedish', ${query.tsquery.text})`
      : sql`to_tsquery('swedish', ${`${query.tsquery.text}:*`})`;
  const r = await sql<{ id: number }>`
    SELECT i.id, i.meeting_id, i.title, ts_rank_cd(i.search, q) AS rank
    FROM agenda_items i, ${tsq} q
    WHERE i.search @@ q
    ORDER BY rank DESC
    LIMIT 20`.execute(db);
  return r.rows.length;
}

/** GET a URL with headers; status, body and time. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** Whether the server has the search API: false when /api/sok is not a route (404). */
export async function hasSearchApi(baseUrl: string, headers: Record<string, string>): Promise<boolean> {
  const r = await get(`${baseUrl}/api/sok?q=test`, headers);
  if (r.status === 404) return false;
  if (r.status !== 200) throw new Error(`GET /api/sok answered ${r.status}: ${r.body.slice(0, 200)}`);
  return true;
}

/** One HTTP search, timed from request to the last byte of the JSON. */
export async function httpSearch(baseUrl: string, headers: Record<string, string>, query: BenchQuery) {
  const r = await get(`${baseUrl}/api/sok?q=${encodeURIComponent(query.q)}`, {
    ...headers,
    accept: "application/json",
  });
  if (r.status !== 200) throw new Error(`GET /api/sok?q=${query.q} answered ${r.status}`);
  const hits = (JSON.parse(r.body) as { hits?: unknown[] }).hits;
  return { ms: r.ms, hits: Array.isArray(hits) ? hits.length : 0 };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** The shell line a person would type to find the files that contain every term. */
export function rgCommand(query: BenchQuery, dir: string): string {
  const flag = query.rg.regex ? "" : "-F ";
  const [first, ...rest] = query.rg.all;
  let line = `rg -i -l -0 ${flag}-e ${shellQuote(first ?? "")} ${shellQuote(dir)}`;
  for (const term of rest) line += ` | xargs -0 -r rg -i -l -0 ${flag}-e ${shellQuote(term)}`;
  return `${line} | tr '\\0' '\\n' | wc -l`;
}

/**
 * Runs rg and returns its time and the number of files found: one rg for one term, a shell
 * pipeline through xargs when every one of several terms must occur.
 */
export async function rgSearch(query: BenchQuery, dir: string): Promise<{ ms: number; hits: number }> {
  const run = promisify(execFile);
  const started = performance.now();
  if (query.rg.all.length === 1) {
    const args = ["-i", "-l", ...(query.rg.regex ? [] : ["-F"]), "-e", query.rg.all[0] ?? "", dir];
    // rg exits 1 when nothing matched: that is an answer, not a failure.
    const out = await run("rg", args, { maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { code?: number; stdout?: string }) => {
        if (e.code === 1) return { stdout: "" };
        throw e;
      },
    );
    const files = out.stdout.split("\n").filter(Boolean).length;
    return { ms: performance.now() - started, hits: files };
  }
  const { stdout } = await run("sh", ["-c", rgCommand(query, dir)], { maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, hits: Number(stdout.trim()) };
}

/** Runs every query `passes` times through fn and collects the latencies (ms). */
export async function searchRun(
  passes: number,
  fn: (q: BenchQuery) => Promise<{ ms: number; hits: number }>,
): Promise<SearchRun> {
  const samples: number[] = [];
  const byQuery: number[][] = QUERIES.map(() => []);
  const hits: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const [i, q] of QUERIES.entries()) {
      const r = await fn(q);
      samples.push(r.ms);
      byQuery[i]?.push(r.ms);
      hits[i] = r.hits;
    }
  }
  return { samples, byQuery, hits };
}

/** Wraps a SQL search with a timer. */
export async function timedSql(db: Tx, query: BenchQuery): Promise<{ ms: number; hits: number }> {
  const started = performance.now();
  const hits = await sqlSearch(db, query);
  return { ms: performance.now() - started, hits };
}
