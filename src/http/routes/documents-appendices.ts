// The report appendices as .docx, .xlsx or .pdf, from the same report functions as the JSON routes:
// results (seed 000 Phụ lục 4, from the SQL results report), channels (seed 004, from the results report's
// received-by-channel counts), late dossiers by unit with and without an apology (seed 002), survey by field
// (seed 004). Authorized with report.read at the unit, like the reports themselves.
import { z } from "zod";
import { surveyCountsByField } from "../../db/repos/documents.ts";
import { loadPeriodRecords } from "../../db/repos/reports-records.ts";
import { resultsReport } from "../../db/repos/reports.ts";
import {
  channelsAppendixSpec,
  lateByUnitSpec,
  renderAppendix,
  resultsAppendixSpec,
  satisfactionSpec,
  type TableSpec,
} from "../../documents/index.ts";
import type { AppendixOptions } from "../../documents/types.ts";
import { officeOf } from "../../documents/from-dossier.ts";
import { placeDateLine } from "../../documents/vn-format.ts";
import { GROUPINGS, type Grouping } from "../../figures/grouping.ts";
import { lateByUnit } from "../../figures/late.ts";
import type { Period } from "../../figures/period.ts";
import type { AppContext } from "../context.ts";
import { defineRoute } from "../route.ts";
import { sendDocument } from "./documents.ts";
import { ReportQuery, type ReportScope, reportRequest } from "./reports.ts";

const APPENDIX_FORMATS = ["docx", "xlsx", "pdf"] as const;
const PRODUCES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/pdf",
];
const AppendixQuery = ReportQuery.extend({ format: z.enum(APPENDIX_FORMATS).default("xlsx") });

const KEY_LABEL: Record<Grouping, string> = {
  field: "Lĩnh vực, công việc thực hiện cơ chế một cửa",
  unit: "Cơ quan, đơn vị",
  procedure: "Thủ tục hành chính",
  "field-level": "Lĩnh vực, cấp thực hiện",
};

/** The Decree 30 heading of a standalone appendix: the unit's People's Committee, number left blank. */
function headingOf(ctx: AppContext, scope: ReportScope): NonNullable<AppendixOptions["heading"]> {
  const unit = scope.unit ? scope.units.find(scope.unit) : undefined;
  const parent = unit?.parentCode ? scope.units.find(unit.parentCode) : undefined;
  const office = officeOf(unit, parent, scope.unit ?? "");
  return {
    ...(parent ? { parentName: officeOf(parent, undefined, parent.code).parentName } : {}),
    issuerName: unit ? office.parentName : "ỦY BAN NHÂN DÂN",
    number: "      /BC-UBND",
    placeDate: placeDateLine(unit ? office.place : "", ctx.now()),
  };
}

function periodNote(period: Period): string {
  const d = (iso: string) => iso.split("-").reverse().join("/");
  return `(Kỳ báo cáo: từ ngày ${d(period.from)} đến ngày ${d(period.to)})`;
}

async function send(
  ctx: AppContext,
  reply: Parameters<typeof sendDocument>[0],
  scope: ReportScope,
  spec: TableSpec,
  format: (typeof APPENDIX_FORMATS)[number],
  name: string,
  period: Period,
) {
  const source = format === "pdf" ? "docx" : format;
  const bytes = await renderAppendix(spec, source, { heading: headingOf(ctx, scope) });
  return sendDocument(reply, bytes, source, format, [name, scope.unit ?? "tat-ca", `${period.from} đến ${period.to}`]);
}

export const getResultsAppendix = defineRoute({
  method: "GET",
  url: "/api/reports/results/appendix",
  summary: "Phụ lục 4: kết quả tiếp nhận, giải quyết theo cơ chế một cửa (.xlsx, .docx hoặc .pdf)",
  tags: ["documents", "reports"],
  access: "staff",
  produces: PRODUCES,
  query: AppendixQuery.extend({ by: z.enum(GROUPINGS).default("field") }),
  async handler({ ctx, actor, query, reply }) {
    const { period, scope } = await reportRequest(ctx, actor, query);
    const report = await resultsReport(ctx.database.db, scope.units, { ...period, unit: scope.unit, by: query.by });
    const spec = resultsAppendixSpec(report.rows, {
      total: report.total,
      keyLabel: KEY_LABEL[query.by],
      note: periodNote(period),
    });
    return send(ctx, reply, scope, spec, query.format, "Phụ lục 4 - Kết quả một cửa", period);
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
    const report = await resultsReport(ctx.database.db, scope.units, { ...period, unit: scope.unit });
    const spec = channelsAppendixSpec(report.total, { by: query.by, note: periodNote(period) });
    return send(ctx, reply, scope, spec, query.format, "Phụ lục - Kênh tiếp nhận", period);
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
    const records = await loadPeriodRecords(ctx.database.db, { ...period, unitCodes: scope.unitCodes });
    const late = lateByUnit(records, { ...period, basis: query.basis });
    const rows = late.rows.map((r) => ({
      unit: scope.units.find(r.unit)?.name ?? r.unit,
      late: r.late,
      withApology: r.withApology,
    }));
    const spec = lateByUnitSpec(rows, { note: periodNote(period) });
    return send(ctx, reply, scope, spec, query.format, "Phụ lục - Hồ sơ trễ hạn", period);
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
    const rows = await surveyCountsByField(ctx.database.db, period, scope.unitCodes);
    const spec = satisfactionSpec(rows, { note: periodNote(period) });
    return send(ctx, reply, scope, spec, query.format, "Phụ lục - Khảo sát hài lòng", period);
  },
});
