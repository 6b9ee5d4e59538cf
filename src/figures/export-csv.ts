// CSV of the results report (CONTRACTS.md §3): header row of the JSON field names, UTF-8 with BOM (so Excel
// reads Vietnamese), total row last, CRLF line ends.
import type { ResultsDocument, ResultsRow } from "./results.ts";
import { RESULT_FIELDS } from "./results-fields.ts";

const BOM = "\uFEFF";
const HEADER = ["key", ...RESULT_FIELDS] as const;

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(row: ResultsRow): string {
  return HEADER.map((field) => cell(row[field])).join(",");
}

export function resultsToCsv(document: ResultsDocument): string {
  const lines = [HEADER.join(","), ...document.rows.map(line), line(document.total)];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
