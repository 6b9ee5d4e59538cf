// The one-stop forms of a dossier (01–06) and a unit's tracking ledger (07) as .docx or .pdf. Who may download
// a dossier's forms is who may read the dossier (dossier.read at its current or receiving unit); the ledger
// needs dossier.read at the unit. Report appendices: documents-appendices.ts.
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { localDate } from "../../calendar/local-time.ts";
import { officeNamesOf, setOfficeName } from "../../db/repos/document-register.ts";
import { dossierFormRequest, unitLedger } from "../../db/repos/documents.ts";
import { officeOn } from "../../documents/office-names.ts";
import { getDossier } from "../../db/repos/dossiers/service.ts";
import {
  contentDisposition,
  fileNameOf,
  inFormat,
  MEDIA_TYPES,
  type OutputFormat,
  type SourceFormat,
} from "../../documents/delivery.ts";
import { DOSSIER_FORM_NUMBERS, DOSSIER_FORMS, dossierFormOf } from "../../documents/from-dossier.ts";
import {
  formJson,
  formSetOf,
  getFormDefinition,
  PdfBusyError,
  PdfUnavailableError,
  renderForm,
} from "../../documents/index.ts";
import type { FormRequest } from "../../documents/types.ts";
import { can } from "../../people/policy.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { DossierFormView } from "../schemas/documents.ts";
import { canReadDossier, outOfScope } from "./dossiers-access.ts";
import { DossierCodeParam, serviceOf } from "./dossiers.ts";
import { dossierProblem } from "./dossiers-present.ts";
import { periodOf } from "./reports.ts";
import { OfficeNames, OfficeNamesToday } from "../schemas/documents.ts";

const DOCX_OR_PDF = ["docx", "pdf"] as const;
/** A dossier form also as JSON: the values its .docx prints (documents/form-data.ts), for the quick-print receipt. */
const FORM_FORMATS = [...DOCX_OR_PDF, "json"] as const;

/** Sends a rendered document as a download; a PDF without LibreOffice is 503 `pdf-unavailable`. */
export async function sendDocument(
  reply: FastifyReply,
  bytes: Buffer,
  source: SourceFormat,
  format: OutputFormat,
  nameParts: readonly string[],
) {
  let body: Buffer;
  try {
    body = await inFormat(bytes, source, format);
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      throw new ApiError(503, error.code, "Chưa xuất được PDF", error.message);
    }
    if (error instanceof PdfBusyError) {
      reply.header("retry-after", "30");
      throw new ApiError(503, error.code, "Máy chủ đang bận xuất PDF", error.message);
    }
    throw error;
  }
  reply.type(MEDIA_TYPES[format]).header("content-disposition", contentDisposition(fileNameOf(nameParts, format)));
  return reply.send(body);
}

/** "Mẫu 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả" for the set the request falls in. */
function formLabel(request: FormRequest): string {
  const def = getFormDefinition(formSetOf(request), request.form);
  const title = def.title.toLocaleLowerCase("vi");
  return `Mẫu ${def.number} - ${title.charAt(0).toLocaleUpperCase("vi")}${title.slice(1)}`;
}

/** A form is named by its number ("01"…"06", DOSSIER_FORM_NUMBERS) or by name ("receipt", "declined-notice"…). */
const FORM_IDS: readonly string[] = [...Object.keys(DOSSIER_FORM_NUMBERS), ...DOSSIER_FORMS];

export const getDossierDocument = defineRoute({
  method: "GET",
  url: "/api/dossiers/:code/documents/:form",
  summary:
    "Biểu mẫu của hồ sơ (.docx hoặc .pdf): 01 phiếu tiếp nhận, 02 yêu cầu bổ sung, 03 từ chối, 04 xin lỗi và gia hạn, 05 dừng giải quyết, 06 phiếu kiểm soát; declined-notice: thông báo trả lại hồ sơ không đủ điều kiện giải quyết; format=json: các giá trị đã điền của biểu mẫu (phiếu in nhanh)",
  tags: ["documents"],
  access: "staff",
  produces: [MEDIA_TYPES.docx, MEDIA_TYPES.pdf],
  params: DossierCodeParam.extend({
    form: z.enum(FORM_IDS, { message: `Mẫu phải là một trong: ${FORM_IDS.join(", ")}` }),
  }),
  query: z.object({ format: z.enum(FORM_FORMATS).default("docx") }),
  response: DossierFormView,
  async handler({ ctx, actor, params, query, reply }) {
    const service = serviceOf(ctx);
    const { row, log } = await getDossier(service, params.code).catch(dossierProblem);
    if (!canReadDossier(actor, row, ctx.units)) throw outOfScope(row.code);
    const form = dossierFormOf(params.form)!;
    const request = await dossierFormRequest(service, row, log, form, ctx.publicUrl, ctx.now());
    if (!request) {
      throw new ApiError(
        404,
        "document-not-available",
        "Hồ sơ chưa có biểu mẫu này",
        `Hồ sơ ${row.code} chưa có sự kiện tạo ra mẫu "${params.form}" (ví dụ chưa có văn bản xin lỗi hoặc yêu cầu bổ sung).`,
      );
    }
    if (request.form === "ledger") throw new Error("a dossier form request is never the ledger");
    if (query.format === "json") return formJson(request, getFormDefinition(formSetOf(request), request.form));
    const bytes = await renderForm(request);
    return sendDocument(reply, bytes, "docx", query.format, [formLabel(request), row.code]);
  },
});

