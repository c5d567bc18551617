// Turns the HTML of a .docx (src/importers/docx.ts writes the shapes mammoth writes) into the
// same line shapes a plain-text export has: headings as "## ", list items as "- ", table rows as
// tab-separated cells, bold as **. The HTML is small and regular (p, h1-6, ul/ol/li, table/tr/td,
// strong, em, a, br), so a tag scanner is enough; anything else is read for its text.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decodes the character references mammoth writes (named, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[ref] ?? whole;
  });
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|[^<]+|</g;

/** Converts the .docx HTML to text lines, blank lines between blocks as in a text export. */
export function htmlToLines(html: string): string[] {
  const out: string[] = [];
  let text = ""; // the block being built (paragraph, heading, list item or cell paragraph)
  let heading = 0;
  let listDepth = 0;
  let tableDepth = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;

  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  const take = (): string => {
    const t = text
      .replace(/\*\*\s*\*\*/g, "")
      .replace(/[ \u00a0]+/g, " ")
      .split("\n")
      .map((l) => l.trim())
      .join("  \n") // a <br> is a hard line break, written the Markdown way
      .trim();
    text = "";
    return t;
  };
  // Ends the current block: inside a table the text joins the cell, elsewhere it becomes lines.
  const flush = (kind: "p" | "li" | "h") => {
    const t = take();
    if (tableDepth > 0) {
      if (t && cell) cell.push(t.replace(/ *\n/g, " "));
      return;
    }
    if (!t) return;
    if (kind === "h") {
      out.push(`${"#".repeat(Math.min(heading, 6))} ${t.replace(/ *\n/g, " ").replace(/^\*\*(.*)\*\*$/, "$1")}`);
      blank();
    } else if (kind === "li") {
      const [first, ...rest] = t.split("\n");
      const pad = "  ".repeat(Math.max(0, listDepth - 1));
      out.push(`${pad}- ${first}`, ...rest.map((l) => `${pad}  ${l}`));
    } else {
      out.push(...t.split("\n"));
      blank();
    }
  };

  for (const m of html.matchAll(TOKEN)) {
    const [tok, closing, rawTag] = m;
    if (rawTag === undefined) {
      text += decodeEntities(tok).replace(/[\r\n]+/g, " ");
      continue;
    }
    const tag = rawTag.toLowerCase();
    const open = closing !== "/";
    switch (tag) {
      case "p":
        if (!open) flush(listDepth > 0 && tableDepth === 0 ? "li" : "p");
        break;
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        if (open) {
          flush("p");
          heading = Number(tag[1]);
        } else {
          flush("h");
          heading = 0;
        }
        break;
      case "ul":
      case "ol":
        if (open) {
          if (listDepth > 0) flush("li");
          listDepth++;
        } else {
          flush("li");
          listDepth = Math.max(0, listDepth - 1);
          if (listDepth === 0 && tableDepth === 0) blank();
        }
        break;
      case "li":
        flush("li");
        break;
      case "table":
        if (open) {
          flush("p");
          tableDepth++;
        } else {
          tableDepth = Math.max(0, tableDepth - 1);
          if (tableDepth === 0) blank();
        }
        break;
      case "tr":
        if (tableDepth === 1) {
          if (open) row = [];
          else if (row) {
            while (row.length > 0 && row[row.length - 1] === "") row.pop();
            if (row.some((c) => c !== "")) out.push(row.join("\t"));
            row = null;
          }
        }
        break;
      case "td":
      case "th":
        if (tableDepth === 1) {
          if (open) cell = [];
          else {
            flush("p");
            row?.push((cell ?? []).join(" ").replace(/\t/g, " "));
            cell = null;
          }
        }
        break;
      case "br":
        text += tableDepth > 0 ? " " : "\n";
        break;
      case "strong":
      case "b":
        text += "**";
        break;
      default:
        break;
    }
  }
  flush("p");
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}
