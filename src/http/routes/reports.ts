// The results report (CONTRACTS.md §3) over HTTP: JSON, CSV or .xlsx, the dossiers behind one cell, and
// results typed in by hand (issue 5). Authorized with report.read / report.submit at the unit. Every report's
// period is `from`/`to` or `period` (+ `cut`), resolved here once (periodOf, reportRequest).
import type { Kysely } from "kysely";
import { z } from "zod";
import { submitManualResults } from "../../db/repos/reports-manual.ts";
import { sqlDrillDown } from "../../db/repos/reports-results.ts";
import { cutDayOf, DEFAULT_PROVINCE_CUT_DAY } from "../../db/repos/report-settings.ts";
import { resultsReport } from "../../db/repos/reports.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import type { Database } from "../../db/schema.ts";
import { type Action, type Actor, can, scopeRoots } from "../../people/policy.ts";
import { resultsToCsv } from "../../figures/export-csv.ts";
import { resultsToXlsx } from "../../documents/results-xlsx.ts";
import { GROUPINGS } from "../../figures/grouping.ts";
import { customPeriod, type Period, parsePeriodSpec } from "../../figures/period.ts";
import { RESULT_FIELDS } from "../../figures/results-fields.ts";
import type { AppContext } from "../context.ts";
import { ApiError, conflict, forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute, LocalDate, Paging } from "../route.ts";
import { ManualAccepted, ResultsDrillDown, ResultsReport } from "../schemas/reports.ts";

/**
 * The period of a report: `from` and `to` (local dates, both inclusive), or `period` (YYYY, YYYY-H1, YYYY-Q3,
 * YYYY-MM) cut on the province's cut day (report_settings) unless `cut` gives one.
 */
export const PeriodParams = {
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  period: z.string().max(16).optional().describe("Kỳ báo cáo thay cho from/to: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM"),
  cut: z.coerce
    .number({ error: "Ngày chốt kỳ (cut) phải là số" })
    .int({ error: "Ngày chốt kỳ (cut) phải là số nguyên từ 1 đến 28" })
    .min(1, { error: "Ngày chốt kỳ (cut) phải là số nguyên từ 1 đến 28" })
    .max(28, { error: "Ngày chốt kỳ (cut) phải là số nguyên từ 1 đến 28" })
    .optional()
    .describe("Ngày bắt đầu kỳ trong tháng trước (1 = theo tháng dương lịch); mặc định: thiết lập của tỉnh"),
};

export const ReportQuery = z.object({ ...PeriodParams, unit: z.string().min(1).optional() });

export interface PeriodInput {
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
  cut?: number | undefined;
}

/**
 * A valid period or a 400 naming the parameter: `from` and `to` together (real dates, from ≤ to), or `period`
 * resolved with `cut` when given, else `cutDay` (the province's; 1 = calendar periods). Both forms or neither
 * is refused.
 */
export function periodOf(query: PeriodInput, cutDay = 1): Period {
  const hasRange = query.from !== undefined || query.to !== undefined;
  if (query.period !== undefined) {
    if (hasRange) {
      throw validationFailed([
        {
          name: "period",
          reason: "Chỉ chọn một cách: kỳ báo cáo (period) hoặc khoảng ngày (from, to), không dùng cả hai",
        },
      ]);
    }
    try {
      return parsePeriodSpec(query.period, query.cut ?? cutDay);
    } catch (error) {
      throw validationFailed([{ name: "period", reason: (error as Error).message }]);
    }
  }
  if (query.cut !== undefined) {
    throw validationFailed([{ name: "cut", reason: "Ngày chốt kỳ (cut) chỉ dùng cùng kỳ báo cáo (period)" }]);
  }
  if (query.from === undefined || query.to === undefined) {
    const missing =
      query.from === undefined && query.to === undefined ? "period" : query.from === undefined ? "from" : "to";
    throw validationFailed([
      {
        name: missing,
        reason: hasRange
          ? "Khoảng ngày cần cả ngày bắt đầu (from) và ngày kết thúc (to)"
          : "Chọn kỳ báo cáo (period, ví dụ 2026-Q3) hoặc khoảng ngày from và to",
      },
    ]);
  }
  try {
    return customPeriod(query.from, query.to);
  } catch (error) {
    throw validationFailed([{ name: "from", reason: (error as Error).message }]);
  }
}

/** The cut day a report of the scope uses: its province's setting (1 for a report over every unit). */
export async function scopeCutDay(db: Kysely<Database>, scope: ReportScope): Promise<number> {
  const province = scope.unit ? scope.units.provinceOf(scope.unit) : undefined;
  return province ? cutDayOf(db, province) : DEFAULT_PROVINCE_CUT_DAY;
}

/**
 * The scope (reportScope) and the period (periodOf) of a report request. The period's form is checked first
 * (400 before 403/404); a `period` without `cut` is then cut on the scope's province setting.
 */
