import { inflateRawSync } from "node:zlib";
import { decodeEntities } from "./html.js";

// A .docx is a zip of XML parts. Minutes need only the text with its block structure, so this
// reads word/document.xml (and the style names in word/styles.xml) straight from the zip and writes
// the small HTML subset htmlToLines reads: p, h1-6, ul/li, table/tr/td, strong, br. It produces the
// same HTML shapes mammoth does for these elements, about ten times faster (see docx.test.ts, which
// compares the two). Left out on purpose, as mammoth's default also leaves them or they do not carry
// minutes: headers, footers, comments, footnotes, images and deleted text.

/** Why a .docx could not be read; the caller names the file. */
export class DocxError extends Error {}

// Limits that stop a hostile zip (a "zip bomb") from taking the process's memory.
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** The named parts of a zip archive, inflated on demand. */
function zipParts(bytes: Uint8Array, wanted: readonly string[]): Map<string, string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes (after a comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxError("zip-arkivets innehållsförteckning saknas (filen är avkortad eller skadad)");
  const count = buf.readUInt16LE(eocd + 10);
  if (count > MAX_ENTRIES) throw new DocxError("zip-arkivet har orimligt många delar");
  let at = buf.readUInt32LE(eocd + 16);
  const found = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) {
      throw new DocxError("zip-arkivets innehållsförteckning är skadad");
    }
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    at = next;
    if (!wanted.includes(name)) continue;
    if (flags & 1) throw new DocxError("filen är krypterad (lösenordsskyddad)");
    if (size > MAX_PART_BYTES) throw new DocxError(`delen ${name} är för stor`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) {
      throw new DocxError(`delen ${name} är skadad`);
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw new DocxError(`delen ${name} är avkortad`);
    const data = buf.subarray(start, start + compressed);
    let inflated: Buffer;
    if (method === 0) inflated = data;
    else if (method === 8) {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
      } catch {
        throw new DocxError(`delen ${name} går inte att packa upp`);
      }
    } else throw new DocxError(`delen ${name} är packad på ett sätt som inte stöds (metod ${method})`);
    found.set(name, inflated.toString("utf8"));
  }
  return found;
}

/** One XML tag or text run; attributes are read only where needed. */
const XML_TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!?[^>]*>|([^<]+)/g;

/** The value of attribute `name` (for example w:val) in a tag's attribute text. */
function attr(attrs: string, name: string): string | null {
  const i = attrs.indexOf(`${name}="`);
  if (i < 0 || (i > 0 && !/\s/.test(attrs[i - 1] as string))) return null;
  const start = i + name.length + 2;
  const end = attrs.indexOf('"', start);
  return end < 0 ? null : attrs.slice(start, end);
}

/** True for an on/off property that is on: present without w:val, or with a true value. */
function isOn(attrs: string): boolean {
  const v = attr(attrs, "w:val");
  return v === null || !/^(?:0|false|off|none)$/i.test(v);
}

/** What a paragraph style means to the reader: a heading level and the list numbering it carries. */
type StyleInfo = { heading: number; numId: string | null; ilvl: number | null };

/** Paragraph styles by id: headings by name (Word writes "heading 1" even in Swedish), Title, Subtitle. */
function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = m[1] as string;
    if (attr(attrs, "w:type") !== "paragraph") continue;
    const id = attr(attrs, "w:styleId");
    if (!id) continue;
    const name = /<w:name\s+w:val="([^"]*)"/.exec(m[2] as string)?.[1] ?? "";
    const numId = /<w:numId\s+w:val="([^"]*)"/.exec(m[2] as string)?.[1] ?? null;
    const ilvl = /<w:ilvl\s+w:val="(\d+)"/.exec(m[2] as string)?.[1];
    styles.set(id, {
      heading: headingOf(id, decodeEntities(name)),
      numId,
      ilvl: ilvl === undefined ? null : Number(ilvl),
    });
  }
  return styles;
}

/** The list levels each numbering id defines; a paragraph on an undefined level is no list item (as in mammoth). */
function readNumbering(xml: string | undefined): Map<string, Set<number>> {
  const levels = new Map<string, Set<number>>();
  if (!xml) return levels;
  const abstract = new Map<string, Set<number>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstract.set(
      m[1] as string,
      new Set([...(m[2] as string).matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"/g)].map((l) => Number(l[1]))),
    );
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const ref = /<w:abstractNumId\s+w:val="([^"]*)"/.exec(m[2] as string)?.[1];
    const defined = ref === undefined ? undefined : abstract.get(ref);
    if (defined) levels.set(m[1] as string, defined);
  }
  return levels;
}

