// The citizen's side: online submission, lookup with the receipt's secret (or the phone), the supplement of an
// online dossier (with the secret), rating after return, and the public statistics with the apologies. Nothing here shows a person's name, ID, phone or an officer.
import { z } from "zod";
import { Applicant } from "../../db/repos/dossiers/applicant.ts";
import { intake } from "../../db/repos/dossiers/intake.ts";
import { findByCredentials, publicView } from "../../db/repos/dossiers/public.ts";
import { rateDossier } from "../../db/repos/dossiers/ratings.ts";
import { supplementByApplicant } from "../../db/repos/dossiers/supplement.ts";
import { publicApologies, publicStatistics } from "../../db/repos/dossiers/statistics.ts";
import { localDate } from "../../calendar/index.ts";
import { ApiError, tooManyRequests, validationFailed } from "../errors.ts";
import type { AppContext } from "../context.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { checkedFiles, PUBLIC_FILE_TYPES, DOSSIER_FILES_MAX_BYTES } from "../upload-guards.ts";
import { UPLOAD_BODY_LIMIT } from "../request-guards.ts";
import { limitSubmission } from "./public-limits.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { idempotencyKeyOf, serviceOf } from "./dossiers.ts";
import { LookupResult, PublicApologies, PublicStatistics, RatedAnswer, SubmissionAnswer } from "../schemas/public.ts";

const CITIZEN = { id: "citizen", role: "citizen", unit: "" } as const;

/**
 * Files sent by the applicant: PDF, JPG or PNG as read from the bytes and as declared, 20 MB each, 30 MB for the
 * dossier (upload-guards.ts), at most 30 files.
 */
const SentFiles = z
  .array(
    z.object({
      component: z.string().max(300).optional(),
      name: z.string().min(1).max(255),
      contentType: z.string().max(200).optional(),
      dataBase64: z.string().min(1).max(28_000_000, "Tệp tối đa 20 MB"),
    }),
  )
  .max(30, "Tối đa 30 tệp");

const Submission = z.object({
  unitCode: z.string().min(1).max(32),
  procedureCode: z.string().min(1).max(40),
  /** Fully online (toàn trình) unless the procedure is only partially online. */
  channel: z.enum(["online_full", "online_partial"]).optional(),
  applicant: Applicant,
  components: z.array(z.string().min(1).max(300)).max(100).default([]),
  attachments: SentFiles.default([]),
  note: z.string().max(2000).optional(),
});

export const submitOnline = defineRoute({
  method: "POST",
  url: "/api/public/submissions",
  summary: "Nộp hồ sơ trực tuyến (trạng thái mới đăng ký; trả về mã hồ sơ và mã tra cứu)",
  tags: ["public"],
  access: "public",
  response: SubmissionAnswer,
  upload: true,
  bodyLimit: UPLOAD_BODY_LIMIT,
  body: Submission,
  async handler({ ctx, body, request, reply }) {
    const key = idempotencyKeyOf(request.headers);
    const contents = checkedFiles(body.attachments, "attachments", PUBLIC_FILE_TYPES);
    await limitSubmission(ctx, request.ip, body.applicant);
    const service = serviceOf(ctx);
    const procedure = await ctx.database.db
      .selectFrom("procedures")
      .select("online_level")
      .where("code", "=", body.procedureCode)
      .where("effective_from", "<=", localDate(ctx.now()))
      .orderBy("effective_from", "desc")
      .executeTakeFirst();
    if (procedure?.online_level === "none") {
      throw new ApiError(
        422,
        "not-online",
        "Không thực hiện được",
        "Thủ tục này chưa cung cấp dịch vụ công trực tuyến.",
      );
    }
    const channel = body.channel ?? (procedure?.online_level === "partial" ? "online_partial" : "online_full");
    const outcome = await intake(
      service,
      CITIZEN,
      {
        mode: "submit_online",
        unitCode: body.unitCode,
        procedureCode: body.procedureCode,
        channel,
        applicant: body.applicant,
        components: body.components,
        newFiles: body.attachments.map((a, i) => ({
          name: a.name,
          content: contents[i]!,
          ...(a.component ? { component: a.component } : {}),
        })),
        ...(body.note ? { reason: body.note } : {}),
      },
      key,
    ).catch(dossierProblem);
    reply.status(outcome.replayed ? 200 : 201);
    return withLocalInstants({
      code: outcome.row.code,
      lookupSecret: outcome.lookupSecret,
      state: outcome.row.state,
      submittedAt: outcome.row.submitted_at,
    });
  },
});

/** Counts a lookup against the caller's address and against the code (guessing one code's secret from many addresses). */
function limitLookup(ctx: AppContext, ip: string, code: string): void {
  const wait = Math.max(ctx.limits.lookup.hit(`ip:${ip}`), ctx.limits.lookup.hit(`code:${code}`));
  if (wait > 0) throw tooManyRequests(wait);
}

const Credentials = z.object({
  code: z.string().trim().min(1, "Nhập mã hồ sơ").max(80),
  secret: z.string().trim().max(40).optional(),
  phone: z.string().trim().max(30).optional(),
});

export const lookupDossier = defineRoute({
  method: "GET",
  url: "/api/public/lookup",
  summary: "Tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu (hoặc số điện thoại); không hiển thị thông tin cá nhân",
  tags: ["public"],
  access: "public",
  response: LookupResult,
  query: Credentials,
  async handler({ ctx, query, request }) {
    if (!query.secret && !query.phone) {
      throw validationFailed([{ name: "secret", reason: "Nhập mã tra cứu in trên phiếu hẹn hoặc số điện thoại" }]);
    }
    limitLookup(ctx, request.ip, query.code);
    const service = serviceOf(ctx);
    const { row, log } = await findByCredentials(service, query.code, query).catch(dossierProblem);
    return withLocalInstants(publicView(row, log, (code) => ctx.units.find(code)?.name ?? code));
  },
});