export const getUnitLedger = defineRoute({
  method: "GET",
  url: "/api/units/:code/ledger",
  summary: "Sổ theo dõi hồ sơ (mẫu 07) của Bộ phận Một cửa đơn vị: hồ sơ tiếp nhận trong kỳ (.docx hoặc .pdf)",
  tags: ["documents"],
  access: "staff",
  produces: [MEDIA_TYPES.docx, MEDIA_TYPES.pdf],
  params: z.object({ code: z.string().min(1).max(32) }),
  query: z.object({ from: LocalDate, to: LocalDate, format: z.enum(DOCX_OR_PDF).default("docx") }),
  async handler({ ctx, actor, params, query, reply }) {
    const period = periodOf(query);
    const units = await ctx.units.fresh();
    if (!units.find(params.code)) throw notFound(`đơn vị ${params.code}`);
    if (!can(actor, "dossier.read", params.code, units.parentOf)) throw forbidden();
    const request = await unitLedger(ctx.database.db, units, params.code, period, ctx.now());
    const bytes = await renderForm(request);
    return sendDocument(reply, bytes, "docx", query.format, [
      formLabel(request),
      params.code,
      `${period.from} đến ${period.to}`,
    ]);
  },
});

const OfficeNameBody = z.object({
  validFrom: LocalDate,
  name: z.string().trim().min(1, { error: "Nhập tên cơ quan" }).max(200),
  symbol: z
    .string()
    .regex(/^[A-ZĐ0-9]{1,16}$/, { error: "Ký hiệu gồm chữ in hoa và chữ số, tối đa 16 ký tự (ví dụ TTPVHCC)" })
    .nullish(),
});

export const getOfficeNames = defineRoute({
  method: "GET",
  url: "/api/units/:code/office-names",
  summary: "Tên Bộ phận Một cửa / Trung tâm Phục vụ hành chính công của đơn vị theo ngày áp dụng, và tên in hôm nay",
  tags: ["documents"],
  access: "staff",
  response: OfficeNamesToday,
  params: z.object({ code: z.string().min(1).max(32) }),
  async handler({ ctx, actor, params }) {
    const units = await ctx.units.fresh();
    const unit = units.find(params.code);
    if (!unit) throw notFound(`đơn vị ${params.code}`);
    if (!can(actor, "dossier.read", params.code, units.parentOf)) throw forbidden();
    const settings = await officeNamesOf(ctx.database.db, params.code);
    const today = localDate(ctx.now());
    const parent = unit.parentCode ? units.find(unit.parentCode) : undefined;
    return { settings, today: officeOn(unit, parent, unit.code, today, settings) };
  },
});

export const putOfficeName = defineRoute({
  method: "PUT",
  url: "/api/units/:code/office-names",
  summary: "Đặt tên cơ quan in trên biểu mẫu của đơn vị từ một ngày (quản trị); được ghi nhật ký",
  tags: ["documents"],
  access: "staff",
  response: OfficeNames,
  params: z.object({ code: z.string().min(1).max(32) }),
  body: OfficeNameBody,
  async handler({ ctx, actor, params, body }) {
    const units = await ctx.units.fresh();
    if (!units.find(params.code)) throw notFound(`đơn vị ${params.code}`);
    if (!can(actor, "unit.manage", params.code, units.parentOf)) throw forbidden();
    const settings = await setOfficeName(ctx.database.db, params.code, body, {
      userId: actor?.userId ?? null,
      now: ctx.now(),
    });
    return { settings };
  },
});
