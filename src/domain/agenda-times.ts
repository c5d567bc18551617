/** An item's place in time: when it starts and ends, as HH:MM, or null without a start time. */
export type ItemSlot = { start: string | null; end: string | null };

/** The computed times of an agenda and whether it runs past the meeting's end. */
export type Schedule = { slots: ItemSlot[]; end: string | null; totalMinutes: number; overrunMinutes: number };

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toTime = (min: number) => {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/**
 * Start and end of every item from the meeting's start time and each item's duration; an item
 * without a duration takes no time. Overrun is how far the last item ends after the meeting's end.
 */
export function computeSchedule(
  meetingStart: string | null,
  meetingEnd: string | null,
  durations: (number | null)[],
): Schedule {
  const totalMinutes = durations.reduce<number>((sum, d) => sum + (d ?? 0), 0);
  if (!meetingStart)
    return { slots: durations.map(() => ({ start: null, end: null })), end: null, totalMinutes, overrunMinutes: 0 };
  let at = toMinutes(meetingStart);
  const slots = durations.map((d) => {
    const start = toTime(at);
    at += d ?? 0;
    return { start, end: toTime(at) };
  });
  const overrun = meetingEnd ? at - toMinutes(meetingEnd) : 0;
  return { slots, end: toTime(at), totalMinutes, overrunMinutes: Math.max(0, overrun) };
}
