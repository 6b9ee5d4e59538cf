// The statistics sheet document (CONTRACTS.md §6): one row per 01b line in seed 001's order, each value
// computed (dossiers, catalogue), taken from the reform records, or entered by hand where nothing is
// recorded. Pure assembly; the database side is src/db/repos/reform-report/sheet.ts.
import { SHEET_ROWS, type SheetRowDef, type SheetSource } from "./rows.ts";

export interface SheetRow {
  code: string;
  label: string;
  unitOfMeasure: string;
  value: number | null;
  source: SheetSource;
}

export interface SheetDocument {
  sheet: "01b";
  unit: string;
  from: string;
  to: string;
  rows: SheetRow[];
}

export interface SheetInputs {
  unit: string;
  from: string;
  to: string;
  /** Values computed from the dossier log, keyed by code (null: cannot be computed). */
  dossiers: Record<string, number | null>;
  /** Values computed from the catalogue in force. */
  catalogue: Record<string, number>;
  /** Values the reform records hold (only codes with something recorded). */
  records: Record<string, number>;
  /** Values entered by hand for the unit and period. */
  manual: Record<string, number>;
}

/**
 * The row's value and source. Computed rows take their computation only (a hand entry never overrides them:
 * db refuses to store one). Other rows: the records' value; else the hand entry, marked `manual`; else null.
 */
function rowValue(def: SheetRowDef, inputs: SheetInputs): { value: number | null; source: SheetSource } {
  if (def.group) return { value: null, source: def.source };
  if (def.source === "dossiers") return { value: inputs.dossiers[def.code] ?? null, source: "dossiers" };
  if (def.source === "catalogue") return { value: inputs.catalogue[def.code] ?? null, source: "catalogue" };
  const recorded = inputs.records[def.code];
  if (recorded !== undefined) return { value: recorded, source: "records" };
  const manual = inputs.manual[def.code];
  if (manual !== undefined) return { value: manual, source: "manual" };
  return { value: null, source: def.source };
}

export function assembleSheet(inputs: SheetInputs): SheetDocument {
  return {
    sheet: "01b",
    unit: inputs.unit,
    from: inputs.from,
    to: inputs.to,
    rows: SHEET_ROWS.map((def) => ({
      code: def.code,
      label: def.label,
      unitOfMeasure: def.unitOfMeasure,
      ...rowValue(def, inputs),
    })),
  };
}

/** The value of a code in a sheet (null when absent or not recorded). */
export function sheetValue(sheet: SheetDocument, code: string): number | null {
  return sheet.rows.find((r) => r.code === code)?.value ?? null;
}
