import { describe, expect, it } from "vitest";
import { parseRosterBlock, rosterHeading, type SrcLine } from "./roster.js";
import { cleanTitle, headerField, isBareHeading, readStructure } from "./structure.js";

const lines = (text: string): SrcLine[] => text.split("\n").map((t, k) => ({ no: k + 1, text: t }));
const never = () => false;

describe("header fields", () => {
  it.each([
    ["Datum och tid: 2024-01-12 kl. 9-11", "datetime", "2024-01-12 kl. 9-11"],
    ["**Datum och tid:** 2024-01-12", "datetime", "2024-01-12"],
    ["Plats och lokal: Rådhuset, Lomma", "place", "Rådhuset, Lomma"],
    ["Location: Town hall", "place", "Town hall"],
    ["Date:\t12 January 2024", "date", "12 January 2024"],
    ["Nästa möte: 2024-02-09", "next", "2024-02-09"],
    ["**Länk till mötet:** https://teams.exempel.se/m/1", "link", "https://teams.exempel.se/m/1"],
    ["Justerare: Kasper Öhman", "other", "Kasper Öhman"],
  ])("%s", (line, field, value) => {
    expect(headerField(line)).toEqual({ field, value });
  });

  it("does not take sentences with a colon for fields", () => {
    expect(headerField("Kommentar från nätverket: det behövs mer tid")).toBeNull();
  });
});

describe("roster headings", () => {
  it.each([
    ["Närvarande:", "present"],
    ["## Närvarande socialchefer:", "present"],
    ["Deltagare", "present"],
    ["Participants:", "present"],
    ["Ej närvarande:", "absent"],
    ["Förhinder:", "absent"],
    ["Absent", "absent"],
    ["## Övriga:", "guest"],
    ["Guests:", "guest"],
  ])("%s → %s", (line, status) => {
    expect(rosterHeading(line)?.status).toBe(status);
  });

  it("keeps items that start like rosters out", () => {
    expect(rosterHeading("Övriga frågor")).toBeNull();
    expect(rosterHeading("Övrigt")).toBeNull();
    expect(rosterHeading("## Anteckningar")).toBeNull();
  });

  it("treats a group noun with a colon as a possible roster heading", () => {
    expect(rosterHeading("Skolchefer:")).toEqual({ status: "present", inline: "", guessed: true });
  });
});

