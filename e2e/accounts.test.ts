import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/demo-data.js";
import type { RunningServer } from "../src/web/server.js";
import { axeViolations, launchBrowser, signInWithPassword, startDemoServer } from "./browser.js";

// The secretariat's journey: sign in, look at accounts, the audit log and the GDPR tools, add a
// member, then sign out; and what a visitor sees without signing in. Axe on every page.
describe("accounts and administration in Chromium", () => {
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

  it("shows an anonymous visitor only the openly published network, and asks for a sign-in elsewhere", async () => {
    await page.goto(server.url);
    expect(await page.locator(".site-header .account").innerText()).toBe("Logga in");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/natverk`);
    const names = await page.locator("table.list tbody a").allInnerTexts();
    expect(names).toEqual(["Miljöchefsnätverket"]);
    await page.goto(`${server.url}/natverk/kultur-och-fritidschefsnatverket`);
    expect(new URL(page.url()).pathname).toBe("/logga-in");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Logga in");
    await page.goto(`${server.url}/glomt-losenord`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lets the secretariat manage accounts, read the audit log and use the GDPR tools", async () => {
    await signInWithPassword(page, server.url, "saga.ljungberg@exempel.se", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Administration" }).click();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Administration");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Namn", { exact: true }).fill("Nils Nykomling");
    await page.getByLabel("E-postadress").fill("nils.nykomling@exempel.se");
    await page.getByLabel("Roll").selectOption("member");
    await page.getByLabel("Nätverk (för medlem och samordnare)").selectOption({ label: "Miljöchefsnätverket" });
    await page.getByRole("button", { name: "Lägg till" }).click();
    await page.getByText("Kontot är skapat").waitFor();
    expect(await page.locator("table.list").innerText()).toContain("nils.nykomling@exempel.se");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Granskningslogg" }).click();
    await page.getByLabel("Handling").selectOption("user.create");
    await page.getByRole("button", { name: "Filtrera" }).click();
    expect(await page.locator("table.list").innerText()).toContain("user.create");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Personuppgifter (GDPR)" }).click();
    await page.getByLabel("Sök på namn eller e-post").fill("Nils");
    await page.getByRole("button", { name: "Sök" }).click();
    expect(await page.locator("table.list tbody tr").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Exportera uppgifter om Nils Nykomling" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^samrad-person-\d+\.json$/);

    await page.goto(`${server.url}/natverk/miljochefsnatverket/historik`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Historik");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/konto`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Logga ut", exact: true }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator(".site-header .account").innerText()).toBe("Logga in");
  });
});
