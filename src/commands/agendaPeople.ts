import type { Tx } from "../db/client.js";
import { listMembersOn } from "../db/queries/agenda.js";
import { AppError } from "../errors.js";

/** Refuses a presenter who is neither a member on the meeting's day nor on its attendance list. */
export async function checkPresenter(
  tx: Tx,
  meeting: { id: number; network_id: number; date: string },
  presenterId: number | undefined,
  field = "presenter_id",
): Promise<void> {
  if (presenterId === undefined) return;
  const members = await listMembersOn(tx, meeting.network_id, meeting.date);
  if (members.some((m) => m.personId === presenterId)) return;
  const attending = await tx
    .selectFrom("attendance")
    .select("id")
    .where("meeting_id", "=", meeting.id)
    .where("person_id", "=", presenterId)
    .executeTakeFirst();
  if (!attending) {
    throw new AppError("bad_request", "Välj föredragande bland nätverkets medlemmar eller mötets gäster.", {
      where: field,
    });
  }
}
