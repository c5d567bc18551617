import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** A member sends in an item for a coming meeting; the agenda builder proposes it to the coordinator. */
export async function submitItem(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; title: string; body: string },
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
  const row = await tx
    .insertInto("submitted_items")
    .values({
      network_id: meeting.network_id,
      meeting_id: meeting.id,
      person_id: opts.actor.personId,
      title: opts.title,
      body: opts.body,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "item.submit",
    objectType: "submitted_item",
    objectId: row.id,
    after: { meeting_id: meeting.id, title: opts.title, body: opts.body },
  });
  return { submittedItemId: row.id };
}
