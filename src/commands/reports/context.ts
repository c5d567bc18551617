import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { findNetworkScope, type NetworkScope } from "../../db/queries/lookups.js";
import type { ReadScope } from "../../db/queries/scope.js";
import { isValidIsoDate } from "../../domain/dates.js";
import type { Actor } from "../../domain/permissions.js";
import { AppError } from "../../errors.js";
import { readScopeOf } from "../readScope.js";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** What a report may be narrowed by: a network (with its sub-networks), a window in years, a date. */
export const ReportInput = z.object({
  network: z.preprocess(blank, z.string().trim().max(200).optional()),
  years: z.preprocess(blank, z.coerce.number().int().min(1, "minst 1 år").max(50, "högst 50 år").default(3)),
  asOf: z.preprocess(blank, z.string().refine(isValidIsoDate, "datumet ska skrivas ÅÅÅÅ-MM-DD").optional()),
});

/** A parsed report request. */
export type ReportRequest = z.infer<typeof ReportInput>;

/** What every report needs: who may read what, which networks, and the day it is about. */
export type ReportContext = {
  scope: ReadScope;
  network: NetworkScope | null;
  networkIds: number[] | undefined;
  /** the day the report is about: today unless asked for another */
  asOf: string;
  years: number;
};

/** Authorizes (anyone signed in) and resolves the report's network and date. */
export async function reportContext(tx: Tx, actor: Actor, input: ReportRequest, today: string): Promise<ReportContext> {
  const scope = await readScopeOf(tx, actor);
  const network = input.network ? ((await findNetworkScope(tx, input.network)) ?? null) : null;
  if (input.network && !network) {
    throw new AppError("bad_request", `Nätverket ”${input.network.slice(0, 80)}” finns inte.`, { where: "network" });
  }
  return { scope, network, networkIds: network?.ids, asOf: input.asOf ?? today, years: input.years };
}

/** Swedish sort order (å, ä, ö last). */
export const byName = new Intl.Collator("sv").compare;

/** Rows sorted by a name in Swedish order, then by year. */
export function bySwedishName<T extends { year?: number }>(rows: T[], name: (row: T) => string): T[] {
  return [...rows].sort((a, b) => byName(name(a), name(b)) || (a.year ?? 0) - (b.year ?? 0));
}
