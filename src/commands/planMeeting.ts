import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import { findNetworkById } from "../db/queries/networks.js";
import type { MeetingDetailsInput } from "../domain/meeting-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** Plans a new meeting of a network: date, time, place or link. The agenda is built next. */
export async function planMeeting(
  tx: Tx,
  opts: { actor: Actor; networkId: number; input: MeetingDetailsInput },
): Promise<{ meetingId: number }> {
  const network = await findNetworkById(tx, opts.networkId);
  if (!network) throw notFound("Nätverket");
  await authorize(tx, opts.actor, "meeting.edit", { networkId: network.id });
  if (network.status === "closed") {
    throw new AppError("bad_request", `${network.name} är avslutat; planera mötet i ett aktivt nätverk.`, {
      where: "network_id",
    });
  }
  const { input } = opts;
  const meeting = await tx
    .insertInto("meetings")
    .values({
      network_id: network.id,
      date: input.date,
      start_time: input.start_time ?? null,
      end_time: input.end_time ?? null,
      location: input.location,
      online_url: input.online_url ?? null,
      title: input.title,
      edited_in_app: true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "meeting.plan",
    objectType: "meeting",
    objectId: meeting.id,
    after: { network_id: network.id, ...input },
  });
  return { meetingId: meeting.id };
}
