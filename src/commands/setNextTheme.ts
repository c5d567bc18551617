import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import type { NextThemeInput } from "../domain/plan-input.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { requireCurrentMembers, setThemeOwners } from "./planRules.js";
import { comingMeetingOf } from "./saveTheme.js";

/**
 * What the meeting decided about the next theme ("Nästa tema: X, förbereds av A och B"): the theme
 * is planned for a coming meeting, which then proposes it on its agenda with those who prepare it.
 */
export async function setNextTheme(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; input: NextThemeInput; today: string },
): Promise<{ meetingId: number }> {
  const from = await tx
    .selectFrom("meetings")
    .select(["id", "network_id", "date"])
    .where("id", "=", opts.meetingId)
    .executeTakeFirst();
  if (!from) throw notFound("Mötet");
  await authorize(tx, opts.actor, "meeting.edit", { networkId: from.network_id });
  const { input } = opts;
  const theme = await tx
    .selectFrom("themes as t")
    .innerJoin("plans as p", "p.id", "t.plan_id")
    .select(["t.id", "t.title", "t.planned_meeting_id"])
    .where("t.id", "=", input.theme_id)
    .where("p.network_id", "=", from.network_id)
    .executeTakeFirst();
  if (!theme) throw new AppError("bad_request", "Välj ett av nätverkets temaområden.", { where: "theme_id" });
  const target = await comingMeetingOf(tx, from.network_id, input.meeting_id, "meeting_id");
  if (target.id === from.id || target.date < from.date) {
    throw new AppError("bad_request", "Välj ett möte efter det här.", { where: "meeting_id" });
  }
  await requireCurrentMembers(tx, {
    networkId: from.network_id,
    personIds: input.owner_ids,
    day: opts.today,
    field: "owner_ids",
  });
  await tx.updateTable("themes").set({ planned_meeting_id: target.id }).where("id", "=", theme.id).execute();
  await setThemeOwners(tx, theme.id, input.owner_ids);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "theme.next",
    objectType: "meeting",
    objectId: from.id,
    before: { themeId: theme.id, plannedMeetingId: theme.planned_meeting_id },
    after: { themeId: theme.id, title: theme.title, plannedMeetingId: target.id, owners: input.owner_ids },
  });
  return { meetingId: target.id };
}
