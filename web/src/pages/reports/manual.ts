// Figures typed in by hand (POST /api/reports/manual): the document the form sends, the checks of
// CONTRACTS.md §4 run in the browser with the server's own checker (src/figures/check.ts), and the rule
// violations — ours or the server's invalidParams — placed next to the form's fields in Vietnamese.
import { checkResultsDocument, type RuleCode, type Violation } from "../../../../src/figures/check.ts";
import { OPTIONAL_RESULT_FIELDS, RESULT_FIELDS, type ResultField } from "../../../../src/figures/results-fields.ts";
import type { InvalidParam } from "../../api.ts";
import type { ResultsRow } from "../../types.ts";

export { RESULT_FIELDS, type ResultField };

export const RULE_VI: Record<RuleCode, string> = {
  "not-a-count": "Phải là số nguyên không âm",
  "part-exceeds-whole": "Số thành phần lớn hơn số tổng",
  "parts-do-not-sum": "Các thành phần không cộng đúng tổng",
  identity: "Kỳ trước chuyển qua + mới tiếp nhận phải bằng đã giải quyết + rút + dừng + đang giải quyết",
  "total-is-not-sum": "Dòng tổng cộng khác tổng các dòng",
};

/** A row as the form holds it: the field (lĩnh vực) and the fifteen columns, possibly empty. */
export type FormRow = { key?: string } & Partial<Record<ResultField, number | null>>;

export interface ManualDocumentInput {
  by: "field";
  rows: ResultsRow[];
  total: ResultsRow;
}

/** The document to send: the rows as typed (empty figures left out) and their total. */
export function buildDocument(rows: FormRow[]): ManualDocumentInput {
  const clean = rows.map((r) => {
    const row: Record<string, unknown> = { key: (r.key ?? "").trim() };
    for (const f of RESULT_FIELDS) if (r[f] !== undefined && r[f] !== null) row[f] = r[f];
    return row as unknown as ResultsRow;
  });
  const total = { key: "total" } as Record<string, unknown>;
  for (const f of RESULT_FIELDS) total[f] = clean.reduce((s, r) => s + (typeof r[f] === "number" ? r[f] : 0), 0);
  return { by: "field", rows: clean, total: total as unknown as ResultsRow };
}

/** A violation where the form can show it: the row key, the fields, the rule and its wording. */
export interface PlacedViolation {
  row: string;
  fields: string[];
  code: string;
  message: string;
}

function wording(code: string, detail: string): string {
  const rule = RULE_VI[code as RuleCode] ?? code;
  return detail ? `${rule} (${detail})` : rule;
}

/** The server's checks, run before sending: the §4 rules, and every row carrying all fifteen columns. */
export function checkDocument(doc: ManualDocumentInput): PlacedViolation[] {
  const violations: Violation[] = checkResultsDocument(doc);
  for (const row of [...doc.rows, doc.total]) {
    for (const f of RESULT_FIELDS) {
      if (!(f in row) && !OPTIONAL_RESULT_FIELDS.includes(f)) {
        violations.push({ code: "not-a-count", row: row.key, fields: [f], expected: "", found: "missing" });
      }
    }
  }
  return violations.map((v) => ({
    row: v.row,
    fields: v.fields,
    code: v.code,
    message:
      v.found === "missing"
        ? "Chưa nhập số liệu"
        : wording(
            v.code,
            typeof v.expected === "number" || String(v.expected).startsWith("≤")
              ? `cần ${v.expected}, có ${String(v.found)}`
              : "",
          ),
  }));
}

/** The server's 422 invalidParams (`name` "<row>.<field>+<field>", `reason` "<code>: cần …, có …"). */
export function serverViolations(params: InvalidParam[]): PlacedViolation[] {
  return params.map((p) => {
    const dot = p.name.lastIndexOf(".");
    const row = dot < 0 ? "" : p.name.slice(0, dot);
    const fields = (dot < 0 ? p.name : p.name.slice(dot + 1)).split("+").filter(Boolean);
    const colon = p.reason.indexOf(":");
    const code = colon < 0 ? p.reason : p.reason.slice(0, colon).trim();
    const detail = colon < 0 ? "" : p.reason.slice(colon + 1).trim();
    return { row, fields, code, message: wording(code, detail) };
  });
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Violations as antd field errors on `rows[i][field]` (row i = the row with that key), and the messages that
 * name no field of the form (the total row, an unknown row).
 */
export function placeViolations(
  violations: PlacedViolation[],
  rowKeys: string[],
): { fields: FieldError[]; other: string[] } {
  const byField = new Map<string, FieldError>();
  const other: string[] = [];
  for (const v of violations) {
    const index = rowKeys.indexOf(v.row);
    const inForm = v.fields.filter((f) => (RESULT_FIELDS as readonly string[]).includes(f));
    if (index < 0 || inForm.length === 0) {
      other.push(`${v.row === "total" ? "Tổng cộng" : v.row}: ${v.message}`);
      continue;
    }
    for (const f of inForm) {
      const id = `${index}.${f}`;
      const entry = byField.get(id) ?? { name: ["rows", index, f], errors: [] };
      if (!entry.errors.includes(v.message)) entry.errors.push(v.message);
      byField.set(id, entry);
    }
  }
  return { fields: [...byField.values()], other: [...new Set(other)] };
}
