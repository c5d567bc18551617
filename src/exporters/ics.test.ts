import { describe, expect, it } from "vitest";
import { parseIcs } from "../../test/ics-parse.js";
import { calendarToIcs, escapeText, foldLine, meetingEvent } from "./ics.js";
import type { MeetingDoc } from "./model.js";

const meeting = (over: Partial<MeetingDoc> = {}): MeetingDoc => ({
  meetingId: 17,
  network: "Socialchefs nätverket",
  title: "",
  date: "2024-03-08",
  startTime: "09:30",
  endTime: "11:00",
  location: "Höganäs, Litteraturvägen 10; lokal Diamanten",
  onlineUrl: null,
  state: "notice_sent",
  cancelledReason: null,
  noteTaker: null,
  nextMeeting: null,
  attendees: [],
  items: [
    {
      title: "Föregående anteckningar",
      notes: "",
      raisedBy: [],
      presenter: null,
      durationMinutes: null,
      postponed: false,
      decisions: [],
      actions: [],
      roundNotes: [],
    },
  ],
  revision: 3,
  updatedAt: new Date("2024-02-01T10:00:00Z"),
  ...over,
});

describe("iCalendar output", () => {
  it("escapes backslashes, semicolons, commas and newlines in text", () => {
    expect(escapeText("a\\b; c, d\ne")).toBe("a\\\\b\\; c\\, d\\ne");
  });

  it("folds long lines at 75 octets without splitting å, ä or ö", () => {
    const line = `DESCRIPTION:${"åäö".repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });

  it("parses back with the same event, in Stockholm time with its VTIMEZONE", () => {
    const event = meetingEvent(meeting(), { baseUrl: "https://samrad.exempel.se", uidDomain: "samrad.exempel.se" });
    const ics = calendarToIcs({ name: "Möten", events: [event], now: new Date("2024-02-02T08:00:00Z") });
    const parsed = parseIcs(ics);
    expect(parsed.timezones).toEqual(["Europe/Stockholm"]);
    expect(parsed.events).toHaveLength(1);
    const e = parsed.events[0] ?? {};
    expect(e.UID?.value).toBe("samrad-mote-17@samrad.exempel.se");
    expect(e.DTSTART).toEqual({ name: "DTSTART", params: { TZID: "Europe/Stockholm" }, value: "20240308T093000" });
    expect(e.DTEND?.value).toBe("20240308T110000");
    expect(e.SEQUENCE?.value).toBe("3");
    expect(e.STATUS?.value).toBe("CONFIRMED");
    expect(e.SUMMARY?.value).toBe("Socialchefs nätverket");
    expect(e.LOCATION?.value).toBe("Höganäs, Litteraturvägen 10; lokal Diamanten");
    expect(e.DESCRIPTION?.value).toContain("1. Föregående anteckningar");
    expect(e.URL?.value).toBe("https://samrad.exempel.se/moten/17");
    expect(e.DTSTAMP?.value).toBe("20240202T080000Z");
  });

  it("marks a cancelled meeting CANCELLED with a higher SEQUENCE, and a meeting without time as all-day", () => {
    const cancelled = meetingEvent(meeting({ state: "cancelled", cancelledReason: "För få anmälda", revision: 4 }), {
      baseUrl: undefined,
      uidDomain: "samrad.local",
    });
    const allDay = meetingEvent(meeting({ meetingId: 18, startTime: null, endTime: null, date: "2024-12-31" }), {
      baseUrl: undefined,
      uidDomain: "samrad.local",
    });
    const [c, d] = parseIcs(calendarToIcs({ name: "x", events: [cancelled, allDay] })).events;
    expect(c?.STATUS?.value).toBe("CANCELLED");
    expect(c?.SEQUENCE?.value).toBe("4");
    expect(c?.SUMMARY?.value).toBe("Inställt: Socialchefs nätverket");
    expect(c?.DESCRIPTION?.value).toContain("För få anmälda");
    expect(c?.URL).toBeUndefined();
    expect(d?.DTSTART).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20241231" });
    expect(d?.DTEND?.value).toBe("20250101");
  });

  it("refuses a meeting without a date with a clear message", () => {
    expect(() => meetingEvent(meeting({ date: null }), { baseUrl: undefined, uidDomain: "x" })).toThrow(/saknar datum/);
  });
});
