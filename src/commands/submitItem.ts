import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { listNetworkRecipients } from "../db/queries/mail.js";
import { findNetworkById } from "../db/queries/networks.js";
import { formatDate, todayInSweden } from "../domain/dates.js";
import type { Actor } from "../domain/permissions.js";
import { submissionDeadline } from "../domain/submission-deadline.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { isEmptyUpload, storeUpload, type Upload, uploadTitle } from "./storeUpload.js";

/**
 * A member sends in an item for a coming meeting (title, text, who presents, optionally a file)
 * up to the network's deadline; the agenda builder proposes it to the coordinator. After the
 * deadline, or with a presenter who is not a member, nothing is stored.
 */
export async function submitItem(
  tx: Tx,
  opts: {
    actor: Actor;
    meetingId: number;
    title: string;
    body: string;
    presenterId?: number | undefined;
    file?: Upload | null;
    today?: string;
  },
): Promise<{ submittedItemId: number }> {
  const meeting = await tx.selectFrom("meetings").selectAll().where("id", "=", opts.meetingId).executeTakeFirst();
  if (!meeting) throw notFound("Mötet");
  await authorize(tx, opts.actor, "item.submit", { networkId: meeting.network_id });
  if (opts.actor.personId === null) {
    throw new AppError("bad_request", "Ditt konto är inte kopplat till en person i nätverket; kontakta samordnaren.");
  }
  if (meeting.state !== "planned" && meeting.state !== "notice_sent") {
    throw new AppError("conflict", "Mötet har redan hållits; skicka in punkten till nästa möte.");
  }
  const network = await findNetworkById(tx, meeting.network_id);
  if (!network) throw notFound("Nätverket");
  const today = opts.today ?? todayInSweden();
  const deadline = submissionDeadline(meeting.date, network.submission_days);
  if (today > deadline) {
    throw new AppError(
      "conflict",
      `Sista dag att skicka in punkter till mötet ${formatDate(meeting.date)} var ${formatDate(deadline)}. Skicka in punkten till ett senare möte eller kontakta samordnaren.`,
    );
  }
  if (opts.presenterId !== undefined) {
    const members = await listNetworkRecipients(tx, meeting.network_id, today);
    if (!members.some((m) => m.personId === opts.presenterId)) {
      throw new AppError("bad_request", "Välj vem som föredrar punkten bland nätverkets nuvarande medlemmar.", {
        where: "presenter_id",
      });
    }
  }
  const file = opts.file && !isEmptyUpload(opts.file) ? opts.file : null;
  const row = await tx
    .insertInto("submitted_items")
    .values({
      network_id: meeting.network_id,
      meeting_id: meeting.id,
      person_id: opts.actor.personId,
      title: opts.title,
      body: opts.body,
      presenter_id: opts.presenterId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let attachment: { title: string; type: string; size: number } | null = null;
  if (file) {
    const stored = await storeUpload(tx, file);
    const title = uploadTitle("", file);
    await tx
      .insertInto("submitted_item_attachments")
      .values({ submitted_item_id: row.id, document_id: stored.documentId, title })
      .execute();
    attachment = { title, type: stored.mime, size: stored.size };
  }
  await recordAudit(tx, {
    actor: opts.actor,
    action: "item.submit",
    objectType: "submitted_item",
    objectId: row.id,
    after: {
      meeting_id: meeting.id,
      title: opts.title,
      body: opts.body,
      presenter_id: opts.presenterId ?? null,
      attachment,
    },
  });
  return { submittedItemId: row.id };
}
