import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../src/db/queries/sessions.js";
import { SESSION_COOKIE } from "../src/web/actor.js";
import type { RunningServer } from "../src/web/server.js";
import { buildUser } from "../test/factories.js";
import { axeViolations, launchBrowser, startDemoServer } from "./browser.js";

// A secretariat member finds what was decided and pulls the yearly figures: search from the
// navigation, follow a hit to its item, see the topic's timeline, open a report, download its CSV.
describe("searching and reporting in Chromium", () => {
  let server: RunningServer & { dataDir: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const user = await buildUser(server.database.db, { isAdmin: true, email: "sekretariatet@exempel.se" });
    const { token } = await createSession(server.database.db, user.id);
    context = await browser.newContext({ acceptDownloads: true });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
    page = await context.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("searches from the navigation and follows a hit to the exact item in its meeting", async () => {
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök" }).click();
    await page.getByLabel("Sök i anteckningar, beslut, uppdrag, personer och nätverk").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // As the person types, the first hits appear under the box (a small script; the form works without it).
    const box = page.getByLabel("Sök i anteckningar, beslut, uppdrag, personer och nätverk");
    await box.pressSequentially("kulturko", { delay: 30 });
    await page.locator("#sok-live li").first().waitFor();
    expect(await page.locator("#sok-live").innerText()).toContain("kulturkort");

    await box.press("Enter");
    await page.getByRole("heading", { name: "Träffar" }).waitFor();
    expect(await page.getByRole("status").first().innerText()).toMatch(/träffar i anteckningar/);
    expect(await page.locator("ol.hits mark").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    const itemHit = page.locator("li.hit-item h3 a").first();
    const href = (await itemHit.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/moten\/\d+#punkt-\d+$/);
    await itemHit.click();
    await page.waitForURL(`**${href}`);
    const anchor = href.split("#")[1] ?? "";
    const item = page.locator(`[id="${anchor}"]`);
    expect(await item.locator("h3").innerText()).toMatch(/kulturkort/i);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the topic as a timeline from the results", async () => {
    await page.goto(`${server.url}/sok?q=kulturkort`);
    await page.getByRole("link", { name: "Visa ämnet som tidslinje" }).click();
    await page.getByRole("heading", { level: 1, name: /Kulturkort/ }).waitFor();
    expect(await page.locator("ol.timeline > li").count()).toBeGreaterThan(1);
    expect(await page.locator("figure.chart svg").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("searches within a network from its page", async () => {
    await page.goto(`${server.url}/natverk/biblioteksgruppen`);
    const box = page.getByLabel("Sök i nätverkets anteckningar, beslut och uppdrag");
    await box.fill("upphandling");
    await box.press("Enter");
    await page.getByRole("heading", { name: "Träffar" }).waitFor();
    const networks = await page.locator("li.hit .hit-kind .muted").allInnerTexts();
    expect(networks.length).toBeGreaterThan(0);
    for (const n of networks.filter((t) => !t.startsWith(" ·"))) expect(n.trim()).toBe("Biblioteksgruppen");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("opens a report with its chart and table, and downloads the table as CSV", async () => {
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Rapporter" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapporter" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Närvaro" }).click();
    await page.getByRole("heading", { level: 1, name: "Närvaro" }).waitFor();
    const chart = page.getByRole("img", { name: /Andel möten där varje kommun var representerad/ });
    expect(await chart.isVisible()).toBe(true);
    expect(await page.locator("table#tabell-kommuner tbody tr").count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Ladda ner som CSV \(närvaro per kommun och år\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("narvaro-kommuner.csv");
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(csv.startsWith("\uFEFFKommun;År;")).toBe(true);
    expect(csv.split("\r\n").length).toBeGreaterThan(5);

    for (const name of ["Ordförandeskap", "Möten", "Nätverken", "Uppdrag", "Beslut"]) {
      await page.goto(`${server.url}/rapporter`);
      await page.getByRole("main").getByRole("link", { name, exact: true }).click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await axeViolations(page), name).toEqual([]);
    }
    expect(cspErrors).toEqual([]);
  });
});
