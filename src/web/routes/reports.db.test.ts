import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db.js";
import { type SignedIn, signIn } from "../../../test/web.js";
import { loadDemoData } from "../../commands/loadDemoData.js";
import { REPORT_NAMES, REPORTS } from "../../commands/reports/index.js";
import type { Database } from "../../db/client.js";
import { todayInSweden } from "../../domain/dates.js";
import { buildApp } from "../app.js";

// Every report as a page with server-drawn SVG charts and tables, as CSV and as JSON, on the demo data.
describe("reports in the web app", () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedIn;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction().execute((tx) => loadDemoData(tx, { today: todayInSweden() }));
    app = await buildApp({ database });
    admin = await signIn(database.db, { isAdmin: true });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string, who: SignedIn | null = admin) =>
    app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

  it("lists the reports under Rapporter in the navigation", async () => {
    const res = await get("/rapporter", null);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a href="/rapporter" aria-current="page">Rapporter</a>');
    for (const name of REPORT_NAMES) expect(res.body).toContain(`href="/rapporter/${REPORTS[name].slug}"`);
  });

  it("renders every report with tables, CSV links and charts without inline styles or scripts", async () => {
    for (const name of REPORT_NAMES) {
      const res = await get(`/rapporter/${REPORTS[name].slug}`);
      expect(res.statusCode, name).toBe(200);
      expect(res.body, name).toContain("<table");
      expect(res.body, name).toContain(".csv?table=");
      expect(res.body, name).not.toMatch(/\sstyle=|<style|<script(?! type="module" src="\/assets\/)/);
      if (name !== "networks") {
        const svg = res.body.match(/<svg[^>]*>/)?.[0] ?? "";
        expect(svg, name).toContain('class="chart-svg"');
        expect(svg, name).toContain('role="img"');
        expect(svg, name).toMatch(/aria-label="[^"]+"/);
      }
    }
  });

  it("downloads a report table as CSV for a spreadsheet", async () => {
    const res = await get("/rapporter/narvaro.csv?table=personer");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="narvaro-personer.csv"');
    expect(res.body.startsWith("\uFEFFPerson;Kommun;År;Närvarande")).toBe(true);
    expect(res.body).toContain("Lena O'Brien;Ängelholm;");
  });

  it("answers the JSON API with the report's data and summary", async () => {
    const res = await get("/api/rapporter/rotation?network=miljochefsnatverket&years=2");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary[0]).toMatch(/har inte haft ordförandeskapet de senaste 2 åren\.$/);
    expect(body.data[0].network).toBe("Miljöchefsnätverket");
    expect(
      body.data[0].municipalities.find((m: { municipality: string }) => m.municipality === "Helsingborg").chairedWithin,
    ).toBe(true);
  });

  it("asks for sign-in, and answers unknown reports and bad dates clearly", async () => {
    expect((await get("/rapporter/narvaro", null)).statusCode).toBe(303);
    expect((await get("/rapporter/narvaro.csv", null)).statusCode).toBe(303);
    expect((await get("/rapporter/finns")).statusCode).toBe(404);
    expect((await get("/rapporter/..%2Fetc")).statusCode).toBe(400);
    const bad = await get("/rapporter/ordforandeskap?asOf=2021-13-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("ÅÅÅÅ-MM-DD");
  });
});
