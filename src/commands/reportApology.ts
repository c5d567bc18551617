import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";

/** A coming meeting of the actor's network and the actor's membership on its day, or a clear refusal. */
export async function comingMeetingForMember(tx: Tx, actor: Actor, meetingId: number) {
  const meeting = await tx
    .selectFrom("meetings")
    .select(["id", "network_id", "date", "state"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound("Mötet");
  await authorize(tx, actor, "apology.send", { networkId: meeting.network_id });
  if (actor.personId === null) {
    throw new AppError("bad_request", "Ditt konto är inte kopplat till en person i nätverket; kontakta samordnaren.");
  }
  if (meeting.state !== "planned" && meeting.state !== "notice_sent") {
    throw new AppError("conflict", "Mötet är redan hållet eller inställt; förhinder anmäls före mötet.");
  }
  const member = (await listMembersOn(tx, meeting.network_id, meeting.date)).find((m) => m.personId === actor.personId);
  if (!member) throw new AppError("bad_request", "Du är inte medlem i nätverket på mötets datum.");
  return { meeting, member };
}

/** A member reports förhinder for a coming meeting: they stand as excused in its attendance. */
export async function reportApology(tx: Tx, opts: { actor: Actor; meetingId: number; note: string }): Promise<void> {
  const { meeting, member } = await comingMeetingForMember(tx, opts.actor, opts.meetingId);
  const values = { status: "excused" as const, apology_at: new Date(), apology_note: opts.note || null };
  await tx
    .insertInto("attendance")
    .values({
      meeting_id: meeting.id,
      person_id: member.personId,
      municipality_id: member.municipalityId,
      is_chair: member.role === "chair",
      ...values,
    })
    .onConflict((oc) => oc.columns(["meeting_id", "person_id"]).doUpdateSet(values))
    .execute();
  await recordAudit(tx, {
    actor: opts.actor,
    action: "apology.report",
    objectType: "meeting",
    objectId: meeting.id,
    after: { person_id: member.personId, note: opts.note },
  });
}
