import { createHash } from "node:crypto";
import type { Tx } from "../db/client.js";
import { ALLOWED_FILE_KINDS, detectFileType, MAX_ATTACHMENT_BYTES } from "../domain/file-type.js";
import { AppError } from "../errors.js";

/** An uploaded file as the web layer hands it over; truncated means it was cut at the size limit. */
export type Upload = { filename: string; bytes: Uint8Array; truncated: boolean };

/** Whether the form's file field was left empty (browsers send an empty part without a name). */
export function isEmptyUpload(file: Upload | null | undefined): boolean {
  return !file || (file.bytes.length === 0 && !file.filename);
}

/**
 * Checks an uploaded file (size, and type from its bytes: magic numbers and structure, never the
 * name) and stores the bytes once in source_documents, however often they are attached.
 */
export async function storeUpload(
  tx: Tx,
  file: Upload,
  where = "file",
): Promise<{ documentId: number; mime: string; ext: string; size: number; sha256: string }> {
  if (file.truncated || file.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      "too_large",
      `Filen är för stor. En bilaga får vara högst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
      { where },
    );
  }
  if (file.bytes.length === 0) throw new AppError("bad_request", "Filen är tom.", { where });
  const type = detectFileType(file.bytes);
  if (!type) {
    throw new AppError(
      "bad_request",
      `Filen ”${file.filename}” är inte av en tillåten typ. Tillåtna är ${ALLOWED_FILE_KINDS}; makron tillåts inte.`,
      { where },
    );
  }
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  await tx
    .insertInto("source_documents")
    .values({
      filename: file.filename.slice(0, 255) || `bilaga.${type.ext}`,
      content_type: type.mime,
      size: file.bytes.length,
      sha256,
      bytes: file.bytes,
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  const doc = await tx
    .selectFrom("source_documents")
    .select("id")
    .where("sha256", "=", sha256)
    .executeTakeFirstOrThrow();
  return { documentId: doc.id, mime: type.mime, ext: type.ext, size: file.bytes.length, sha256 };
}

/** A file's title: what was typed, else its name without the extension. */
export function uploadTitle(typed: string, file: Upload): string {
  return (typed.trim() || file.filename.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "Bilaga").slice(0, 200);
}
