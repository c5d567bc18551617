/** The last day (YYYY-MM-DD) items can be sent in to a meeting on `meetingDate`: `days` days before it. */
export function submissionDeadline(meetingDate: string, days: number): string {
  const d = new Date(`${meetingDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
