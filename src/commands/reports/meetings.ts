import type { Tx } from "../../db/client.js";
import { meetingsPerNetworkYear } from "../../db/queries/reports.js";
import type { Report } from "../../domain/report.js";
import { bySwedishName, type ReportContext } from "./context.js";

/** Meetings held per network per year: the secretariat's yearly figures. */
export async function meetingsReport(tx: Tx, ctx: ReportContext): Promise<Report> {
  const unsorted = await meetingsPerNetworkYear(tx, {
    today: ctx.asOf,
    ...(ctx.networkIds ? { networkIds: ctx.networkIds } : {}),
  });
  const rows = bySwedishName(unsorted, (r) => r.network);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const networks = [...new Set(rows.map((r) => r.network))];
  const perYear = years.map((year) => {
    const of = rows.filter((r) => r.year === year);
    return { year, held: of.reduce((n, r) => n + r.held, 0), networks: of.filter((r) => r.held > 0).length };
  });
  return {
    name: "meetings",
    title: "Möten per nätverk och år",
    description: "Hållna, inställda och kommande möten per nätverk och år (undernätverk räknas för sig).",
    summary: perYear.map((y) => `${y.year}: ${y.held} hållna möten i ${y.networks} nätverk.`),
    tables: [
      {
        id: "moten",
        caption: "Möten per nätverk och år",
        columns: [
          { key: "network", label: "Nätverk" },
          { key: "year", label: "År", numeric: true },
          { key: "held", label: "Hållna", numeric: true },
          { key: "cancelled", label: "Inställda", numeric: true },
          { key: "planned", label: "Kommande", numeric: true },
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
              label: "Antal hållna möten per nätverk och år. Samma siffror finns i tabellen under.",
              tableId: "moten",
              rows: networks,
              columns: years.map(String),
              cells: rows.map((r) => ({ row: r.network, column: String(r.year), value: r.held, text: String(r.held) })),
            },
          ],
    data: { rows, perYear },
  };
}
