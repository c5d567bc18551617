import { deflateRawSync } from "node:zlib";
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { buildDocx, wordDocument, zip } from "../../test/docx.js";
import { planCorpus } from "../demo/generator.js";
import { minutesDocument, renderDocx } from "../demo/generator-docs.js";
import { generateMeetings } from "../demo/generator-meetings.js";
import { DocxError, docxToHtml } from "./docx.js";
import { htmlToLines } from "./html.js";

// The importer used mammoth for .docx until its own reader (docx.ts) replaced it for speed. Every
// document here is read both ways and must give the same lines; mammoth stays as a dev dependency
// for this comparison only.

async function viaMammoth(bytes: Uint8Array): Promise<string[]> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
    },
  );
  return htmlToLines(result.value);
}

const viaOwn = (bytes: Uint8Array) => htmlToLines(docxToHtml(bytes));

async function expectSameLines(bytes: Uint8Array) {
  const own = viaOwn(bytes);
  expect(own).toEqual(await viaMammoth(bytes));
  return own;
}

const pack = async (children: (Paragraph | Table)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}) =>
  new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }], ...extra })));

const numbering = {
  config: [
    {
      reference: "punkter",
      levels: [0, 1, 2].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: "•",
        alignment: AlignmentType.LEFT,
      })),
    },
    {
      reference: "nummer",
      levels: [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.` })),
    },
  ],
};

describe("reading .docx without mammoth gives mammoth's lines", () => {
  it("headings of every level, Title and Subtitle, bold runs, tabs and line breaks", async () => {
    const lines = await expectSameLines(
      await pack([
        new Paragraph({ text: "Socialchefsnätverket", heading: HeadingLevel.TITLE }),
        new Paragraph({ text: "Minnesanteckningar", heading: HeadingLevel.HEADING_1 }),
        new Paragraph({
          children: [
            new TextRun({ text: "Datum", bold: true }),
            new TextRun({ text: " och tid:", bold: true }),
            new TextRun(" 2024-03-08 kl. 9–12"),
          ],
        }),
        new Paragraph({ text: "Närvarande", heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ children: [new TextRun("Vera Holm"), new TextRun({ text: "\tBjuv" })] }),
        new Paragraph({ children: [new TextRun("Första raden"), new TextRun({ text: "andra raden", break: 1 })] }),
        new Paragraph({ text: "Punkt tre", heading: HeadingLevel.HEADING_3 }),
        new Paragraph({ text: "Fyra", heading: HeadingLevel.HEADING_4 }),
        new Paragraph({ text: "Fem", heading: HeadingLevel.HEADING_5 }),
        new Paragraph({ text: "Sex", heading: HeadingLevel.HEADING_6 }),
        new Paragraph(""),
        new Paragraph({
          children: [new TextRun({ text: "Beslut:", bold: true }), new TextRun(" att godkänna & <anta> planen.")],
        }),
        new Paragraph({ children: [new TextRun("Före sidbrytningen"), new PageBreak(), new TextRun("efter")] }),
        new Paragraph({ text: "Underrubrik", heading: HeadingLevel.HEADING_2 }),
      ]),
    );
    expect(lines).toContain("# Minnesanteckningar");
    expect(lines).toContain("**Datum och tid:** 2024-03-08 kl. 9–12");
    expect(lines).toContain("**Beslut:** att godkänna & <anta> planen.");
  });

  it("bulleted and numbered lists, nested three deep, between paragraphs", async () => {
    const item = (text: string, reference: string, level: number) =>
      new Paragraph({ text, numbering: { reference, level } });
    const lines = await expectSameLines(
      await pack(
        [
          new Paragraph("Före listan"),
          item("Ett", "punkter", 0),
          item("Ett och ett", "punkter", 1),
          item("Djupast", "punkter", 2),
          item("Två", "punkter", 0),
          new Paragraph("Mellan listorna"),
          item("Första", "nummer", 0),
          item("Under första", "nummer", 1),
          item("Andra", "nummer", 0),
          new Paragraph({ text: "Efter", heading: HeadingLevel.HEADING_2 }),
        ],
        { numbering },
      ),
    );
    expect(lines).toContain("    - Djupast");
  });

  it("tables with merged cells, empty cells, a list and two paragraphs in a cell", async () => {
    const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...extra });
    await expectSameLines(
      await pack(
        [
          new Paragraph({ text: "Närvarande", heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Namn"), cell("Kommun"), cell("Roll")] }),
              new TableRow({
                children: [cell("Kirti John", { verticalMerge: VerticalMergeType.RESTART }), cell("Höganäs"), cell("")],
              }),
              new TableRow({
                children: [cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("Bjuv"), cell("ordf.")],
              }),
              new TableRow({ children: [cell("Två kolumner", { columnSpan: 2 }), cell("x")] }),
              new TableRow({
                children: [
                  new TableCell({
                    children: [
                      new Paragraph("Första stycket"),
                      new Paragraph("Andra stycket"),
                      new Paragraph({ text: "i en lista", numbering: { reference: "punkter", level: 0 } }),
                    ],
                  }),
                  cell("Klippan"),
                  cell(""),
                ],
              }),
            ],
          }),
          new Paragraph("Efter tabellen"),
        ],
        { numbering },
      ),
    );
  });

  it("hyperlinks, fields and text in runs outside the ordinary", async () => {
    await expectSameLines(
      await pack([
        new Paragraph({
          children: [
            new TextRun("Se "),
            new ExternalHyperlink({ link: "https://exempel.se/plan", children: [new TextRun("planen")] }),
            new TextRun(" före mötet."),
          ],
        }),
      ]),
    );
  });

  it("Word's own markup: Swedish style ids, deleted text, field codes, alternates, switched-off bold", async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/></w:style>' +
      '<w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="heading 1 Char"/></w:style>';
    const body = [
      '<w:p><w:pPr><w:pStyle w:val="Rubrik"/></w:pPr><w:r><w:t>Protokoll &amp; minnen</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:pStyle w:val="Rubrik2"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>Övrigt</w:t></w:r></w:p>',
      '<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">Inte fet </w:t></w:r><w:r><w:rPr><w:b w:val="true"/></w:rPr><w:t>men fet</w:t></w:r></w:p>',
      '<w:p><w:r><w:t xml:space="preserve">Kvar </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>struket</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>tillagt</w:t></w:r></w:ins></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '<w:p><w:r><w:t>Före</w:t></w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>val</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>reserv</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>',
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Ingen lista</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:pStyle w:val="Liststycke"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Direkt på nivå två</w:t></w:r></w:p>',
      "<w:p/>",
      "<w:p><w:r><w:t>Bindestreck</w:t><w:noBreakHyphen/><w:t>ord</w:t><w:br/><w:t>ny rad</w:t></w:r></w:p>",
    ].join("");
    const lines = await expectSameLines(wordDocument(body, styles));
    expect(lines[0]).toBe("# Protokoll & minnen");
  });

  it("the test fixtures' documents and 60 generated minutes", async () => {
    await expectSameLines(
      buildDocx([
        { heading: "Nätverksmöte", level: 1 },
        { p: "**Datum:** 2023-05-12" },
        {
          table: [
            ["Ann Berg", "Åstorp"],
            ["Bo Ek", ""],
          ],
        },
        { bullets: ["första", "andra"] },
      ]),
    );
    const plan = planCorpus({ meetings: 120, seed: 11, today: "2026-06-01" });
    let compared = 0;
    for (const meeting of generateMeetings(plan)) {
      if (compared >= 60) break;
      if (meeting.state !== "approved") continue;
      await expectSameLines(await renderDocx(minutesDocument(plan, meeting)));
      compared++;
    }
    expect(compared).toBe(60);
  });
});

describe("broken .docx files", () => {
  const document = "<w:document><w:body><w:p><w:r><w:t>hej</w:t></w:r></w:p></w:body></w:document>";

  it("names what is wrong: no document part, truncation, encryption", () => {
    expect(() => docxToHtml(zip({ "hej.txt": "hej" }))).toThrow(/word\/document.xml saknas/);
    const good = zip({ "word/document.xml": document });
    expect(htmlToLines(docxToHtml(good))).toEqual(["hej"]);
    expect(() => docxToHtml(good.slice(0, good.length - 30))).toThrow(DocxError);
    expect(() => docxToHtml(good.slice(0, 40))).toThrow(DocxError);
    const encrypted = good.slice();
    const central = Buffer.from(encrypted.buffer).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted[central + 8] = (encrypted[central + 8] as number) | 1;
    expect(() => docxToHtml(encrypted)).toThrow(/krypterad/);
  });

  it("refuses a part that inflates beyond the limit instead of filling the memory", () => {
    const huge = Buffer.alloc(70 * 1024 * 1024, 0x20);
    const bytes = zip({ "word/document.xml": huge });
    expect(deflateRawSync(huge).length).toBeLessThan(200_000);
    expect(() => docxToHtml(bytes)).toThrow(DocxError);
  });
});
