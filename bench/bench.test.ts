import { describe, expect, it } from "vitest";
import { planCorpus } from "../src/demo/generator.js";
import { hasMinutes, minutesDocument, renderDocx } from "../src/demo/generator-docs.js";
import { generateMeetings } from "../src/demo/generator-meetings.js";
import { pageAssets } from "./bytes.js";
import { docxXml } from "./import.js";
import { type BenchResults, renderTable, type TargetResult, toJson } from "./report.js";
import { QUERIES, rgCommand } from "./search.js";
import { measured, percentile, spreadPercent } from "./stats.js";

describe("benchmark helpers", () => {
  it("takes percentiles, medians and spreads", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    const m = measured([90, 100, 110]);
    expect(m.median).toBe(100);
    expect(spreadPercent(m)).toBe(10);
  });

  it("reads the text of a generated .docx without a zip library (the import floor)", async () => {
    const plan = planCorpus({ meetings: 60 });
    const meeting = [...generateMeetings(plan)].find(hasMinutes);
    if (!meeting) throw new Error("no held meeting");
    const xml = docxXml(await renderDocx(minutesDocument(plan, meeting)));
    expect(xml).toContain("Datum och tid:");
    expect(xml).toContain(meeting.attendance[0]?.name ?? "?");
  });

  it("finds the stylesheets and scripts a page loads", () => {
    const html =
      '<link rel="stylesheet" href="/assets/style.css"><link rel="icon" href="/assets/favicon.svg"><script type="module" src="/assets/x.js"></script>';
    expect(pageAssets(html)).toEqual(["/assets/style.css", "/assets/x.js"]);
  });

  it("asks rg for every term of a query, quoting what the shell would mangle", () => {
    const two = QUERIES.find((q) => q.rg.all.length === 2);
    if (!two) throw new Error("no two-word query");
    const line = rgCommand(two, "/tmp/it's here");
    expect(line).toContain("xargs -0 -r rg -i -l -0 -F");
    expect(line).toContain("'/tmp/it'\\''s here'");
  });

  it("writes every figure the issue asks for, null where a feature is missing", () => {
    const m = measured([1, 2, 3]);
    const cpu = { server: m, database: null };
    const r: TargetResult = {
      meetings: 1000,
      generate_s: 2,
      import_floor_docs_per_s: m,
      import_parse_docs_per_s: null,
      import_store_docs_per_s: null,
      search_p50_ms: null,
      search_p95_ms: null,
      sql_p50_ms: m,
      sql_p95_ms: m,
      rg_p50_ms: m,
      rg_p95_ms: m,
      search_hits: null,
      sql_hits: [],
      rg_hits: [],
      search_per_query_ms: null,
      sql_per_query_ms: [],
      rg_per_query_ms: [],
      trivial_rps: m,
      trivial_p99_ms: m,
      network_page_rps: m,
      network_page_p99_ms: m,
      meeting_page_rps: m,
      meeting_page_p99_ms: m,
      trivial_cpu_ms: cpu,
      network_page_cpu_ms: cpu,
      meeting_page_cpu_ms: cpu,
      page_bytes: { meeting: 6000 },
      cold_start_ms: m,
      idle_rss_mb: 100,
      load_rss_mb: 120,
      db_mb: 20,
      db_mb_per_1000_meetings: 10,
      load_errors: 0,
    };
    const results: BenchResults = { S: { pglite: r, postgres: r } };
    const json = toJson(results, {}) as Record<string, Record<string, Record<string, unknown>>>;
    for (const db of ["pglite", "postgres"]) {
      const figures = json.S?.[db] ?? {};
      for (const key of [
        "import_parse_docs_per_s",
        "import_store_docs_per_s",
        "search_p95_ms",
        "search_vs_ripgrep",
        "search_vs_sql",
        "meeting_page_rps",
        "meeting_page_vs_trivial",
        "meeting_page_bytes",
        "cold_start_ms",
        "idle_rss_mb",
      ])
        expect(figures).toHaveProperty(key);
      expect(figures.search_vs_ripgrep).toBeNull();
      expect(figures.meeting_page_bytes).toBe(6000);
      expect(figures.meeting_page_vs_trivial).toBe(1);
    }
    expect(renderTable(results, { importer: false, searchApi: false })).toContain("n/a (importer not available)");
  });
});