/** The heading level a style id or name stands for, 0 when it is not a heading (mammoth's map). */
function headingOf(id: string, name: string): number {
  const byId = /^Heading([1-6])$/.exec(id);
  if (byId) return Number(byId[1]);
  const byName = /^heading ([1-6])$/i.exec(name);
  if (byName) return Number(byName[1]);
  if (name === "Title" || (name === "" && id === "Title")) return 1;
  if (name === "Subtitle" || (name === "" && id === "Subtitle")) return 2;
  return 0;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph as it is being read. */
type Para = { style: string | null; numId: string | null; ilvl: number | null; html: string };

/**
 * The body of a .docx as HTML in the shapes htmlToLines reads. Throws DocxError when the file is
 * not a readable Word document.
 */
export function docxToHtml(bytes: Uint8Array): string {
  const parts = zipParts(bytes, ["word/document.xml", "word/styles.xml", "word/numbering.xml"]);
  const document = parts.get("word/document.xml");
  if (document === undefined) throw new DocxError("word/document.xml saknas; det här är ingen Word-fil");
  const styles = readStyles(parts.get("word/styles.xml"));
  const numbering = readNumbering(parts.get("word/numbering.xml"));
  /** The list level of a paragraph: its own numbering, else its style's, when the level is defined. */
  const listLevel = (p: Para, style: StyleInfo | undefined): number | null => {
    const numId = p.numId ?? style?.numId ?? null;
    const ilvl = p.ilvl ?? style?.ilvl ?? 0;
    return numId !== null && numbering.get(numId)?.has(ilvl) ? ilvl : null;
  };

  const out: string[] = [];
  let listDepth = 0; // open <ul> elements
  const closeLists = (to: number) => {
    while (listDepth > to) {
      out.push(listDepth > 1 ? "</ul></li>" : "</ul>");
      listDepth--;
    }
  };
  let tableDepth = 0;
  let para: Para | null = null;
  let inRunProps = false;
  let inParaProps = false;
  let bold = false; // of the current run
  let boldOpen = false; // a <strong> is open in the current paragraph
  let skip = 0; // depth inside parts whose text is not read (deleted text, field codes, fallbacks)
  let inText = false;
  let skipCell = false;

  const emit = (html: string) => {
    // Text after a text box inside a paragraph continues in a paragraph of its own.
    para ??= { style: null, numId: null, ilvl: null, html: "" };
    if (boldOpen !== bold) {
      para.html += bold ? "<strong>" : "</strong>";
      boldOpen = bold;
    }
    para.html += html;
  };
  const endPara = () => {
    if (!para) return;
    if (boldOpen) para.html += "</strong>";
    boldOpen = false;
    const p = para;
    para = null;
    const style = p.style ? styles.get(p.style) : undefined;
    const heading = style?.heading ?? 0;
    const level = heading === 0 ? listLevel(p, style) : null;
    if (level !== null && tableDepth === 0) {
      const depth = level + 1;
      if (depth > listDepth) {
        while (listDepth < depth) {
          // A deeper list opens inside the previous item, as mammoth nests it.
          if (listDepth > 0 && out[out.length - 1] === "</li>") out.pop();
          out.push("<ul>");
          listDepth++;
        }
      } else closeLists(depth);
      out.push(`<li>${p.html}`, "</li>");
      return;
    }
    if (p.html.replace(/<\/?strong>/g, "") === "") return; // empty paragraphs are dropped, as mammoth does
    if (tableDepth === 0) closeLists(0);
    out.push(heading ? `<h${heading}>${p.html}</h${heading}>` : `<p>${p.html}</p>`);
  };

  for (const m of document.matchAll(XML_TOKEN)) {
    const [, closing, tag, attrs = "", selfClosing] = m;
    const text = m[6];
    if (tag === undefined) {
      if (text !== undefined && inText && skip === 0) emit(escapeHtml(decodeEntities(text)));
      continue;
    }
    const open = closing !== "/";
    const empty = selfClosing === "/";
    switch (tag) {
      case "w:del":
      case "w:instrText":
      case "w:delText":
      case "mc:Choice": // mammoth reads an alternate's fallback, the plainer of the two
      case "w:footnoteReference":
        if (!empty) skip += open ? 1 : -1;
        break;
      case "w:p":
        if (open) {
          endPara();
          para = { style: null, numId: null, ilvl: null, html: "" };
          bold = false;
          if (empty) endPara();
        } else endPara();
        break;
      case "w:pPr":
        inParaProps = open && !empty;
        break;
      case "w:pStyle":
        if (para && inParaProps) para.style = attr(attrs, "w:val");
        break;
      case "w:ilvl":
        if (para && inParaProps) para.ilvl = Number(attr(attrs, "w:val") ?? 0) || 0;
        break;
      case "w:numId":
        if (para && inParaProps) para.numId = attr(attrs, "w:val");
        break;
      case "w:r":
        if (open) bold = false;
        break;
      case "w:rPr":
        if (!inParaProps) inRunProps = open && !empty;
        break;
      case "w:b":
        if (inRunProps) bold = isOn(attrs);
        break;
      case "w:t":
        inText = open && !empty;
        break;
      case "w:tab":
        if (!inParaProps && skip === 0) emit("\t");
        break;
      case "w:br":
      case "w:cr": {
        const type = attr(attrs, "w:type");
        if (skip === 0 && (type === null || type === "textWrapping")) emit("<br />");
        break;
      }
      case "w:noBreakHyphen":
        if (skip === 0) emit("\u2011");
        break;
      case "w:tbl":
        endPara();
        if (open) {
          if (tableDepth === 0) closeLists(0);
          tableDepth++;
          out.push("<table>");
        } else {
          tableDepth = Math.max(0, tableDepth - 1);
          out.push("</table>");
        }
        break;
      case "w:tr":
        out.push(open ? "<tr>" : "</tr>");
        break;
      case "w:vMerge":
        // A continued vertically merged cell is left out (mammoth writes the first with rowspan).
        if (attr(attrs, "w:val") !== "restart") skipCell = true;
        break;
      case "w:tc":
        if (open) {
          skipCell = false;
          out.push("<td>");
        } else {
          endPara();
          if (skipCell) {
            while (out.length > 0 && out[out.length - 1] !== "<td>") out.pop();
            out.pop();
          } else out.push("</td>");
          skipCell = false;
        }
        break;
      default:
        break;
    }
  }
  endPara();
  closeLists(0);
  return out.join("");
}
