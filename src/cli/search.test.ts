import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/samrad");
const run = (args: string[]) =>
  spawnSync(BIN, args, { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" }, timeout: 60_000 });

// `samrad search` and `samrad report` on a data folder with the demo data.
describe("samrad search and samrad report", () => {
  const dir = mkdtempSync(join(tmpdir(), "samrad-cli-search-"));
  beforeAll(() => {
    const demo = run(["demo", "--data", dir]);
    expect(demo.status, demo.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints hits as a JSON array with kind, network, date, title, snippet and url", () => {
    const result = run(["search", "--json", "--data", dir, "--network", "Biblioteksgruppen", "e-boksupphandling"]);
    expect(result.status, result.stderr).toBe(0);
    const hits = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(["kind", "network", "date", "title", "snippet", "url"]));
      expect(hit.network).toBe("Biblioteksgruppen");
      expect(hit.url).toMatch(/^\/moten\/\d+#punkt-\d+$/);
    }
    const decisions = JSON.parse(run(["search", "--json", "--data", dir, "beslut", "e-böcker"]).stdout);
    expect(decisions[0].kind).toBe("decision");
  });

  it("answers an empty query calmly and an unknown network with the flag named", () => {
    const empty = run(["search", "--json", "--data", dir, "!!!"]);
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);
    expect(empty.stderr).toContain("Skriv ett eller flera ord");
    const unknown = run(["search", "--data", dir, "--network", "Finns inte", "jour"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Nätverket ”Finns inte” finns inte.");
  });

  it("prints a report as JSON, as text and as CSV", () => {
    const json = run(["report", "rotation", "--json", "--data", dir, "--network", "miljochefsnatverket"]);
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.name).toBe("rotation");
    expect(report.data[0].municipalities.map((m: { municipality: string }) => m.municipality)).toContain("Helsingborg");
    expect(report.summary[0]).toMatch(/har inte haft ordförandeskapet de senaste 3 åren\.$/);
    const text = run(["report", "meetings", "--data", dir]);
    expect(text.stdout).toContain("Möten per nätverk och år");
    expect(text.stdout).toMatch(/Miljöchefsnätverket\s+\d{4}\s+\d+/);
    const csv = run(["report", "decisions", "--csv", "--data", dir]);
    expect(csv.stdout.startsWith("\uFEFFNätverk;År;Beslut\r\n")).toBe(true);
    const bad = run(["report", "nope", "--data", dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("no report called");
  });
});
