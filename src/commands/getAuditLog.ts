import { z } from "zod";
import type { Tx } from "../db/client.js";
import { listAuditEntries, listAuditVocabulary } from "../db/queries/audit-log.js";
import { isValidIsoDate } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { requireAdmin } from "./authorize.js";

const PAGE = 100;
const optionalText = (max: number, pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .max(max, `högst ${max} tecken`)
    .regex(pattern, message)
    .optional()
    .or(z.literal("").transform(() => undefined));
const optionalDate = z
  .string()
  .refine(isValidIsoDate, "datumet ska skrivas ÅÅÅÅ-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The audit log's filter form, as query parameters. */
export const AuditFilterQuery = z.object({
  vem: optionalText(100, /^[\p{L}\p{N}@._+ -]*$/u, "skriv bokstäver, siffror eller delar av en e-postadress"),
  handling: optionalText(60, /^[a-z_.]*$/, "en handling skrivs med a–z, punkt och understreck"),
  typ: optionalText(40, /^[a-z_]*$/, "en objekttyp skrivs med a–z och understreck"),
  objekt: optionalText(40, /^[A-Za-z0-9_-]*$/, "ett objekt-id skrivs med bokstäver och siffror"),
  fran: optionalDate,
  till: optionalDate,
  fore: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "ska vara ett positivt heltal")
    .transform(Number)
    .optional(),
});

/** The audit log page: entries matching the filter (a page at a time) and the filter's choices. */
export async function getAuditLog(tx: Tx, opts: { actor: Actor; query: z.infer<typeof AuditFilterQuery> }) {
  requireAdmin(opts.actor);
  const q = opts.query;
  const filter = {
    actor: q.vem,
    action: q.handling,
    objectType: q.typ,
    objectId: q.objekt,
    from: q.fran,
    to: q.till,
    before: q.fore,
  };
  const [rows, vocabulary] = await Promise.all([listAuditEntries(tx, filter, PAGE + 1), listAuditVocabulary(tx)]);
  const entries = rows.slice(0, PAGE);
  const nextBefore = rows.length > PAGE ? entries.at(-1)?.id : undefined;
  return { entries, vocabulary, query: q, nextBefore };
}

/** The data the audit log page receives. */
export type AuditLogData = Awaited<ReturnType<typeof getAuditLog>>;
