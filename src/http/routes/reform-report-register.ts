// The register of periodic CCHC reports over HTTP (docs/reform-report.md "Register"): a unit issues its report
// (frozen, a new version each time) and submits it; the unit above sees who submitted and who is late, returns
// a report with a comment, and rolls up its units' 01b rows. reform.manage to issue and submit at the unit and
// to return at the unit above; reform.read to read.
import { z } from "zod";
import {
  frozenReport,
  issueReport,
  RegisterError,
  registerOf,
  reportsFor,
  returnReport,
  rollUp,
  submitReport,
} from "../../db/repos/reform-report/register.ts";
import { metaForUnit } from "../../db/repos/reform-report/meta.ts";
import { localDate } from "../../calendar/local-time.ts";
import { ReportBlockedError } from "../../reform/report/check.ts";
import { can } from "../../people/policy.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { sendDocument } from "./documents.ts";
import { blocked, EditsBody, ReformQuery, ReportOptions, reformRequest } from "./reform-report.ts";
import { IssuedReport, IssuedReportList, ReportRegister, RollUp } from "../schemas/reform-report.ts";

const KeyBody = z.object({
  unit: z.string().min(1),
  from: LocalDate,
  to: LocalDate,
  version: z.number().int().min(1),
});

function registerFailure(error: unknown): never {
  if (error instanceof RegisterError) {
    if (error.code === "report-not-found") throw notFound("báo cáo");
    throw new ApiError(409, error.code, "Không đổi được trạng thái báo cáo", error.message);
  }
  throw error;
}

export const listReformReports = defineRoute({
  method: "GET",
  url: "/api/reform/reports",
  summary: "Các phiên bản báo cáo CCHC đã ban hành của đơn vị trong kỳ (mới nhất trước)",
  tags: ["reform"],
  access: "staff",
  response: IssuedReportList,
  query: ReformQuery,
  async handler({ ctx, actor, query }) {
    const { period, unit } = await reformRequest(ctx, actor, query);
    return { unit, ...period, reports: await reportsFor(ctx.database.db, [unit], period) };
  },
});

export const issueReformReport = defineRoute({
  method: "POST",
  url: "/api/reform/reports",
  summary: "Ban hành báo cáo CCHC của đơn vị trong kỳ: số liệu được kiểm tra và đóng băng (mỗi lần là một phiên bản)",
  tags: ["reform"],
  access: "staff",
  response: IssuedReport,
  body: ReformQuery.extend({ ...ReportOptions, edits: EditsBody }),
  async handler({ ctx, actor, body }) {
    const { period, unit, units } = await reformRequest(ctx, actor, body, "reform.manage");
    const meta = metaForUnit(units, unit, {
      date: body.date ?? localDate(ctx.now()),
      number: body.number,
      signature: { name: body.signer, title: body.signerTitle, authority: body.authority },
    });
    try {
      return await issueReport(
        ctx.database.db,
        units,
        { unit, ...period, meta },
        {
          userId: actor?.userId ?? null,
          now: ctx.now(),
        },
      );
    } catch (error) {
      if (error instanceof ReportBlockedError) throw blocked(error);
      throw error;
    }
  },
});

export const getReformReportFile = defineRoute({
  method: "GET",
  url: "/api/reform/reports/file",
  summary: "Tệp báo cáo CCHC đã ban hành (.docx hoặc .pdf), đúng như lúc ban hành",
  tags: ["reform", "documents"],
  access: "staff",
  produces: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf"],
  query: z.object({
    unit: z.string().min(1),
    from: LocalDate,
    to: LocalDate,
    version: z.coerce.number().int().min(1),
    format: z.enum(["docx", "pdf"]).default("docx"),
  }),
  async handler({ ctx, actor, query, reply }) {
    const { unit } = await reformRequest(ctx, actor, { unit: query.unit, from: query.from, to: query.to });
    const { file } = await frozenReport(ctx.database.db, { ...query, unit }).catch(registerFailure);
    if (!file) throw notFound("tệp báo cáo");
    return sendDocument(reply, file, "docx", query.format, ["Bao cao CCHC", unit, `${query.from} đến ${query.to}`]);
  },
});

export const submitReformReport = defineRoute({
  method: "POST",
  url: "/api/reform/reports/submit",
  summary: "Gửi báo cáo CCHC đã ban hành lên cấp trên",
  tags: ["reform"],
  access: "staff",
  response: IssuedReport,
  body: KeyBody,
  async handler({ ctx, actor, body }) {
    await reformRequest(ctx, actor, { unit: body.unit, from: body.from, to: body.to }, "reform.manage");
    return submitReport(ctx.database.db, body, { userId: actor?.userId ?? null, now: ctx.now() }).catch(
      registerFailure,
    );
  },
});

export const returnReformReport = defineRoute({
  method: "POST",
  url: "/api/reform/reports/return",
  summary: "Cấp trên trả lại báo cáo CCHC đã gửi để chỉnh sửa, kèm ý kiến",
  tags: ["reform"],
  access: "staff",
  response: IssuedReport,
  body: KeyBody.extend({ comment: z.string({ error: "Ghi ý kiến khi trả lại" }).min(1).max(2000) }),
  async handler({ ctx, actor, body }) {
    const units = await ctx.units.fresh();
    const parent = units.find(body.unit)?.parentCode;
    if (!units.find(body.unit)) throw notFound(`đơn vị ${body.unit}`);
    if (!parent || !can(actor, "reform.manage", parent, units.parentOf)) {
      throw forbidden("Chỉ cấp trên của đơn vị được trả lại báo cáo.");
    }
    return returnReport(ctx.database.db, body, body.comment, { userId: actor?.userId ?? null, now: ctx.now() }).catch(
      registerFailure,
    );
  },
});

export const getReformRegister = defineRoute({
  method: "GET",
  url: "/api/reform/reports/register",
  summary: "Sổ theo dõi báo cáo CCHC của các đơn vị cấp dưới trong kỳ: hạn nộp, đã gửi, trễ hạn",
  tags: ["reform"],
  access: "staff",
  response: ReportRegister,
  query: ReformQuery,
  async handler({ ctx, actor, query }) {
    const { period, unit, units } = await reformRequest(ctx, actor, query);
    return { unit, ...period, units: await registerOf(ctx.database.db, units, { unit, ...period, now: ctx.now() }) };
  },
});

export const getReformRollUp = defineRoute({
  method: "GET",
  url: "/api/reform/reports/roll-up",
  summary: "Tổng hợp Phụ lục 01b từ báo cáo đã gửi của các đơn vị cấp dưới; nêu đơn vị chưa gửi",
  tags: ["reform"],
  access: "staff",
  response: RollUp,
  query: ReformQuery,
  async handler({ ctx, actor, query }) {
    const { period, unit, units } = await reformRequest(ctx, actor, query);
    return rollUp(ctx.database.db, units, { unit, ...period });
  },
});
