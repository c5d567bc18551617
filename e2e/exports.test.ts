import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../src/db/queries/sessions.js";
import { noticeMail } from "../src/mail/builders.js";
import { queueMails } from "../src/mail/queue.js";
import { SESSION_COOKIE } from "../src/web/actor.js";
import type { RunningServer } from "../src/web/server.js";
import { axeViolations, launchBrowser, startDemoServer } from "./browser.js";

// A coordinator downloads the minutes, sends a notice that lands in the local mailbox, looks at the
// outbox; a member makes a calendar link. Every page passes axe.
describe("exports, outbox and calendar in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let lenaId: number;

  const signInAs = async (personId: number | null, isAdmin: boolean) => {
    const db = server.database.db;
    const user = await db
      .insertInto("users")
      .values({
        email: `e2e-${Math.random().toString(36).slice(2)}@exempel.se`,
        person_id: personId,
        is_admin: isAdmin,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { token } = await createSession(db, user.id);
    await context.clearCookies();
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    lenaId = (
      await server.database.db
        .selectFrom("people")
        .select("id")
        .where("name", "=", "Lena O'Brien")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("downloads the minutes as PDF from the meeting page", async () => {
    await signInAs(lenaId, false);
    const meeting = await server.database.db
      .selectFrom("meetings")
      .select("id")
      .where("state", "=", "approved")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/moten/${meeting.id}`);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "PDF" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-anteckningar\.pdf$/);
  });

  it("delivers a notice to the local mailbox and shows it in the outbox", async () => {
    const upcoming = await server.database.db
      .selectFrom("meetings")
      .select("id")
      .where("state", "=", "notice_sent")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await server.database.db
      .transaction()
      .execute(async (tx) => queueMails(tx, (await noticeMail(tx, upcoming.id)).mails));
    await expect
      .poll(
        async () =>
          (await server.database.db.selectFrom("outbox").select("id").where("status", "=", "sent").execute()).length,
        { timeout: 20_000, interval: 250 },
      )
      .toBeGreaterThan(0);
    await signInAs(null, true);
    await page.goto(`${server.url}/utkorg`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Utkorg");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "den lokala brevlådan" }).click();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Lokal brevlåda");
    expect(await page.locator("article.mail").count()).toBeGreaterThan(0);
    expect(await page.locator("article.mail").first().innerText()).toContain("Dagordning");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets a member make a calendar link from their person page", async () => {
    await signInAs(lenaId, false);
    await page.goto(`${server.url}/personer/${lenaId}`);
    await page.getByRole("link", { name: "Prenumerera på dina möten i kalendern" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Skapa länk" }).click();
    const link = await page.getByLabel("Alla dina nätverk").inputValue();
    expect(link).toMatch(/\/kalender\/[A-Za-z0-9_-]+\/mina-moten\.ics$/);
    expect(await axeViolations(page)).toEqual([]);
    const feed = await page.request.get(link);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VEVENT");
  });
});