export async function reportRequest(
  ctx: AppContext,
  actor: Actor | undefined,
  query: PeriodInput & { unit?: string | undefined },
  action: Action = "report.read",
): Promise<{ period: Period; scope: ReportScope }> {
  const calendarPeriod = periodOf(query);
  const scope = await reportScope(ctx.units, actor, query.unit, action);
  if (query.period === undefined || query.cut !== undefined) return { period: calendarPeriod, scope };
  return { period: periodOf(query, await scopeCutDay(ctx.database.db, scope)), scope };
}

export interface ReportScope {
  unit: string | null;
  /** The unit and its subtree; undefined for every unit (a superuser without `unit`). */
  unitCodes: string[] | undefined;
  units: UnitDirectory;
}

/** The unit a report is for, checked against the actor's grants; without `unit`, the actor's single root. */
export async function reportScope(
  units: UnitDirectory,
  actor: Actor | undefined,
  unit: string | undefined,
  action: Action = "report.read",
): Promise<ReportScope> {
  await units.fresh();
  if (unit !== undefined) {
    if (!units.find(unit)) throw notFound(`đơn vị ${unit}`);
    if (!can(actor, action, unit, units.parentOf)) throw forbidden();
    return { unit, unitCodes: units.subtree(unit), units };
  }
  if (actor?.isSuperuser) return { unit: null, unitCodes: undefined, units };
  const roots = actor ? scopeRoots(actor, action) : [];
  if (roots.length === 1) return { unit: roots[0]!, unitCodes: units.subtree(roots[0]!), units };
  if (roots.length === 0) throw forbidden();
  throw validationFailed([{ name: "unit", reason: `Chọn một đơn vị: ${roots.join(", ")}` }]);
}

export const getResultsReport = defineRoute({
  method: "GET",
  url: "/api/reports/results",
  summary: "Báo cáo kết quả giải quyết TTHC (CONTRACTS §3): JSON, CSV hoặc .xlsx",
  tags: ["reports"],
  access: "staff",
  response: ResultsReport,
  produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  query: ReportQuery.extend({
    by: z.enum(GROUPINGS).default("field"),
    format: z.enum(["json", "csv", "xlsx"]).default("json"),
  }),
  async handler({ ctx, actor, query, reply }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const report = await resultsReport(ctx.database.db, scope.units, { ...period, unit: scope.unit, by: query.by });
    if (query.format === "json") return report;
    const name = `ket-qua-${scope.unit ?? "tat-ca"}-${period.from}-${period.to}`;
    if (query.format === "csv") {
      reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`);
      return reply.send(resultsToCsv(report));
    }
    reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${name}.xlsx"`);
    return reply.send(await resultsToXlsx(report));
  },
});

export const getResultsDossiers = defineRoute({
  method: "GET",
  url: "/api/reports/results/dossiers",
  summary: "Hồ sơ của một ô trong báo cáo kết quả (phân trang)",
  tags: ["reports"],
  access: "staff",
  response: ResultsDrillDown,
  query: ReportQuery.extend({
    by: z.enum(GROUPINGS).default("field"),
    row: z.string().min(1),
    field: z.enum(RESULT_FIELDS),
    ...Paging,
  }),
  async handler({ ctx, actor, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    return sqlDrillDown(ctx.database.db, {
      ...period,
      unitCodes: scope.unitCodes,
      by: query.by,
      rowKey: query.row,
      field: query.field,
      page: query.page,
      pageSize: query.pageSize,
    });
  },
});

export const postManualResults = defineRoute({
  method: "POST",
  url: "/api/reports/manual",
  summary: "Nộp số liệu kết quả nhập tay cho một đơn vị và kỳ chưa có hồ sơ trên hệ thống",
  tags: ["reports"],
  access: "staff",
  response: ManualAccepted,
  body: z.object({ unit: z.string().min(1), from: LocalDate, to: LocalDate, document: z.unknown() }),
  async handler({ ctx, actor, body, reply }) {
    const period = periodOf(body);
    const scope = await reportScope(ctx.units, actor, body.unit, "report.submit");
    const outcome = await submitManualResults(ctx.database.db, scope.units, {
      unit: body.unit,
      ...period,
      document: body.document,
      submittedBy: actor?.userId ?? null,
    });
    if (outcome.accepted) {
      reply.code(outcome.replaced ? 200 : 201);
      return { accepted: true, replaced: outcome.replaced, manual: true, document: outcome.document };
    }
    const { refusal } = outcome;
    switch (refusal.code) {
      case "invalid-document":
        throw new ApiError(
          422,
          "invalid-document",
          "Số liệu không nhất quán",
          refusal.message,
          refusal.violations.map((v) => ({
            name: `${v.row}.${v.fields.join("+")}`,
            reason: `${v.code}: cần ${v.expected}, có ${v.found}`,
          })),
        );
      case "unknown-unit":
        throw notFound(`đơn vị ${body.unit}`);
      case "overlaps-computed":
      case "overlaps-manual":
      case "does-not-chain":
        throw conflict(refusal.code, refusal.message);
    }
  },
});
