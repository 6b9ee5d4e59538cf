// The report appendices as .docx, .xlsx or .pdf, from the same report functions as the JSON routes (built by
// appendixOf in src/db/repos/documents.ts, shared with `motcua document appendix`): results (seed 000 Phụ lục
// 4, from the SQL results report), channels (seed 004, from the results report's received-by-channel counts),
// late dossiers by unit with and without an apology (seed 002), survey by field (seed 004). Authorized with
// report.read at the unit, like the reports themselves.
import { z } from "zod";
import { type AppendixRequest, appendixOf, RESULTS_LAYOUTS } from "../../db/repos/documents.ts";
import { renderAppendix } from "../../documents/index.ts";
import { GROUPINGS } from "../../figures/grouping.ts";
import type { AppContext } from "../context.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { sendDocument } from "./documents.ts";
import { ReportQuery, type ReportScope, reportRequest } from "./reports.ts";

const APPENDIX_FORMATS = ["docx", "xlsx", "pdf"] as const;
const PRODUCES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/pdf",
];
const AppendixQuery = ReportQuery.extend({
  format: z.enum(APPENDIX_FORMATS).default("xlsx"),
  /** The report the appendix goes with: "(Kèm theo Báo cáo số <reportNumber> ngày <reportDate> của …)". */
  reportNumber: z.string().trim().min(1).max(40).optional(),
  reportDate: LocalDate.optional(),
});

type AppendixInput = z.infer<typeof AppendixQuery>;
const reportOf = (q: AppendixInput) => ({
  ...(q.reportNumber ? { number: q.reportNumber } : {}),
  ...(q.reportDate ? { date: q.reportDate } : {}),
});

async function send(
  ctx: AppContext,
  reply: Parameters<typeof sendDocument>[0],
  request: Omit<AppendixRequest, "unit" | "unitCodes"> & { scope: ReportScope },
  format: (typeof APPENDIX_FORMATS)[number],
) {
  const { period, scope } = request;
  const { spec, name } = await appendixOf(ctx.database.db, scope.units, {
    ...request,
    unit: scope.unit,
    unitCodes: scope.unitCodes,
  });
  const source = format === "pdf" ? "docx" : format;
  const bytes = await renderAppendix(spec, source);
  return sendDocument(reply, bytes, source, format, [name, scope.unit ?? "tat-ca", `${period.from} đến ${period.to}`]);
}

export const getResultsAppendix = defineRoute({
  method: "GET",
  url: "/api/reports/results/appendix",
  summary:
    "Phụ lục 4: kết quả tiếp nhận, giải quyết theo cơ chế một cửa (.xlsx, .docx hoặc .pdf); layout=004: kết quả theo lĩnh vực",
  tags: ["documents", "reports"],
  access: "staff",
  produces: PRODUCES,
  query: AppendixQuery.extend({
    by: z.enum(GROUPINGS).default("field"),
    /** 000: seed 000's Phụ lục 4; 004: seed 004's results by field. */
    layout: z.enum(RESULTS_LAYOUTS).default("000"),
  }),
  async handler({ ctx, actor, query, reply }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const request = {
      kind: "results",
      period,
      scope,
      by: query.by,
      layout: query.layout,
      report: reportOf(query),
    } as const;
    return send(ctx, reply, request, query.format);
  },
});

export const getChannelsAppendix = defineRoute({
  method: "GET",
  url: "/api/reports/channels/appendix",
  summary: "Phụ lục: hồ sơ tiếp nhận theo kênh (by=channel) hoặc mức độ dịch vụ công trực tuyến (by=level)",
  tags: ["documents", "reports"],
  access: "staff",
  produces: PRODUCES,
  query: AppendixQuery.extend({ by: z.enum(["channel", "level"]).default("channel") }),
  async handler({ ctx, actor, query, reply }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    return send(ctx, reply, { kind: "channels", period, scope, by: query.by, report: reportOf(query) }, query.format);
  },
});

export const getLateAppendix = defineRoute({
  method: "GET",
  url: "/api/reports/late/appendix",
  summary: "Phụ lục: hồ sơ trễ hạn theo đơn vị, có và chưa có văn bản xin lỗi (.xlsx, .docx hoặc .pdf)",
  tags: ["documents", "reports"],
  access: "staff",
  produces: PRODUCES,
  query: AppendixQuery.extend({ basis: z.enum(["receiving", "handling"]).default("receiving") }),
  async handler({ ctx, actor, query, reply }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    return send(ctx, reply, { kind: "late", period, scope, basis: query.basis, report: reportOf(query) }, query.format);
  },
});

export const getSatisfactionAppendix = defineRoute({
  method: "GET",
  url: "/api/reports/satisfaction/appendix",
  summary: "Phụ lục: kết quả khảo sát theo lĩnh vực (đơn giản / cần giảm giấy tờ / phức tạp), mẫu số 004",
  tags: ["documents", "reports"],
  access: "staff",
  produces: PRODUCES,
  query: AppendixQuery,
  async handler({ ctx, actor, query, reply }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    return send(ctx, reply, { kind: "satisfaction", period, scope, report: reportOf(query) }, query.format);
  },
});
