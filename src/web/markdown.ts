import MarkdownIt from "markdown-it";

// Raw HTML is off, so nothing a writer types can inject a script or an event handler;
// markdown-it's link validation already refuses javascript:, vbscript: and data: links.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

/** Renders a writer's Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
