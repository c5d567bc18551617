import MarkdownIt from "markdown-it";

// Raw HTML is off, so nothing a writer types can inject a script or an event handler; markdown-it
// escapes it as text. Links are checked against an allowlist of schemes (its own check only
// refuses a blocklist: javascript:, vbscript:, file: and most data:).
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/** Whether a link target may be written into the page: web, mail and phone links and relative ones. */
export function isSafeLink(url: string): boolean {
  // Browsers drop tabs, newlines and other controls in a URL and read "\" as "/".
  const cleaned = [...url]
    .filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .replaceAll("\\", "/")
    .toLowerCase();
  if (cleaned.startsWith("//")) return false; // another host, whatever the scheme
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return scheme ? SAFE_SCHEMES.has(scheme[1] ?? "") : true;
}

md.validateLink = isSafeLink;

/** Renders a writer's Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
