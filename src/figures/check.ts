// The checker of results documents (CONTRACTS.md §4): small rules, each with a stable code, run on a
// document typed in by hand or produced elsewhere. A figure is a field of FIGURE_FIELDS; other fields are ignored.
import { FIGURE_FIELDS, type FigureField } from "./results-fields.ts";

export const RULE_CODES = [
  "not-a-count",
  "part-exceeds-whole",
  "parts-do-not-sum",
  "identity",
  "total-is-not-sum",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Violation {
  code: RuleCode;
  /** The row key ("total" for the total row, "#<n>" for a row without a key). */
  row: string;
  fields: string[];
  expected: number | string;
  found: unknown;
}

/** A row as read from a document: figures may be absent or of any JSON type. */
export type LooseRow = Record<string, unknown>;

export interface LooseDocument {
  rows: LooseRow[];
  total?: LooseRow;
}

type Counts = Partial<Record<FigureField, number>>;

export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** The valid counts of a row; absent and invalid figures are left out (invalid ones are reported separately). */
function countsOf(row: LooseRow): Counts {
  const counts: Counts = {};
  for (const field of FIGURE_FIELDS) if (isCount(row[field])) counts[field] = row[field] as number;
  return counts;
}

function rowKey(row: LooseRow, index: number | "total"): string {
  if (typeof row["key"] === "string") return row["key"];
  return index === "total" ? "total" : `#${index + 1}`;
}

/** `not-a-count`: every present figure is a non-negative integer. */
export function notACount(row: LooseRow, key: string): Violation[] {
  return FIGURE_FIELDS.filter((f) => f in row && !isCount(row[f])).map((f) => ({
    code: "not-a-count" as const,
    row: key,
    fields: [f],
    expected: "a non-negative integer",
    found: row[f],
  }));
}

const PART_OF: [FigureField, FigureField][] = [
  ["receivedSaturday", "received"],
  ["receivedDirect", "received"],
  ["receivedPostal", "received"],
  ["receivedOnlinePartial", "received"],
  ["receivedOnlineFull", "received"],
  ["finishedEarly", "finished"],
  ["finishedOnTime", "finished"],
  ["finishedLate", "finished"],
  ["finishedOnTimeOrEarly", "finished"],
  ["declined", "finished"],
  ["finishedEarly", "finishedOnTimeOrEarly"],
  ["finishedOnTime", "finishedOnTimeOrEarly"],
  ["openWithinDeadline", "open"],
  ["openOverdue", "open"],
  ["carriedOver", "handled"],
  ["received", "handled"],
];

/** `part-exceeds-whole`: a part never exceeds its aggregate. */
export function partExceedsWhole(counts: Counts, key: string): Violation[] {
  const violations: Violation[] = [];
  for (const [part, whole] of PART_OF) {
    const p = counts[part];
    const w = counts[whole];
    if (p !== undefined && w !== undefined && p > w) {
      violations.push({ code: "part-exceeds-whole", row: key, fields: [part, whole], expected: `≤ ${w}`, found: p });
    }
  }
  // `declined` is a part of finished: without the aggregate, it is checked against the finished parts present
  const declined = counts.declined;
  if (declined !== undefined && counts.finished === undefined) {
    const parts = firstPresent(counts, FINISHED_TERMS.slice(0, 2));
    const whole = parts && sumOf(counts, parts);
    if (parts && whole !== undefined && declined > whole) {
      violations.push({
        code: "part-exceeds-whole",
        row: key,
        fields: ["declined", ...parts],
        expected: `≤ ${whole}`,
        found: declined,
      });
    }
  }
  return violations;
}

/** Each aggregate with its parts; `finished` may also be made of `finishedOnTimeOrEarly` + `finishedLate`. */
const SUMS: [FigureField, FigureField[][]][] = [
  ["received", [["receivedDirect", "receivedPostal", "receivedOnlinePartial", "receivedOnlineFull"]]],
  [
    "finished",
    [
      ["finishedEarly", "finishedOnTime", "finishedLate"],
      ["finishedOnTimeOrEarly", "finishedLate"],
    ],
  ],
  ["finishedOnTimeOrEarly", [["finishedEarly", "finishedOnTime"]]],
  ["open", [["openWithinDeadline", "openOverdue"]]],
  ["handled", [["carriedOver", "received"]]],
];

/** The sum of `fields` if all are present, else undefined. */
function sumOf(counts: Counts, fields: readonly FigureField[]): number | undefined {
  let sum = 0;
  for (const field of fields) {
    const value = counts[field];
    if (value === undefined) return undefined;
    sum += value;
  }
  return sum;
}

/** `parts-do-not-sum`: where an aggregate and all its parts are present, the parts sum to it. */
export function partsDoNotSum(counts: Counts, key: string): Violation[] {
  const violations: Violation[] = [];
  for (const [whole, alternatives] of SUMS) {
    const value = counts[whole];
    if (value === undefined) continue;
    const parts = alternatives.find((fields) => sumOf(counts, fields) !== undefined);
    if (!parts) continue;
    const sum = sumOf(counts, parts)!;
    if (sum !== value) {
      violations.push({ code: "parts-do-not-sum", row: key, fields: [whole, ...parts], expected: value, found: sum });
    }
  }
  return violations;
}

/** One side of the identity: the first choice of terms whose figures are all present. */
function firstPresent(counts: Counts, choices: FigureField[][]): FigureField[] | undefined {
  return choices.find((fields) => sumOf(counts, fields) !== undefined);
}

const HANDLED_TERMS: FigureField[][] = [["carriedOver", "received"], ["handled"]];
const FINISHED_TERMS: FigureField[][] = [
  ["finishedEarly", "finishedOnTime", "finishedLate"],
  ["finishedOnTimeOrEarly", "finishedLate"],
  ["finished"],
];
const OPEN_TERMS: FigureField[][] = [["openWithinDeadline", "openOverdue"], ["open"]];

/** `identity`: carriedOver + received = finished parts + withdrawn + stopped + open parts, where every term is present. */
export function identity(counts: Counts, key: string): Violation[] {
  const left = firstPresent(counts, HANDLED_TERMS);
  const finished = firstPresent(counts, FINISHED_TERMS);
  const open = firstPresent(counts, OPEN_TERMS);
  if (!left || !finished || !open) return [];
  const right: FigureField[] = [...finished, "withdrawn", "stopped", ...open];
  const rightSum = sumOf(counts, right);
  if (rightSum === undefined) return [];
  const leftSum = sumOf(counts, left)!;
  if (leftSum === rightSum) return [];
  return [{ code: "identity", row: key, fields: [...left, ...right], expected: leftSum, found: rightSum }];
}

/** `total-is-not-sum`: for every figure present in all rows and in the total, the total is the sum of the rows. */
export function totalIsNotSum(rows: LooseRow[], total: LooseRow): Violation[] {
  if (rows.length === 0) return [];
  const violations: Violation[] = [];
  for (const field of FIGURE_FIELDS) {
    if (!(field in total) || !rows.every((row) => field in row)) continue;
    const values = rows.map((row) => row[field]);
    if (!isCount(total[field]) || !values.every(isCount)) continue;
    const sum = (values as number[]).reduce((s, v) => s + v, 0);
    if (sum !== total[field]) {
      violations.push({
        code: "total-is-not-sum",
        row: rowKey(total, "total"),
        fields: [field],
        expected: sum,
        found: total[field],
      });
    }
  }
  return violations;
}

function checkRow(row: LooseRow, key: string): Violation[] {
  const counts = countsOf(row);
  return [
    ...notACount(row, key),
    ...partExceedsWhole(counts, key),
    ...partsDoNotSum(counts, key),
    ...identity(counts, key),
  ];
}

/** Every violation of the document, rows first (in order), then the total row, then the total-is-sum rule. */
export function checkResultsDocument(document: LooseDocument | { rows: object[]; total?: object }): Violation[] {
  const rows = document.rows as LooseRow[];
  const total = document.total as LooseRow | undefined;
  const violations = rows.flatMap((row, i) => checkRow(row, rowKey(row, i)));
  if (total) violations.push(...checkRow(total, rowKey(total, "total")), ...totalIsNotSum(rows, total));
  return violations;
}

const MEANING: Record<RuleCode, string> = {
  "not-a-count": "số liệu không phải số nguyên không âm / not a non-negative integer",
  "part-exceeds-whole": "thành phần lớn hơn tổng / a part exceeds its whole",
  "parts-do-not-sum": "các thành phần không cộng đúng tổng / parts do not sum to the aggregate",
  identity: "kỳ trước + tiếp nhận ≠ đã giải quyết + rút + dừng + đang giải quyết / identity does not hold",
  "total-is-not-sum": "dòng tổng cộng khác tổng các dòng / total is not the sum of the rows",
};

/** One printable line: code, row, fields, expected and found, and what the rule means. */
export function formatViolation(v: Violation): string {
  return `${v.code} row=${JSON.stringify(v.row)} fields=${v.fields.join(",")} expected=${show(v.expected)} found=${show(v.found)} — ${MEANING[v.code]}`;
}

function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? "undefined");
}
