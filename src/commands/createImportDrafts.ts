import { createHash } from "node:crypto";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { insertImportDraft } from "../db/queries/import-drafts.js";
import { listKnownPeople } from "../db/queries/imports.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { isImportError, MAX_IMPORT_BYTES, readMinutesWithText } from "../importers/read.js";
import { authorize } from "./authorize.js";
import { networkNamed, requireImporter } from "./importDraftAccess.js";

/** An uploaded file; `truncated` means the upload was cut at the size limit. */
export type ImportUpload = { filename: string; bytes: Uint8Array; truncated?: boolean };

/** What became of the uploaded files: drafts to review, and files that could not be read (nothing of them is stored). */
export type CreatedDrafts = {
  drafts: Array<{ id: number; filename: string; warnings: number }>;
  failures: Array<{ filename: string; message: string }>;
};

/** A file name fit to store and show: no folders, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const last = name.replaceAll("\\", "/").split("/").pop() ?? "";
  const clean = last
    .normalize("NFC")
    .replace(/[\p{Cc}<>"]/gu, "")
    .trim()
    .slice(0, 200);
  return clean || "dokument";
}

/**
 * Reads each uploaded minutes document with the same reader as the CLI and stores it as a draft to
 * review. A file that cannot be read (empty, too large, not minutes, a broken or protected .docx)
 * is reported by name and stored nowhere; the other files are still drafted. The network is the
 * one given (it must be one the actor imports into), else the one the document names when it
 * exists and the actor may import into it, else chosen later in the review.
 */
export async function createImportDrafts(
  tx: Tx,
  opts: { actor: Actor; files: ImportUpload[]; networkId?: number },
): Promise<CreatedDrafts> {
  const { actor } = opts;
  const allowed = await requireImporter(tx, actor);
  if (opts.networkId !== undefined) {
    const exists = await tx.selectFrom("networks").select("id").where("id", "=", opts.networkId).executeTakeFirst();
    if (!exists) throw notFound("Nätverket");
    await authorize(tx, actor, "import.run", { networkId: opts.networkId });
  }
  const files = opts.files.filter((f) => f.filename !== "" || f.bytes.length > 0);
  if (files.length === 0) throw new AppError("bad_request", "Välj minst en fil att importera.", { where: "files" });

  const known = await listKnownPeople(tx);
  const out: CreatedDrafts = { drafts: [], failures: [] };
  for (const file of files) {
    const filename = cleanFilename(file.filename);
    if (file.truncated || file.bytes.length > MAX_IMPORT_BYTES) {
      out.failures.push({
        filename,
        message: `Filen är för stor; största tillåtna storlek är ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      });
      continue;
    }
    let read: Awaited<ReturnType<typeof readMinutesWithText>>;
    try {
      read = await readMinutesWithText({ bytes: file.bytes, filename, knownPeople: known });
    } catch (e) {
      if (!isImportError(e)) throw e;
      out.failures.push({ filename, message: e.line ? `rad ${e.line}: ${e.message}` : e.message });
      continue;
    }
    const { meeting, text } = read;
    let networkId = opts.networkId ?? null;
    if (networkId === null) {
      const named = await networkNamed(tx, meeting.network);
      if (named && allowed.some((n) => n.id === named.id)) networkId = named.id;
    }
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const id = await insertImportDraft(tx, {
      createdBy: actor.userId as number,
      personId: actor.personId,
      networkId,
      filename,
      bytes: file.bytes,
      sha256,
      source: text,
      draft: meeting,
      warnings: meeting.warnings,
    });
    await recordAudit(tx, {
      actor,
      action: "import_draft.create",
      objectType: "import_draft",
      objectId: id,
      after: { filename, sha256, size: file.bytes.length, network_id: networkId, date: meeting.date },
    });
    out.drafts.push({ id, filename, warnings: meeting.warnings.length });
  }
  return out;
}
