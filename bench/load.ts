// Load from autocannon in a forked process, with the server's memory sampled while it runs.
import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuMsOf, memoryOf } from "./server.js";

const WORKER = join(dirname(fileURLToPath(import.meta.url)), "load-worker.ts");

/** What one load run gave. */
export type LoadResult = {
  ok: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** the server's largest resident memory seen during the run, in MB */
  peakRssMb: number;
  /** CPU the server process used per successful request, in ms (wall time can't tell this on a busy machine) */
  serverCpuMsPerRequest: number;
  /** CPU the database server's backends used per successful request, in ms (PostgreSQL only) */
  dbCpuMsPerRequest: number | null;
};

type RawResult = Pick<LoadResult, "ok" | "non2xx" | "errors" | "rps" | "p50" | "p99">;

/** A load generator process, reused for every run against one server. */
export type LoadGenerator = {
  run(
    opts: { url: string; paths: string[]; seconds: number; connections: number; headers: Record<string, string> },
    serverPid: number,
    databasePids?: () => Promise<number[]>,
  ): Promise<LoadResult>;
  close(): void;
};

/** Forks the autocannon worker. */
export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = fork(WORKER, [], { execArgv: ["--import", "tsx", "--no-warnings"], stdio: "inherit" });
  return {
    async run(opts, serverPid, databasePids) {
      let peakRssMb = memoryOf(serverPid).rssMb;
      const dbBefore = databasePids ? new Map((await databasePids()).map((pid) => [pid, cpuMsOf(pid)])) : null;
      const serverBefore = cpuMsOf(serverPid);
      const sampler = setInterval(() => {
        try {
          peakRssMb = Math.max(peakRssMb, memoryOf(serverPid).rssMb);
        } catch {
          // the server is gone; the run reports its errors
        }
      }, 100);
      try {
        const answer = await new Promise<RawResult & { error?: string }>((resolve, reject) => {
          const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
          child.once("exit", onExit);
          child.once("message", (m) => {
            child.off("exit", onExit);
            resolve(m as RawResult);
          });
          child.send(opts);
        });
        if (answer.error) throw new Error(`autocannon failed: ${answer.error}`);
        const serverCpu = cpuMsOf(serverPid) - serverBefore;
        let dbCpu: number | null = null;
        if (dbBefore && databasePids) {
          // Backends that came during the run count from zero; those that left are lost (rare: pools keep them).
          dbCpu = 0;
          for (const pid of await databasePids()) dbCpu += cpuMsOf(pid) - (dbBefore.get(pid) ?? 0);
        }
        const ok = Math.max(1, answer.ok);
        return {
          ...answer,
          peakRssMb,
          serverCpuMsPerRequest: serverCpu / ok,
          dbCpuMsPerRequest: dbCpu === null ? null : dbCpu / ok,
        };
      } finally {
        clearInterval(sampler);
      }
    },
    close() {
      child.kill();
    },
  };
}
