import { describe, expect, it } from "vitest";
import {
  decisionOf,
  dueDateOf,
  extractItem,
  findNextMeeting,
  type ItemContext,
  notesMarkdown,
  repairGluedWords,
  segmentsOf,
} from "./items.js";
import { NameIndex } from "./names.js";

const roster = [
  { name: "Vera Lundqvist", municipality: "Lomma" },
  { name: "Tor Edholm", municipality: "Eslöv" },
  { name: "Tor Bengtsson", municipality: "Hörby" },
  { name: "Ida Sand", municipality: "Osby" },
  { name: "Kasper Öhman", municipality: "Sjöbo" },
];

function read(body: string, meetingDate = "2024-01-12", nextMeeting: string | null = null) {
  const warnings: string[] = [];
  const ctx: ItemContext = {
    index: new NameIndex(roster),
    meetingDate,
    nextMeeting,
    warn: (line, m) => warnings.push(`rad ${line}: ${m}`),
  };
  const lines = body.split("\n").map((text, k) => ({ no: k + 10, text }));
  return { item: extractItem({ title: "Punkten", line: 9, body: lines }, ctx), warnings };
}
const actionsOf = (body: string) => read(body).item.actions.map((a) => [a.assignees, a.text]);

describe("raised by", () => {
  it.each([
    ["Ärende från Vera Lundqvist: hur går det?", ["Vera Lundqvist"]],
    ["Ärenden från Tor Edholm och Ida Sand.", ["Tor Edholm", "Ida Sand"]],
    ["Fråga från Ida, via Kasper Öhman: budgeten.", ["Ida Sand"]],
    ["Återkoppling från KÖ kring resan.", ["Kasper Öhman"]],
    ["Vi fick en fråga från Ida Sand.", []],
    ["- Återkoppling från Ida Sand: tre saker", []],
  ])("%s", (body, want) => {
    expect(read(body).item.raisedBy).toEqual(want);
  });

  it("keeps an unknown name as written, with a warning", () => {
    const r = read("Fråga från Saga Nord: parkeringen.");
    expect(r.item.raisedBy).toEqual(["Saga Nord"]);
    expect(r.warnings).toEqual(['rad 10: "Saga Nord" finns inte i deltagarlistan; lämnat som det står']);
  });

  it("does not resolve an ambiguous first name, and warns", () => {
    const r = read("Ärende från Tor: cykelvägar.");
    expect(r.item.raisedBy).toEqual(["Tor"]);
    expect(r.warnings[0]).toMatch(/"Tor" kan vara Tor Edholm eller Tor Bengtsson/);
  });
});

describe("decisions", () => {
  it.each([
    ["Beslut: att anta planen.", "att anta planen."],
    ["**Beslut** att anta planen.", "att anta planen."],
    ["Beslut att Ida Sand blir ordförande.", "att Ida Sand blir ordförande."],
    ["Beslut: för att komma vidare beslutar nätverket att bilda en grupp.", "att bilda en grupp."],
    ["Efter diskussion beslutade socialcheferna att ställa in mötet.", "att ställa in mötet."],
    ["Det beslutades att mötet flyttas.", "att mötet flyttas."],
    ["Decision: to adopt the plan.", "to adopt the plan."],
    ["Beslut: Planen antas.", "Planen antas."],
  ])("%s", (s, want) => {
    expect(decisionOf(s)).toBe(want);
  });

  it.each([
    "Direktionen beslutar och ska sedan meddela kommunerna.",
    "Regionen beslutade att höja avgiften.",
    "Skicka beslut till Ida.",
    "På nästa möte tar nätverket beslut om hur vi går vidare.",
    "Beslut om nya riktlinjer krävs i nämnderna.",
  ])("no decision in: %s", (s) => {
    expect(decisionOf(s)).toBeNull();
  });

  it("reads one decision per 'att' after a bare 'Beslut:'", () => {
    expect(read("Beslut:\n- att anta planen\n- att bjuda in regionen\n\nÖvrigt text.").item.decisions).toEqual([
      "att anta planen",
      "att bjuda in regionen",
    ]);
  });
});

describe("postponed", () => {
  it.each([
    "Punkten flyttas till nästa möte.",
    "Flyttas till nästkommande möte pga tidsbrist.",
    "Punkten utgick.",
    "Punkten hanns inte med.",
    "Frågan bordläggs.",
    "Ärendet bordlades.",
  ])("%s", (body) => {
    expect(read(body).item.postponed).toBe(true);
  });

  it.each(["Frågan tas upp på nästkommande möte.", "Vi bestämmer vilket tema som ska tas upp på nästa möte."])(
    "not postponed: %s",
    (body) => {
      expect(read(body).item.postponed).toBe(false);
    },
  );
});

