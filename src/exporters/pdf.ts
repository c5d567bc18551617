import { existsSync } from "node:fs";
import { join } from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { AppError } from "../errors.js";
import { type Block, expandMarkdown, type Outline, type Run } from "./blocks.js";

// A4 PDF through pdfmake with a TrueType font from Debian (fonts-liberation, else fonts-dejavu),
// embedded as a subset so å, ä and ö print and copy everywhere. pdfmake can mark the file as tagged
// with a language and a title, but does not build a full structure tree of headings and tables.

type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };

const FONT_CANDIDATES: { dir: string; files: FontFiles }[] = [
  {
    dir: "/usr/share/fonts/truetype/liberation",
    files: {
      normal: "LiberationSans-Regular.ttf",
      bold: "LiberationSans-Bold.ttf",
      italics: "LiberationSans-Italic.ttf",
      bolditalics: "LiberationSans-BoldItalic.ttf",
    },
  },
  {
    dir: "/usr/share/fonts/truetype/dejavu",
    files: {
      normal: "DejaVuSans.ttf",
      bold: "DejaVuSans-Bold.ttf",
      italics: "DejaVuSans-Oblique.ttf",
      bolditalics: "DejaVuSans-BoldOblique.ttf",
    },
  },
];

let fonts: FontFiles | null = null;

/** The font files the PDFs use, or a clear error naming the package that provides them. */
export function pdfFonts(): FontFiles {
  if (fonts) return fonts;
  for (const { dir, files } of FONT_CANDIDATES) {
    const normal = join(dir, files.normal);
    const bold = join(dir, files.bold);
    if (!existsSync(normal) || !existsSync(bold)) continue;
    const or = (f: string, fallback: string) => (existsSync(join(dir, f)) ? join(dir, f) : fallback);
    fonts = { normal, bold, italics: or(files.italics, normal), bolditalics: or(files.bolditalics, bold) };
    return fonts;
  }
  throw new AppError(
    "conflict",
    "PDF kan inte skapas: servern saknar typsnittet Liberation Sans eller DejaVu Sans (apt-get install fonts-liberation).",
  );
}

function inline(list: Run[]): Content[] {
  return list.map((r) => ({
    text: r.text,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
    ...(r.link ? { link: r.link, color: "#1F4E8C", decoration: "underline" as const } : {}),
  }));
}

function content(list: Block[]): Content[] {
  const out: Content[] = [];
  for (const b of expandMarkdown(list)) {
    switch (b.kind) {
      case "title":
        out.push({ text: b.text, style: "h1" });
        break;
      case "subtitle":
        out.push({ text: b.text, style: "h2" });
        break;
      case "heading":
        out.push({ text: b.text, style: b.level === 2 ? "h2" : "h3", headlineLevel: b.level });
        break;
      case "field":
        out.push({ text: [{ text: `${b.label}: `, bold: true }, b.value], style: "p" });
        break;
      case "paragraph":
        out.push({ text: inline(b.runs), style: "p" });
        break;
      case "roster":
        out.push({
          table: { widths: ["50%", "50%"], body: b.rows.map(([a, c]) => [a, c]) },
          layout: "noBorders",
          style: "roster",
        });
        break;
      case "table":
        out.push({
          table: {
            headerRows: 1,
            widths: ["23%", "15%", "16%", "30%", "16%"].slice(0, b.headers.length),
            body: [b.headers.map((h) => ({ text: h, bold: true })), ...b.rows],
          },
          layout: "lightHorizontalLines",
          style: "table",
        });
        break;
      case "list": {
        const items = b.items.map((item) => ({
          stack: content(item),
          margin: [0, 0, 0, 2] as [number, number, number, number],
        }));
        out.push(b.ordered ? { ol: items, style: "p" } : { ul: items, style: "p" });
        break;
      }
      case "signature":
        out.push({ text: b.label, margin: [0, 18, 0, 2] }, { text: `/${b.name}`, style: "p" });
        break;
      case "markdown":
        break; // expanded above
    }
  }
  return out;
}

/** Prints an outline as an A4 PDF with embedded fonts, page numbers and Swedish as its language. */
export async function outlineToPdf(outline: Outline): Promise<Buffer> {
  const files = pdfFonts();
  const allowed = new Set(Object.values(files));
  pdfmake.setFonts({ Sans: files });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [56, 56, 56, 64],
    info: { title: outline.title, creator: "Samråd", producer: "Samråd" },
    language: "sv-SE",
    tagged: true,
    displayTitle: true,
    version: "1.7",
    defaultStyle: { font: "Sans", fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 20, bold: true, color: "#1F3A5F", margin: [0, 0, 0, 12] },
      h2: { fontSize: 14, bold: true, color: "#1F3A5F", margin: [0, 12, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      p: { margin: [0, 0, 0, 6] },
      roster: { margin: [0, 0, 0, 8] },
      table: { fontSize: 9.5, margin: [0, 4, 0, 8] },
    },
    footer: (page: number, pages: number) => ({
      text: `${outline.footer} – sida ${page} av ${pages}`,
      style: "footer",
      alignment: "center",
      fontSize: 8.5,
      color: "#444444",
      margin: [56, 24, 56, 0],
    }),
    content: content(outline.blocks),
    // A heading never ends a page: it moves to the next page with its text (the footer does not count).
    pageBreakBefore: (node, queries) =>
      Boolean(node.headlineLevel) &&
      queries.getFollowingNodesOnPage().filter((n) => n.style !== "footer" && n.text !== node.text).length === 0,
  };
  return (await pdfmake.createPdf(definition).getBuffer()) as Buffer;
}
