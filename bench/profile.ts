// `node --import tsx bench/profile.ts`: where a page's time goes. Serves a filled database
// in this process, puts it under the benchmark's load (autocannon in a child), records a CPU
// profile of the steady state only (after a warm-up) and prints the top packages and functions.
// Also `--startup`: a profile of a cold start, from process start to the first /healthz answer.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/web/server.js";
import { type CpuProfile, formatSummary, summarizeProfile } from "./cpuprofile.js";
import { signedInCookie } from "./database.js";
import { startLoadGenerator } from "./load.js";
import { freePort, statusOf } from "./server.js";

const USAGE = `node --import tsx bench/profile.ts (--data DIR | --database-url URL)
  [--route meeting|network|trivial] [--seconds 10] [--connections 10] [--out FILE.cpuprofile] [--startup]`;

async function pagePaths(route: string, db: Awaited<ReturnType<typeof startServer>>["database"]["db"]) {
  if (route === "trivial") return ["/healthz"];
  if (route === "network") {
    const busiest = await db
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["n.slug", db.fn.countAll<number>().as("count")])
      .groupBy("n.slug")
      .orderBy("count", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    return [`/natverk/${busiest.slug}`];
  }
  const ids = await db.selectFrom("meetings").select("id").where("state", "=", "approved").orderBy("id").execute();
  const step = Math.max(1, Math.floor(ids.length / 50));
  return ids
    .filter((_, i) => i % step === 0)
    .slice(0, 50)
    .map((r) => `/moten/${r.id}`);
}

/** Profiles `bin/samrad serve` from spawn to the first 200 from /healthz. */
async function profileStartup(opts: { data?: string; databaseUrl?: string; out: string }) {
  const dir = join(tmpdir(), `samrad-startup-prof-${process.pid}`);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      "--import",
      "tsx",
      join(import.meta.dirname, "..", "src", "cli", "main.ts"),
      "serve",
      "--port",
      String(port),
      "--no-demo",
      ...(opts.data ? ["--data", opts.data] : []),
    ],
    { env: { ...process.env, DATABASE_URL: opts.databaseUrl ?? "" }, stdio: "ignore" },
  );
  const started = performance.now();
  while ((await statusOf(`http://127.0.0.1:${port}/healthz`)) !== 200) await new Promise((r) => setTimeout(r, 5));
  const ms = performance.now() - started;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && f.includes(".0.001."));
  if (!file) throw new Error("no profile written");
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(opts.out, JSON.stringify(profile));
  console.log(`cold start to /healthz: ${ms.toFixed(0)} ms (profile until exit; the main thread only)`);
  console.log(formatSummary(summarizeProfile(profile, 25)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      "database-url": { type: "string" },
      route: { type: "string", default: "meeting" },
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      out: { type: "string" },
      startup: { type: "boolean", default: false },
    },
  });
  if (!values.data && !values["database-url"]) throw new Error(USAGE);
  if (!["meeting", "network", "trivial"].includes(values.route)) throw new Error(USAGE);
  const out = values.out ?? join(tmpdir(), `samrad-${values.startup ? "startup" : values.route}.cpuprofile`);
  if (values.startup) {
    await profileStartup({
      ...(values.data ? { data: values.data } : {}),
      ...(values["database-url"] ? { databaseUrl: values["database-url"] } : {}),
      out,
    });
    console.log(`profile: ${out}`);
    return;
  }
  const config = loadConfig(
    { ...process.env, DATABASE_URL: values["database-url"] ?? "" },
    { port: await freePort(), host: "127.0.0.1", ...(values.data ? { dataDir: values.data } : {}) },
  );
  const server = await startServer(config, { log: () => {} });
  const load = startLoadGenerator();
  const session = new Session();
  try {
    const cookie = await signedInCookie(server.database);
    const paths = await pagePaths(values.route, server.database.db);
    const url = `http://127.0.0.1:${config.port}`;
    const run = (seconds: number) =>
      load.run({ url, paths, seconds, connections: Number(values.connections), headers: { cookie } }, process.pid);
    await run(2);
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    const result = await run(Number(values.seconds));
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(out, JSON.stringify(profile));
    console.log(
      `${values.route}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.non2xx + result.errors} failed`,
    );
    console.log(formatSummary(summarizeProfile(profile as unknown as CpuProfile, 25)));
    console.log(`profile: ${out} (open in Chrome DevTools > Performance)`);
  } finally {
    session.disconnect();
    load.close();
    await server.stop();
  }
}

main().catch((e: Error) => {
  console.error(`profile: ${e.message}`);
  process.exitCode = 1;
});
