import type { Tx } from "../db/client.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "text/plain; charset=utf-8": "txt",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.presentation": "odp",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};

/** An attachment's bytes for download, with a safe file name, for those who may read the meeting. */
export async function getAttachmentFile(tx: Tx, opts: { actor: Actor; attachmentId: number }) {
  const row = await tx
    .selectFrom("attachments as a")
    .innerJoin("meetings as m", "m.id", "a.meeting_id")
    .innerJoin("source_documents as d", "d.id", "a.document_id")
    .select(["a.title", "m.network_id", "d.content_type as contentType", "d.bytes", "d.size"])
    .where("a.id", "=", opts.attachmentId)
    .executeTakeFirst();
  if (!row) throw notFound("Bilagan");
  await authorize(tx, opts.actor, "meeting.read", { networkId: row.network_id });
  const ext = EXTENSIONS[row.contentType] ?? "bin";
  const printable = Array.from(row.title, (c) => (c.charCodeAt(0) < 32 ? " " : c)).join("");
  const base = printable.replace(/[\\/:*?"<>|]+/g, " ").trim() || "bilaga";
  return { filename: `${base}.${ext}`, contentType: row.contentType, bytes: row.bytes, size: row.size };
}
