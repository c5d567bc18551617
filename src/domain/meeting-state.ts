import type { MeetingState } from "../db/schema.js";

/** Swedish labels of the meeting states, in the order a meeting passes through them. */
export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  planned: "Planerat",
  notice_sent: "Kallelse skickad",
  held: "Genomfört",
  minutes_draft: "Utkast till anteckningar",
  approved: "Justerat",
  cancelled: "Inställt",
};

const NEXT: Record<MeetingState, MeetingState[]> = {
  planned: ["notice_sent", "held", "cancelled"],
  notice_sent: ["held", "cancelled"],
  held: ["minutes_draft", "approved"],
  minutes_draft: ["approved"],
  approved: [],
  cancelled: ["planned"],
};

/** Whether a meeting may move from one state to another. */
export function canTransition(from: MeetingState, to: MeetingState): boolean {
  return NEXT[from].includes(to);
}

/** Approved minutes are read-only: changes go through a new version with a reason. */
export function isReadOnly(state: MeetingState): boolean {
  return state === "approved";
}
