import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

// The README's first command: `npm start` serves the demo on an empty data folder and prints the URL.
// After `npm ci` (as in CI) it runs the bundle in dist/, so this also checks that the bundle finds
// its migrations and assets.
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
    // The migrations ran (the demo loaded) and the assets are found, from the bundle in dist/ too.
    const css = await fetch(`${url}/assets/style.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain("--ink");
  }, 120_000);
});
