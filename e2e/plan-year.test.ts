import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/demo-data.js";
import { formatDate, formatDateLong, todayInSweden } from "../src/domain/dates.js";
import type { RunningServer } from "../src/web/server.js";
import { expectNoAxeViolations, launchBrowser, signInWithPassword, startDemoServer } from "./browser.js";

// Planning the year: the coordinator proposes dates, a member answers, the coordinator reminds the
// others and picks two dates, which become meetings. Then the member sends in an item for the next
// meeting, the coordinator puts it on the agenda and the member sees that. Axe runs on every screen.

const KF = "kultur-och-fritidschefsnatverket";
const POLL = "Mötesdatum nästa år";

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("planning the year's meetings with a date poll, and an item sent in", () => {
  let server: RunningServer;
  let browser: Browser;
  let coordinator: Page;
  let member: Page;
  let pollUrl = "";
  const today = todayInSweden();
  const dates = [addDays(today, 22), addDays(today, 29), addDays(today, 36)];

  const clean = expectNoAxeViolations;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    coordinator = await (await browser.newContext()).newPage();
    member = await (await browser.newContext()).newPage();
    // Tove Gran coordinates the culture network; Astrid Bergqvist chairs it (a member with an account).
    await signInWithPassword(coordinator, server.url, "tove.gran@exempel.se", DEMO_PASSWORD);
    await signInWithPassword(member, server.url, "astrid.bergqvist@exempel.se", DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("takes a poll from proposed dates to answers to created meetings", async () => {
    const page = coordinator;
    await page.goto(`${server.url}/natverk/${KF}`);
    await page.getByRole("link", { name: "Datumomröstningar" }).click();
    await page.getByRole("heading", { level: 1, name: /Datumomröstningar/ }).waitFor();
    await clean(page, "omröstningar i nätverket");
    await page.getByRole("link", { name: "Ny omröstning" }).click();
    await page.getByRole("heading", { level: 1, name: /Ny datumomröstning/ }).waitFor();
    await clean(page, "ny omröstning");

    // Bad input first: a date that has passed is refused, with what was typed kept.
    const row = (n: number) => page.getByRole("group", { name: `Förslag ${n}`, exact: true });
    await page.getByLabel("Rubrik").fill(POLL);
    await row(1)
      .getByLabel("Datum")
      .fill(dates[0] as string);
    await row(2).getByLabel("Datum").fill(addDays(today, -7));
    await page.getByRole("button", { name: "Skapa omröstningen" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Förslag 2:");
    expect(await row(1).getByLabel("Datum").inputValue()).toBe(dates[0]);
    await clean(page, "ny omröstning med fel");

    await row(2)
      .getByLabel("Datum")
      .fill(dates[1] as string);
    await row(3)
      .getByLabel("Datum")
      .fill(dates[2] as string);
    await page.getByLabel("Starttid").first().fill("09:00");
    await page.getByLabel("Sluttid").first().fill("12:00");
    await page.getByRole("button", { name: "Skapa omröstningen" }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(POLL) }).waitFor();
    await page.getByText("Omröstningen är skapad.").waitFor();
    pollUrl = new URL(page.url()).pathname;
    await clean(page, "omröstningen, utan svar");

    // The member finds the poll on the start page and answers every date.
    await member.goto(server.url);
    await member.getByRole("heading", { name: "Datumomröstningar att svara på" }).waitFor();
    await member.getByRole("link", { name: POLL }).click();
    await member.getByRole("heading", { level: 1, name: new RegExp(POLL) }).waitFor();
    const choose = (date: string, answer: string) =>
      member
        .getByRole("group", { name: formatDateLong(date) })
        .getByRole("radio", { name: answer, exact: true })
        .check();
    await choose(dates[0] as string, "Ja");
    await choose(dates[1] as string, "Nej");
    await choose(dates[2] as string, "Om det behövs");
    await member.getByRole("button", { name: "Spara mitt svar" }).click();
    await member.getByText("Tack! Dina svar är sparade.").waitFor();
    await clean(member, "omröstningen efter svar");

    // The coordinator sees the matrix, reminds those who have not answered and picks two dates.
    await page.goto(`${server.url}${pollUrl}`);
    const matrix = page.getByRole("table", { name: /Svar per person och datum/ });
    const astrid = matrix.getByRole("row", { name: /Astrid Bergqvist/ });
    expect(await astrid.getByRole("cell").allInnerTexts()).toEqual(["✓ Ja", "✗ Nej", "(✓) Om det behövs"]);
    expect(await matrix.getByRole("columnheader").count()).toBe(4);
    await clean(page, "omröstningen med svar");
    await page.getByRole("button", { name: "Påminn dem som inte har svarat" }).click();
    await page.getByText(/Påminnelsen skickas till \d+ personer/).waitFor();
    const reminders = await server.database.db
      .selectFrom("outbox")
      .select("recipient")
      .where("kind", "=", "poll")
      .execute();
    expect(reminders.length).toBeGreaterThan(3);
    expect(reminders.map((r) => r.recipient)).not.toContain("astrid.bergqvist@exempel.se");

    const picks = page.getByRole("group", { name: "Välj de datum som ska bli möten" });
    await picks.getByRole("checkbox", { name: new RegExp(formatDateLong(dates[0] as string)) }).check();
    await picks.getByRole("checkbox", { name: new RegExp(formatDateLong(dates[2] as string)) }).check();
    await page.getByRole("button", { name: "Skapa möten för valda datum" }).click();
    await page.getByText("Mötena är skapade och omröstningen är stängd.").waitFor();
    const made = page.getByRole("region", { name: "Möten som skapats" }).getByRole("link");
    expect(await made.allInnerTexts()).toEqual([
      `${formatDateLong(dates[0] as string)} kl. 09:00–12:00`,
      `${formatDateLong(dates[2] as string)} kl. 09:00–12:00`,
    ]);
    await clean(page, "omröstningen stängd");

    // The meetings are in the network's list of coming meetings.
    await page.goto(`${server.url}/natverk/${KF}`);
    const upcoming = page.getByRole("table", { name: /Kommande möten i/ });
    await expect(
      upcoming.getByRole("link", { name: formatDate(dates[0] as string), exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      upcoming.getByRole("link", { name: formatDate(dates[2] as string), exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      upcoming.getByRole("link", { name: formatDate(dates[1] as string), exact: true }).count(),
    ).resolves.toBe(0);
  });

  it("puts an item a member sends in on the agenda of the next meeting, and the member sees it", async () => {
    // The next meeting still open for items (seven days before it, the network's deadline).
    const next = await server.database.db
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.id", "m.date"])
      .where("n.slug", "=", KF)
      .where("m.state", "in", ["planned", "notice_sent"])
      .where("m.date", ">=", addDays(today, 7))
      .orderBy("m.date")
      .executeTakeFirstOrThrow();
    await member.goto(`${server.url}/natverk/${KF}`);
    await member
      .getByRole("table", { name: /Kommande möten i/ })
      .getByRole("link", { name: formatDate(next.date), exact: true })
      .click();
    await member.getByRole("heading", { level: 2, name: "Skicka in en punkt" }).waitFor();
    await member.getByText("Föreslå en punkt till dagordningen").click();
    const form = member.getByRole("form", { name: "Skicka in en punkt" });
    await form.getByLabel("Rubrik").fill("Gemensam fritidsbank");
    await form.getByLabel("Beskrivning (frivillig)").fill("Ska vi upphandla en fritidsbank tillsammans?");
    await form.getByLabel("Vem föredrar punkten?").selectOption({ label: "Jonas Hallin" });
    await form.getByRole("button", { name: "Skicka in" }).click();
    await member.getByText("Tack! Punkten är inskickad till samordnaren.").waitFor();
    await member.goto(`${server.url}/`);
    await member.getByRole("link", { name: "Mina inskickade punkter" }).click();
    const row = member.getByRole("row", { name: /Gemensam fritidsbank/ });
    expect(await row.innerText()).toContain("Väntar på samordnaren");
    await clean(member, "mina inskickade punkter, väntar");

    // The coordinator puts it on the agenda from the meeting's items page.
    await coordinator.goto(`${server.url}/moten/${next.id}`);
    await coordinator.getByRole("link", { name: "Inskickade punkter" }).click();
    await coordinator.getByRole("heading", { level: 1, name: /Inskickade punkter/ }).waitFor();
    await clean(coordinator, "inskickade punkter till mötet");
    await coordinator.getByRole("button", { name: /^Lägg på dagordningen\s*: Gemensam fritidsbank$/ }).click();
    await coordinator.getByText("Punkten är lagd på dagordningen.").waitFor();
    await clean(coordinator, "inskickade punkter, beslutade");
    await coordinator.goto(`${server.url}/moten/${next.id}/dagordning`);
    const titles = await coordinator.locator("ol.agenda-editor > li h3").allInnerTexts();
    expect(titles).toContain("Gemensam fritidsbank");

    // The member sees the item on the agenda of that meeting.
    await member.reload();
    const after = member.getByRole("row", { name: /Gemensam fritidsbank/ });
    expect(await after.innerText()).toContain("På dagordningen");
    expect(await after.innerText()).toContain(formatDate(next.date));
    await clean(member, "mina inskickade punkter, på dagordningen");
    await after.getByRole("link", { name: `mötet ${formatDate(next.date)}` }).click();
    await member.getByRole("heading", { level: 1 }).waitFor();
    expect(await member.locator("main").innerText()).toContain("Gemensam fritidsbank");
  });
});
