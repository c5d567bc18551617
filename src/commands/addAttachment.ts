import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";
import { isEmptyUpload, storeUpload, type Upload, uploadTitle } from "./storeUpload.js";

export type { Upload } from "./storeUpload.js";

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
  if (!file || isEmptyUpload(file)) {
    throw new AppError("bad_request", "Välj en fil att bifoga.", { where: "file" });
  }
  const stored = await storeUpload(tx, file);
  if (opts.itemId !== undefined && !(await lockItem(tx, meeting.id, opts.itemId))) throw notFound("Punkten");
  const title = uploadTitle(opts.title, file);
  const row = await tx
    .insertInto("attachments")
    .values({
      meeting_id: meeting.id,
      item_id: opts.itemId ?? null,
      document_id: stored.documentId,
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
      type: stored.mime,
      size: stored.size,
      sha256: stored.sha256,
    },
  });
  return { attachmentId: row.id };
}
