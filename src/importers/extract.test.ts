import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { buildDocx, zip } from "../../test/docx.js";
import { decodeText, extractLines, MAX_IMPORT_BYTES, normalise } from "./extract.js";
import { htmlToLines } from "./html.js";
import { ImportError } from "./import-error.js";

const TEXT = "Älgnätverket\r\n\r\nDatum: 2024-05-02\r\nNärvarande:\r\nÅsa Öberg\tÄlvdalen\r\n";
const LINES = ["Älgnätverket", "", "Datum: 2024-05-02", "Närvarande:", "Åsa Öberg\tÄlvdalen", ""];

const bytesOf = (...parts: Array<number[] | Uint8Array | Buffer>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p as Uint8Array))));

describe("text encodings", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT, "utf8"), "utf-8"],
    ["UTF-8 with BOM", bytesOf([0xef, 0xbb, 0xbf], Buffer.from(TEXT, "utf8")), "utf-8-bom"],
    ["UTF-16 LE with BOM", bytesOf([0xff, 0xfe], Buffer.from(TEXT, "utf16le")), "utf-16le"],
    ["UTF-16 BE with BOM", bytesOf([0xfe, 0xff], iconv.encode(TEXT, "utf16-be")), "utf-16be"],
    ["UTF-16 LE without BOM", Buffer.from(TEXT, "utf16le"), "utf-16le"],
    ["Windows-1252", iconv.encode(TEXT, "win1252"), "windows-1252"],
  ])("reads %s into the same lines", async (_name, bytes, encoding) => {
    const r = await extractLines(new Uint8Array(bytes), "anteckningar.txt");
    expect(r.encoding).toBe(encoding);
    expect(r.lines).toEqual(LINES);
  });

  it("composes decomposed letters (NFC) so names compare equal", () => {
    const decomposed = "A\u030asa O\u0308berg";
    expect(decodeText(Buffer.from(decomposed, "utf8"), "x.txt").text).toBe("Åsa Öberg");
  });

  it("repairs UTF-8 that was once read as Windows-1252, and says so", () => {
    const broken = iconv.decode(Buffer.from("Älgnätverket möts på Höör", "utf8"), "win1252");
    const r = decodeText(Buffer.from(broken, "utf8"), "x.txt");
    expect(r.text).toBe("Älgnätverket möts på Höör");
    expect(r.warnings[0]).toMatch(/teckenkodning/);
  });

  it("removes invisible characters and turns no-break spaces into spaces", () => {
    expect(normalise("a\u00a0b\u200bc\ufeff\u00add")).toBe("a bcd");
  });
});

describe("refusals", () => {
  const refuses = async (bytes: Uint8Array, filename: string, message: RegExp) => {
    const e = await extractLines(bytes, filename).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).file).toBe(filename);
    expect((e as ImportError).message).toMatch(message);
  };

  it("refuses an empty file", () => refuses(new Uint8Array(0), "tom.txt", /tom/));
  it("refuses a file over the size limit", () => refuses(new Uint8Array(MAX_IMPORT_BYTES + 1), "stor.txt", /största/));
  it("refuses binary junk", () => refuses(new Uint8Array([1, 2, 3, 0, 0, 7, 8, 0, 200, 3, 4, 0]), "x.txt", /binär/));
  it("refuses control characters without NULs", () =>
    refuses(new Uint8Array(Array.from({ length: 200 }, (_, k) => (k % 3 === 0 ? 7 : 65))), "y.md", /binär/));
  it("refuses an encrypted or old Word file", () =>
    refuses(bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(512)), "hemlig.docx", /lösenord/));
  it("refuses a .docx that is not a zip", () => refuses(Buffer.from("hej hopp"), "fel.docx", /inte ett zip-arkiv/));
  it("refuses a corrupt .docx", () => {
    const good = buildDocx([{ p: "Hej" }]);
    return refuses(good.slice(0, good.length / 2), "trasig.docx", /Word-filen kan inte läsas/);
  });
  it("refuses a zip without a Word document", () =>
    refuses(zip({ "hej.txt": "hej" }), "annan.docx", /Word-filen kan inte läsas/));
  it("refuses a PDF", () => refuses(Buffer.from("%PDF-1.7\n..."), "a.pdf", /PDF/));
});

describe("Word documents", () => {
  it("turns headings, tables, lists and bold into text-export lines", async () => {
    const docx = buildDocx([
      { p: "Älgnätverket" },
      { p: "**Datum:** 2024-05-02" },
      { heading: "Närvarande:", level: 2 },
      {
        table: [
          ["Åsa Öberg (ordf.)", "Älvdalen"],
          ["Per Ek", "Mora"],
        ],
      },
      { bullets: ["ett", "två"] },
      { p: "Vid tangenterna" },
    ]);
    const r = await extractLines(docx, "möte.docx");
    expect(r.format).toBe("docx");
    expect(r.lines).toEqual([
      "Älgnätverket",
      "",
      "**Datum:** 2024-05-02",
      "",
      "## Närvarande:",
      "",
      "Åsa Öberg (ordf.)\tÄlvdalen",
      "Per Ek\tMora",
      "",
      "- ett",
      "- två",
      "",
      "Vid tangenterna",
    ]);
  });

  it("reads a .docx by its content whatever the file is called", async () => {
    const r = await extractLines(buildDocx([{ p: "Hej" }]), "export.txt");
    expect(r.lines).toEqual(["Hej"]);
  });
});

describe("htmlToLines", () => {
  it("keeps nested lists, line breaks and entities", () => {
    expect(
      htmlToLines(
        "<p>A &amp; B<br />C</p><ul><li>ett<ul><li>under</li></ul></li><li>två<br />forts</li></ul><h3><strong>Rubrik</strong></h3><p>&#229;&#x e4;</p>",
      ),
    ).toEqual(["A & B  ", "C", "", "- ett", "  - under", "- två  ", "  forts", "", "### Rubrik", "", "å&#x e4;"]);
  });

  it("joins the paragraphs of a table cell and drops empty rows", () => {
    expect(htmlToLines("<table><tr><td><p>Anna</p><p>Berg</p></td><td></td></tr><tr><td></td></tr></table>")).toEqual([
      "Anna Berg",
    ]);
  });
});
