import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.js";

describe("toCsv", () => {
  const table = {
    id: "t",
    caption: "Test",
    columns: [
      { key: "name", label: "Namn" },
      { key: "share", label: "Andel", numeric: true },
    ],
    rows: [
      { name: "Örkelljunga", share: 0.5 },
      { name: 'Säger "hej"; sedan', share: 3 },
      { name: '=HYPERLINK("x")', share: null },
      { name: "rad\nbrytning", share: 1 },
    ],
  };

  it("writes a BOM, semicolons, decimal commas and CRLF", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFFNamn;Andel\r\n")).toBe(true);
    expect(csv).toContain("Örkelljunga;0,5\r\n");
  });

  it("quotes separators, quotes and line breaks, and defuses formulas", () => {
    const csv = toCsv(table);
    expect(csv).toContain('"Säger ""hej""; sedan";3\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")";\r\n`);
    expect(csv).toContain('"rad\nbrytning";1\r\n');
  });
});
