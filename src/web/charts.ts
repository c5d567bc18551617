import type * as PlotModule from "@observablehq/plot";
import type { parseHTML as ParseHtml } from "linkedom";
import type { Bar, ChartSpec, HeatCell, Span } from "../domain/report.js";

// Observable Plot and linkedom are loaded by loadCharts(), not at start: they take a good part of a
// second to load, and only the report and timeline pages draw charts.
let libraries: { Plot: typeof PlotModule; parseHTML: typeof ParseHtml } | undefined;

/** Loads the chart libraries once; a route awaits it before it renders a page with charts. */
export async function loadCharts(): Promise<void> {
  if (libraries) return;
  const [Plot, linkedom] = await Promise.all([import("@observablehq/plot"), import("linkedom")]);
  libraries ??= { Plot, parseHTML: linkedom.parseHTML };
}

function chartLibraries(): NonNullable<typeof libraries> {
  if (!libraries) throw new Error("loadCharts() must finish before a chart is drawn");
  return libraries;
}

// Charts are drawn on the server with Observable Plot into a linkedom document and sent as SVG.
// The CSP allows no inline styles, so Plot's <style> element and style attributes are removed:
// what they set is either a presentation attribute (kept as one) or in style.css (.chart-svg).

/** Properties that SVG also accepts as attributes, so a style declaration can become one. */
const PRESENTATION = new Set([
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-variant",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "shape-rendering",
]);

type Node = {
  tagName?: string;
  childNodes: Node[];
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  remove(): void;
  textContent: string | null;
  outerHTML: string;
};

function walk(node: Node, visit: (n: Node) => void): void {
  for (const child of [...node.childNodes]) {
    if (child.tagName) {
      visit(child);
      walk(child, visit);
    }
  }
}

