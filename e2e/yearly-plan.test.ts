import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/web/server.js";
import { expectNoAxeViolations, launchBrowser, signedInContext, startDemoServer } from "./browser.js";

// The yearly plan: the coordinator adds a theme area for the next meeting and it comes onto that
// meeting's proposed agenda; a member reports förhinder and the coordinator sees it in attendance;
// the chair rotation proposes and appoints the next chair; the secretariat sees who lacks a plan.

const KF = "kultur-och-fritidschefsnatverket";

describe("planning the year in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let coordinator: Page;
  let nextMeeting: { id: number; date: string };

  const contextFor = (name: string | null) => signedInContext(browser, server, name);

  const clean = expectNoAxeViolations;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    coordinator = await (await contextFor("Tove Gran")).newPage();
    nextMeeting = await server.database.db
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.id", "m.date"])
      .where("n.slug", "=", KF)
      .where("m.state", "in", ["planned", "notice_sent"])
      .orderBy("m.date")
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("adds a theme area with two owners that the next meeting proposes on its agenda", async () => {
    const page = coordinator;
    const year = nextMeeting.date.slice(0, 4);
    await page.goto(`${server.url}/natverk/${KF}`);
    await page.getByRole("link", { name: "Verksamhetsplan" }).click();
    await page.getByRole("heading", { level: 1, name: /Verksamhetsplan/ }).waitFor();
    await page.getByRole("navigation", { name: "Planer för andra år" }).getByRole("link", { name: year }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`Verksamhetsplan ${year}`) }).waitFor();
    await clean(page, "verksamhetsplanen");
    expect(await page.locator("ol.themes > li").count()).toBeGreaterThan(0);

    // One owner is too few: the form says so and keeps the title.
    await page.getByText("Lägg till ett temaområde").click();
    const form = page.locator("form#nytt-tema");
    await form.getByLabel("Rubrik").fill("Digitala biblioteket");
    await form.getByLabel(/^Jonas Hallin/).check();
    await form.getByRole("button", { name: "Lägg till temaområdet" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Välj minst 2 ansvariga");
    expect(await page.locator("form#nytt-tema").getByLabel("Rubrik").inputValue()).toBe("Digitala biblioteket");
    await clean(page, "temaområde med fel");

    const again = page.locator("form#nytt-tema");
    await again.getByLabel(/^Elin Wahlgren/).check();
    await again.getByLabel("Planerat till möte").selectOption(String(nextMeeting.id));
    await again.getByRole("button", { name: "Lägg till temaområdet" }).click();
    await page.getByText("Ändringarna är sparade.").waitFor();
    const theme = page.locator("ol.themes > li", { hasText: "Digitala biblioteket" });
    expect(await theme.innerText()).toContain("Elin Wahlgren");

    // The meeting shows the theme and its agenda builder proposes it.
    await theme.getByRole("link", { name: /mötet/ }).click();
    const themes = page.getByRole("region", { name: "Tema för mötet" });
    expect(await themes.innerText()).toContain("Digitala biblioteket");
    await clean(page, "mötessidan med tema");
    await page.goto(`${server.url}/moten/${nextMeeting.id}/dagordning`);
    const proposed = page.locator("section.proposals").getByRole("group", { name: "Temaområde för mötet" });
    await proposed.getByLabel(/Digitala biblioteket/).waitFor();

    // At the meeting the coordinator records which theme comes next and who prepares it.
    await page.goto(`${server.url}/moten/${nextMeeting.id}`);
    await page.getByText("Registrera vilket tema som tas upp härnäst").click();
    const next = page.locator("form#nasta-tema");
    const themeOption = next.getByLabel("Temaområde").locator("option", { hasText: "Bidragsregler för föreningar" });
    await next.getByLabel("Temaområde").selectOption((await themeOption.getAttribute("value")) ?? "");
    const following = await next.getByLabel("Tas upp på mötet").inputValue();
    await next.getByLabel(/^Tobias Strand/).check();
    await next.getByLabel(/^Hugo Nordin/).check();
    await next.getByRole("button", { name: "Spara nästa tema" }).click();
    await page.getByText("Nästa tema är registrerat").waitFor();
    await clean(page, "mötessidan efter nästa tema");
    await page.goto(`${server.url}/moten/${following}`);
    expect(await page.getByRole("region", { name: "Tema för mötet" }).innerText()).toMatch(
      /Bidragsregler för föreningar, förbereds av (Hugo Nordin, Tobias Strand|Tobias Strand, Hugo Nordin)/,
    );
  });

  it("takes a member's förhinder into the attendance as excused", async () => {
    const member = await (await contextFor("Rasmus Lindqvist")).newPage();
    await member.goto(`${server.url}/moten/${nextMeeting.id}`);
    const section = member.getByRole("region", { name: "Förhinder" });
    await section.getByLabel("Meddelande till samordnaren (frivilligt)").fill("Budgetdialog i kommunen");
    await section.getByRole("button", { name: "Anmäl förhinder" }).click();
    await member.getByText("Ditt förhinder är anmält.").waitFor();
    expect(await member.getByRole("region", { name: "Förhinder" }).innerText()).toContain("Budgetdialog i kommunen");
    await clean(member, "mötessidan efter förhinder");

    await coordinator.goto(`${server.url}/moten/${nextMeeting.id}/narvaro`);
    const row = coordinator.getByRole("group", { name: /Rasmus Lindqvist/ });
    expect(await row.getByLabel("Förhinder").isChecked()).toBe(true);
    expect(await row.innerText()).toContain("Budgetdialog i kommunen");

    await member.getByRole("button", { name: "Ta tillbaka förhindret" }).click();
    await member.getByText("Förhindret är borttaget.").waitFor();
    await member.close();
  });

  it("proposes the next chair from the history and appoints one", async () => {
    const page = coordinator;
    await page.goto(`${server.url}/natverk/${KF}`);
    await page.getByRole("link", { name: "Ordförandeskap" }).click();
    await page.getByRole("heading", { level: 1, name: /Ordförandeskap/ }).waitFor();
    await clean(page, "ordförandeskap");
    const first =
      (await page.locator("table.list tbody tr").first().locator("td").last().innerText()).split(",")[0] ?? "";
    expect(first.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Utse till ordförande" }).click();
    await page.getByText("Den nya ordföranden är utsedd").waitFor();
    const now = page.getByRole("region", { name: "Ordförande nu" });
    expect(await now.innerText()).toContain(first.trim());
    await clean(page, "ordförandeskap efter utnämning");
  });

  it("shows the secretariat which networks lack a plan", async () => {
    const admin = await (await contextFor(null)).newPage();
    const year = nextMeeting.date.slice(0, 4);
    await admin.goto(`${server.url}/admin`);
    await admin.getByRole("link", { name: "Verksamhetsplaner" }).click();
    await admin.getByRole("heading", { level: 1, name: /Verksamhetsplaner/ }).waitFor();
    await clean(admin, "översikt över planer");
    await admin.goto(`${server.url}/admin/verksamhetsplaner?ar=${year}`);
    expect(await admin.getByRole("region", { name: "Har plan" }).innerText()).toContain(
      "Kultur- och fritidschefsnätverket",
    );
    expect(await admin.getByRole("region", { name: "Saknar plan" }).innerText()).toContain("Miljöchefsnätverket");
    await admin.close();
  });
});
