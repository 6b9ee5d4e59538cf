// The results report (CONTRACTS.md §3) over HTTP: JSON, CSV or .xlsx, the dossiers behind one cell, and
// results typed in by hand (issue 5). Authorized with report.read / report.submit at the unit.
import { z } from "zod";
import { submitManualResults } from "../../db/repos/reports-manual.ts";
import { sqlDrillDown } from "../../db/repos/reports-results.ts";
import { resultsReport } from "../../db/repos/reports.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import { type Action, type Actor, can, scopeRoots } from "../../people/policy.ts";
import { resultsToCsv } from "../../figures/export-csv.ts";
import { resultsToXlsx } from "../../figures/export-xlsx.ts";
import { GROUPINGS } from "../../figures/grouping.ts";
import { customPeriod, type Period } from "../../figures/period.ts";
import { RESULT_FIELDS } from "../../figures/results-fields.ts";
import { ApiError, conflict, forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute, LocalDate, Paging } from "../route.ts";

export const ReportQuery = z.object({
  from: LocalDate,
  to: LocalDate,
  unit: z.string().min(1).optional(),
});

/** A valid period (from ≤ to, real dates) or a 400 naming the parameter. */
export function periodOf(query: { from: string; to: string }): Period {
  try {
    return customPeriod(query.from, query.to);
  } catch (error) {
    throw validationFailed([{ name: "from", reason: (error as Error).message }]);
  }
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
  produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  query: ReportQuery.extend({
    by: z.enum(GROUPINGS).default("field"),
    format: z.enum(["json", "csv", "xlsx"]).default("json"),
  }),
  async handler({ ctx, actor, query, reply }) {
    const period = periodOf(query);
    const scope = await reportScope(ctx.units, actor, query.unit);
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
  query: ReportQuery.extend({
    by: z.enum(GROUPINGS).default("field"),
    row: z.string().min(1),
    field: z.enum(RESULT_FIELDS),
    ...Paging,
  }),
  async handler({ ctx, actor, query }) {
    const period = periodOf(query);
    const scope = await reportScope(ctx.units, actor, query.unit);
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
        throw conflict(refusal.code, refusal.message);
    }
  },
});
