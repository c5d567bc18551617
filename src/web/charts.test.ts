import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { barsSvg, heatmapSvg, loadCharts, sanitizeSvg, spansSvg } from "./charts.js";

// The CSP forbids inline styles: no chart may carry a style attribute or a <style> element.
describe("server-drawn charts", () => {
  beforeAll(loadCharts);
  const noInlineStyle = (svg: string) => {
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toContain("<style");
    expect(svg).not.toContain("<script");
  };

  it("draws a heatmap with escaped labels, a name for screen readers and no inline styles", () => {
    const svg = heatmapSvg({
      rows: ["Bjuv", "Örkelljunga <script>alert(1)</script>"],
      columns: ["2020", "2021"],
      cells: [
        { row: "Bjuv", column: "2020", value: 0.5, text: "50 %" },
        { row: "Örkelljunga <script>alert(1)</script>", column: "2021", value: 1, text: "100 %" },
      ],
      label: "Närvaro per kommun",
      max: 1,
    });
    noInlineStyle(svg);
    expect(svg).toContain("Örkelljunga &lt;script&gt;");
    expect(svg).toMatch(/^<svg[^>]*role="img"/);
    expect(svg).toContain('aria-label="Närvaro per kommun"');
    expect(svg).toContain("100 %");
    // only the image itself is named: axe forbids aria-label on its <g> parts
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
  });

  it("draws bars (vertical and horizontal) and spans without inline styles", () => {
    const bars = [
      { category: "2020", value: 2, series: "Möten" },
      { category: "2021", value: 3, series: "Möten" },
    ];
    noInlineStyle(barsSvg({ bars, categories: ["2020", "2021"], series: ["Möten"], label: "x", yLabel: "Möten" }));
    const long = bars.map((b) => ({ ...b, category: `Nätverket för ${b.category}` }));
    noInlineStyle(
      barsSvg({ bars: long, categories: long.map((b) => b.category), series: ["Möten"], label: "x", yLabel: "Möten" }),
    );
    noInlineStyle(
      spansSvg({
        spans: [{ row: "Höganäs", from: "2019-09-06", to: "2020-03-06", text: "Ada" }],
        rows: ["Höganäs"],
        label: "Ordförande",
        from: "2018-08-27",
        to: "2021-08-27",
      }),
    );
  });

  it("turns style declarations into presentation attributes and drops the rest", () => {
    const { document } = parseHTML(
      '<svg><style>.x{}</style><g style="fill: red; position: absolute; font-size:12px"><rect style="stroke:#000" onclick="x()"/></g></svg>',
    );
    const svg = document.querySelector("svg") as unknown as Parameters<typeof sanitizeSvg>[0];
    const out = sanitizeSvg(svg, "Test");
    noInlineStyle(out);
    expect(out).toContain('fill="red"');
    expect(out).toContain('font-size="12px"');
    expect(out).toContain('stroke="#000"');
    expect(out).not.toContain("position");
    expect(out).not.toContain("onclick");
  });
});
