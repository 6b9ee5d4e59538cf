// The 01b sheet of a unit's subtree for a period, from the database: dossier rows from the results report
// (the same SQL, unit subtree and period bounds as `motcua report results`; the per-channel 3.3.2 lines the
// same SQL filtered on the channel), 3.5 from the `extended` events with an apology, catalogue rows from the
// versions in force, the rest from the reform records (loadRecordFigures) or hand entries. Returns the results
// report too: the periodic report states its figures and attaches it.
import { type Kysely, sql } from "kysely";
import { CHANNELS, type Channel } from "../../../dossier/record.ts";
import type { Period } from "../../../figures/period.ts";
import type { ResultCounts } from "../../../figures/results-fields.ts";
import type { ProceduresByLevel } from "../../../reform/report/appendix-specs.ts";
import {
  catalogueRowValues,
  type DossierFigures,
  dossierRowValues,
  inForceByLevel,
} from "../../../reform/sheet/figures.ts";
import { assembleSheet, type SheetDocument } from "../../../reform/sheet/sheet.ts";
import type { Database } from "../../schema.ts";
import { competentLevelsOf } from "../reports-records.ts";
import { type ResultsReport, resultsReport, unitScope } from "../reports.ts";
import { boundsSql, sqlResultsReport } from "../reports-results.ts";
import type { UnitDirectory } from "../units.ts";
import { loadRecordAppendices } from "../reform/appendices.ts";
import { catalogueVersions } from "./catalogue.ts";
import { manualEntries } from "./manual.ts";
import { loadRecords } from "./records.ts";

export interface SheetQuery extends Period {
  unit: string;
}

export interface ComputedSheet {
  sheet: SheetDocument;
  /** Procedures in force at the period's end by competent level (the report's Phụ lục 2). */
  procedures: ProceduresByLevel;
  /** The results report by field the dossier rows were read from (the report's Phụ lục "kết quả"). */
  results: ResultsReport;
  figures: DossierFigures;
}

/** `extended` events with `apology: true` whose `at` is in [start, end), of dossiers received in the subtree. */
export async function apologiesIn(db: Kysely<Database>, query: Period & { unitCodes: readonly string[] }) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
    from dossier_events e
    join dossiers d on d.province_code = e.province_code and d.code = e.dossier_code
    cross join ${boundsSql(query)} b
    where d.unit_code = any(${[...query.unitCodes]}::text[])
      and e.type = 'extended' and (e.payload ->> 'apology') = 'true'
      and e.at >= b.s and e.at < b.e`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The dossier figures of the sheet: the results report by field, per channel, and the apologies. */
export async function dossierFigures(
  db: Kysely<Database>,
  units: UnitDirectory,
  query: SheetQuery,
): Promise<{ results: ResultsReport; figures: DossierFigures }> {
  const unitCodes = unitScope(units, query.unit)!;
  const results = await resultsReport(db, units, { from: query.from, to: query.to, unit: query.unit, by: "field" });
  let byChannel: Record<Channel, ResultCounts> | null = null;
  if (!results.manual?.length) {
    const entries = await Promise.all(
      CHANNELS.map(async (channel) => {
        const doc = await sqlResultsReport(db, { ...query, unitCodes, channel, by: "field" });
        return [channel, doc.total] as const;
      }),
    );
    byChannel = Object.fromEntries(entries) as unknown as Record<Channel, ResultCounts>;
  }
  const apologies = await apologiesIn(db, { ...query, unitCodes });
  return { results, figures: { total: results.total, byField: results.rows, byChannel, apologies } };
}

/** The sheet of `query.unit`'s subtree; throws UnknownUnitError for an unknown unit. */
export async function computeSheet(
  db: Kysely<Database>,
  units: UnitDirectory,
  query: SheetQuery,
): Promise<ComputedSheet> {
  const { results, figures } = await dossierFigures(db, units, query);
  const levels = competentLevelsOf(units, unitScope(units, query.unit)!);
  const versions = await catalogueVersions(db, { to: query.to, levels });
  const records = await loadRecords(db, query);
  const manual = Object.fromEntries((await manualEntries(db, query)).map((e) => [e.code, e.value] as const));
  const sheet = assembleSheet({
    unit: query.unit,
    from: query.from,
    to: query.to,
    dossiers: dossierRowValues(figures),
    catalogue: catalogueRowValues(versions, query),
    records,
    manual,
  });
  return { sheet, results, figures, procedures: inForceByLevel(versions, query.to) };
}

/**
 * Everything a periodic report draws on, read once: the sheet, the results by field, the procedures by level,
 * and Phụ lục 1, 3 and 5 from the reform records (loadRecordAppendices).
 */
export async function reportInputs(db: Kysely<Database>, units: UnitDirectory, query: SheetQuery) {
  const { sheet, results, procedures } = await computeSheet(db, units, query);
  const records = await loadRecordAppendices(db, query);
  return {
    sheet,
    results,
    procedures,
    records: { appendix1: records.appendix1, appendix3: records.appendix3, appendix5: records.appendix5 },
  };
}
