import { describe, expect, it } from "vitest";
import { outlineToMarkdown } from "./markdown.js";
import type { MeetingDoc } from "./model.js";
import { clockText, dateAndTimeText, minutesOutline, noticeOutline } from "./outline.js";

const item = (title: string, over: Partial<MeetingDoc["items"][number]> = {}): MeetingDoc["items"][number] => ({
  title,
  notes: "",
  raisedBy: [],
  presenter: null,
  durationMinutes: null,
  postponed: false,
  decisions: [],
  actions: [],
  roundNotes: [],
  ...over,
});

const doc: MeetingDoc = {
  meetingId: 1,
  network: "Socialchefs nätverket",
  title: "",
  date: "2020-03-06",
  startTime: "09:00",
  endTime: "12:00",
  location: "Höganäs, Litteraturvägen 10, lokal Diamanten",
  onlineUrl: null,
  state: "approved",
  cancelledReason: null,
  noteTaker: "Lova Ekström",
  nextMeeting: null,
  attendees: [
    { name: "Åsa Öberg", status: "present", municipality: "Höganäs", role: null, chair: true },
    { name: "Lena O'Brien", status: "present", municipality: "Ängelholm", role: null, chair: false },
    {
      name: "Lova Ekström",
      status: "guest",
      municipality: null,
      role: "Planeringsledare Socialchefs nätverket",
      chair: false,
    },
    { name: "Per Åkesson", status: "excused", municipality: "Åstorp", role: null, chair: false },
  ],
  items: [
    item("Föregående anteckningar", { notes: "Till handlingarna." }),
    item("Familjerådgivning", {
      raisedBy: ["Lena O'Brien"],
      notes: "Dialog om **samarbete**.",
      decisions: ["att gå vidare med en gemensam upphandling"],
      actions: [{ assignees: ["Lova Ekström"], text: "Lova skickar ut underlaget", due: "2020-04-17" }],
    }),
    item("Socialjour", { postponed: true }),
    item("Verksamhetsplan", {
      notes: "Beslut: att anta verksamhetsplanen.",
      decisions: ["att anta verksamhetsplanen"],
    }),
  ],
  revision: 0,
  updatedAt: null,
};

describe("minutes in the networks' own layout", () => {
  it("writes times as the networks do", () => {
    expect(clockText("09:00:00")).toBe("9");
    expect(clockText("09:30")).toBe("9.30");
    expect(dateAndTimeText({ date: "2020-04-17", startTime: "09:30", endTime: "11:00" })).toBe(
      "2020-04-17 kl. 9.30-11",
    );
    expect(dateAndTimeText({ date: "2021-08-27", startTime: null, endTime: null })).toBe("2021-08-27");
    expect(dateAndTimeText({ date: null, startTime: null, endTime: null })).toBe("datum saknas");
  });

  it("prints header, tab-separated rosters, items, decisions, assignments and the note-taker", () => {
    const md = outlineToMarkdown(minutesOutline(doc));
    expect(md).toContain("# Socialchefs nätverket\n\n**Datum och tid:** 2020-03-06 kl. 9-12\n\n");
    expect(md).toContain("**Plats och lokal:** Höganäs, Litteraturvägen 10, lokal Diamanten");
    expect(md).toContain("## Närvarande:\n\nÅsa Öberg (ordf.)\tHöganäs\nLena O'Brien\tÄngelholm\n\n");
    expect(md).toContain("## Övriga:\n\nLova Ekström\tPlaneringsledare Socialchefs nätverket\n\n");
    expect(md).toContain("## Frånvarande:\n\nPer Åkesson\tÅstorp\n\n");
    expect(md).toContain("## Anteckningar\n\n### Föregående anteckningar\n\nTill handlingarna.");
    expect(md).toContain("### Familjerådgivning\n\nÄrende från Lena O'Brien.\n\nDialog om **samarbete**.");
    expect(md).toContain("**Beslut:** att gå vidare med en gemensam upphandling");
    expect(md).toContain("**Uppdrag:** Lova skickar ut underlaget. Ansvarig: Lova Ekström. Klart senast 2020-04-17.");
    expect(md).toContain("### Socialjour\n\nPunkten flyttas till nästa möte.");
    expect(md).toContain("### Verksamhetsplan\n\nBeslut: att anta verksamhetsplanen.\n\nVid tangenterna");
    expect(md.endsWith("Vid tangenterna\n\n/Lova Ekström\n")).toBe(true);
  });

  it("puts the agenda of a notice in a numbered list", () => {
    const md = outlineToMarkdown(noticeOutline(doc));
    expect(md).toContain("## Kallelse till möte 6 mars 2020");
    expect(md).toContain("1. **Föregående anteckningar**\n\n   Till handlingarna.");
    expect(md).toContain("2. **Familjerådgivning**\n\n   Ärende från Lena O'Brien.");
    expect(md).not.toContain("**Beslut:**");
    expect(md).not.toContain("**Uppdrag:**");
  });
});
