import type { Tx } from "../../db/client.js";
import type { Actor } from "../../domain/permissions.js";
import type { Report } from "../../domain/report.js";
import { actionsReport } from "./actions.js";
import { attendanceReport } from "./attendance.js";
import { type ReportContext, type ReportRequest, reportContext } from "./context.js";
import { decisionsReport } from "./decisions.js";
import { meetingsReport } from "./meetings.js";
import { networksReport } from "./networks.js";
import { rotationReport } from "./rotation.js";

/** The reports, by the name the CLI and the URL use, with what the list of reports says about them. */
export const REPORTS = {
  attendance: {
    slug: "narvaro",
    title: "Närvaro",
    about: "Per kommun och person per år, som värmekarta och tabell.",
    run: attendanceReport,
  },
  meetings: {
    slug: "moten",
    title: "Möten",
    about: "Hållna möten per nätverk och år: sekretariatets årssiffror.",
    run: meetingsReport,
  },
  rotation: {
    slug: "ordforandeskap",
    title: "Ordförandeskap",
    about: "Vilken kommun som haft ordförandeskapet när, och vilka som inte haft det på länge.",
    run: rotationReport,
  },
  networks: {
    slug: "natverk",
    title: "Nätverken",
    about: "Senaste möte, möten i år, ordförande, samordnare, verksamhetsplan, aktivt eller vilande.",
    run: networksReport,
  },
  actions: {
    slug: "uppdrag",
    title: "Uppdrag",
    about: "Pågående och försenade uppdrag per nätverk och per person.",
    run: actionsReport,
  },
  decisions: { slug: "beslut", title: "Beslut", about: "Beslut per nätverk och år.", run: decisionsReport },
} as const satisfies Record<
  string,
  { slug: string; title: string; about: string; run: (tx: Tx, ctx: ReportContext) => Promise<Report> }
>;

/** A report's name. */
export type ReportName = keyof typeof REPORTS;

/** The report names, in the order the list shows them. */
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

/** The report behind a URL slug or a CLI name, if any. */
export function reportByName(name: string): ReportName | undefined {
  return REPORT_NAMES.find((n) => n === name || REPORTS[n].slug === name);
}

/** Runs one report for an actor (anyone signed in; minutes-based figures follow what they may read). */
export async function runReport(
  tx: Tx,
  actor: Actor,
  name: ReportName,
  input: ReportRequest,
  today: string,
): Promise<Report> {
  const ctx = await reportContext(tx, actor, input, today);
  return REPORTS[name].run(tx, ctx);
}
