import type { Tx } from "../../db/client.js";
import {
  chairMemberships,
  chairSightings,
  networkMunicipalities,
  networksWithChairs,
} from "../../db/queries/reports.js";
import type { ReadScope } from "../../db/queries/scope.js";
import type { ChartSpec, Report, ReportRow } from "../../domain/report.js";
import {
  type ChairSighting,
  type ChairTerm,
  type RotationStatus,
  rotationStatus,
  termsFromAttendance,
  yearsBefore,
} from "../../domain/rotation.js";
import type { ReportContext } from "./context.js";

const SOURCE_LABELS = { attendance: "närvarolistor", membership: "medlemskap" } as const;

/**
 * One network's chair terms (from "(ordf.)" on the attendance lists and chair memberships) and
 * which municipalities have not held the chair within `years` years of `asOf`.
 */
export async function networkRotation(
  tx: Tx,
  opts: { scope: ReadScope; networkId: number; asOf: string; years: number },
): Promise<{ status: RotationStatus; meetingsWithList: number }> {
  const [rows, memberships, municipalities] = await Promise.all([
    chairSightings(tx, { scope: opts.scope, networkId: opts.networkId, until: opts.asOf }),
    chairMemberships(tx, opts.networkId),
    networkMunicipalities(tx, opts.networkId),
  ]);
  const sightings = new Map<number, ChairSighting>();
  for (const r of rows) {
    const s = sightings.get(r.meetingId) ?? { date: r.date, chairs: [] };
    if (r.personId !== null && r.person !== null) {
      s.chairs.push({ personId: r.personId, person: r.person, municipality: r.municipality });
    }
    sightings.set(r.meetingId, s);
  }
  const terms: ChairTerm[] = [
    ...termsFromAttendance([...sightings.values()]),
    ...memberships.map((m) => ({ ...m, source: "membership" as const })),
  ];
  const status = rotationStatus({ terms, municipalities, asOf: opts.asOf, years: opts.years });
  return { status, meetingsWithList: sightings.size };
}

/**
 * Which municipality held each network's chair when (from "(ordf.)" on the attendance lists and
 * chair memberships), and which have not held it in the last N years.
 */
export async function rotationReport(tx: Tx, ctx: ReportContext): Promise<Report> {
  const networks = ctx.network
    ? [{ id: ctx.network.id, name: ctx.network.name, slug: ctx.network.slug }]
    : await networksWithChairs(tx);
  const results = [];
  for (const network of networks) {
    const { status, meetingsWithList } = await networkRotation(tx, {
      scope: ctx.scope,
      networkId: network.id,
      asOf: ctx.asOf,
      years: ctx.years,
    });
    results.push({ network, status, meetingsWithList });
  }

  const rows: ReportRow[] = results.flatMap(({ network, status }) =>
    status.municipalities.flatMap((m): ReportRow[] =>
      m.terms.length === 0
        ? [
            {
              network: network.name,
              municipality: m.municipality,
              person: null,
              from: null,
              to: null,
              source: null,
              within: "Nej",
            },
          ]
        : m.terms.map((t) => ({
            network: network.name,
            municipality: m.municipality,
            person: t.person,
            from: t.from,
            to: t.to,
            source: SOURCE_LABELS[t.source],
            within: m.chairedWithin ? "Ja" : "Nej",
          })),
    ),
  );
  const charts: ChartSpec[] = results
    .filter((r) => r.status.municipalities.some((m) => m.terms.length > 0))
    .map(({ network, status }) => {
      const starts = status.municipalities.flatMap((m) => m.terms.map((t) => t.from ?? status.since));
      const from = [yearsBefore(status.asOf, status.years), ...starts].sort()[0] ?? status.since;
      return {
        type: "spans",
        label: `Ordförandeskapet i ${network.name} per kommun över tid, fram till ${status.asOf}. Samma uppgifter finns i tabellen under.`,
        tableId: "ordforande",
        rows: status.municipalities.map((m) => m.municipality),
        from,
        to: status.asOf,
        spans: status.municipalities.flatMap((m) =>
          m.terms.map((t) => ({
            row: m.municipality,
            from: t.from ?? from,
            to: t.to === null || t.to > status.asOf ? status.asOf : t.to,
            text: t.person,
          })),
        ),
      };
    });
  return {
    name: "rotation",
    title: ctx.network ? `Ordförandeskap i ${ctx.network.name}` : "Ordförandeskap",
    description: `Vilken kommun som haft ordförandeskapet när, enligt närvarolistornas ”(ordf.)” och ordförandeposter i medlemskapen, och vilka som inte haft det de senaste ${ctx.years} åren (räknat till ${ctx.asOf}).`,
    summary: results.map((r) =>
      networks.length > 1 ? `${r.network.name}: ${r.status.statement}` : r.status.statement,
    ),
    tables: [
      {
        id: "ordforande",
        caption: "Ordförande per kommun",
        columns: [
          { key: "network", label: "Nätverk" },
          { key: "municipality", label: "Kommun" },
          { key: "person", label: "Ordförande" },
          { key: "from", label: "Från" },
          { key: "to", label: "Till" },
          { key: "source", label: "Källa" },
          { key: "within", label: `Inom ${ctx.years} år` },
        ],
        rows,
      },
    ],
    charts,
    data: results.map(({ network, status, meetingsWithList }) => ({
      network: network.name,
      meetingsWithAttendance: meetingsWithList,
      asOf: status.asOf,
      years: status.years,
      since: status.since,
      municipalities: status.municipalities,
      notChaired: status.notChaired,
      statement: status.statement,
    })),
  };
}
