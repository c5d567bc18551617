import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/demo-data.js";
import type { RunningServer } from "../src/web/server.js";
import { axeViolations, launchBrowser, signInWithPassword, startDemoServer } from "./browser.js";

// A coordinator's first look around after signing in: from the overview to a network, one of its
// meetings and a person, through every section of the navigation, with axe on each page.
describe("browsing the demo in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the sign-in page has no axe violations, and signing in shows the coordinator's name", async () => {
    await page.goto(`${server.url}/logga-in`);
    expect(await axeViolations(page)).toEqual([]);
    await signInWithPassword(page, server.url, "tove.gran@exempel.se", DEMO_PASSWORD);
    expect(await page.locator(".site-header .account").innerText()).toContain("Tove Gran");
  });

  it("every page in the navigation loads and has no axe violations", async () => {
    await page.goto(server.url);
    const links = await page
      .locator('nav[aria-label="Huvudmeny"] a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    // Administration is the secretariat's: a coordinator does not see it.
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(links.some((l) => l.endsWith("/admin"))).toBe(false);
    for (const href of links) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      expect(await axeViolations(page), href).toEqual([]);
    }
  });

  it("follows a network to a meeting and a person, keyboard first", async () => {
    await page.goto(`${server.url}/natverk`);
    await page.getByRole("link", { name: "Miljöchefsnätverket" }).click();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Miljöchefsnätverket");
    expect(await axeViolations(page)).toEqual([]);

    // The first past meeting in the table opens the meeting page.
    await page
      .locator("section", { has: page.locator("#tidigare") })
      .getByRole("link")
      .first()
      .click();
    await page.getByRole("heading", { name: "Närvaro" }).waitFor();
    expect(await page.locator("ol.agenda > li").count()).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator("table").getByRole("link").first().click();
    await page.getByRole("heading", { name: "Medlemskap" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The skip link is the first thing a keyboard reaches, and it is visible when focused.
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.innerText()).toBe("Hoppa till innehållet");
    expect(await focused.isVisible()).toBe(true);
  });

  it("shows the 404 page for an unknown address", async () => {
    const response = await page.goto(`${server.url}/moten/987654`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Sidan finns inte");
    expect(await axeViolations(page)).toEqual([]);
  });
});
