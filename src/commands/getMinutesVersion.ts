import type { Tx } from "../db/client.js";
import { findMeeting } from "../db/queries/meetings.js";
import type { Actor } from "../domain/permissions.js";
import { notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { readMinutesSnapshot } from "./minutesSnapshot.js";

/** One approved version of a meeting's minutes, as it was approved, with its reason. */
export async function getMinutesVersion(tx: Tx, opts: { actor: Actor; meetingId: number; version: number }) {
  const meeting = await findMeeting(tx, opts.meetingId);
  if (!meeting) throw notFound("Mötet");
  await authorize(tx, opts.actor, "minutes.read", { networkId: meeting.network_id });
  const row = await tx
    .selectFrom("minutes_versions")
    .select(["version", "snapshot", "reason", "created_at as createdAt"])
    .where("meeting_id", "=", meeting.id)
    .where("version", "=", opts.version)
    .executeTakeFirst();
  const snapshot = row ? readMinutesSnapshot(row.snapshot) : null;
  if (!row || !snapshot) throw notFound("Versionen");
  const latest = await tx
    .selectFrom("minutes_versions")
    .select((eb) => eb.fn.max("version").as("max"))
    .where("meeting_id", "=", meeting.id)
    .executeTakeFirst();
  return { meeting, version: row.version, reason: row.reason, snapshot, latestVersion: latest?.max ?? row.version };
}

/** What the minutes version view receives. */
export type MinutesVersionData = Awaited<ReturnType<typeof getMinutesVersion>>;