/** Removes <style> elements and style attributes (kept as presentation attributes where SVG has them). */
export function sanitizeSvg(svg: Node, label: string): string {
  const toRemove: Node[] = [];
  walk(svg, (n) => {
    const tag = n.tagName?.toLowerCase();
    if (tag === "style" || tag === "script" || tag === "foreignobject") toRemove.push(n);
    // Plot's warning marker (⚠️ with a title) is for notebooks, not for readers.
    if (tag === "text" && (n.textContent ?? "").startsWith("⚠")) toRemove.push(n);
  });
  for (const n of toRemove) n.remove();
  const fix = (n: Node) => {
    const style = n.getAttribute("style");
    if (style !== null) {
      for (const declaration of style.split(";")) {
        const [prop, ...rest] = declaration.split(":");
        const name = prop?.trim().toLowerCase() ?? "";
        const value = rest.join(":").trim();
        if (PRESENTATION.has(name) && value && !n.hasAttribute(name)) n.setAttribute(name, value);
      }
      n.removeAttribute("style");
    }
    for (const attr of ["onload", "onclick", "onerror"]) n.removeAttribute(attr);
  };
  fix(svg);
  walk(svg, (n) => {
    fix(n);
    // The chart is one image (role="img" with its own name): names on its parts are not allowed.
    n.removeAttribute("aria-label");
    n.removeAttribute("aria-description");
  });
  svg.setAttribute("class", "chart-svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.removeAttribute("height");
  return svg.outerHTML;
}

/** Colours of bar series, in order; the page's legend uses the same (.swatch-N in style.css). */
export const SERIES_COLOURS = ["#0b5c54", "#a3231b", "#0a4f8a", "#8a4b00"];

function plot(options: PlotModule.PlotOptions, label: string): string {
  const { Plot, parseHTML } = chartLibraries();
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Node;
  svg.setAttribute("font-size", "13");
  return sanitizeSvg(svg, label);
}

/** A heatmap (rows × columns, darker is more) with each cell's text on it. */
export function heatmapSvg(opts: {
  cells: HeatCell[];
  rows: string[];
  columns: string[];
  label: string;
  max?: number;
}): string {
  const { Plot } = chartLibraries();
  const max = opts.max ?? Math.max(1, ...opts.cells.map((c) => c.value));
  const longest = Math.max(4, ...opts.rows.map((r) => r.length));
  const marginLeft = Math.min(300, 16 + longest * 8);
  return plot(
    {
      width: Math.max(480, marginLeft + 20 + opts.columns.length * 84),
      height: 44 + opts.rows.length * 32,
      marginLeft,
      marginTop: 28,
      x: { domain: opts.columns, axis: "top", label: null, type: "band" },
      y: { domain: opts.rows, label: null, type: "band" },
      color: { type: "linear", domain: [0, max], range: ["#eef5f4", "#0b5c54"] },
      marks: [
        Plot.cell(opts.cells, { x: "column", y: "row", fill: "value", inset: 1 }),
        Plot.text(opts.cells, {
          x: "column",
          y: "row",
          text: "text",
          fill: (c: HeatCell) => (c.value / max > 0.55 ? "#ffffff" : "#1c2526"),
        }),
      ],
    },
    opts.label,
  );
}

/** Bars per category, several series stacked; horizontal when the category names are long. */
export function barsSvg(opts: { bars: Bar[]; categories: string[]; series: string[]; label: string; yLabel: string }) {
  const { Plot } = chartLibraries();
  const colours = SERIES_COLOURS;
  const totals = new Map<string, number>();
  for (const b of opts.bars) totals.set(b.category, (totals.get(b.category) ?? 0) + b.value);
  const ticks = Math.min(5, Math.max(1, ...totals.values()));
  const color = { domain: opts.series, range: colours.slice(0, opts.series.length) };
  const longest = Math.max(...opts.categories.map((c) => c.length));
  if (longest > 8) {
    const marginLeft = Math.min(320, 16 + longest * 8);
    return plot(
      {
        width: Math.max(560, marginLeft + 360),
        height: 60 + opts.categories.length * 36,
        marginLeft,
        y: { domain: opts.categories, label: null, type: "band", padding: 0.2 },
        x: { label: null, grid: true, nice: true, ticks, tickFormat: "d" },
        color,
        marks: [Plot.barX(opts.bars, { y: "category", x: "value", fill: "series" }), Plot.ruleX([0])],
      },
      opts.label,
    );
  }
  return plot(
    {
      width: Math.max(480, 80 + opts.categories.length * 72),
      height: 300,
      marginBottom: 40,
      x: { domain: opts.categories, label: null, type: "band", padding: 0.2 },
      y: { label: opts.yLabel, grid: true, nice: true, ticks, tickFormat: "d" },
      color,
      marks: [Plot.barY(opts.bars, { x: "category", y: "value", fill: "series" }), Plot.ruleY([0])],
    },
    opts.label,
  );
}

/** Spans of time per row, e.g. who held the chair when. */
export function spansSvg(opts: { spans: Span[]; rows: string[]; label: string; from: string; to: string }) {
  const { Plot } = chartLibraries();
  const longest = Math.max(4, ...opts.rows.map((r) => r.length));
  const marginLeft = Math.min(300, 16 + longest * 8);
  const day = (s: string) => new Date(`${s}T12:00:00Z`);
  const data = opts.spans.map((s) => ({ ...s, x1: day(s.from), x2: day([s.from, s.to].sort()[1] ?? s.from) }));
  return plot(
    {
      width: 760,
      height: 56 + opts.rows.length * 30,
      marginLeft,
      x: {
        type: "utc",
        domain: [day(opts.from), day(opts.to)],
        label: null,
        grid: true,
        ticks: "year",
        tickFormat: "%Y",
      },
      y: { domain: opts.rows, label: null, type: "band" },
      marks: [
        Plot.barX(data, { x1: "x1", x2: "x2", y: "row", fill: "#0b5c54", insetTop: 4, insetBottom: 4 }),
        Plot.tickX(data, { x: "x1", y: "row", stroke: "#073f3a", strokeWidth: 2 }),
      ],
    },
    opts.label,
  );
}

/** Draws a report's chart as sanitised SVG markup. */
export function renderChart(spec: ChartSpec): string {
  switch (spec.type) {
    case "heatmap":
      return heatmapSvg({
        cells: spec.cells,
        rows: spec.rows,
        columns: spec.columns,
        label: spec.label,
        ...(spec.max !== undefined ? { max: spec.max } : {}),
      });
    case "bars":
      return barsSvg({
        bars: spec.bars,
        categories: spec.categories,
        series: spec.series,
        label: spec.label,
        yLabel: spec.yLabel,
      });
    case "spans":
      return spansSvg({ spans: spec.spans, rows: spec.rows, label: spec.label, from: spec.from, to: spec.to });
  }
}
