// Checks of a 01b sheet (REFORM.md §5 "Checks to ship"): each rule a stable code, run on the computed
// sheet before a report is produced, and on a value typed in by hand before it is stored. Seed 001 breaks
// several of them (45 + 5 + 269 + 179 ≠ 494; 3.2.6 = 494 procedures out of 207; a value on group row 4.1).
import { SHEET_ROWS, type SheetRowDef, sheetRow } from "./rows.ts";

export const SHEET_RULE_CODES = [
  "not-a-value", // a count must be a non-negative integer, a percentage a number
  "rate-out-of-range", // a percentage lies in 0–100
  "not-a-choice", // a coded answer is one of the row's codes (0/1, 0/1/2)
  "group-row-has-value", // a group row (1, 1.1, 4.1, …) holds no value
  "parts-do-not-sum", // the "Trong đó" lines sum to their total (3.3.1, 3.3.2)
  "part-exceeds-whole", // done ≤ planned, resolved ≤ found, … (PART_OF)
  "exceeds-catalogue", // a count of procedures never exceeds the procedures in force (3.1.3)
] as const;
export type SheetRuleCode = (typeof SHEET_RULE_CODES)[number];

export interface SheetViolation {
  code: SheetRuleCode;
  /** The row codes involved, the checked row first. */
  rows: string[];
  expected: string;
  found: unknown;
}

type Values = ReadonlyMap<string, number | null>;

/** Rows whose sum must equal a total, when every term is present. */
const SUMS: readonly [string, readonly string[]][] = [
  ["3.3.1", ["3.3.1.direct", "3.3.1.postal", "3.3.1.onlinePartial", "3.3.1.onlineFull"]],
  ["3.3.2", ["3.3.2.direct", "3.3.2.postal", "3.3.2.onlinePartial", "3.3.2.onlineFull"]],
];

/** [parts, whole]: the parts together never exceed the whole. */
const PART_OF: readonly [readonly string[], string][] = [
  [["1.1.2"], "1.1.1"],
  [["1.2.3"], "1.2.2"],
  [["1.3.2", "1.3.3"], "1.3.1"],
  [["2.5"], "2.4"],
  [["3.3.3"], "3.3.2"],
  [["3.3.4"], "3.3.2"],
  [["4.1.3"], "4.1.1"],
  [["3.2.2"], "3.1.3"],
  [["3.2.3"], "3.1.3"],
];

/** Rows counting procedures, each at most the procedures in force. */
const PROCEDURE_COUNTS = ["3.1.1", "3.2.1", "3.2.6", "3.4.3", "7.5.1", "7.5.2"];
const CATALOGUE_TOTAL = "3.1.3";

/** Checks one value against its row (kind, range, choices, group). */
export function checkValue(def: SheetRowDef, value: unknown): SheetViolation[] {
  if (value === null || value === undefined) return [];
  const v = (code: SheetRuleCode, expected: string): SheetViolation[] => [
    { code, rows: [def.code], expected, found: value },
  ];
  if (def.group) return v("group-row-has-value", "no value on a group row");
  if (typeof value !== "number" || !Number.isFinite(value)) return v("not-a-value", "a number");
  switch (def.kind) {
    case "count":
      return Number.isInteger(value) && value >= 0 ? [] : v("not-a-value", "a non-negative integer");
    case "percent":
      return value >= 0 && value <= 100 ? [] : v("rate-out-of-range", "a percentage from 0 to 100");
    case "choice": {
      const choices = def.choices ?? [];
      return choices.includes(value) ? [] : v("not-a-choice", `one of ${choices.join(", ")}`);
    }
  }
}

function present(values: Values, code: string): number | undefined {
  const value = values.get(code);
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function relationViolations(values: Values): SheetViolation[] {
  const found: SheetViolation[] = [];
  for (const [total, parts] of SUMS) {
    const whole = present(values, total);
    const terms = parts.map((p) => present(values, p));
    if (whole === undefined || terms.some((t) => t === undefined)) continue;
    const sum = (terms as number[]).reduce((a, b) => a + b, 0);
    if (sum !== whole) {
      found.push({ code: "parts-do-not-sum", rows: [total, ...parts], expected: `${whole}`, found: sum });
    }
  }
  for (const [parts, whole] of PART_OF) {
    const w = present(values, whole);
    const terms = parts.map((p) => present(values, p));
    if (w === undefined || terms.some((t) => t === undefined)) continue;
    const sum = (terms as number[]).reduce((a, b) => a + b, 0);
    if (sum > w) found.push({ code: "part-exceeds-whole", rows: [...parts, whole], expected: `≤ ${w}`, found: sum });
  }
  const inForce = present(values, CATALOGUE_TOTAL);
  if (inForce !== undefined) {
    for (const code of PROCEDURE_COUNTS) {
      const n = present(values, code);
      if (n !== undefined && n > inForce) {
        found.push({ code: "exceeds-catalogue", rows: [code, CATALOGUE_TOTAL], expected: `≤ ${inForce}`, found: n });
      }
    }
  }
  return found;
}

/** Every violation of a sheet (rows given as code → value). Unknown codes are ignored. */
export function checkSheetValues(values: Values): SheetViolation[] {
  const found: SheetViolation[] = [];
  for (const def of SHEET_ROWS) found.push(...checkValue(def, values.get(def.code)));
  return [...found, ...relationViolations(values)];
}

/** The checks of a sheet document. */
export function checkSheet(sheet: { rows: readonly { code: string; value: number | null }[] }): SheetViolation[] {
  return checkSheetValues(new Map(sheet.rows.map((r) => [r.code, r.value])));
}

/** Checks a value typed in for `code` with the other values of the sheet it would join. */
export function checkManualValue(code: string, value: number, others: Values): SheetViolation[] {
  const def = sheetRow(code);
  if (!def) return [];
  const own = checkValue(def, value);
  if (own.length) return own;
  const merged = new Map(others);
  merged.set(code, value);
  return relationViolations(merged).filter((v) => v.rows.includes(code));
}

/** One line per violation, as `motcua` prints it: code, rows, expected, found. */
export function formatSheetViolation(v: SheetViolation): string {
  return `${v.code}: ${v.rows.join(", ")} — expected ${v.expected}, found ${JSON.stringify(v.found)}`;
}
