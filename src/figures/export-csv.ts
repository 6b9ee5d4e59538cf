// CSV of the results report (CONTRACTS.md §3): header row of the JSON field names, UTF-8 with BOM (so Excel
// reads Vietnamese), total row last, CRLF line ends. A report that includes figures typed in by hand has one
// more column, `manual` (1 on the rows those figures touch).
import type { MarkedDocument, MarkedRow } from "./results.ts";
import { RESULT_FIELDS } from "./results-fields.ts";

const BOM = "\uFEFF";
const HEADER = ["key", ...RESULT_FIELDS] as const;

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(row: MarkedRow, marked: boolean): string {
  const cells = HEADER.map((field) => cell(row[field]));
  return (marked ? [...cells, row.manual ? "1" : ""] : cells).join(",");
}

export function resultsToCsv(document: MarkedDocument): string {
  const marked = Boolean(document.total.manual);
  const header = marked ? [...HEADER, "manual"] : HEADER;
  const lines = [header.join(","), ...document.rows.map((r) => line(r, marked)), line(document.total, marked)];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
