import type { Block, Outline, Run } from "./blocks.js";

function runText(run: Run): string {
  if (run.text === "\n") return "  \n";
  let text = run.text;
  if (run.link) text = `[${text}](${run.link})`;
  if (run.italic) text = `*${text}*`;
  if (run.bold) {
    // Keep the space outside the markers: "**Beslut:** att", never "**Beslut: **att".
    const trailing = text.match(/\s+$/)?.[0] ?? "";
    text = `**${text.trimEnd()}**${trailing}`;
  }
  return text;
}

const runsText = (runs: Run[]) => runs.map(runText).join("");

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
}

function block(b: Block, indent = ""): string {
  switch (b.kind) {
    case "title":
      return `# ${b.text}`;
    case "subtitle":
      return `## ${b.text}`;
    case "field":
      return `**${b.label}:** ${b.value}`;
    case "heading":
      return `${"#".repeat(b.level)} ${b.text}`;
    case "paragraph":
      return runsText(b.runs);
    case "markdown":
      return b.source;
    case "signature":
      return `${b.label}\n\n/${b.name}`;
    case "roster":
      // One "Name<TAB>Municipality" line per person, no blank lines: the networks' own roster.
      return b.rows.map(([a, c]) => (c ? `${a}\t${c}` : a)).join("\n");
    case "table":
      return [
        `| ${b.headers.map(cell).join(" | ")} |`,
        `| ${b.headers.map(() => "---").join(" | ")} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
      ].join("\n");
    case "list":
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${i + 1}. ` : "- ";
          const pad = `${indent}${" ".repeat(marker.length)}`;
          return item
            .map((inner, j) => {
              const text = block(inner, pad)
                .split("\n")
                .map((line, k) => (k === 0 ? line : line ? `${pad}${line}` : line))
                .join("\n");
              return j === 0 ? `${indent}${marker}${text}` : `\n${pad}${text}`;
            })
            .join("\n");
        })
        .join("\n");
  }
}

/** Prints an outline as Markdown, blocks separated by blank lines. */
export function outlineToMarkdown(outline: Outline): string {
  return `${outline.blocks.map((b) => block(b)).join("\n\n")}\n`;
}
