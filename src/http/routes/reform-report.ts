// The CCHC statistics sheet (Phụ lục 01b) and the periodic report over HTTP (docs/reform-report.md): the sheet
// with its checks, hand entries (refused on computed rows), the draft report as .docx/.pdf (blocked, naming
// the violations, when its figures break a check). Read with reform.read at the unit, written with
// reform.manage. The register (issue, submit, return, roll-up) is reform-report-register.ts.
import { z } from "zod";
import { deleteManualValue, ManualValueError, setManualValue } from "../../db/repos/reform-report/manual.ts";
import { metaForUnit } from "../../db/repos/reform-report/meta.ts";
import { computeSheet, reportInputs } from "../../db/repos/reform-report/sheet.ts";
import { localDate } from "../../calendar/local-time.ts";
import { ReportBlockedError } from "../../reform/report/check.ts";
import { reportToDocx } from "../../reform/report/document.ts";
import { checkSheet } from "../../reform/sheet/checks.ts";
import type { Actor } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { sendDocument } from "./documents.ts";
import { PeriodParams, reportRequest } from "./reports.ts";
import { ManualRemoved, Sheet, SheetRow } from "../schemas/reform-report.ts";

export const ReformQuery = z.object({ ...PeriodParams, unit: z.string({ error: "Chọn đơn vị" }).min(1) });

/** The period and unit of a reform request, checked against the actor's grants for `action`. */
export async function reformRequest(
  ctx: AppContext,
  actor: Actor | undefined,
  query: z.infer<typeof ReformQuery>,
  action: "reform.read" | "reform.manage" = "reform.read",
) {
  const { period, scope } = await reportRequest(ctx, actor, query, action);
  return { period, unit: scope.unit!, units: scope.units };
}

/** A report whose figures break a check: 422 naming each violation. */
export function blocked(error: ReportBlockedError): ApiError {
  return new ApiError(
    422,
    error.code,
    "Số liệu báo cáo không nhất quán",
    error.message,
    error.findings.map((f) => ({ name: f.on, reason: f.text })),
  );
}

export const getReformSheet = defineRoute({
  method: "GET",
  url: "/api/reform/sheet",
  summary: "Phụ lục 01b của đơn vị (cả cấp dưới) trong kỳ: số liệu, nguồn, và các vi phạm kiểm tra",
  tags: ["reform"],
  access: "staff",
  response: Sheet,
  query: ReformQuery,
  async handler({ ctx, actor, query }) {
    const { period, unit, units } = await reformRequest(ctx, actor, query);
    const { sheet } = await computeSheet(ctx.database.db, units, { unit, ...period });
    return { ...sheet, violations: checkSheet(sheet) };
  },
});

const ManualBody = z.object({
  unit: z.string().min(1),
  from: LocalDate,
  to: LocalDate,
  code: z.string().min(1).max(32),
  value: z.number({ error: "Số liệu phải là số" }),
  note: z.string().max(1000).optional(),
});

export const putReformSheetManual = defineRoute({
  method: "PUT",
  url: "/api/reform/sheet/manual",
  summary: "Nhập tay một chỉ tiêu 01b chưa có trong hồ sơ CCHC (không nhập được chỉ tiêu tính từ hồ sơ, danh mục)",
  tags: ["reform"],
  access: "staff",
  response: SheetRow,
  body: ManualBody,
  async handler({ ctx, actor, body }) {
    const { period, unit, units } = await reformRequest(ctx, actor, body, "reform.manage");
    const { sheet } = await computeSheet(ctx.database.db, units, { unit, ...period });
    const values = new Map(sheet.rows.filter((r) => r.code !== body.code).map((r) => [r.code, r.value]));
    try {
      await setManualValue(
        ctx.database.db,
        { province: units.provinceOf(unit) ?? unit, unit, ...period },
        { code: body.code, value: body.value, note: body.note ?? null },
        values,
        { userId: actor?.userId ?? null, now: ctx.now() },
      );
    } catch (error) {
      if (error instanceof ManualValueError) {
        throw new ApiError(422, error.code, "Không nhập được số liệu", error.message, [
          { name: "value", reason: error.message },
        ]);
      }
      throw error;
    }
    const after = await computeSheet(ctx.database.db, units, { unit, ...period });
    return after.sheet.rows.find((r) => r.code === body.code)!;
  },
});

