// The reform records' figures for the 01b sheet: `loadRecordFigures(db, { unit, from, to })` of
// src/db/repos/reform/sheet-figures.ts (the reform records module), keyed by 01b code with only the codes
// something is recorded for. Values for computed or group rows are ignored: those are never overridden.
import type { Kysely } from "kysely";
import { isComputedRow, sheetRow } from "../../../reform/sheet/rows.ts";
import type { Database } from "../../schema.ts";
import { loadRecordFigures } from "../reform/sheet-figures.ts";

export async function loadRecords(
  db: Kysely<Database>,
  query: { unit: string; from: string; to: string },
): Promise<Record<string, number>> {
  const figures = await loadRecordFigures(db, { unit: query.unit, from: query.from, to: query.to });
  const kept: Record<string, number> = {};
  for (const [code, value] of Object.entries(figures)) {
    const def = sheetRow(code);
    if (def && !def.group && !isComputedRow(def) && typeof value === "number") kept[code] = value;
  }
  return kept;
}
