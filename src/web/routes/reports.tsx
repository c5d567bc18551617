import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ReportInput } from "../../commands/reports/context.js";
import { REPORTS, reportByName, runReport } from "../../commands/reports/index.js";
import type { Tx } from "../../db/client.js";
import { listNetworksForFilter } from "../../db/queries/lookups.js";
import { toCsv } from "../../domain/csv.js";
import { todayInSweden } from "../../domain/dates.js";
import { notFound } from "../../errors.js";
import { loadCharts } from "../charts.js";
import { sendPage } from "../render.js";
import { parseInput } from "../validate.js";
import { ReportPage, ReportsPage } from "../views/report-pages.js";

const ReportParams = z.object({
  name: z.string().regex(/^[a-z]{1,40}(\.csv)?$/, "okänd rapport"),
});
const CsvQuery = ReportInput.extend({
  table: z
    .string()
    .regex(/^[a-z]{1,40}$/)
    .optional(),
});

/** The reports: the list (/rapporter), each report's page, its CSV download and its JSON. */
export function registerReportRoutes(app: FastifyInstance, db: Tx): void {
  app.get("/rapporter", async (_req, reply) => sendPage(reply, <ReportsPage />));

  app.get("/rapporter/:name", async (req, reply) => {
    const { name: raw } = parseInput(ReportParams, req.params, "Adressen");
    const csv = raw.endsWith(".csv");
    const name = reportByName(raw.replace(/\.csv$/, ""));
    if (!name) throw notFound("Rapporten");
    const input = parseInput(CsvQuery, req.query, "Rapporten");
    const { report, networks } = await db.transaction().execute(async (tx) => ({
      report: await runReport(tx, req.actor, name, input, todayInSweden()),
      networks: await listNetworksForFilter(tx),
    }));
    if (csv) {
      const table = report.tables.find((t) => t.id === input.table) ?? report.tables[0];
      if (!table) throw notFound("Tabellen");
      const filename = `${REPORTS[name].slug}-${table.id}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(toCsv(table));
    }
    await loadCharts();
    return sendPage(reply, <ReportPage name={name} report={report} input={input} networks={networks} />);
  });

  app.get("/api/rapporter/:name", async (req) => {
    const { name: raw } = parseInput(ReportParams, req.params, "Adressen");
    const name = reportByName(raw);
    if (!name) throw notFound("Rapporten");
    const input = parseInput(ReportInput, req.query, "Rapporten");
    const report = await db.transaction().execute((tx) => runReport(tx, req.actor, name, input, todayInSweden()));
    return { name, title: report.title, summary: report.summary, data: report.data, tables: report.tables };
  });
}
