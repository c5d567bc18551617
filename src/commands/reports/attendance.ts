import type { Tx } from "../../db/client.js";
import { attendanceByMunicipality, attendanceByPerson } from "../../db/queries/reports.js";
import { percent, type Report } from "../../domain/report.js";
import { byName, bySwedishName, type ReportContext } from "./context.js";

/** Attendance per municipality and per person per year, with a heatmap of the municipalities. */
export async function attendanceReport(tx: Tx, ctx: ReportContext): Promise<Report> {
  const opts = { scope: ctx.scope, until: ctx.asOf, ...(ctx.networkIds ? { networkIds: ctx.networkIds } : {}) };
  const [byMunicipality, byPerson] = await Promise.all([
    attendanceByMunicipality(tx, opts),
    attendanceByPerson(tx, opts),
  ]);
  const municipalities = bySwedishName(byMunicipality, (r) => r.municipality);
  const people = bySwedishName(byPerson, (r) => r.person);
  const years = [...new Set(municipalities.map((r) => r.year))].sort();
  const names = [...new Set(municipalities.map((r) => r.municipality))].sort(byName);
  const where = ctx.network ? ` i ${ctx.network.name}` : "";
  return {
    name: "attendance",
    title: `Närvaro${where}`,
    description:
      "Hur ofta varje kommun var representerad vid mötena och hur ofta varje person var där, per år. Räknar hållna möten med närvarolista; övriga (gäster) räknas inte.",
    summary: [],
    tables: [
      {
        id: "kommuner",
        caption: "Närvaro per kommun och år",
        columns: [
          { key: "municipality", label: "Kommun" },
          { key: "year", label: "År", numeric: true },
          { key: "meetings", label: "Möten med kommunen på listan", numeric: true },
          { key: "represented", label: "Möten där kommunen var representerad", numeric: true },
          { key: "share", label: "Andel" },
        ],
        rows: municipalities.map((r) => ({
          municipality: r.municipality,
          year: r.year,
          meetings: r.expected,
          represented: r.represented,
          share: percent(r.represented, r.expected),
        })),
      },
      {
        id: "personer",
        caption: "Närvaro per person och år",
        columns: [
          { key: "person", label: "Person" },
          { key: "municipality", label: "Kommun" },
          { key: "year", label: "År", numeric: true },
          { key: "present", label: "Närvarande", numeric: true },
          { key: "away", label: "Frånvarande eller förhinder", numeric: true },
          { key: "share", label: "Andel" },
        ],
        rows: people.map((r) => ({
          person: r.person,
          municipality: r.municipality,
          year: r.year,
          present: r.present,
          away: r.away,
          share: percent(r.present, r.listed),
        })),
      },
    ],
    charts:
      municipalities.length === 0
        ? []
        : [
            {
              type: "heatmap",
              label: `Andel möten där varje kommun var representerad, per år${where}. Samma siffror finns i tabellen under.`,
              tableId: "kommuner",
              rows: names,
              columns: years.map(String),
              max: 1,
              cells: municipalities.map((r) => ({
                row: r.municipality,
                column: String(r.year),
                value: r.expected ? r.represented / r.expected : 0,
                text: percent(r.represented, r.expected),
              })),
            },
          ],
    data: { network: ctx.network?.name ?? null, municipalities, people },
  };
}
