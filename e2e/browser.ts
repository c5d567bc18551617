import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { loadConfig } from "../src/config.js";
import { createSession } from "../src/db/queries/sessions.js";
import { SESSION_COOKIE } from "../src/web/actor.js";
import { type RunningServer, startServer } from "../src/web/server.js";

/** Debian's Chromium; the tests never download a browser of their own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts Chromium headless with the flags this closed, root-run machine needs. A missing browser fails. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium); browser tests cannot run`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A Samråd server on a free port over a fresh data folder with the demo data; env adds settings. */
export async function startDemoServer(env: Record<string, string> = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "samrad-e2e-"));
  const config = loadConfig({ ...process.env, DATABASE_URL: "", ...env }, { dataDir, port: 0, host: "127.0.0.1" });
  const server = await startServer(config, { demoWhenEmpty: true, log: () => {} });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe (WCAG 2.1 A and AA) on the page and returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails the test, naming the screen, when axe finds any WCAG 2.1 A or AA violation on the page. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
}

/** Signs in through the sign-in form, as a person would, and waits for the overview. */
export async function signInWithPassword(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("heading", { level: 1, name: "Översikt" }).waitFor();
}

/**
 * A browser context signed in as a demo person by name (null: a secretariat admin), through an
 * account and session made directly in the database rather than the sign-in form.
 */
export async function signedInContext(browser: Browser, server: RunningServer, name: string | null) {
  const db = server.database.db;
  const person = name
    ? await db.selectFrom("people").select("id").where("name", "=", name).executeTakeFirstOrThrow()
    : null;
  const user = await db
    .insertInto("users")
    .values({ email: `e2e-${randomUUID()}@exempel.se`, person_id: person?.id ?? null, is_admin: !person })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { token } = await createSession(db, user.id);
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  return context;
}
