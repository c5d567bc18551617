import type { ReportTable } from "./report.js";

/** Semicolon: what Excel expects in Swedish; the BOM makes it read UTF-8 (å, ä, ö). */
const SEPARATOR = ";";
const BOM = "\uFEFF";

function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A report table as CSV for a spreadsheet: header row of labels, CRLF line ends. */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => cell(c.label)).join(SEPARATOR)];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(row[c.key] ?? null)).join(SEPARATOR));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
