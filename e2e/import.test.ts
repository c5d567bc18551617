import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/demo-data.js";
import type { RunningServer } from "../src/web/server.js";
import { SHARED_DIR } from "../test/seeds.js";
import { expectNoAxeViolations, launchBrowser, signInWithPassword, startDemoServer } from "./browser.js";

// The coordinator imports old minutes: from the network page to the upload form, a seed document
// read into a draft, one attendee corrected beside the source text, saved, and on the meeting page.
// Axe runs on every screen.

const KF = "kultur-och-fritidschefsnatverket";
const SEED_DIR = join(SHARED_DIR, "seeds");
const seed = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()[0] as string;

describe("importing old minutes in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const clean = (what: string) => expectNoAxeViolations(page, what);

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    const tove = await server.database.db
      .selectFrom("users as u")
      .innerJoin("people as p", "p.id", "u.person_id")
      .select("u.email")
      .where("p.name", "=", "Tove Gran")
      .executeTakeFirstOrThrow();
    await signInWithPassword(page, server.url, tove.email, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("uploads a seed document, corrects an attendee in the review and saves it as a meeting", async () => {
    await page.goto(`${server.url}/natverk/${KF}`);
    await page.getByRole("link", { name: "Importera protokoll" }).click();
    await page.getByRole("heading", { level: 1, name: "Importera protokoll" }).waitFor();
    await clean("importsidan");
    // Opened from the network page, the network is chosen already.
    expect(await page.getByLabel("Nätverk").locator("option:checked").innerText()).toBe(
      "Kultur- och fritidschefsnätverket",
    );

    // Dropping files on the zone puts the usable ones into the file field (the island's work).
    await page.locator("[data-dropzone]").evaluate((zone) => {
      const dt = new DataTransfer();
      dt.items.add(new File(["Nätverket\n"], "släppt.txt", { type: "text/plain" }));
      dt.items.add(new File(["x"], "bild.png", { type: "image/png" }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByText(/Valda filer \(1\): släppt\.txt/).waitFor();
    expect(await page.getByLabel("Filer att importera").evaluate((i) => (i as HTMLInputElement).files?.length)).toBe(1);

    await page.getByLabel("Filer att importera").setInputFiles(join(SEED_DIR, seed));
    await page.getByRole("button", { name: "Läs in" }).click();
    await page.getByRole("heading", { level: 1, name: /Granska import/ }).waitFor();
    expect(page.url()).toMatch(/\/import\/\d+$/);
    await clean("granskningen");

    // The source text is beside the draft, line by line.
    const source = page.locator("ol.source-lines");
    expect(await source.locator("li").count()).toBeGreaterThan(20);
    expect(await source.innerText()).toContain("Socialchefs nätverket");

    // The first attendee gets another municipality and a corrected name.
    const name = page.getByLabel(/^Namn, deltagare 1 /);
    const original = await name.inputValue();
    expect(original.length).toBeGreaterThan(3);
    await name.fill(`${original} Rättad`);
    await page.getByLabel(/^Kommun, deltagare 1 /).fill("Båstad");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await page.getByText("Ändringarna är sparade i utkastet.").waitFor();
    expect(await page.getByLabel(/^Namn, deltagare 1 /).inputValue()).toBe(`${original} Rättad`);
    await clean("granskningen efter sparade ändringar");

    await page.getByRole("button", { name: "Spara i Samråd" }).click();
    await page.waitForURL(/\/moten\/\d+\?klart=importerat$/);
    await page.getByText("Protokollet är importerat.").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Kultur- och fritidschefsnätverket");
    const body = await page.locator("main").innerText();
    expect(body).toContain(`${original} Rättad`);
    await clean("mötet efter importen");

    // The draft list says it is saved and links to the meeting.
    const meetingPath = new URL(page.url()).pathname;
    await page.goto(`${server.url}/import`);
    await page.locator(`a[href="${meetingPath}"]`).waitFor();
    await clean("importsidan med sparat utkast");
  });
});
