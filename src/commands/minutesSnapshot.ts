import type { Tx } from "../db/client.js";
import type { AttendanceRow, ItemDetail } from "../db/queries/meetings.js";
import { SYSTEM } from "../domain/permissions.js";
import { getMeetingPage } from "./getMeetingPage.js";

/** Approved minutes as stored in minutes_versions: what the meeting page showed when they were approved. */
export type MinutesSnapshot = {
  format: 1;
  meeting: {
    networkName: string;
    date: string;
    startTime: string | null;
    endTime: string | null;
    location: string;
    title: string;
    noteTaker: string | null;
    approvedBy: string | null;
    approvedAt: string;
  };
  attendance: AttendanceRow[];
  items: ItemDetail[];
  roundNotes: { itemId: number; municipality: string; notes: string }[];
};

/** Reads a meeting's minutes as they are now, for storing as an approved version. */
export async function buildMinutesSnapshot(
  tx: Tx,
  meetingId: number,
  approval: { by: string | null; at: Date },
): Promise<MinutesSnapshot> {
  // The approver was authorized by the command that approves; the snapshot holds everything.
  const data = await getMeetingPage(tx, { actor: SYSTEM, meetingId });
  const m = data.meeting;
  return {
    format: 1,
    meeting: {
      networkName: m.networkName,
      date: m.date,
      startTime: m.start_time,
      endTime: m.end_time,
      location: m.location,
      title: m.title,
      noteTaker: m.noteTakerPersonName ?? m.note_taker_name,
      approvedBy: approval.by,
      approvedAt: approval.at.toISOString(),
    },
    attendance: data.attendance,
    items: data.items,
    roundNotes: data.roundNotes.map((r) => ({ itemId: r.itemId, municipality: r.municipality, notes: r.notes })),
  };
}

/** Reads a stored snapshot back, refusing shapes this version of Samråd did not write. */
export function readMinutesSnapshot(value: unknown): MinutesSnapshot | null {
  const v = (typeof value === "string" ? JSON.parse(value) : value) as Partial<MinutesSnapshot> | null;
  if (v?.format !== 1 || !v.meeting || !Array.isArray(v.items)) return null;
  return v as MinutesSnapshot;
}