describe("parseRosterBlock", () => {
  it("reads tab rows, the chair mark and separator lines", () => {
    const r = parseRosterBlock(
      lines("Vera Lundqvist (ordf.)\tLomma\nTor Edholm\tEslöv\n-------\t-------\n\nNästa"),
      0,
      "present",
      never,
    );
    expect(r.entries).toEqual([
      { name: "Vera Lundqvist", status: "present", municipality: "Lomma", role: null, chair: true, line: 1 },
      { name: "Tor Edholm", status: "present", municipality: "Eslöv", role: null, chair: false, line: 2 },
    ]);
    expect(r.next).toBe(4);
  });

  it("reads bulleted entries with commas, dashes and parentheses", () => {
    const r = parseRosterBlock(
      lines("- Vera Lundqvist, Lomma\n- Tor Edholm – Eslöv\n* Ida Sand (Osby)\n- Eva Ek, socialchef, Hörby"),
      0,
      "present",
      never,
    );
    expect(r.entries.map((e) => [e.name, e.municipality, e.role])).toEqual([
      ["Vera Lundqvist", "Lomma", null],
      ["Tor Edholm", "Eslöv", null],
      ["Ida Sand", "Osby", null],
      ["Eva Ek", "Hörby", "socialchef"],
    ]);
  });

  it("pairs a two-column table exported as all names, then all municipalities", () => {
    const text = "Vera Lundqvist\n\nTor Edholm (ordf.)\n\nIda Sand\n\nLomma\n\nEslöv\n\nSölvesborg\n\nÖvriga:";
    const r = parseRosterBlock(lines(text), 0, "present", (l) => l.text === "Övriga:");
    expect(r.entries.map((e) => [e.name, e.municipality, e.chair])).toEqual([
      ["Vera Lundqvist", "Lomma", false],
      ["Tor Edholm", "Eslöv", true],
      ["Ida Sand", "Sölvesborg", false],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("pairs names and municipalities that alternate", () => {
    const r = parseRosterBlock(lines("Vera Lundqvist\nLomma\nTor Edholm\nEslöv"), 0, "present", never);
    expect(r.entries.map((e) => e.municipality)).toEqual(["Lomma", "Eslöv"]);
  });

  it("skips the header row of a roster table", () => {
    const r = parseRosterBlock(lines("Namn\tKommun\nVera Lundqvist\tLomma"), 0, "present", never);
    expect(r.entries.map((e) => e.name)).toEqual(["Vera Lundqvist"]);
  });

  it("gives a guest's second column as a role", () => {
    const r = parseRosterBlock(lines("Nils Ros\tSamordnare Trafiknätverket"), 0, "guest", never);
    expect(r.entries[0]).toMatchObject({ municipality: null, role: "Samordnare Trafiknätverket" });
  });

  it("warns when the counts of names and municipalities differ", () => {
    const r = parseRosterBlock(lines("Vera Lundqvist\nTor Edholm\nIda Sand\nLomma\nEslöv"), 0, "present", never);
    expect(r.entries.map((e) => e.municipality)).toEqual([null, null, null]);
    expect(r.warnings[0]).toMatch(/rad 1: deltagarlistan har 3 namn men 2/);
  });

  it("does not swallow an item title after a roster of names only", () => {
    const r = parseRosterBlock(
      lines("Vera Lundqvist\nTor Edholm\n\nBudget\n\nVi gick igenom budgeten."),
      0,
      "present",
      never,
    );
    expect(r.entries.map((e) => e.municipality)).toEqual([null, null]);
    expect(r.next).toBe(3);
  });
});

describe("bare headings", () => {
  it.each([
    ["Föregående anteckningar", "Till handlingarna.", true],
    ["Socialchefs nätverket SKR", "NSK:S SKR", true],
    ["Temaområde – stärka förtroendet", "Text.", true],
    ["**Budget**", "Text.", true],
    ["1. Budget 2024", "Text.", true],
    ["Till handlingarna.", "Nästa", false],
    ["Läggs till handlingarna", "Hösten 2021", false],
    ["Vilka frågor vill nätverket lyfta?", "Text", false],
    ["Kommentar från nätverket: bra", "Text", false],
    ["Dialog kring hur kommunerna gör", "för att hantera smittan.", false],
    ["- Punkt i en lista", "Text", false],
    ["Information från Vera Lundqvist om budgetläget", "Text", false],
    ["Beslut att anta planen", "Text", false],
    ["Punkten utgick", "Text", false],
  ])("%s", (line, next, want) => {
    expect(isBareHeading(line, next)).toBe(want);
  });

  it("cleans numbering, Markdown and colons from titles", () => {
    expect(cleanTitle("### 3. Budget 2024:")).toBe("Budget 2024");
    expect(cleanTitle("§ 12 Ekonomi")).toBe("Ekonomi");
    expect(cleanTitle("**Övrigt**")).toBe("Övrigt");
    expect(cleanTitle("2020 års budget")).toBe("2020 års budget");
  });
});

describe("readStructure", () => {
  it("finds title, header, rosters, items and the signature", () => {
    const s = readStructure(
      [
        "Minnesanteckningar Trafiknätverket 2024-01-12",
        "",
        "Plats: Rådhuset",
        "Närvarande: Vera Lundqvist (Lomma), Tor Edholm (Eslöv)",
        "",
        "Anteckningar",
        "",
        "Föregående anteckningar",
        "",
        "Läggs till handlingarna",
        "",
        "Cykelvägar",
        "",
        "Vera berättade om cykelvägarna.",
        "",
        "Vid tangenterna, Tor Edholm",
      ]
        .join("\n")
        .split("\n"),
    );
    expect(s).toMatchObject({ network: "Trafiknätverket", date: "2024-01-12", location: "Rådhuset" });
    expect(s.roster.map((r) => [r.name, r.municipality])).toEqual([
      ["Vera Lundqvist", "Lomma"],
      ["Tor Edholm", "Eslöv"],
    ]);
    expect(s.items.map((i) => i.title)).toEqual(["Föregående anteckningar", "Cykelvägar"]);
    expect(s.noteTaker).toEqual({ written: "Tor Edholm", line: 16 });
  });

  it("skips an agenda that repeats the items before the notes", () => {
    const s = readStructure(
      "Nätverket\n\nDatum: 2024-01-12\n\nDagordning\n1. Budget\n2. Övrigt\n\nAnteckningar\n\n## Budget\nText.\n## Övrigt\nText.".split(
        "\n",
      ),
    );
    expect(s.items.map((i) => i.title)).toEqual(["Budget", "Övrigt"]);
  });
});
