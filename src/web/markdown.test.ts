import { describe, expect, it } from "vitest";
import { isSafeLink, renderMarkdown } from "./markdown.js";

// What the minutes' notes may never turn into: a script, an event handler, or a link that runs code.
const ATTACKS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<iframe src=//evil.example></iframe>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;avascript&#x3A;alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![bild](javascript:alert(1))",
  '![bild](x" onerror="alert(1))',
  "[x][r]\n\n[r]: javascript:alert(1)",
  "<javascript:alert(1)>",
  '[a](https://exempel.se "x\\" onmouseover=\\"alert(1)")',
];

describe("Markdown in notes is sanitized", () => {
  it.each(ATTACKS)("renders %j without script, event handler or javascript: link", (source) => {
    const html = renderMarkdown(source);
    // Attribute values are quoted and escaped; what matters is what stands outside the quotes.
    const tags = (html.match(/<[a-z][^>]*>/gi) ?? []).map((t) => t.replace(/"[^"]*"/g, '""'));
    expect(html).not.toMatch(/<script/i);
    expect(tags.filter((t) => /\s(on\w+|style)\s*=/i.test(t))).toEqual([]);
    expect(tags.filter((t) => !/^<\/?(p|a|img|code|em|strong)\b/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data):/i);
  });

  it("keeps ordinary formatting and web and mail links", () => {
    const html = renderMarkdown(
      "**Beslut:** se [protokollet](https://exempel.se/p?a=1&b=2) eller [mejla](mailto:a@exempel.se).",
    );
    expect(html).toContain("<strong>Beslut:</strong>");
    expect(html).toContain('<a href="https://exempel.se/p?a=1&amp;b=2">protokollet</a>');
    expect(html).toContain('<a href="mailto:a@exempel.se">mejla</a>');
    expect(renderMarkdown("[mötet](/moten/12)")).toContain('<a href="/moten/12">mötet</a>');
  });

  it("shows what was typed as text instead of dropping it", () => {
    expect(renderMarkdown("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("allows only safe link schemes", () => {
    for (const ok of [
      "https://exempel.se",
      "http://exempel.se",
      "mailto:a@b.se",
      "tel:+46123",
      "/moten/1",
      "#punkt-3",
      "bilaga.pdf",
    ]) {
      expect(isSafeLink(ok), ok).toBe(true);
    }
    for (const bad of [
      "javascript:alert(1)",
      " JAVASCRIPT:x",
      "java\nscript:x",
      "data:text/html,x",
      "vbscript:x",
      "file:///etc/passwd",
      "//evil.example",
      "\\\\evil.example",
      "ftp://x",
    ]) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
  });
});
