// The results report (báo cáo kết quả giải quyết TTHC, CONTRACTS.md §3) as a pure fold over dossiers,
// keeping for every cell the codes of the dossiers it counts (drill-down).
import type { DossierRecord } from "../dossier/record.ts";
import { classifyDossier } from "./classify.ts";
import { compareVietnamese, type Grouping, rowKeyOf } from "./grouping.ts";
import { type Period, periodBounds } from "./period.ts";
import { assertIdentity, RESULT_FIELDS, type ResultCounts, type ResultField, zeroCounts } from "./results-fields.ts";

/** Which receiving units are in scope: a predicate or a set of codes (the unit and everything below it). */
export type UnitScope = ((unitCode: string) => boolean) | ReadonlySet<string>;

export interface ResultsQuery extends Period {
  /** The unit the report is for (null: every unit); `scope` says which receiving units that covers. */
  unit?: string | null;
  scope?: UnitScope;
  by?: Grouping;
}

export type ResultsRow = { key: string } & ResultCounts;

export interface ResultsDocument {
  report: "results";
  unit: string | null;
  from: string;
  to: string;
  by: Grouping;
  rows: ResultsRow[];
  total: ResultsRow;
}

export const TOTAL_KEY = "total";

/** A row that figures typed in by hand touched carries `manual` (db/repos/reports.ts joins them in). */
export type MarkedRow = ResultsRow & { manual?: boolean };

export interface MarkedDocument extends Omit<ResultsDocument, "rows" | "total"> {
  rows: readonly MarkedRow[];
  total: MarkedRow;
  /** The manual documents included, and those overlapping the period without lying inside it. */
  manual?: readonly { unit: string; from: string; to: string }[];
  manualExcluded?: readonly { unit: string; from: string; to: string }[];
}

export interface ResultsWithDrillDown {
  document: ResultsDocument;
  /** Codes of the dossiers a cell counts, in input order; row key "total" for the total row. */
  dossiersIn(rowKey: string, field: ResultField): string[];
}

export function inScope(scope: UnitScope | undefined, unitCode: string): boolean {
  if (scope === undefined) return true;
  return typeof scope === "function" ? scope(unitCode) : scope.has(unitCode);
}

type Cells = Map<string, Map<ResultField, string[]>>;

function addToCell(cells: Cells, key: string, field: ResultField, code: string): void {
  let row = cells.get(key);
  if (!row) {
    row = new Map();
    cells.set(key, row);
  }
  const codes = row.get(field);
  if (codes) codes.push(code);
  else row.set(field, [code]);
}

/** Folds the dossiers into the results document and its drill-down. */
export function computeResults(dossiers: Iterable<DossierRecord>, query: ResultsQuery): ResultsWithDrillDown {
  const by = query.by ?? "field";
  const bounds = periodBounds(query);
  const cells: Cells = new Map();
  const totals: Cells = new Map();
  for (const dossier of dossiers) {
    if (!inScope(query.scope, dossier.unit.code)) continue;
    const fields = classifyDossier(dossier, bounds);
    if (fields.length === 0) continue;
    const key = rowKeyOf(dossier, by);
    for (const field of fields) {
      addToCell(cells, key, field, dossier.code);
      addToCell(totals, TOTAL_KEY, field, dossier.code);
    }
  }
  const document = toDocument(cells, totals, query, by);
  return {
    document,
    dossiersIn: (rowKey, field) => [...((rowKey === TOTAL_KEY ? totals : cells).get(rowKey)?.get(field) ?? [])],
  };
}

/** The results document alone. */
export function resultsReport(dossiers: Iterable<DossierRecord>, query: ResultsQuery): ResultsDocument {
  return computeResults(dossiers, query).document;
}

function rowOf(key: string, cells: Map<ResultField, string[]> | undefined): ResultsRow {
  const counts = zeroCounts();
  for (const field of RESULT_FIELDS) counts[field] = cells?.get(field)?.length ?? 0;
  return { key, ...counts };
}

function toDocument(cells: Cells, totals: Cells, query: ResultsQuery, by: Grouping): ResultsDocument {
  const keys = [...cells.keys()].sort(compareVietnamese);
  const rows = keys.map((k) => rowOf(k, cells.get(k))).filter((row) => !isAllZero(row));
  const total = rowOf(TOTAL_KEY, totals.get(TOTAL_KEY));
  assertIdentity([...rows, total]);
  return { report: "results", unit: query.unit ?? null, from: query.from, to: query.to, by, rows, total };
}

export function isAllZero(row: ResultCounts): boolean {
  return RESULT_FIELDS.every((f) => row[f] === 0);
}

/** Adds result rows field by field (aggregation up the unit tree: a province sums its communes). */
export function sumRows(key: string, rows: Iterable<ResultCounts>): ResultsRow {
  const total = zeroCounts();
  for (const row of rows) for (const field of RESULT_FIELDS) total[field] += row[field];
  return { key, ...total };
}
