import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

// The README's first command: `npm start` serves the demo on an empty data folder and prints the URL.
describe("npm start", () => {
  const dir = mkdtempSync(join(tmpdir(), "samrad-start-"));
  let child: ChildProcess | undefined;
  afterAll(() => {
    // npm starts the server as a grandchild: stop the whole process group.
    if (child?.pid) process.kill(-child.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads the demo into an empty folder, prints the URL and serves it", async () => {
    child = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", SAMRAD_DATA: dir, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout?.on("data", (d) => {
      output += String(d);
    });
    child.stderr?.on("data", (d) => {
      output += String(d);
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
      const poll = setInterval(() => {
        const m = /running at (http:\/\/localhost:\d+)/.exec(output);
        if (m?.[1]) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]);
        }
      }, 100);
      child?.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    expect(output).toContain("Loaded demo data");
    const res = await fetch(`${url}/natverk`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Miljöchefsnätverket");
  }, 120_000);
});
