// Results typed in by hand (số liệu nhập tay, issue 5): a unit not yet on motcua or a historical period.
// A document is checked by the rules of CONTRACTS.md §4, then refused where motcua already holds a dossier
// of the unit (subtree) that the period's report would count, or where another manual document of the same
// branch of the tree overlaps the period (either would count twice). Accepted documents join the results
// report (reports.ts), marked `manual: true`.
import { type Kysely, sql } from "kysely";
import { checkResultsDocument, type Violation } from "../../figures/check.ts";
import { isGrouping } from "../../figures/grouping.ts";
import type { ManualDocument } from "../../figures/manual.ts";
import { customPeriod, nextDate, type Period, previousDate } from "../../figures/period.ts";
import type { ResultsRow } from "../../figures/results.ts";
import { OPTIONAL_RESULT_FIELDS, RESULT_FIELDS } from "../../figures/results-fields.ts";
import type { Database } from "../schema.ts";
import { scopeSql } from "./reports-results.ts";
import { inUnits, type UnitScope } from "./unit-scope.ts";
import type { UnitDirectory } from "./units.ts";

export type { ManualDocument } from "../../figures/manual.ts";

export type ManualRefusal =
  | { code: "invalid-document"; message: string; violations: Violation[] }
  | { code: "unknown-unit"; message: string }
  | { code: "overlaps-computed"; message: string; dossiers: string[] }
  | { code: "overlaps-manual"; message: string; unit: string; from: string; to: string }
  | {
      code: "does-not-chain";
      message: string;
      unit: string;
      from: string;
      to: string;
      expected: number;
      found: number;
    };

export type ManualOutcome =
  | { accepted: true; replaced: boolean; document: ManualDocument }
  | { accepted: false; refusal: ManualRefusal };

const missing = (key: string, field: string): Violation => ({
  code: "not-a-count",
  row: key,
  fields: [field],
  expected: "a non-negative integer",
  found: "missing",
});

/** Validates the shape and the §4 rules; every row and the total must carry all fifteen columns. */
export function validateManualDocument(input: unknown, unit: string, period: Period): ManualDocument | ManualRefusal {
  const doc = (input ?? {}) as Record<string, unknown>;
  const rows = doc.rows;
  const total = doc.total;
  if (!Array.isArray(rows) || typeof total !== "object" || total === null) {
    return { code: "invalid-document", message: "Tài liệu phải có rows (mảng) và total", violations: [] };
  }
  const by = doc.by ?? "field";
  if (typeof by !== "string" || !isGrouping(by)) {
    return { code: "invalid-document", message: `by không hợp lệ: ${String(by)}`, violations: [] };
  }
  for (const [name, value] of [
    ["from", doc.from],
    ["to", doc.to],
  ] as const) {
    if (value !== undefined && value !== period[name]) {
      return {
        code: "invalid-document",
        message: `${name} của tài liệu (${String(value)}) khác kỳ báo cáo (${period[name]})`,
        violations: [],
      };
    }
  }
  const violations = checkResultsDocument({ rows, total } as Parameters<typeof checkResultsDocument>[0]);
  for (const row of [...rows, total] as Record<string, unknown>[]) {
    const key = String(row.key ?? "");
    for (const field of RESULT_FIELDS)
      if (!(field in row) && !OPTIONAL_RESULT_FIELDS.includes(field)) violations.push(missing(key, field));
  }
  if (violations.length) {
    return { code: "invalid-document", message: `${violations.length} vi phạm quy tắc kiểm tra số liệu`, violations };
  }
  const pick = (row: Record<string, unknown>): ResultsRow =>
    ({
      key: String(row.key),
      ...Object.fromEntries(RESULT_FIELDS.map((f) => [f, (row[f] as number) ?? 0])),
    }) as ResultsRow;
  return {
    report: "results",
    unit,
    from: period.from,
    to: period.to,
    by,
    rows: rows.map(pick),
    total: pick(total as Record<string, unknown>),
  };
}

