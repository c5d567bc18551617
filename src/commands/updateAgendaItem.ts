import type { Tx } from "../db/client.js";
import { lockItem } from "../db/queries/agenda.js";
import { recordAudit } from "../db/queries/audit.js";
import type { AgendaItemInput } from "../domain/meeting-input.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, notFound } from "../errors.js";
import { checkPresenter } from "./agendaPeople.js";
import { markMeetingChanged, openMeetingForChange } from "./editableMeeting.js";
import { itemSettingsBase, itemSettingsOf } from "./itemSettings.js";

/** Changes an item's title, kind, presenter and duration, refusing a stale form. */
export async function updateAgendaItem(
  tx: Tx,
  opts: { actor: Actor; meetingId: number; itemId: number; input: AgendaItemInput; base: string | undefined },
): Promise<void> {
  const meeting = await openMeetingForChange(tx, opts.actor, opts.meetingId);
  const item = await lockItem(tx, meeting.id, opts.itemId);
  if (!item) throw notFound("Punkten");
  if (opts.base !== undefined && opts.base !== itemSettingsBase(item)) {
    throw new AppError(
      "conflict",
      "Någon annan har ändrat punkten sedan du öppnade formuläret. Det du skrev finns kvar; jämför och spara igen.",
      { details: { current: itemSettingsOf(item) } },
    );
  }
  if (opts.input.presenter_id !== item.presenter_id) await checkPresenter(tx, meeting, opts.input.presenter_id);
  const after = {
    title: opts.input.title,
    kind: opts.input.kind,
    presenter_id: opts.input.presenter_id ?? null,
    duration_minutes: opts.input.duration_minutes ?? null,
  };
  await tx
    .updateTable("agenda_items")
    .set({ ...after, updated_at: new Date() })
    .where("id", "=", item.id)
    .execute();
  await markMeetingChanged(tx, meeting.id);
  await recordAudit(tx, {
    actor: opts.actor,
    action: "agenda.updateItem",
    objectType: "agenda_item",
    objectId: item.id,
    before: itemSettingsOf(item),
    after,
  });
}
