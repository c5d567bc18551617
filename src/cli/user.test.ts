import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/passwords.js";
import { openPGlite } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { findUserByEmail } from "../db/queries/users.js";

// Each command starts Node, tsx and PGlite in a fresh folder: seconds each on a small machine.
const SLOW = 120_000;
const BIN = join(import.meta.dirname, "../../bin/samrad");
const run = (args: string[], input = "", env: Record<string, string> = {}) =>
  spawnSync(BIN, args, { encoding: "utf8", input, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: SLOW });

describe("samrad user add and list", () => {
  const dir = mkdtempSync(join(tmpdir(), "samrad-user-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "adds accounts with the password from standard input and lists them",
    async () => {
      const demo = run(["demo", "--data", dir]);
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toContain("saga.ljungberg@exempel.se");
      const add = run(
        [
          "user",
          "add",
          "--data",
          dir,
          "--email",
          "Kim.Ny@exempel.se",
          "--name",
          "Kim Ny",
          "--role",
          "member",
          "--network",
          "miljochefsnatverket",
        ],
        "kims långa lösenord\n",
      );
      expect(add.status, add.stderr).toBe(0);
      expect(add.stdout).toMatch(/Added Kim\.Ny@exempel\.se \(user \d+, person \d+\) as member\./);
      const admin = run(
        ["user", "add", "--data", dir, "--email", "ny.admin@exempel.se", "--name", "Ny Admin", "--role", "admin"],
        "",
      );
      expect(admin.status, admin.stderr).toBe(0);
      expect(admin.stdout).toContain("no password set");
      const list = run(["user", "list", "--data", dir]);
      expect(list.status, list.stderr).toBe(0);
      const lines = list.stdout.trim().split("\n");
      expect(lines[0]).toMatch(/^id\s+email\s+name\s+role\s+status\s+last sign-in$/);
      expect(list.stdout).toMatch(/Kim\.Ny@exempel\.se\s+Kim Ny\s+Miljöchefsnätverket \(medlem\)\s+active\s+never/);
      expect(list.stdout).toMatch(/ny\.admin@exempel\.se\s+Ny Admin\s+admin/);
      const database = await openPGlite(dir);
      try {
        await migrate(database.db);
        const kim = await findUserByEmail(database.db, "kim.ny@exempel.se");
        expect(await verifyPassword(kim?.passwordHash ?? null, "kims långa lösenord")).toBe(true);
      } finally {
        await database.close();
      }
    },
    SLOW,
  );

  it(
    "refuses bad input with one line that names the field, and stores nothing",
    () => {
      const short = run(
        ["user", "add", "--data", dir, "--email", "a@exempel.se", "--name", "A", "--role", "reader"],
        "kort\n",
      );
      expect(short.status).toBe(1);
      expect(short.stderr.trim()).toBe("samrad: password: lösenordet måste ha minst 12 tecken");
      const role = run(["user", "add", "--data", dir, "--email", "a@exempel.se", "--name", "A", "--role", "boss"], "");
      expect(role.status).toBe(1);
      expect(role.stderr).toContain("role:");
      const network = run(
        [
          "user",
          "add",
          "--data",
          dir,
          "--email",
          "a@exempel.se",
          "--name",
          "A",
          "--role",
          "member",
          "--network",
          "../etc",
        ],
        "",
      );
      expect(network.status).toBe(1);
      expect(network.stderr).toContain('there is no network with the address "../etc"');
      expect(run(["user", "list", "--data", dir]).stdout).not.toContain("a@exempel.se");
    },
    SLOW,
  );
});

describe("the first start on an empty database", () => {
  const dir = mkdtempSync(join(tmpdir(), "samrad-first-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "creates an admin and prints a one-time sign-in link next to the URL",
    async () => {
      const child = spawn(BIN, ["serve", "--no-demo", "--data", dir, "--port", "0"], {
        env: { ...process.env, DATABASE_URL: "" },
      });
      let out = "";
      const link = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no link printed: ${out}`)), 90_000);
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/localhost:\d+\/forsta-inloggning\/[A-Za-z0-9_-]+)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      try {
        expect(out).toContain("Created the first admin account, admin@samrad.local.");
        expect(out).toMatch(/Samråd is running at http:\/\/localhost:\d+/);
        const page = await fetch(link);
        expect(page.status).toBe(200);
        const used = await fetch(link, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(link).origin },
          body: "password=",
        });
        expect(used.status).toBe(303);
        expect(used.headers.get("location")).toBe("/konto");
        const cookie = used.headers.get("set-cookie")?.split(";")[0] ?? "";
        const admin = await fetch(new URL("/admin", link), { headers: { cookie } });
        expect(admin.status).toBe(200);
        expect((await fetch(link)).status).toBe(404);
      } finally {
        await new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
      }
    },
    SLOW,
  );

  it(
    "takes SAMRAD_ADMIN_EMAIL and SAMRAD_ADMIN_PASSWORD instead, and prints no link",
    async () => {
      const fresh = mkdtempSync(join(tmpdir(), "samrad-first-env-"));
      try {
        const child = spawn(BIN, ["serve", "--no-demo", "--data", fresh, "--port", "0"], {
          env: {
            ...process.env,
            DATABASE_URL: "",
            SAMRAD_ADMIN_EMAIL: "chef@exempel.se",
            SAMRAD_ADMIN_PASSWORD: "sekretariatets lösenord",
          },
        });
        let out = "";
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`did not start: ${out}`)), 90_000);
          child.stdout.on("data", (d: Buffer) => {
            out += d.toString();
            if (out.includes("Samråd is running")) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        await new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
        expect(out).toContain("Created the first admin account, chef@exempel.se.");
        expect(out).not.toContain("forsta-inloggning");
        const database = await openPGlite(fresh);
        try {
          const user = await findUserByEmail(database.db, "chef@exempel.se");
          expect(user?.isAdmin).toBe(true);
          expect(await verifyPassword(user?.passwordHash ?? null, "sekretariatets lösenord")).toBe(true);
        } finally {
          await database.close();
        }
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
