import type { Tx } from "../db/client.js";
import { recordAudit } from "../db/queries/audit.js";
import type { Actor } from "../domain/permissions.js";
import type { ThemeInput } from "../domain/plan-input.js";
import { AppError, notFound } from "../errors.js";
import { authorize } from "./authorize.js";
import { networkToManage } from "./networkRules.js";
import { ensurePlan, requireCurrentMembers, setThemeOwners } from "./planRules.js";

/** A meeting of the network that has not been held yet, for planning a theme on it. */
export async function comingMeetingOf(tx: Tx, networkId: number, meetingId: number, field: string) {
  const meeting = await tx
    .selectFrom("meetings")
    .select(["id", "date", "state", "network_id"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting || meeting.network_id !== networkId) {
    throw new AppError("bad_request", "Välj ett av nätverkets möten.", { where: field });
  }
  if (meeting.state !== "planned" && meeting.state !== "notice_sent") {
    throw new AppError("bad_request", "Mötet är redan hållet eller inställt; välj ett kommande möte.", {
      where: field,
    });
  }
  return meeting;
}

/**
 * Adds a theme area to a network's plan for a year, or changes one: title, description, its 2–4
 * responsible members (current members only) and the coming meeting it is planned for.
 */
export async function saveTheme(
  tx: Tx,
  opts: { actor: Actor; networkId: number; year: number; themeId?: number; input: ThemeInput; today: string },
): Promise<{ themeId: number }> {
  const network = await networkToManage(tx, opts.networkId);
  await authorize(tx, opts.actor, "network.manage", { networkId: network.id });
  const { input } = opts;
  await requireCurrentMembers(tx, {
    networkId: network.id,
    personIds: input.owner_ids,
    day: opts.today,
    field: "owner_ids",
  });
  if (input.planned_meeting_id !== undefined) {
    await comingMeetingOf(tx, network.id, input.planned_meeting_id, "planned_meeting_id");
  }
  const plan = await ensurePlan(tx, { networkId: network.id, year: opts.year, personId: opts.actor.personId });
  const values = {
    title: input.title,
    description: input.description,
    planned_meeting_id: input.planned_meeting_id ?? null,
  };
  let themeId: number;
  let before: unknown;
  if (opts.themeId === undefined) {
    const last = await tx
      .selectFrom("themes")
      .select((eb) => eb.fn.max("position").as("max"))
      .where("plan_id", "=", plan.id)
      .executeTakeFirst();
    const row = await tx
      .insertInto("themes")
      .values({ plan_id: plan.id, position: Number(last?.max ?? 0) + 1, ...values })
      .returning("id")
      .executeTakeFirstOrThrow();
    themeId = row.id;
  } else {
    const existing = await tx
      .selectFrom("themes")
      .selectAll()
      .where("id", "=", opts.themeId)
      .where("plan_id", "=", plan.id)
      .executeTakeFirst();
    if (!existing) throw notFound("Temaområdet");
    before = existing;
    await tx.updateTable("themes").set(values).where("id", "=", existing.id).execute();
    themeId = existing.id;
  }
  await setThemeOwners(tx, themeId, input.owner_ids);
  await recordAudit(tx, {
    actor: opts.actor,
    action: opts.themeId === undefined ? "theme.create" : "theme.update",
    objectType: "network",
    objectId: network.id,
    before,
    after: { themeId, year: opts.year, ...values, owners: input.owner_ids },
  });
  return { themeId };
}
