import type { Tx } from "../db/client.js";
import { fingerprint } from "../domain/fingerprint.js";

/** A meeting's attendance as the attendance form's fingerprint sees it. */
export async function attendanceBase(tx: Tx, meetingId: number): Promise<string> {
  const rows = await tx
    .selectFrom("attendance")
    .select(["person_id", "status", "role_text"])
    .where("meeting_id", "=", meetingId)
    .orderBy("person_id")
    .execute();
  return fingerprint(rows);
}
