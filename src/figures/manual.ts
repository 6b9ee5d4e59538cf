// Results typed in by hand (số liệu nhập tay, CONTRACTS.md §4) joined to a computed results document. A manual
// document counts when its period lies inside the report's: its flows (received, finished, withdrawn, stopped,
// refused) add up; of a run of consecutive documents of one unit (they chain: checked at submission,
// db/repos/reports-manual.ts), the first gives the carried-over stock and the last the open stock. Rows touched
// by manual figures carry `manual: true`. Pure: the database reads the documents (db/repos/reports.ts).
import { compareVietnamese, type Grouping } from "./grouping.ts";
import { nextDate } from "./period.ts";
import { isAllZero, type MarkedDocument, type ResultsDocument, type ResultsRow, TOTAL_KEY } from "./results.ts";
import { assertIdentity, RESULT_FIELDS, type ResultField, zeroCounts } from "./results-fields.ts";

/** A results document typed in by hand for a unit and a period (the §4 shape, checked by check.ts). */
export interface ManualDocument {
  report: "results";
  unit: string;
  from: string;
  to: string;
  by: Grouping;
  rows: ResultsRow[];
  total: ResultsRow;
}

export type ReportRow = ResultsRow & { manual?: true };

/** The computed document, with the rows manual figures touched marked and the manual documents named. */
export interface ResultsReport extends MarkedDocument {
  rows: ReportRow[];
  total: ReportRow;
}

const STOCK_START: readonly ResultField[] = ["carriedOver"];
const STOCK_END: readonly ResultField[] = ["openWithinDeadline", "openOverdue"];

/** The row key a manual row lands in, for the report's grouping. */
function manualKey(doc: ManualDocument, row: ResultsRow, by: Grouping): string {
  if (by === "unit") return doc.unit;
  if (doc.by === by) return row.key;
  return `${doc.unit} (số liệu nhập tay)`;
}

/**
 * Adds the manual documents lying inside the period to the computed document. Rows keep the report's grouping
 * where the document has it (by unit: the document's unit; otherwise one row "<unit> (số liệu nhập tay)").
 * Throws if the sum breaks the identity carried over + received = finished + withdrawn + stopped + open.
 */
export function withManual(computed: ResultsDocument, docs: readonly ManualDocument[], by: Grouping): ResultsReport {
  const rows = new Map<string, ReportRow>(computed.rows.map((r) => [r.key, { ...r }]));
  const byUnit = new Map<string, ManualDocument[]>();
  for (const doc of docs) byUnit.set(doc.unit, [...(byUnit.get(doc.unit) ?? []), doc]);
  for (const list of byUnit.values()) {
    list.sort((a, b) => (a.from < b.from ? -1 : 1));
    list.forEach((doc, i) => {
      // a run of consecutive documents is one stock; a gap starts another run
      const startsRun = i === 0 || nextDate(list[i - 1]!.to) !== doc.from;
      const endsRun = i === list.length - 1 || nextDate(doc.to) !== list[i + 1]!.from;
      const fields = RESULT_FIELDS.filter(
        (f) => (!STOCK_START.includes(f) || startsRun) && (!STOCK_END.includes(f) || endsRun),
      );
      const parts = by === "unit" || doc.by !== by ? [doc.total] : doc.rows;
      for (const part of parts) {
        const key = manualKey(doc, part, by);
        const row = rows.get(key) ?? { key, ...zeroCounts() };
        for (const f of fields) row[f] += part[f];
        row.manual = true;
        rows.set(key, row);
      }
    });
  }
  const list = [...rows.values()].filter((r) => !isAllZero(r)).sort((a, b) => compareVietnamese(a.key, b.key));
  const total: ReportRow = { key: TOTAL_KEY, ...zeroCounts(), manual: true };
  for (const row of list) for (const f of RESULT_FIELDS) total[f] += row[f];
  assertIdentity([...list, total]);
  return {
    ...computed,
    rows: list,
    total,
    manual: docs.map((d) => ({ unit: d.unit, from: d.from, to: d.to })),
  };
}
