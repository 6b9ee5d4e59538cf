// The results report as the CLI and the API serve it: computed in SQL (reports-results.ts) for a unit and
// its subtree, joined by the results typed in by hand for units and periods motcua holds no dossiers for.
// A manual document counts when its period lies inside the report's: its flows (received, finished,
// withdrawn, stopped, refused) add up; of a run of consecutive documents of one unit (they chain: checked at
// submission), the first gives the carried-over stock and the last the open stock. Rows touched by manual
// figures carry `manual: true`; documents that overlap the period without lying inside it are named in
// `manualExcluded` (a figure cannot be split by day), never silently left out.
import type { Kysely } from "kysely";
import { compareVietnamese, type Grouping } from "../../figures/grouping.ts";
import { nextDate, type Period } from "../../figures/period.ts";
import {
  isAllZero,
  type MarkedDocument,
  type ResultsDocument,
  type ResultsRow,
  TOTAL_KEY,
} from "../../figures/results.ts";
import { assertIdentity, RESULT_FIELDS, type ResultField, zeroCounts } from "../../figures/results-fields.ts";
import type { Database } from "../schema.ts";
import { type ManualDocument, manualDocumentsIn } from "./reports-manual.ts";
import { sqlResultsReport } from "./reports-results.ts";
import type { UnitDirectory } from "./units.ts";

export type ReportRow = ResultsRow & { manual?: true };

/** The computed document, with the rows manual figures touched marked and the manual documents named. */
export interface ResultsReport extends MarkedDocument {
  rows: ReportRow[];
  total: ReportRow;
}

export class UnknownUnitError extends Error {
  override name = "UnknownUnitError";
  readonly code = "unknown-unit";
}

export interface ReportQuery extends Period {
  unit?: string | null;
  by?: Grouping;
}

/** The unit and everything below it, or undefined for every unit; throws UnknownUnitError. */
export function unitScope(units: UnitDirectory, unit: string | null | undefined): string[] | undefined {
  if (unit === null || unit === undefined) return undefined;
  if (!units.find(unit)) throw new UnknownUnitError(`Không có đơn vị ${unit}`);
  return units.subtree(unit);
}

export async function resultsReport(
  db: Kysely<Database>,
  units: UnitDirectory,
  query: ReportQuery,
): Promise<ResultsReport> {
  const by = query.by ?? "field";
  const unitCodes = unitScope(units, query.unit);
  const computed = await sqlResultsReport(db, { ...query, unit: query.unit ?? null, unitCodes, by });
  const { inside, straddling } = await manualDocumentsIn(db, query, unitCodes);
  const report: ResultsReport = inside.length ? withManual(computed, inside, by) : computed;
  return straddling.length ? { ...report, manualExcluded: straddling } : report;
}

const STOCK_START: readonly ResultField[] = ["carriedOver"];
const STOCK_END: readonly ResultField[] = ["openWithinDeadline", "openOverdue"];

/** The row key a manual row lands in, for the report's grouping. */
function manualKey(doc: ManualDocument, row: ResultsRow, by: Grouping): string {
  if (by === "unit") return doc.unit;
  if (doc.by === by) return row.key;
  return `${doc.unit} (số liệu nhập tay)`;
}

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
