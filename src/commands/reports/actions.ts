import type { Tx } from "../../db/client.js";
import { openActions } from "../../db/queries/reports.js";
import type { Report } from "../../domain/report.js";
import type { ReportContext } from "./context.js";

/** Open and overdue actions per network and per person. */
export async function actionsReport(tx: Tx, ctx: ReportContext): Promise<Report> {
  const { byNetwork, byPerson } = await openActions(tx, {
    scope: ctx.scope,
    today: ctx.asOf,
    ...(ctx.networkIds ? { networkIds: ctx.networkIds } : {}),
  });
  const open = byNetwork.reduce((n, r) => n + r.open, 0);
  const overdue = byNetwork.reduce((n, r) => n + r.overdue, 0);
  return {
    name: "actions",
    title: "Öppna och försenade uppdrag",
    description: `Uppdrag som pågår, och de som passerat sitt datum (den ${ctx.asOf}), per nätverk och per person.`,
    summary: [`${open} pågående uppdrag, varav ${overdue} försenade.`],
    tables: [
      {
        id: "natverk",
        caption: "Pågående uppdrag per nätverk",
        columns: [
          { key: "network", label: "Nätverk" },
          { key: "open", label: "Pågående", numeric: true },
          { key: "overdue", label: "Försenade", numeric: true },
        ],
        rows: byNetwork.map(({ slug: _, ...r }) => r),
      },
      {
        id: "personer",
        caption: "Pågående uppdrag per person",
        columns: [
          { key: "person", label: "Person" },
          { key: "open", label: "Pågående", numeric: true },
          { key: "overdue", label: "Försenade", numeric: true },
          { key: "networks", label: "Nätverk" },
        ],
        rows: byPerson.map(({ personId: _, ...r }) => r),
      },
    ],
    charts:
      byNetwork.length === 0
        ? []
        : [
            {
              type: "bars",
              label: "Antal pågående uppdrag per nätverk, i tid och försenade. Samma siffror finns i tabellen under.",
              tableId: "natverk",
              categories: byNetwork.map((r) => r.network),
              series: ["I tid", "Försenade"],
              yLabel: "Uppdrag",
              bars: byNetwork.flatMap((r) => [
                { category: r.network, value: r.open - r.overdue, series: "I tid" },
                { category: r.network, value: r.overdue, series: "Försenade" },
              ]),
            },
          ],
    data: { byNetwork, byPerson },
  };
}