export const rateService = defineRoute({
  method: "POST",
  url: "/api/public/ratings",
  summary: "Đánh giá mức độ hài lòng sau khi nhận kết quả (một lần)",
  tags: ["public"],
  access: "public",
  response: RatedAnswer,
  body: z.object({
    code: z.string().trim().min(1).max(80),
    secret: z.string().trim().min(1, "Nhập mã tra cứu").max(40),
    score: z.number().int().min(1, "Chọn từ 1 đến 5 sao").max(5, "Chọn từ 1 đến 5 sao"),
    officerScore: z.number().int().min(1).max(5).optional(),
    procedureAssessment: z.enum(["simple", "fewer_papers", "complicated"]).optional(),
    comment: z.string().max(2000).optional(),
  }),
  async handler({ ctx, body, request, reply }) {
    limitLookup(ctx, request.ip, body.code);
    const service = serviceOf(ctx);
    await findByCredentials(service, body.code, { secret: body.secret }).catch(dossierProblem);
    await rateDossier(service, body).catch(dossierProblem);
    reply.status(201);
    return { code: body.code, rated: true };
  },
});

export const sendSupplement = defineRoute({
  method: "POST",
  url: "/api/public/supplements",
  summary: "Nộp bổ sung hồ sơ trực tuyến theo yêu cầu bổ sung (bằng mã hồ sơ và mã tra cứu)",
  tags: ["public"],
  access: "public",
  response: LookupResult,
  upload: true,
  bodyLimit: UPLOAD_BODY_LIMIT,
  body: z.object({
    code: z.string().trim().min(1, "Nhập mã hồ sơ").max(80),
    secret: z.string().trim().min(1, "Nhập mã tra cứu").max(40),
    attachments: SentFiles.min(1, "Gửi kèm ít nhất một tệp bổ sung"),
    components: z.array(z.string().min(1).max(300)).max(100).default([]),
    note: z.string().max(2000).optional(),
  }),
  async handler({ ctx, body, request }) {
    limitLookup(ctx, request.ip, body.code);
    const service = serviceOf(ctx);
    const { row } = await findByCredentials(service, body.code, { secret: body.secret }).catch(dossierProblem);
    const stored = await storedBytes(ctx, row.province_code, row.code);
    const contents = checkedFiles(body.attachments, "attachments", PUBLIC_FILE_TYPES, DOSSIER_FILES_MAX_BYTES, stored);
    const outcome = await supplementByApplicant(service, {
      code: body.code,
      files: body.attachments.map((a, i) => ({
        name: a.name,
        content: contents[i]!,
        ...(a.component ? { component: a.component } : {}),
      })),
      components: body.components,
      ...(body.note ? { note: body.note } : {}),
    }).catch(dossierProblem);
    return withLocalInstants(publicView(outcome.row, outcome.log, (code) => ctx.units.find(code)?.name ?? code));
  },
});

export const statistics = defineRoute({
  method: "GET",
  url: "/api/public/statistics",
  summary: "Thống kê công khai kết quả giải quyết hồ sơ và danh sách xin lỗi do trễ hạn",
  tags: ["public"],
  access: "public",
  response: PublicStatistics,
  query: z.object({ from: LocalDate.optional(), to: LocalDate.optional(), unit: z.string().max(32).optional() }),
  async handler({ ctx, query }) {
    const today = localDate(ctx.now());
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw validationFailed([{ name: "from", reason: "Từ ngày phải trước hoặc bằng đến ngày" }]);
    const units = await ctx.units.fresh();
    if (query.unit && !units.find(query.unit)) throw lookupNotFoundUnit(query.unit);
    return withLocalInstants(
      await publicStatistics(serviceOf(ctx), { from, to, ...(query.unit ? { units: units.subtree(query.unit) } : {}) }),
    );
  },
});

export const apologies = defineRoute({
  method: "GET",
  url: "/api/public/apologies",
  summary: "Danh sách hồ sơ gia hạn có thư xin lỗi (công khai, không có thông tin cá nhân)",
  tags: ["public"],
  access: "public",
  response: PublicApologies,
  query: z.object({ from: LocalDate.optional(), to: LocalDate.optional(), unit: z.string().max(32).optional() }),
  async handler({ ctx, query }) {
    const today = localDate(ctx.now());
    const units = await ctx.units.fresh();
    if (query.unit && !units.find(query.unit)) throw lookupNotFoundUnit(query.unit);
    const items = await publicApologies(serviceOf(ctx), {
      from: query.from ?? `${today.slice(0, 4)}-01-01`,
      to: query.to ?? today,
      ...(query.unit ? { units: units.subtree(query.unit) } : {}),
    });
    return withLocalInstants({ items });
  },
});

/** Bytes of the files a dossier already holds (its total is limited, supplements included). */
async function storedBytes(ctx: AppContext, provinceCode: string, code: string): Promise<number> {
  const row = await ctx.database.db
    .selectFrom("files")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("size"), eb.lit(0)).as("bytes"))
    .where("province_code", "=", provinceCode)
    .where("dossier_code", "=", code)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

const lookupNotFoundUnit = (unit: string) =>
  new ApiError(404, "not-found", "Không tìm thấy", `Không có đơn vị ${unit}.`);
