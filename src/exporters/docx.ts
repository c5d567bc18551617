import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type Block, expandMarkdown, type Outline, type Run } from "./blocks.js";

// Real Word structure: Heading 1-3 styles (mammoth and screen readers see h1-h3), tables for rosters
// and contact lists, Word's own list numbering, a footer with "sida X av Y", Swedish as the language.

const FONT = "Calibri";
const NUMBERING = "samrad-numbered";
const BULLETS = "samrad-bullets";
const A4_TEXT_WIDTH = 9026; // twentieths of a point: A4 minus 2.5 cm margins

function runs(list: Run[]): ParagraphChild[] {
  return list.map((r) => {
    if (r.text === "\n") return new TextRun({ break: 1 });
    const run = new TextRun({
      text: r.text,
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italics: true } : {}),
      ...(r.link ? { style: "Hyperlink" } : {}),
    });
    return r.link ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "A0A0A0" };
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

function cellParagraphs(text: string, bold = false): Paragraph[] {
  return text
    .split("\n")
    .map(
      (line, i) =>
        new Paragraph({ children: [new TextRun({ text: line, bold: bold || false, ...(i > 0 ? { size: 18 } : {}) })] }),
    );
}

function table(rows: string[][], opts: { headers?: string[]; widths: number[]; borders: boolean }): Table {
  const border = opts.borders ? thin : none;
  const total = opts.widths.reduce((a, b) => a + b, 0);
  const widths = opts.widths.map((w) => Math.round((w / total) * A4_TEXT_WIDTH));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      ...(header ? { tableHeader: true } : {}),
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i] ?? 1000, type: WidthType.DXA },
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: cellParagraphs(c, header),
          }),
      ),
    });
  return new Table({
    width: { size: A4_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [...(opts.headers ? [row(opts.headers, true)] : []), ...rows.map((r) => row(r, false))],
  });
}

function blocks(list: Block[], level = 0): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of expandMarkdown(list)) {
    switch (b.kind) {
      case "title":
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] }));
        break;
      case "subtitle":
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
        break;
      case "heading":
        out.push(
          new Paragraph({
            heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            children: [new TextRun(b.text)],
          }),
        );
        break;
      case "field":
        out.push(
          new Paragraph({ children: [new TextRun({ text: `${b.label}: `, bold: true }), new TextRun(b.value)] }),
        );
        break;
      case "paragraph":
        out.push(new Paragraph({ children: runs(b.runs) }));
        break;
      case "roster":
        out.push(table(b.rows, { widths: [1, 1], borders: false }), new Paragraph({ children: [] }));
        break;
      case "table":
        out.push(
          table(b.rows, { headers: b.headers, widths: b.headers.map((_, i) => (i === 3 ? 3 : 2)), borders: true }),
        );
        break;
      case "list":
        for (const item of b.items) {
          const [first, ...rest] = item;
          if (first?.kind === "paragraph") {
            out.push(
              new Paragraph({
                numbering: { reference: b.ordered ? NUMBERING : BULLETS, level: Math.min(level, 2) },
                children: runs(first.runs),
              }),
            );
            out.push(...blocks(rest, level + 1));
          } else out.push(...blocks(item, level + 1));
        }
        break;
      case "signature":
        out.push(
          new Paragraph({ spacing: { before: 360 }, children: [new TextRun(b.label)] }),
          new Paragraph({ children: [new TextRun(`/${b.name}`)] }),
        );
        break;
      case "markdown":
        break; // expanded above
    }
  }
  return out;
}

const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (l: number) => string) =>
  [0, 1, 2].map((level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

/** Prints an outline as a Word document (A4, Heading styles, tables, page numbers). */
export async function outlineToDocx(outline: Outline): Promise<Buffer> {
  const doc = new Document({
    title: outline.title,
    creator: "Samråd",
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, language: { value: "sv-SE" } },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: "1F3A5F" },
          paragraph: { spacing: { after: 240 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: "1F3A5F" },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: { run: { font: FONT, size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    numbering: {
      config: [
        { reference: NUMBERING, levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
        { reference: BULLETS, levels: levels(LevelFormat.BULLET, (l) => ["•", "–", "·"][l] ?? "•") },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [`${outline.footer} – sida `, PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: blocks(outline.blocks),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
