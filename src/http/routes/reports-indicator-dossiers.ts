// GET /api/reports/indicators/{id}/dossiers: the dossiers behind one Decision 766 indicator — its numerator or
// its denominator (an average: the dossiers averaged, as its denominator) — a page at a time, recent first, by
// cursor like the staff lists (reports-quality-dossiers.ts), with the figure itself from the counters.
import { z } from "zod";
import { decodeCursor, cursorAfter, scopeOf } from "../../db/repos/dossiers/list-sql.ts";
import type { DossierRow } from "../../db/repos/dossiers/service.ts";
import { countedQualityIndicators } from "../../db/repos/reports-quality-counts.ts";
import { INDICATOR_PARTS, indicatorPageSql } from "../../db/repos/reports-quality-dossiers.ts";
import { COMPUTED_766, type ComputedId } from "../../figures/quality-catalog.ts";
import type { QualityIndicator } from "../../figures/quality.ts";
import { validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { IndicatorDossiers } from "../schemas/reports.ts";
import { presentSummaries } from "./dossiers.ts";
import { dossierProblem } from "./dossiers-present.ts";
import { qualityQueryOf } from "./reports-other.ts";
import { ReportQuery, type ReportScope, reportRequest } from "./reports.ts";

const IDS = COMPUTED_766.map((e) => e.id) as [ComputedId, ...ComputedId[]];

/** The list scope of a report's scope: whole provinces, or the dossiers its units received (not those held). */
function listScope(scope: ReportScope) {
  const list = scopeOf(scope.unitCodes, scope.units);
  return list.mode === "units" ? { ...list, receiving: true } : list;
}

/** How many dossiers the part holds: the figure's numerator or denominator (an average's count). */
function partCount(indicator: QualityIndicator, part: (typeof INDICATOR_PARTS)[number]): number {
  if (indicator.kind === "average") return indicator.count;
  return part === "numerator" ? indicator.numerator : indicator.denominator;
}

/** The staff lists' cursor (recent first), or the 400 naming it. */
function cursorOf(text: string) {
  try {
    return decodeCursor(text, "recent");
  } catch (error) {
    return dossierProblem(error);
  }
}

export const getIndicatorDossiers = defineRoute({
  method: "GET",
  url: "/api/reports/indicators/:id/dossiers",
  summary:
    "Hồ sơ của một chỉ số 766: tử số hoặc mẫu số (chỉ số trung bình: các hồ sơ được tính), mới nhất trước, phân trang bằng con trỏ",
  tags: ["reports"],
  access: "staff",
  response: IndicatorDossiers,
  params: z.object({ id: z.enum(IDS, { error: "Chỉ số không có trong danh sách chỉ số 766 motcua tính" }) }),
  query: ReportQuery.extend({
    part: z.enum(INDICATOR_PARTS).default("denominator"),
    cursor: z.string().max(600).optional().describe("nextCursor của trang trước; không gửi = trang đầu"),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  }),
  async handler({ ctx, actor, params, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const quality = await qualityQueryOf(ctx, period, scope);
    const after = query.cursor ? cursorOf(query.cursor) : undefined;
    const page = indicatorPageSql(quality, {
      id: params.id,
      part: query.part,
      scope: listScope(scope),
      after,
      limit: query.pageSize + 1,
    });
    if (!page)
      throw validationFailed([
        { name: "part", reason: "Chỉ số trung bình không có tử số: xem các hồ sơ được tính (part=denominator)" },
      ]);
    const [figures, { rows }] = await Promise.all([
      countedQualityIndicators(ctx.database.db, quality, params.id),
      page.execute(ctx.database.db),
    ]);
    const indicator = figures[0]!;
    const items = (rows as unknown as DossierRow[]).slice(0, query.pageSize);
    return {
      indicator,
      part: query.part,
      unit: scope.unit,
      from: period.from,
      to: period.to,
      items: await presentSummaries(ctx, scope.units, items),
      total: partCount(indicator, query.part),
      totalExact: true,
      nextCursor: rows.length > query.pageSize ? cursorAfter(items.at(-1)!, "recent") : null,
      pageSize: query.pageSize,
    };
  },
});
