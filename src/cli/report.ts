import type { Command } from "commander";
import { ReportInput } from "../commands/reports/context.js";
import { REPORT_NAMES, reportByName, runReport } from "../commands/reports/index.js";
import { toCsv } from "../domain/csv.js";
import { todayInSweden } from "../domain/dates.js";
import { SYSTEM } from "../domain/permissions.js";
import type { ReportTable } from "../domain/report.js";
import { parseInput } from "../web/validate.js";
import { configFrom, withDatabase } from "./context.js";

/** A report table as aligned plain text. */
export function formatTable(table: ReportTable): string {
  const cells = [
    table.columns.map((c) => c.label),
    ...table.rows.map((r) => table.columns.map((c) => String(r[c.key] ?? "–"))),
  ];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((v, i) => (table.columns[i]?.numeric ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [table.caption, line(cells[0] ?? []), ...cells.slice(1).map(line)].join("\n");
}

/** `samrad report NAME [--network NAME] [--json]`: prints a report. */
export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(`print a report: ${REPORT_NAMES.join(", ")}`)
    .argument("<name>", `which report (${REPORT_NAMES.join(", ")})`)
    .option("--network <name>", "only this network (name or slug) and its sub-networks")
    .option("--years <n>", "rotation: how many years back (default 3)")
    .option("--as-of <date>", "the day the report is about, YYYY-MM-DD (default today)")
    .option("--json", "print the report's data as JSON")
    .option("--csv [table]", "print one table (the first unless named) as CSV")
    .option("--data <dir>", "data folder for the embedded database")
    .action(async (nameArg: string, opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const name = reportByName(nameArg);
      if (!name) throw new Error(`no report called "${nameArg}"; choose one of ${REPORT_NAMES.join(", ")}`);
      const input = parseInput(ReportInput, { network: opts.network, years: opts.years, asOf: opts.asOf }, "Rapporten");
      const config = configFrom(cmd, typeof opts.data === "string" ? { dataDir: opts.data } : {});
      const report = await withDatabase(config, ({ db }) =>
        db.transaction().execute((tx) => runReport(tx, SYSTEM, name, input, todayInSweden())),
      );
      if (opts.json) {
        const out = { name, title: report.title, summary: report.summary, data: report.data };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      if (opts.csv) {
        const table = report.tables.find((t) => t.id === opts.csv) ?? report.tables[0];
        if (table) process.stdout.write(toCsv(table));
        return;
      }
      console.log(report.title);
      for (const s of report.summary) console.log(s);
      for (const t of report.tables) console.log(`\n${formatTable(t)}`);
    });
}
