import { fingerprint } from "../domain/fingerprint.js";

/** The part of an agenda item the item settings form edits. */
export function itemSettingsOf(i: {
  title: string;
  kind: string;
  presenter_id?: number | null;
  presenterId?: number | null;
  duration_minutes?: number | null;
  durationMinutes?: number | null;
}) {
  return {
    title: i.title,
    kind: i.kind,
    presenter_id: i.presenter_id ?? i.presenterId ?? null,
    duration_minutes: i.duration_minutes ?? i.durationMinutes ?? null,
  };
}

/** The fingerprint an item settings form carries. */
export function itemSettingsBase(i: Parameters<typeof itemSettingsOf>[0]): string {
  return fingerprint(itemSettingsOf(i));
}
