import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../src/domain/dates.js";
import type { RunningServer } from "../src/web/server.js";
import { expectNoAxeViolations, launchBrowser, signedInContext, startDemoServer } from "./browser.js";

// The coordinator's meeting from plan to approved minutes, the next meeting's proposals, the member
// closing their action, and two people writing in one item at once. Axe runs on every screen.

const KF = "kultur-och-fritidschefsnatverket";

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("running a meeting in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let coordinator: Page;
  let memberContext: BrowserContext;
  let lastDate: string;
  let meetingA: number;
  let meetingB: number;
  let postponedTitle = "";

  const contextFor = (name: string | null) => signedInContext(browser, server, name);

  const clean = expectNoAxeViolations;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    coordinator = await (await contextFor("Tove Gran")).newPage();
    memberContext = await contextFor("Astrid Bergqvist");
    const db = server.database.db;
    const last = await db
      .selectFrom("meetings as m")
      .innerJoin("networks as n", "n.id", "m.network_id")
      .select(["m.id", "m.date"])
      .where("n.slug", "=", KF)
      .orderBy("m.date", "desc")
      .executeTakeFirstOrThrow();
    lastDate = last.date;
    // The last meeting so far: the coordinator postpones one of its items and records an action.
    await coordinator.goto(`${server.url}/moten/${last.id}/anteckningar`);
    await clean(coordinator, "anteckningar, sista mötet");
    const topic = coordinator.locator("li.minutes-item").nth(2);
    const topicTitle = (await topic.locator("h2").innerText()).trim();
    await topic.getByRole("button", { name: `Flytta ${topicTitle} till nästa möte` }).click();
    await coordinator.locator(`li.minutes-item:has-text("${topicTitle}") .badge.postponed`).waitFor();
    postponedTitle = topicTitle;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("plans a meeting whose proposed agenda holds the postponed item and an open action, runs it and approves the minutes", async () => {
    const page = coordinator;
    const date = addDays(lastDate, 28);

    // Plan the meeting from the network page.
    await page.goto(`${server.url}/natverk/${KF}`);
    await clean(page, "nätverkssidan");
    await page.getByRole("link", { name: "Planera nytt möte" }).click();
    await clean(page, "planera möte");
    // Bad input first: the form says what is wrong and keeps what was typed.
    await page.getByLabel("Datum").fill("31/2");
    await page.getByLabel("Starttid").fill("13:00");
    await page.getByLabel("Sluttid").fill("10:00");
    await page.getByLabel("Plats").fill("Stadshuset i Höganäs, sal Kajen");
    await page.getByRole("button", { name: "Planera mötet" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("”31/2” är inte ett datum");
    expect(await page.getByLabel("Plats").inputValue()).toBe("Stadshuset i Höganäs, sal Kajen");
    await clean(page, "planera möte med fel");
    await page.getByLabel("Datum").fill(date);
    await page.getByRole("button", { name: "Planera mötet" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("Sluttiden 10:00 måste vara efter starttiden 13:00");
    await page.getByLabel("Starttid").fill("09:00");
    await page.getByLabel("Sluttid").fill("12:00");
    await page.getByRole("button", { name: "Planera mötet" }).click();
    await page.getByRole("heading", { level: 1, name: /Dagordning/ }).waitFor();
    meetingA = Number(/\/moten\/(\d+)\//.exec(page.url())?.[1]);
    await clean(page, "dagordning med förslag");

    // The proposals: standing items, the postponed item, open actions.
    const proposals = page.locator("section.proposals");
    expect(
      await proposals.getByRole("group", { name: "Flyttade från förra mötet" }).getByLabel(postponedTitle).isChecked(),
    ).toBe(true);
    const actionGroup = proposals.getByRole("group", { name: "Uppdrag att följa upp" });
    expect(await actionGroup.getByRole("checkbox").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Lägg till valda punkter" }).click();
    await page.getByText("Punkterna är tillagda på dagordningen.").waitFor();
    const rows = page.locator("ol.agenda-editor > li");
    const titles = await rows.locator("h3").allInnerTexts();
    expect(titles[0]).toBe("Föregående anteckningar");
    expect(titles.at(-1)).toBe("Övrigt");
    expect(titles).toContain(postponedTitle);
    expect(titles.some((t) => t.startsWith("Uppföljning: "))).toBe(true);
    await clean(page, "dagordning");

    // An item of our own, with an empty title first.
    const addForm = page.getByRole("form", { name: "Lägg till en punkt" });
    await addForm.getByLabel("Tid i minuter").fill("30");
    await addForm.getByRole("button", { name: "Lägg till punkten" }).click();
    expect(await page.getByRole("alert").first().innerText()).toContain("Skriv en rubrik för punkten.");
    expect(await addForm.getByLabel("Tid i minuter").inputValue()).toBe("30");
    await addForm.getByLabel("Rubrik").fill("Budget 2028");
    await addForm.getByRole("button", { name: "Lägg till punkten" }).click();
    await page.getByText("Ändringarna är sparade.").waitFor();
    expect((await rows.locator("h3").allInnerTexts()).at(-2)).toBe("Budget 2028");

    // Reorder by keyboard: "Flytta ned" on the first item.
    await page.getByRole("button", { name: "Flytta ned: Föregående anteckningar" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/dagordning#punkt-/);
    expect((await rows.locator("h3").allInnerTexts())[1]).toBe("Föregående anteckningar");
    // And by drag and drop (the island): drag it back to the top.
    await page.locator("#dagordning-rubrik").evaluate((h) => h.scrollIntoView({ block: "start" }));
    const saved = page.waitForResponse((r) => r.url().endsWith("/dagordning/ordning"));
    await rows
      .nth(1)
      .locator(".drag-handle")
      .dragTo(rows.nth(0), { targetPosition: { x: 20, y: 5 } });
    expect((await saved).status()).toBe(200);
    await expect
      .poll(async () => (await rows.locator("h3").allInnerTexts())[0], { timeout: 10_000 })
      .toBe("Föregående anteckningar");

    // Presenter and duration with computed times.
    const firstRow = rows.filter({ hasText: "Föregående anteckningar" });
    await firstRow.locator("summary").click();
    await firstRow.getByLabel("Tid i minuter").fill("15");
    await firstRow.getByLabel("Föredragande").selectOption({ label: "Tove Gran (samordnare)" });
    await firstRow.getByRole("button", { name: "Spara punkten" }).click();
    await page.getByText("Ändringarna är sparade.").waitFor();
    expect(await rows.first().locator(".slot").innerText()).toBe("09:00–09:15");
    expect(await rows.nth(1).locator(".slot").innerText()).toMatch(/^09:15–/);

    // Publish the notice.
    await page.getByRole("button", { name: "Publicera kallelsen" }).click();
    await page.getByText("Kallelsen är publicerad och skickas med e-post till nätverkets medlemmar.").waitFor();

    // Attendance: prefilled with the members; one absent, one excused, a guest.
    await page.getByRole("link", { name: "Närvaro" }).click();
    await clean(page, "närvaro");
    await page
      .getByRole("group", { name: /^Maja Fröberg/ })
      .getByLabel("Frånvarande")
      .check();
    await page
      .getByRole("group", { name: /^Hugo Nordin/ })
      .getByLabel("Förhinder")
      .check();
    await page.getByLabel("Namn", { exact: true }).fill("Greta Gästföreläsare");
    await page.getByLabel("Roll").fill("Föreläsare, Region Skåne");
    await page.getByRole("button", { name: "Spara närvaron" }).click();
    await page.getByText("Ändringarna är sparade.").waitFor();
    expect(
      await page
        .getByRole("group", { name: /^Maja Fröberg/ })
        .getByLabel("Frånvarande")
        .isChecked(),
    ).toBe(true);

    // Live minutes: notes saved as you type, a decision, an action, a postponed item.
    await page.getByRole("link", { name: "Anteckningar" }).click();
    await clean(page, "anteckningar");
    const items = page.locator("li.minutes-item");
    const itemNamed = (title: string) =>
      items.filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
    const notesItem = itemNamed(postponedTitle);
    await notesItem
      .getByLabel(`Anteckningar: ${postponedTitle}`)
      .fill("Dialog om läget.\n\n- Bjuv har börjat\n- Båstad avvaktar");
    await notesItem.getByText(/Sparat kl\./).waitFor();
    await page.reload();
    expect(await itemNamed(postponedTitle).getByLabel(`Anteckningar: ${postponedTitle}`).inputValue()).toContain(
      "Båstad avvaktar",
    );

    const decisionItem = itemNamed(postponedTitle);
    await decisionItem.locator("summary", { hasText: "Nytt beslut" }).click();
    await decisionItem
      .getByRole("textbox", { name: /^Beslut/ })
      .fill("att arbetsgruppen tar fram ett förslag till nästa möte");
    await decisionItem.getByRole("button", { name: "Registrera beslutet" }).click();
    await page.getByText("Beslutet är registrerat.").waitFor();
    expect(await page.locator(".decision").first().innerText()).toMatch(/Beslut \d{4}:\d+: att arbetsgruppen tar fram/);

    const actionItem = itemNamed(postponedTitle);
    await actionItem.locator("summary", { hasText: "Nytt uppdrag" }).click();
    await actionItem.getByLabel("Vad ska göras?").fill("Astrid sammanställer kommunernas underlag");
    await actionItem.getByLabel("Astrid Bergqvist, Bjuv").check();
    await actionItem.getByLabel("Klart senast").fill(addDays(date, 30));
    await actionItem.getByRole("button", { name: "Registrera uppdraget" }).click();
    await page.getByText("Uppdraget är registrerat.").waitFor();

    await itemNamed("Budget 2028").getByRole("button", { name: "Flytta Budget 2028 till nästa möte" }).click();
    await page.locator("li.minutes-item", { hasText: "Budget 2028" }).locator(".badge.postponed").waitFor();
    await clean(page, "anteckningar ifyllda");

    // Held, then approved.
    await page.getByRole("button", { name: "Mötet är genomfört" }).click();
    await page.getByText("Mötet är markerat som genomfört.").waitFor();
    await page.getByRole("button", { name: "Justera anteckningarna" }).click();
    await page.getByText("Anteckningarna är justerade och kan inte längre ändras.").waitFor();
    expect(await page.locator("dl.facts").innerText()).toContain("Justerat av");
    expect(await page.locator("section", { has: page.locator("#versioner") }).innerText()).toContain("Version 1");
    await clean(page, "justerat möte");

    // The following meeting proposes the item postponed at this one.
    await page.goto(`${server.url}/moten/nytt?natverk=${KF}`);
    await page.getByLabel("Datum").fill(addDays(date, 35));
    await page.getByLabel("Starttid").fill("13:00");
    await page.getByRole("button", { name: "Planera mötet" }).click();
    await page.getByRole("heading", { level: 1, name: /Dagordning/ }).waitFor();
    meetingB = Number(/\/moten\/(\d+)\//.exec(page.url())?.[1]);
    const carried = page.locator("section.proposals").getByRole("group", { name: "Flyttade från förra mötet" });
    expect(await carried.getByLabel("Budget 2028").isChecked()).toBe(true);
    expect(await carried.locator(".hint").innerText()).toBe(`Flyttades från mötet ${formatDate(date)}`);
    await page.getByRole("button", { name: "Lägg till valda punkter" }).click();
    await page.getByText("Punkterna är tillagda på dagordningen.").waitFor();
    // "Föregående anteckningar" links to the approved minutes.
    await page.goto(`${server.url}/moten/${meetingB}`);
    expect(await page.locator(".previous-minutes").first().innerText()).toContain("justerade, version 1");
    await clean(page, "nästa möte");
    expect(meetingA).toBeGreaterThan(0);
  });

  it("shows the assigned member the action under Mina uppdrag and lets them close it", async () => {
    const page = await memberContext.newPage();
    await page.goto(`${server.url}/uppdrag`);
    await page.getByRole("link", { name: "Mina uppdrag" }).click();
    await clean(page, "mina uppdrag");
    const action = page.locator("li.my-action", { hasText: "Astrid sammanställer kommunernas underlag" });
    await action.getByLabel("Kommentar (frivillig)").fill("Underlaget är utskickat.");
    await action.getByRole("button", { name: /Markera som klart/ }).click();
    await page.getByText("Uppdraget är markerat som klart.").waitFor();
    expect(await page.locator("li.my-action", { hasText: "Astrid sammanställer kommunernas underlag" }).count()).toBe(
      0,
    );
    expect(await page.locator("section", { has: page.locator("#mina-klara") }).innerText()).toContain(
      "Astrid sammanställer kommunernas underlag",
    );
    await clean(page, "mina uppdrag efter");
  });

  it("lets two people write in one item at once without losing either text", async () => {
    const item = await server.database.db
      .selectFrom("agenda_items")
      .select(["id", "title"])
      .where("meeting_id", "=", meetingB)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    const url = `${server.url}/moten/${meetingB}/anteckningar`;
    const first = coordinator;
    const second = await (await contextFor(null)).newPage();
    await first.goto(url);
    await second.goto(url);
    const label = `Anteckningar: ${item.title}`;

    await first.getByLabel(label).fill("Tove: rekryteringen är klar.");
    await first
      .locator(`#punkt-${item.id}`)
      .getByText(/Sparat kl\./)
      .waitFor();

    // The second writer's page was loaded before Tove saved: their autosave meets a conflict.
    await second.getByLabel(label).fill("Admin: budgeten är beslutad.");
    const conflict = second.locator(`#punkt-${item.id} .conflict`);
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain("Tove Gran har sparat andra anteckningar");
    expect(await conflict.getByLabel("Sparad text").inputValue()).toBe("Tove: rekryteringen är klar.");
    expect(await second.getByLabel(label).inputValue()).toBe("Admin: budgeten är beslutad.");
    await clean(second, "konflikt");
    const stored = async () =>
      (
        await server.database.db
          .selectFrom("agenda_items")
          .select("notes")
          .where("id", "=", item.id)
          .executeTakeFirstOrThrow()
      ).notes;
    expect(await stored()).toBe("Tove: rekryteringen är klar.");

    // The second writer keeps both and saves.
    await conflict.getByRole("button", { name: "Lägg in den sparade texten under min" }).click();
    await second
      .locator(`#punkt-${item.id}`)
      .getByText(/Sparat kl\./)
      .waitFor();
    expect(await stored()).toBe("Admin: budgeten är beslutad.\n\nTove: rekryteringen är klar.");

    // Typing and closing the page at once loses nothing: the copy in the browser is saved on return.
    await second.getByLabel(label).press("End");
    await second.getByLabel(label).pressSequentially(" Tillägg.", { delay: 10 });
    await second.reload();
    await expect
      .poll(stored, { timeout: 10_000 })
      .toBe("Admin: budgeten är beslutad.\n\nTove: rekryteringen är klar. Tillägg.");
    expect(await second.getByLabel(label).inputValue()).toContain("Tillägg.");
  });

  it("manages members over time and prints contact lists, without axe violations", async () => {
    const page = coordinator;
    await page.goto(`${server.url}/natverk/${KF}/medlemmar`);
    await clean(page, "medlemmar");
    const form = page.getByRole("form", { name: "Någon ersätter en medlem" });
    await form.getByLabel("Vem slutar?").selectOption({ label: "Tobias Strand, Åstorp (medlem)" });
    await form.getByLabel("Namn", { exact: true }).fill("Tilde Ersättare");
    await form.getByLabel("E-post").fill("tilde.ersattare@exempel.se");
    await form.getByLabel("Från datum").fill("2026-02-30");
    await form.getByRole("button", { name: "Spara bytet" }).click();
    expect(await page.getByRole("alert").first().innerText()).toContain("finns inte");
    expect(await form.getByLabel("Namn", { exact: true }).inputValue()).toBe("Tilde Ersättare");
    await clean(page, "medlemmar med fel");
    await form.getByLabel("Från datum").fill(addDays(lastDate, -1));
    await form.getByRole("button", { name: "Spara bytet" }).click();
    await page.getByText("Ändringarna är sparade.").waitFor();

    await page.goto(`${server.url}/natverk/${KF}/redigera`);
    await clean(page, "inställningar");
    await page.goto(`${server.url}/natverk/${KF}/kontakter`);
    expect(await page.locator("table.contacts").innerText()).toContain("astrid.bergqvist@exempel.se");
    await clean(page, "kontaktlista");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    const admin = await (await contextFor(null)).newPage();
    await admin.goto(`${server.url}/natverk`);
    await admin.getByRole("link", { name: "Nytt nätverk" }).click();
    await clean(admin, "nytt nätverk");
    await admin.goto(`${server.url}/kontakter`);
    expect(await admin.getByRole("heading", { level: 2, name: "Åstorp" }).isVisible()).toBe(true);
    await clean(admin, "kontaktlista per kommun");
    await admin.goto(`${server.url}/moten/${meetingA}/versioner/1`);
    await clean(admin, "version 1");
  });
});
