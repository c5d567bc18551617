// The shape every report has, so one page, one CSV writer and one JSON printer serve them all.

/** A column of a report table. */
export type ReportColumn = { key: string; label: string; numeric?: boolean };

/** A row: values by column key. */
export type ReportRow = Record<string, string | number | null>;

/** A table of a report; the first one is what the CSV download holds unless another is asked for. */
export type ReportTable = { id: string; caption: string; columns: ReportColumn[]; rows: ReportRow[] };

/** One cell of a heatmap: a row, a column, a value and the text shown in the cell. */
export type HeatCell = { row: string; column: string; value: number; text: string };

/** One bar: a category, a value and the series it belongs to (several series stack). */
export type Bar = { category: string; value: number; series: string };

/** One span of time on a row, e.g. who held the chair when. */
export type Span = { row: string; from: string; to: string; text: string };

/** What a chart shows; it is drawn on the server, and `tableId` names its table alternative. */
export type ChartSpec = { label: string; tableId: string } & (
  | { type: "heatmap"; rows: string[]; columns: string[]; cells: HeatCell[]; max?: number }
  | { type: "bars"; categories: string[]; series: string[]; bars: Bar[]; yLabel: string }
  | { type: "spans"; rows: string[]; spans: Span[]; from: string; to: string }
);

/** A finished report. */
export type Report = {
  name: string;
  title: string;
  description: string;
  /** sentences a person could paste into minutes ("Båstad ... har inte haft ordförandeskapet ...") */
  summary: string[];
  tables: ReportTable[];
  charts: ChartSpec[];
  /** data for --json: what the report is about, in plain values */
  data: unknown;
};

/** "Båstad, Landskrona, Svalöv och Klippan" */
export function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}

/** "83 %" for 0.83; "–" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)} %`;
}
