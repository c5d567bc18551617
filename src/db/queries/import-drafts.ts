import type { Tx } from "../client.js";

/** A draft as the commands use it (without its bytes unless asked for). */
export type ImportDraftRow = {
  id: number;
  createdBy: number;
  networkId: number | null;
  networkName: string | null;
  filename: string;
  sha256: string;
  source: string;
  draft: unknown;
  warnings: unknown;
  error: string | null;
  status: "draft" | "saved" | "discarded";
  meetingId: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/** One line of the draft list. */
export type ImportDraftSummary = Omit<ImportDraftRow, "source" | "draft" | "warnings" | "sha256"> & {
  date: string | null;
  documentNetwork: string | null;
  warningCount: number;
};

/** Stores a new draft; returns its id. */
export async function insertImportDraft(
  tx: Tx,
  d: {
    createdBy: number;
    personId: number | null;
    networkId: number | null;
    filename: string;
    bytes: Uint8Array;
    sha256: string;
    source: string;
    draft: unknown;
    warnings: string[];
  },
): Promise<number> {
  const row = await tx
    .insertInto("import_drafts")
    .values({
      created_by: d.createdBy,
      person_id: d.personId,
      network_id: d.networkId,
      filename: d.filename,
      bytes: d.bytes,
      sha256: d.sha256,
      source: d.source,
      draft: JSON.stringify(d.draft),
      warnings: JSON.stringify(d.warnings),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// What every read of a draft shows: who, where, which file and how far it has come.
const DRAFT_COLUMNS = [
  "d.id",
  "d.created_by as createdBy",
  "d.network_id as networkId",
  "n.name as networkName",
  "d.filename",
  "d.error",
  "d.status",
  "d.meeting_id as meetingId",
  "d.created_at as createdAt",
  "d.updated_at as updatedAt",
] as const;

/** A draft by id, locked for the rest of the transaction when `lock` is set. */
export async function findImportDraft(
  tx: Tx,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<ImportDraftRow | undefined> {
  let q = tx
    .selectFrom("import_drafts as d")
    .leftJoin("networks as n", "n.id", "d.network_id")
    .select([...DRAFT_COLUMNS, "d.sha256", "d.source", "d.draft", "d.warnings"])
    .where("d.id", "=", id);
  if (opts.lock) q = q.forUpdate("d");
  return q.executeTakeFirst();
}

/** The bytes of a draft's document. */
export async function draftBytes(tx: Tx, id: number): Promise<Uint8Array> {
  const row = await tx.selectFrom("import_drafts").select("bytes").where("id", "=", id).executeTakeFirstOrThrow();
  return row.bytes;
}

/** The drafts a user uploaded, newest first (discarded ones left out). */
export async function listImportDraftsOf(tx: Tx, userId: number): Promise<ImportDraftSummary[]> {
  const rows = await tx
    .selectFrom("import_drafts as d")
    .leftJoin("networks as n", "n.id", "d.network_id")
    .select([...DRAFT_COLUMNS, "d.draft", "d.warnings"])
    .where("d.created_by", "=", userId)
    .where("d.status", "<>", "discarded")
    .orderBy("d.created_at", "desc")
    .orderBy("d.id", "desc")
    .limit(200)
    .execute();
  return rows.map(({ draft, warnings, ...r }) => {
    const m = (draft ?? {}) as { date?: string | null; network?: string | null };
    return {
      ...r,
      date: m.date ?? null,
      documentNetwork: m.network ?? null,
      warningCount: Array.isArray(warnings) ? warnings.length : 0,
    };
  });
}

/** Writes the reviewer's corrections (the draft and the chosen network). */
export async function updateImportDraftContent(
  tx: Tx,
  id: number,
  d: { draft: unknown; networkId: number | null },
): Promise<void> {
  await tx
    .updateTable("import_drafts")
    .set({ draft: JSON.stringify(d.draft), network_id: d.networkId, error: null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Marks a draft saved (with its meeting) or discarded. */
export async function setImportDraftStatus(
  tx: Tx,
  id: number,
  status: "saved" | "discarded",
  meetingId: number | null = null,
): Promise<void> {
  await tx
    .updateTable("import_drafts")
    .set({ status, meeting_id: meetingId, error: null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Remembers why storing a draft failed, for the list (written after the failed transaction). */
export async function setImportDraftError(tx: Tx, id: number, error: string): Promise<void> {
  await tx
    .updateTable("import_drafts")
    .set({ error: error.slice(0, 1000), updated_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}
