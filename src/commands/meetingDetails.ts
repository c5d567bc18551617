import type { Meeting } from "../db/schema.js";
import { fingerprint } from "../domain/fingerprint.js";

/** The part of a meeting the details form edits. */
export function detailsOf(m: Meeting) {
  return {
    date: m.date,
    start_time: m.start_time ? m.start_time.slice(0, 5) : null,
    end_time: m.end_time ? m.end_time.slice(0, 5) : null,
    location: m.location,
    online_url: m.online_url,
    title: m.title,
    note_taker_id: m.note_taker_id,
  };
}

/** The fingerprint the details form carries, to notice someone else's change to the same fields. */
export function detailsBase(m: Meeting): string {
  return fingerprint(detailsOf(m));
}
