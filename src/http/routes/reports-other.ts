// Channels, late dossiers (with and without apology, and the overdue list), Decision 766 indicators,
// satisfaction and feedback (PAKN) answered in time over HTTP. These load the unit's dossiers that play a part in the period (reports-records.ts:
// SQL + recordOf) and run the pure definitions of src/figures on them — right at commune and district scale;
// the results report, which provinces run over millions of dossiers, is computed in SQL (reports.ts).
import { z } from "zod";
import {
  competentLevelsOf,
  loadPeriodFeedback,
  loadPeriodRecords,
  offeredProcedures,
} from "../../db/repos/reports-records.ts";
import { loadPeriodRatings } from "../../db/repos/reports-ratings.ts";
import { getCalendar } from "../../calendar/index.ts";
import { channelsReport } from "../../figures/channels.ts";
import { feedbackReport } from "../../figures/feedback-report.ts";
import { lateByUnit, overdueAt } from "../../figures/late.ts";
import { type Period, periodBounds } from "../../figures/period.ts";
import { NOT_COMPUTED_766 } from "../../figures/quality-catalog.ts";
import { complaintCodes, type SqlQualityQuery, sqlQualityIndicators } from "../../db/repos/reports-quality.ts";
import { countedQualityIndicators } from "../../db/repos/reports-quality-counts.ts";
import { SATISFACTION_SCALE, SURVEY_SCALE_004, satisfactionReport } from "../../figures/satisfaction.ts";
import { defineRoute } from "../route.ts";
import type { AppContext } from "../context.ts";
import { ReportQuery, type ReportScope, reportRequest } from "./reports.ts";
import {
  ChannelsReport,
  FeedbackReport,
  IndicatorsReport,
  LateReport,
  SatisfactionReport,
} from "../schemas/reports.ts";

export const getChannelsReport = defineRoute({
  method: "GET",
  url: "/api/reports/channels",
  summary:
    "Kênh tiếp nhận và dịch vụ công trực tuyến: số hồ sơ theo kênh, tỷ lệ trực tuyến, thủ tục cung cấp theo mức độ và số thủ tục có hồ sơ",
  tags: ["reports"],
  access: "staff",
  response: ChannelsReport,
  query: ReportQuery,
  async handler({ ctx, actor, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const records = await loadPeriodRecords(ctx.database.db, { ...period, unitCodes: scope.unitCodes });
    const levels = scope.unitCodes ? competentLevelsOf(scope.units, scope.unitCodes) : undefined;
    const procedures = await offeredProcedures(ctx.database.db, { to: period.to, levels });
    return channelsReport(records, { ...period, unit: scope.unit }, procedures);
  },
});

export const getLateReport = defineRoute({
  method: "GET",
  url: "/api/reports/late",
  summary: "Hồ sơ trễ hạn theo đơn vị, có và không có văn bản xin lỗi; danh sách hồ sơ quá hạn cuối kỳ",
  tags: ["reports"],
  access: "staff",
  response: LateReport,
  query: ReportQuery.extend({ basis: z.enum(["receiving", "handling"]).default("receiving") }),
  async handler({ ctx, actor, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const records = await loadPeriodRecords(ctx.database.db, { ...period, unitCodes: scope.unitCodes });
    const { end } = periodBounds(period);
    return {
      ...lateByUnit(records, { ...period, basis: query.basis }),
      unit: scope.unit,
      overdueAtEnd: { at: end, dossiers: overdueAt(records, end) },
    };
  },
});

export const getIndicatorsReport = defineRoute({
  method: "GET",
  url: "/api/reports/indicators",
  summary:
    "Chỉ số chất lượng theo Quyết định 766/QĐ-TTg: công thức và hồ sơ của từng chỉ số (codes=false: chỉ số liệu, từ bộ đếm)",
  tags: ["reports"],
  access: "staff",
  response: IndicatorsReport,
  // codes=false (the dashboard): the figures from the counters (migration 0017), without the codes behind them
  query: ReportQuery.extend({ codes: z.enum(["true", "false"]).default("true") }),
  async handler({ ctx, actor, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const compute = query.codes === "false" ? countedQualityIndicators : sqlQualityIndicators;
    const indicators = await compute(ctx.database.db, await qualityQueryOf(ctx, period, scope));
    return {
      report: "indicators",
      unit: scope.unit,
      from: period.from,
      to: period.to,
      indicators,
      codes: query.codes !== "false",
      // the indicators of the set motcua has no data for, with their source (never estimated)
      notComputed: NOT_COMPUTED_766,
    };
  },
});

/**
 * The 766 query of a report: the scope's receiving units and their provinces, the period's complaints (5.4), and
 * working time on the national calendar with the default office hours (CONTRACTS §5). In SQL
 * (reports-quality.ts, proven equal to the pure qualityIndicators): no dossier is loaded.
 */
export async function qualityQueryOf(ctx: AppContext, period: Period, scope: ReportScope): Promise<SqlQualityQuery> {
  const calendar = getCalendar();
  const provinces = scope.unitCodes && [...new Set(scope.unitCodes.map((u) => scope.units.provinceOf(u) ?? u))];
  const base = { ...period, ...(scope.unitCodes ? { unitCodes: scope.unitCodes, provinces } : {}) };
  return {
    ...base,
    complaintCodes: await complaintCodes(ctx.database.db, base),
    workingMinutes: (from, to) => calendar.workingMinutesBetween(from, to),
  };
}

export const getSatisfactionReport = defineRoute({
  method: "GET",
  url: "/api/reports/satisfaction",
  summary:
    "Kết quả khảo sát mức độ hài lòng theo lĩnh vực hoặc đơn vị (mẫu số 004: đơn giản / cần bớt giấy tờ / phức tạp)",
  tags: ["reports"],
  access: "staff",
  response: SatisfactionReport,
  query: ReportQuery.extend({
    by: z.enum(["field", "unit"]).default("field"),
    scale: z.enum(["satisfaction", "procedure"]).default("satisfaction"),
  }),
  async handler({ ctx, actor, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const kind = query.scale === "procedure" ? "procedure_assessment" : "score";
    const ratings = await loadPeriodRatings(ctx.database.db, period, scope.unitCodes, kind);
    return {
      ...satisfactionReport(ratings, query.scale === "procedure" ? SURVEY_SCALE_004 : SATISFACTION_SCALE, query.by),
      unit: scope.unit,
      from: period.from,
      to: period.to,
    };
  },
});

export const getFeedbackReport = defineRoute({
  method: "GET",
  url: "/api/reports/feedback",
  summary: "Phản ánh, kiến nghị: tiếp nhận, trả lời đúng hạn / quá hạn, chưa trả lời cuối kỳ, công khai",
  tags: ["reports"],
  access: "staff",
  response: FeedbackReport,
  query: ReportQuery.extend({ by: z.enum(["unit", "topic"]).default("unit") }),
  async handler({ ctx, actor, query }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const items = await loadPeriodFeedback(ctx.database.db, { ...period, unitCodes: scope.unitCodes });
    const report = feedbackReport(items, { ...period, unit: scope.unit, by: query.by });
    if (query.by === "unit") {
      for (const row of report.rows) row.label = scope.units.find(row.key)?.name ?? row.key;
    }
    return report;
  },
});