/** Accepts (stores, replacing the same unit and period) or refuses a manual results document. */
export async function submitManualResults(
  db: Kysely<Database>,
  units: UnitDirectory,
  input: { unit: string; from: string; to: string; document: unknown; submittedBy: number | null },
): Promise<ManualOutcome> {
  const unit = units.find(input.unit);
  if (!unit) return { accepted: false, refusal: { code: "unknown-unit", message: `Không có đơn vị ${input.unit}` } };
  const period = customPeriod(input.from, input.to);
  const valid = validateManualDocument(input.document, unit.code, period);
  if ("code" in valid) return { accepted: false, refusal: valid };
  const subtree = units.subtree(unit.code);
  const computed = await sql<{
    code: string;
  }>`select d.code ${scopeSql({ ...period, unitCodes: subtree, provinces: [unit.provinceCode] })} order by d.code limit 5`.execute(
    db,
  );
  if (computed.rows.length) {
    return {
      accepted: false,
      refusal: {
        code: "overlaps-computed",
        message: `Đơn vị ${unit.code} (hoặc đơn vị trực thuộc) đã có hồ sơ trên hệ thống trong kỳ ${period.from}..${period.to} (ví dụ ${computed.rows[0]!.code}): số liệu của kỳ này được tính từ hồ sơ, không nhập tay.`,
        dossiers: computed.rows.map((r) => r.code),
      },
    };
  }
  const branch = [...new Set([...subtree, ...ancestors(units, unit.code)])];
  const clash = await db
    .selectFrom("manual_results")
    .select(["unit_code", "from", "to"])
    .where("province_code", "=", unit.provinceCode)
    .where("unit_code", "in", branch)
    .where("from", "<=", period.to)
    .where("to", ">=", period.from)
    .where((eb) =>
      eb.not(eb.and([eb("unit_code", "=", unit.code), eb("from", "=", period.from), eb("to", "=", period.to)])),
    )
    .executeTakeFirst();
  if (clash) {
    return {
      accepted: false,
      refusal: {
        code: "overlaps-manual",
        message: `Đã có số liệu nhập tay của ${clash.unit_code} cho kỳ ${clash.from}..${clash.to}, chồng lấn kỳ ${period.from}..${period.to}.`,
        unit: clash.unit_code,
        from: clash.from,
        to: clash.to,
      },
    };
  }
  const broken = await chainBreak(db, valid, unit.provinceCode);
  if (broken) return { accepted: false, refusal: broken };
  const row = {
    province_code: unit.provinceCode,
    unit_code: unit.code,
    from: period.from,
    to: period.to,
    document: JSON.stringify(valid),
    submitted_by: input.submittedBy,
  };
  const replaced = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .deleteFrom("manual_results")
      .where("province_code", "=", row.province_code)
      .where("unit_code", "=", row.unit_code)
      .where("from", "=", row.from)
      .where("to", "=", row.to)
      .executeTakeFirst();
    await trx.insertInto("manual_results").values(row).execute();
    return Number(existing.numDeletedRows) > 0;
  });
  return { accepted: true, replaced, document: valid };
}

const openOf = (row: ResultsRow) => row.openWithinDeadline + row.openOverdue;

/**
 * Consecutive documents of one unit are one stock: what is open at the end of a period is what the next
 * period carries over. A document adjacent to a stored one (its day before or after) that breaks the chain is
 * refused; otherwise two consecutive months summed into a quarter would break the report's identity.
 */
async function chainBreak(
  db: Kysely<Database>,
  doc: ManualDocument,
  provinceCode: string,
): Promise<ManualRefusal | undefined> {
  const neighbours = await db
    .selectFrom("manual_results")
    .select(["from", "to", "document"])
    .where("province_code", "=", provinceCode)
    .where("unit_code", "=", doc.unit)
    .where((eb) => eb.or([eb("to", "=", previousDate(doc.from)), eb("from", "=", nextDate(doc.to))]))
    .execute();
  for (const stored of neighbours) {
    const other = (
      typeof stored.document === "string" ? JSON.parse(stored.document) : stored.document
    ) as ManualDocument;
    const before = stored.to < doc.from;
    const [expected, found] = before
      ? [openOf(other.total), doc.total.carriedOver]
      : [openOf(doc.total), other.total.carriedOver];
    if (expected === found) continue;
    const message = before
      ? `Số hồ sơ chuyển từ kỳ trước (${found}) phải bằng số hồ sơ chưa giải quyết cuối kỳ ${other.from}..${other.to} đã nhập (${expected}).`
      : `Số hồ sơ chưa giải quyết cuối kỳ (${openOf(doc.total)}) phải bằng số chuyển sang kỳ ${other.from}..${other.to} đã nhập (${other.total.carriedOver}).`;
    return { code: "does-not-chain", message, unit: doc.unit, from: other.from, to: other.to, expected, found };
  }
  return undefined;
}

function ancestors(units: UnitDirectory, code: string): string[] {
  const chain: string[] = [];
  for (let parent = units.parentOf(code); parent && !chain.includes(parent); parent = units.parentOf(parent))
    chain.push(parent);
  return chain;
}

export interface ManualDocumentsInPeriod {
  /** Documents whose period lies inside the report's, by unit, oldest first: they count. */
  inside: ManualDocument[];
  /** Documents that overlap the report's period without lying inside it: a figure cannot be split by day. */
  straddling: { unit: string; from: string; to: string }[];
}

/** Manual documents of the scope (every unit when `scope.unitCodes` is undefined) that overlap the report's period. */
export async function manualDocumentsIn(
  db: Kysely<Database>,
  period: Period,
  scope: UnitScope = {},
): Promise<ManualDocumentsInPeriod> {
  let query = db
    .selectFrom("manual_results")
    .select(["unit_code", "from", "to", "document"])
    .where("from", "<=", period.to)
    .where("to", ">=", period.from);
  if (scope.unitCodes) query = query.where(inUnits(scope));
  const rows = await query.orderBy("unit_code").orderBy("from").execute();
  const inside = rows.filter((r) => r.from >= period.from && r.to <= period.to);
  return {
    inside: inside.map((r) => (typeof r.document === "string" ? JSON.parse(r.document) : r.document) as ManualDocument),
    straddling: rows.filter((r) => !inside.includes(r)).map((r) => ({ unit: r.unit_code, from: r.from, to: r.to })),
  };
}
