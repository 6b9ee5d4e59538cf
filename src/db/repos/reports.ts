// The results report as the CLI and the API serve it: computed in SQL (reports-results.ts) for a unit and
// its subtree, joined by the results typed in by hand for units and periods motcua holds no dossiers for
// (the rule: figures/manual.ts withManual). Manual documents that overlap the period without lying inside it
// are named in `manualExcluded` (a figure cannot be split by day), never silently left out.
import type { Kysely } from "kysely";
import type { Grouping } from "../../figures/grouping.ts";
import { type ResultsReport, withManual } from "../../figures/manual.ts";
import type { Period } from "../../figures/period.ts";
import type { Database } from "../schema.ts";
import { manualDocumentsIn } from "./reports-manual.ts";
import { sqlResultsReport } from "./reports-results.ts";
import { provincesOfUnits } from "./unit-scope.ts";
import type { UnitDirectory } from "./units.ts";

export type { ReportRow, ResultsReport } from "../../figures/manual.ts";

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
  const scope = unitCodes ? { unitCodes, provinces: provincesOfUnits(units, unitCodes) } : {};
  const computed = await sqlResultsReport(db, { ...query, unit: query.unit ?? null, ...scope, by });
  const { inside, straddling } = await manualDocumentsIn(db, query, scope);
  const report: ResultsReport = inside.length ? withManual(computed, inside, by) : computed;
  return straddling.length ? { ...report, manualExcluded: straddling } : report;
}
