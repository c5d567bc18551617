import type { Tx } from "../../db/client.js";
import { networkOverview } from "../../db/queries/reports.js";
import type { NetworkKind, NetworkStatus } from "../../db/schema.js";
import { NETWORK_KIND_LABELS, NETWORK_STATUS_LABELS } from "../../domain/labels.js";
import type { Report } from "../../domain/report.js";
import { yearsBefore } from "../../domain/rotation.js";
import type { ReportContext } from "./context.js";

/** Per network and sub-network: last meeting, meetings this year, chair, coordinator, plan, activity. */
export async function networksReport(tx: Tx, ctx: ReportContext): Promise<Report> {
  const rows = await networkOverview(tx, {
    today: ctx.asOf,
    ...(ctx.networkIds ? { networkIds: ctx.networkIds } : {}),
  });
  const year = Number(ctx.asOf.slice(0, 4));
  const yearAgo = yearsBefore(ctx.asOf, 1);
  const out = rows.map((r) => {
    const active = (r.lastMeeting !== null && r.lastMeeting > yearAgo) || r.nextMeeting !== null;
    return { ...r, active };
  });
  const withoutPlan = out.filter((r) => !r.hasPlan && r.status === "active");
  const dormant = out.filter((r) => !r.active);
  return {
    name: "networks",
    title: "Nätverken i överblick",
    description: `Senaste möte, möten ${year}, ordförande, samordnare, verksamhetsplan för ${year} och om nätverket är aktivt (möte senaste året eller ett planerat möte).`,
    summary: [
      `${out.length} nätverk och undernätverk, ${dormant.length} utan möte det senaste året och utan planerat möte.`,
      `${withoutPlan.length} aktiva nätverk saknar verksamhetsplan för ${year}.`,
    ],
    tables: [
      {
        id: "natverk",
        caption: "Nätverk och undernätverk",
        columns: [
          { key: "name", label: "Nätverk" },
          { key: "parent", label: "Under" },
          { key: "kind", label: "Sort" },
          { key: "lastMeeting", label: "Senaste möte" },
          { key: "meetingsThisYear", label: `Möten ${year}`, numeric: true },
          { key: "chairs", label: "Ordförande" },
          { key: "coordinators", label: "Samordnare" },
          { key: "plan", label: `Verksamhetsplan ${year}` },
          { key: "status", label: "Status i registret" },
          { key: "activity", label: "Aktivitet" },
        ],
        rows: out.map((r) => ({
          name: r.name,
          parent: r.parent,
          kind: NETWORK_KIND_LABELS[r.kind as NetworkKind] ?? r.kind,
          lastMeeting: r.lastMeeting,
          meetingsThisYear: r.meetingsThisYear,
          chairs: r.chairs,
          coordinators: r.coordinators,
          plan: r.hasPlan ? "Finns" : "Saknas",
          status: NETWORK_STATUS_LABELS[r.status as NetworkStatus] ?? r.status,
          activity: r.active ? "Aktivt" : "Vilande",
        })),
      },
    ],
    charts: [],
    data: { year, networks: out },
  };
}