export const deleteReformSheetManual = defineRoute({
  method: "DELETE",
  url: "/api/reform/sheet/manual",
  summary: "Xóa số liệu nhập tay của một chỉ tiêu 01b",
  tags: ["reform"],
  access: "staff",
  response: ManualRemoved,
  query: ReformQuery.extend({ code: z.string().min(1).max(32) }),
  async handler({ ctx, actor, query }) {
    const { period, unit, units } = await reformRequest(ctx, actor, query, "reform.manage");
    const removed = await deleteManualValue(
      ctx.database.db,
      { province: units.provinceOf(unit) ?? unit, unit, ...period },
      query.code,
      { userId: actor?.userId ?? null, now: ctx.now() },
    );
    return { removed };
  },
});

const Paragraphs = z.array(z.string().min(1).max(4000)).max(30).optional();

/** The unit's own paragraphs for sections III–V ({name} for a figure; a typed count is refused). */
export const EditsBody = z
  .object({ assessment: Paragraphs, directions: Paragraphs, proposals: Paragraphs })
  .optional()
  .describe("Đoạn văn thay cho phần III (đánh giá), IV (phương hướng), V (kiến nghị); số liệu viết {tên}");

export const ReportOptions = {
  date: LocalDate.optional().describe("Ngày của báo cáo; mặc định hôm nay"),
  number: z.string().max(32).optional(),
  signer: z.string().max(200).optional(),
  signerTitle: z.string().max(200).optional(),
  authority: z.string().max(200).optional(),
};

export const getReformReportDraft = defineRoute({
  method: "GET",
  url: "/api/reform/report",
  summary: "Bản dự thảo báo cáo CCHC định kỳ kèm phụ lục (.docx hoặc .pdf); bị chặn nếu số liệu không nhất quán",
  tags: ["reform", "documents"],
  access: "staff",
  produces: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf"],
  query: ReformQuery.extend({ ...ReportOptions, format: z.enum(["docx", "pdf"]).default("docx") }),
  async handler({ ctx, actor, query, reply }) {
    const { period, unit, units } = await reformRequest(ctx, actor, query);
    const inputs = await reportInputs(ctx.database.db, units, { unit, ...period });
    const meta = metaForUnit(units, unit, {
      date: query.date ?? localDate(ctx.now()),
      number: query.number,
      signature: { name: query.signer, title: query.signerTitle, authority: query.authority },
    });
    let bytes: Buffer;
    try {
      bytes = await reportToDocx(inputs, meta);
    } catch (error) {
      if (error instanceof ReportBlockedError) throw blocked(error);
      throw error;
    }
    return sendDocument(reply, bytes, "docx", query.format, ["Bao cao CCHC", unit, `${period.from} đến ${period.to}`]);
  },
});

export const previewReformReport = defineRoute({
  method: "POST",
  url: "/api/reform/report/preview",
  summary: "Xem trước báo cáo CCHC với nội dung phần III–V do đơn vị sửa (.docx hoặc .pdf)",
  tags: ["reform", "documents"],
  access: "staff",
  produces: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf"],
  body: ReformQuery.extend({ ...ReportOptions, edits: EditsBody, format: z.enum(["docx", "pdf"]).default("docx") }),
  async handler({ ctx, actor, body, reply }) {
    const { period, unit, units } = await reformRequest(ctx, actor, body);
    const inputs = await reportInputs(ctx.database.db, units, { unit, ...period });
    const meta = metaForUnit(units, unit, {
      date: body.date ?? localDate(ctx.now()),
      number: body.number,
      signature: { name: body.signer, title: body.signerTitle, authority: body.authority },
    });
    let bytes: Buffer;
    try {
      bytes = await reportToDocx(inputs, meta, body.edits ?? {});
    } catch (error) {
      if (error instanceof ReportBlockedError) throw blocked(error);
      throw error;
    }
    return sendDocument(reply, bytes, "docx", body.format, ["Bao cao CCHC", unit, `${period.from} đến ${period.to}`]);
  },
});
