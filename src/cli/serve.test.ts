import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataFolder } from "../db/lock.js";

const BIN = join(import.meta.dirname, "../../bin/samrad");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(BIN, args, {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ...env },
    timeout: 30_000,
  });

describe("samrad serve refuses to start with one clear line", () => {
  const dir = mkdtempSync(join(tmpdir(), "samrad-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 1 when another process holds the data folder, and writes nothing", () => {
    const release = lockDataFolder(dir);
    try {
      const before = readdirSync(dir);
      const result = run(["serve", "--data", dir, "--port", "0"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`data folder ${dir} is in use by process ${process.pid}`);
      expect(readdirSync(dir)).toEqual(before);
    } finally {
      release();
    }
  });

  it("exits 1 naming the folder when the data folder cannot be written", () => {
    const result = run(["serve", "--data", "/etc/hostname/data", "--port", "0"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("data folder /etc/hostname/data cannot be written");
  });

  it("exits 1 naming the server when DATABASE_URL cannot be reached", () => {
    const result = run(["serve", "--port", "0"], {
      DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/nothing",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("cannot connect to the database at postgres://nobody:***@127.0.0.1:1/nothing");
    expect(result.stderr).not.toContain("secret");
  });

  it("exits 1 on a DATABASE_URL that is not a URL", () => {
    const result = run(["serve", "--port", "0"], { DATABASE_URL: "not a url" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
  });
});