describe("actions", () => {
  it.each([
    ["Vera skickar ut kallelsen.", ["Vera Lundqvist"]],
    ["Ida Sand kontaktar regionen och återkommer.", ["Ida Sand"]],
    ["KÖ bjuder också in en föreläsare.", ["Kasper Öhman"]],
    ["Vera får i uppdrag att ta fram ett förslag.", ["Vera Lundqvist"]],
    ["Sammanfattning: Ida Sand får uppdraget att boka lokal.", ["Ida Sand"]],
    ["Till nästa möte kommer Vera och Kasper Öhman att förbereda temat.", ["Vera Lundqvist", "Kasper Öhman"]],
    ["Till nästa träff sammanställer Ida svaren.", ["Ida Sand"]],
    ["Ida har en film som Vera skickar ut med anteckningarna.", ["Vera Lundqvist"]],
    ["Kasper Öhman lyfter frågan på nästa regionmöte.", ["Kasper Öhman"]],
    ["Tor Edholm ska ta fram statistik.", ["Tor Edholm"]],
  ])("%s", (body, who) => {
    expect(actionsOf(body)).toEqual([[who, body.replace(/^Sammanfattning: /, "")]]);
  });

  it.each([
    "Vera Lundqvist och Tor Edholm introducerar temat.",
    "Ida Sand slutar efter sommaren.",
    "Kasper Öhman arbetar med att anställa en samordnare.",
    "Vera meddelar att hon fått en ny kollega.",
    "Tor Edholm berättar om projektet.",
    "Kasper lyfter frågan om lokaler.",
    "Skicka underlag till Vera eller Ida Sand.",
    "Enligt Vera skickar regionen ut enkäten.",
    "Dagen började med att Vera visade statistik.",
    "Osby och Lomma skickar sina siffror.",
    "Beslut: att Vera blir ordförande.",
    "Vera ska vara med på nästa möte.",
  ])("no action in: %s", (body) => {
    expect(actionsOf(body)).toEqual([]);
  });

  it("carries the subject into a following sentence without one", () => {
    expect(actionsOf("Ida Sand meddelar att hon slutar. Meddelar namnet på efterträdaren till Vera.")).toEqual([
      [["Ida Sand"], "Meddelar namnet på efterträdaren till Vera."],
    ]);
  });

  it("gives the due date stated with the task, or the next meeting's", () => {
    const r = read(
      "Till nästa träff den 7/2 kommer Ida att ringa runt. Vera bokar lokal till nästa möte.",
      "2024-01-12",
      "2024-02-09",
    );
    expect(r.item.actions.map((a) => a.due)).toEqual(["2024-02-07", "2024-02-09"]);
    expect(dueDateOf("Vera skickar senast den 15/1.", { meetingDate: "2023-12-01", nextMeeting: null })).toBe(
      "2024-01-15",
    );
  });

  it("warns about an impossible due date and leaves it out", () => {
    const r = read("Ida skickar underlaget senast 30/2.");
    expect(r.item.actions[0]?.due).toBeNull();
    expect(r.warnings[0]).toMatch(/"30\/2" är inget giltigt datum/);
  });
});

describe("notes", () => {
  it("keeps paragraphs and lists, and joins a paragraph split mid-sentence", () => {
    const segs = segmentsOf(
      "Första stycket slutar här\n\nmitt i meningen.\n\n- ett\n  - under\n- två  \nfortsättning\n\nSista."
        .split("\n")
        .map((text, k) => ({ no: k + 1, text })),
    );
    expect(notesMarkdown(segs)).toBe(
      "Första stycket slutar här mitt i meningen.\n\n- ett\n  - under\n- två  \n  fortsättning\n\nSista.",
    );
  });

  it("turns a glued line break back into a Markdown hard break", () => {
    const segs = segmentsOf([{ no: 1, text: "- kartan uppdateradPunkten flyttas." }]);
    expect(notesMarkdown(segs)).toBe("- kartan uppdaterad  \n  Punkten flyttas.");
  });

  it("splits words glued by a lost line break, but not brand names", () => {
    expect(repairGluedWords("kartan uppdateradPunkten flyttas")).toBe("kartan uppdaterad\nPunkten flyttas");
    expect(repairGluedWords("PowerPoint och iPhone och NyBy")).toBe("PowerPoint och iPhone och NyBy");
  });
});

describe("findNextMeeting", () => {
  it("reads the next meeting's date, not other bodies' meetings", () => {
    expect(findNextMeeting(["Nästa möte 2024-02-09."], "2024-01-12")).toBe("2024-02-09");
    expect(findNextMeeting(["Ordförande väljs vid nästa möte 2024-02-09."], "2024-01-12")).toBe("2024-02-09");
    expect(findNextMeeting(["Till nästa träff den 9/2 förbereder Ida."], "2024-01-12")).toBe("2024-02-09");
    expect(findNextMeeting(["Nästa regionala möte är den 20/1."], "2024-01-12")).toBeNull();
    expect(findNextMeeting(["Next meeting: 9 February 2024"], "2024-01-12")).toBe("2024-02-09");
    expect(findNextMeeting(["Nästa möte var 2023-12-01."], "2024-01-12")).toBeNull();
  });
});
