// CSV of the results report (CONTRACTS.md §3): UTF-8 with BOM (so Excel reads Vietnamese), CRLF line ends,
// total row last. The header row carries the Vietnamese labels in the order the screen shows the columns
// (results-labels.ts) and the total row is "Tổng cộng"; `keys: true` writes the JSON field names in document
// order and "total" instead, for programs. A report that includes figures typed in by hand has one more
// column (1 on the rows those figures touch). Cells that a spreadsheet would read as a formula are
// neutralised (src/catalog/csv.ts, `neutraliseCell`).
import { stringifyCsv } from "../catalog/csv.ts";
import type { MarkedDocument, MarkedRow } from "./results.ts";
import { RESULT_FIELDS, type ResultField } from "./results-fields.ts";
import { KEY_COLUMN_LABELS, labelOf, MANUAL_LABEL, screenOrder, TOTAL_LABEL } from "./results-labels.ts";

export interface ResultsCsvOptions {
  /** JSON field names (and "total") instead of the Vietnamese labels, in the JSON document's order. */
  keys?: boolean;
}

export function resultsToCsv(document: MarkedDocument, options: ResultsCsvOptions = {}): string {
  const keys = options.keys === true;
  const marked = Boolean(document.total.manual);
  const fields: readonly ResultField[] = keys ? RESULT_FIELDS : screenOrder();
  const header = [
    keys ? "key" : (KEY_COLUMN_LABELS[document.by] ?? KEY_COLUMN_LABELS.field),
    ...fields.map((f) => (keys ? f : labelOf(f))),
    ...(marked ? [keys ? "manual" : MANUAL_LABEL] : []),
  ];
  const line = (row: MarkedRow, key: string) => [
    key,
    ...fields.map((f) => String(row[f])),
    ...(marked ? [row.manual ? "1" : ""] : []),
  ];
  return stringifyCsv(
    [
      header,
      ...document.rows.map((r) => line(r, r.key)),
      line(document.total, keys ? document.total.key : TOTAL_LABEL),
    ],
    { bom: true },
  );
}
