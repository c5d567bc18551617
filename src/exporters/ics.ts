import { AppError } from "../errors.js";
import type { MeetingDoc } from "./model.js";

// RFC 5545 by hand (ical-generator needs Node 22): CRLF lines folded at 75 octets, TEXT escaped,
// times in Europe/Stockholm with its VTIMEZONE, SEQUENCE from the meeting's revision so calendars
// replace an earlier copy, STATUS:CANCELLED for cancelled meetings.

/** One event as calendars need it. */
export type CalendarEvent = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (local Swedish time); null makes an all-day event */
  startTime: string | null;
  endTime: string | null;
  cancelled: boolean;
  updatedAt: Date | null;
};

const TZID = "Europe/Stockholm";

// The EU rule since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into pieces of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const compact = (date: string) => date.replace(/-/g, "");
const localTime = (date: string, time: string) => `${compact(date)}T${time.slice(0, 5).replace(":", "")}00`;
const utcStamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function eventLines(e: CalendarEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
  ];
  if (e.startTime) {
    lines.push(`DTSTART;TZID=${TZID}:${localTime(e.date, e.startTime)}`);
    if (e.endTime) lines.push(`DTEND;TZID=${TZID}:${localTime(e.date, e.endTime)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compact(e.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(e.date))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.cancelled ? `Inställt: ${e.summary}` : e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(e.updatedAt)}`);
  lines.push("TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

/** A whole calendar (one meeting or a feed) as an .ics text with CRLF line ends. */
export function calendarToIcs(opts: { name: string; events: CalendarEvent[]; now?: Date }): string {
  const now = opts.now ?? new Date();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samråd//Samråd//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...VTIMEZONE,
    ...opts.events.flatMap((e) => eventLines(e, now)),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** The calendar event of a meeting; a meeting without a date cannot be one, and says so. */
export function meetingEvent(doc: MeetingDoc, opts: { baseUrl: string | undefined; uidDomain: string }): CalendarEvent {
  if (!doc.date) {
    throw new AppError("bad_request", "Mötet saknar datum och kan därför inte läggas i en kalender.", {
      where: "date",
    });
  }
  if (doc.meetingId === null) throw new AppError("bad_request", "Mötet är inte sparat ännu.", { where: "meetingId" });
  const url = opts.baseUrl ? `${opts.baseUrl.replace(/\/$/, "")}/moten/${doc.meetingId}` : null;
  const agenda = doc.items.map((i, n) => `${n + 1}. ${i.title}`).join("\n");
  const description = [
    doc.onlineUrl ? `Länk till mötet: ${doc.onlineUrl}` : "",
    doc.state === "cancelled" && doc.cancelledReason ? `Inställt: ${doc.cancelledReason}` : "",
    agenda ? `Dagordning:\n${agenda}` : "",
    url ? `Mötet i Samråd: ${url}` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: `samrad-mote-${doc.meetingId}@${opts.uidDomain}`,
    sequence: doc.revision,
    summary: doc.title ? `${doc.network}: ${doc.title}` : doc.network,
    description,
    location: doc.location || doc.onlineUrl || "",
    url,
    date: doc.date,
    startTime: doc.startTime,
    endTime: doc.endTime,
    cancelled: doc.state === "cancelled",
    updatedAt: doc.updatedAt,
  };
}
