import MarkdownIt from "markdown-it";

// The format-neutral outline every document is built as; markdown.ts, docx.ts and pdf.ts each
// print it. Keeping one outline means the three formats cannot drift apart in what they say.

/** A piece of text with its emphasis. A run of "\n" is a line break inside the paragraph. */
export type Run = { text: string; bold?: boolean; italic?: boolean; link?: string };

/** One block of a document. */
export type Block =
  | { kind: "title"; text: string }
  | { kind: "subtitle"; text: string }
  | { kind: "field"; label: string; value: string }
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "list"; ordered: boolean; items: Block[][] }
  /** A roster: two columns without a header row (name, municipality or role), as the networks write them. */
  | { kind: "roster"; rows: [string, string][] }
  | { kind: "table"; caption: string; headers: string[]; rows: string[][] }
  /** "Vid tangenterna" and "/Name" under the notes. */
  | { kind: "signature"; label: string; name: string }
  /** Markdown written by a person: passed through as-is in .md, parsed into blocks elsewhere. */
  | { kind: "markdown"; source: string };

/** A document: its title for metadata and footers, and its blocks. */
export type Outline = { title: string; footer: string; blocks: Block[] };

const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

type Token = ReturnType<typeof md.parse>[number];

function inlineRuns(token: Token): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  for (const t of token.children ?? []) {
    switch (t.type) {
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      case "link_open":
        link = String(t.attrGet("href") ?? "") || undefined;
        break;
      case "link_close":
        link = undefined;
        break;
      case "softbreak":
        runs.push({ text: " " });
        break;
      case "hardbreak":
        runs.push({ text: "\n" });
        break;
      case "text":
      case "code_inline":
        if (t.content)
          runs.push({
            text: t.content,
            ...(bold > 0 ? { bold: true } : {}),
            ...(italic > 0 ? { italic: true } : {}),
            ...(link ? { link } : {}),
          });
        break;
      default:
        if (t.content) runs.push({ text: t.content });
    }
  }
  return runs;
}

/** Parses a person's Markdown into blocks (paragraphs, lists, headings as bold paragraphs, quotes, code). */
export function markdownToBlocks(source: string): Block[] {
  const tokens = md.parse(source, {});
  let pos = 0;

  function parse(until: string | null): Block[] {
    const out: Block[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos] as Token;
      if (until && t.type === until) {
        pos++;
        return out;
      }
      pos++;
      if (t.type === "inline") {
        const runs = inlineRuns(t);
        if (runs.length) out.push({ kind: "paragraph", runs });
      } else if (t.type === "heading_open") {
        const inline = tokens[pos] as Token;
        pos += 2;
        out.push({ kind: "paragraph", runs: inlineRuns(inline).map((r) => ({ ...r, bold: true })) });
      } else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") {
        const close = t.type === "bullet_list_open" ? "bullet_list_close" : "ordered_list_close";
        const items: Block[][] = [];
        while (pos < tokens.length && (tokens[pos] as Token).type !== close) {
          if ((tokens[pos] as Token).type === "list_item_open") {
            pos++;
            items.push(parse("list_item_close"));
          } else pos++;
        }
        pos++;
        out.push({ kind: "list", ordered: t.type === "ordered_list_open", items });
      } else if (t.type === "fence" || t.type === "code_block") {
        for (const line of t.content.replace(/\n$/, "").split("\n"))
          out.push({ kind: "paragraph", runs: [{ text: line }] });
      } else if (t.type === "table_open") {
        // Tables in notes are rare; each row becomes a line with tab-separated cells.
        const rows: string[] = [];
        let cells: string[] = [];
        while (pos < tokens.length && (tokens[pos] as Token).type !== "table_close") {
          const x = tokens[pos] as Token;
          if (x.type === "inline") cells.push(x.content);
          if (x.type === "tr_close") {
            rows.push(cells.join("\t"));
            cells = [];
          }
          pos++;
        }
        pos++;
        for (const row of rows) out.push({ kind: "paragraph", runs: [{ text: row }] });
      }
      // paragraph_open/close, blockquote_open/close and hr carry nothing of their own
    }
    return out;
  }

  return parse(null);
}

/** Blocks with every markdown block parsed, for formats that cannot pass Markdown through. */
export function expandMarkdown(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => (b.kind === "markdown" ? markdownToBlocks(b.source) : [b]));
}
