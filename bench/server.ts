// A real Samråd server in a child process (`bin/samrad serve`), as people run it: how long it takes
// to answer its first request, and how much memory it holds.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SAMRAD = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "samrad");

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The status of GET url, or 0 when nothing answers. */
export function statusOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.setTimeout(5000, () => req.destroy());
    req.end();
  });
}

/** Memory of a process from /proc: resident now and the peak so far, in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

let ticksPerSecond: number | null = null;

/** CPU time a process has used so far (user + system), in ms; 0 when it is gone. */
export function cpuMsOf(pid: number): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  try {
    // The command name in parentheses may hold spaces: fields are counted after its closing ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return 0;
  }
}

/** A running child server. */
export type ServerProcess = {
  pid: number;
  url: string;
  /** from spawn to the first 200 from /healthz */
  coldStartMs: number;
  stop(): Promise<void>;
};

/** Starts `bin/samrad serve` on a data folder or PostgreSQL and waits for /healthz to answer 200. */
export async function startServerProcess(opts: {
  dataDir: string;
  databaseUrl: string | undefined;
}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(
    SAMRAD,
    ["serve", "--data", opts.dataDir, "--port", String(port), "--host", "127.0.0.1", "--no-demo"],
    {
      env: { ...process.env, DATABASE_URL: opts.databaseUrl ?? "", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const stop = async () => {
    if (gone) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (;;) {
    if (gone) throw new Error(`samrad serve exited before answering: ${stderr.trim()}`);
    if ((await statusOf(`${url}/healthz`)) === 200) break;
    if (performance.now() - started > 60_000) {
      await stop();
      throw new Error(`samrad serve did not answer /healthz within 60 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const coldStartMs = performance.now() - started;
  if (child.pid === undefined) throw new Error("samrad serve has no process id");
  return { pid: child.pid, url, coldStartMs, stop };
}
