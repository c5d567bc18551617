import type { Tx } from "../../db/client.js";
import { decisionsPerNetworkYear } from "../../db/queries/reports.js";
import type { Report } from "../../domain/report.js";
import { bySwedishName, type ReportContext } from "./context.js";

/** Decisions per network and year. */
export async function decisionsReport(tx: Tx, ctx: ReportContext): Promise<Report> {
  const unsorted = await decisionsPerNetworkYear(tx, {
    scope: ctx.scope,
    ...(ctx.networkIds ? { networkIds: ctx.networkIds } : {}),
  });
  const rows = bySwedishName(unsorted, (r) => r.network);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return {
    name: "decisions",
    title: "Beslut per nätverk och år",
    description: "Antal beslut i de anteckningar du kan läsa, per nätverk och år.",
    summary: years.map((y) => `${y}: ${rows.filter((r) => r.year === y).reduce((n, r) => n + r.decisions, 0)} beslut.`),
    tables: [
      {
        id: "beslut",
        caption: "Beslut per nätverk och år",
        columns: [
          { key: "network", label: "Nätverk" },
          { key: "year", label: "År", numeric: true },
          { key: "decisions", label: "Beslut", numeric: true },
        ],
        rows: rows.map(({ slug: _, ...r }) => r),
      },
    ],
    charts:
      rows.length === 0
        ? []
        : [
            {
              type: "heatmap",
              label: "Antal beslut per nätverk och år. Samma siffror finns i tabellen under.",
              tableId: "beslut",
              rows: [...new Set(rows.map((r) => r.network))],
              columns: years.map(String),
              cells: rows.map((r) => ({
                row: r.network,
                column: String(r.year),
                value: r.decisions,
                text: String(r.decisions),
              })),
            },
          ],
    data: { rows },
  };
}
