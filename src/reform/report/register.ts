// The register of periodic reports (REFORM.md §3 "Provincial deadlines", §5 "Aggregation"): each report's due
// date, whether it is late, and the roll-up of the 01b rows a unit's reporting units submitted. Pure.
// The due date: BNV 581/BNV-CCHC has reports cut on the 14th due on the 20th of the period's last month, that
// is six days after the period's last day; provinces set earlier dates (Bà Rịa–Vũng Tàu: before the 5th), so
// the offset is a parameter. [U: 581's date and a national rule for communes were not found.]
import { nextDate } from "../../figures/period.ts";
import { SHEET_ROWS } from "../sheet/rows.ts";
import type { SheetDocument, SheetRow } from "../sheet/sheet.ts";

export const DEFAULT_DUE_AFTER_DAYS = 6;

export type ReportStatus = "missing" | "issued" | "submitted" | "returned";

/** The local date a report for the period is due. */
export function dueDate(period: { to: string }, afterDays = DEFAULT_DUE_AFTER_DAYS): string {
  let date = period.to;
  for (let i = 0; i < afterDays; i++) date = nextDate(date);
  return date;
}

/** Late: submitted after its due date, or not submitted and the due date has passed (`today` local date). */
export function isLate(due: string, status: ReportStatus, submittedOn: string | null, today: string): boolean {
  if (status === "submitted" && submittedOn) return submittedOn > due;
  return today > due;
}

export interface RollUp {
  sheet: SheetDocument;
  /** Reporting units whose figures are summed, and those with no issued report for the period. */
  included: string[];
  missing: string[];
}

/**
 * Sums the count rows of the units' sheets (a province over its communes: seed 002 is a district summing its
 * communes). Percentages and coded answers do not add up: null in the roll-up. A row no unit has a value for
 * stays null. Source: the computed rows keep theirs; the rest are `records` (the units' reports).
 */
export function rollUpSheets(
  unit: string,
  period: { from: string; to: string },
  sheets: readonly { unit: string; sheet: SheetDocument | null }[],
): RollUp {
  const present = sheets.filter((s) => s.sheet !== null) as { unit: string; sheet: SheetDocument }[];
  const rows: SheetRow[] = SHEET_ROWS.map((def) => {
    const row: SheetRow = {
      code: def.code,
      label: def.label,
      unitOfMeasure: def.unitOfMeasure,
      value: null,
      source: def.source,
    };
    if (def.group || def.kind !== "count") return row;
    for (const { sheet } of present) {
      const value = sheet.rows.find((r) => r.code === def.code)?.value;
      if (typeof value === "number") row.value = (row.value ?? 0) + value;
    }
    return row;
  });
  return {
    sheet: { sheet: "01b", unit, from: period.from, to: period.to, rows },
    included: present.map((s) => s.unit),
    missing: sheets.filter((s) => s.sheet === null).map((s) => s.unit),
  };
}
