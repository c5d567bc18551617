import { createHash } from "node:crypto";
import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import { ALLOWED_FILE_KINDS, detectFileType, MAX_ATTACHMENT_BYTES } from "../domain/file-type.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";

/** An uploaded file as the web layer hands it over; truncated means it was cut at the size limit. */
export type Upload = { filename: string; bytes: Uint8Array; truncated: boolean };

/**
 * Attaches a file to a meeting or one of its items. The size limit and the allowed types are
 * checked on the bytes (magic numbers and structure), never on the name; the bytes are stored
 * once in source_documents however often they are attached.
 */
export async function addAttachment(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number | undefined; title: string; file: Upload | null },
): Promise<{ attachmentId: number }> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const { file } = opts;
  if (!file || (file.bytes.length === 0 && !file.filename)) {
    throw new AppError("bad_request", "Välj en fil att bifoga.", { where: "file" });
  }
  if (file.truncated || file.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      "too_large",
      `Filen är för stor. En bilaga får vara högst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
      { where: "file" },
    );
  }
  if (file.bytes.length === 0) throw new AppError("bad_request", "Filen är tom.", { where: "file" });
  const type = detectFileType(file.bytes);
  if (!type) {
    throw new AppError(
      "bad_request",
      `Filen ”${file.filename}” är inte av en tillåten typ. Tillåtna är ${ALLOWED_FILE_KINDS}; makron tillåts inte.`,
      { where: "file" },
    );
  }
  if (opts.itemId !== undefined && !(await lockItem(tx, meeting.id, opts.itemId))) throw notFound("Punkten");
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
  const title = (opts.title.trim() || file.filename.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "Bilaga").slice(0, 200);
  const row = await tx
    .insertInto("attachments")
    .values({
      meeting_id: meeting.id,
      item_id: opts.itemId ?? null,
      document_id: doc.id,
      title,
      created_by: opts.actor.personId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "attachment.add",
    objectType: "attachment",
    objectId: row.id,
    after: {
      meeting_id: meeting.id,
      item_id: opts.itemId ?? null,
      title,
      type: type.mime,
      size: file.bytes.length,
      sha256,
    },
  });
  return { attachmentId: row.id };
}
