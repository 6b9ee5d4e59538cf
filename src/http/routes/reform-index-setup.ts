// The CCHC index set-up and follow-up over HTTP (docs/reform-index.md "API"): criteria sets as versioned data
// (list, read, store from JSON or .xlsx, the spreadsheet template), a province's index year (set, taking-part
// units, phase deadlines), the survey results, a unit's trend over years and the "what to fix" plan. Thin
// routes over src/db/repos/reform-index. Province-wide changes need reform.manage on the province; a set
// without a province (a shared default) only a superuser.
import { z } from "zod";
import { createFixPlan } from "../../db/repos/reform-index/fix-plan.ts";
import { loadTrend } from "../../db/repos/reform-index/scorecard.ts";
import {
  findIndexYear,
  listCriteriaSets,
  loadCriteriaSet,
  saveCriteriaSet,
  saveCriteriaSetFromWorkbook,
  saveIndexYear,
} from "../../db/repos/reform-index/sets.ts";
import { listSurveys, saveSurveys } from "../../db/repos/reform-index/surveys.ts";
import { DEFAULT_COMMUNE_SET } from "../../reform/index/default-commune-set.ts";
import { NO_DEADLINES } from "../../reform/index/phases.ts";
import { setToSheets } from "../../reform/index/set-workbook.ts";
import { writeWorkbook } from "../../reform/records/workbook.ts";
import { type Actor, can, scopeRoots } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { forbidden, notFound } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { decodeBase64 } from "./dossiers-files.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { changedBy, manageUnit, readScope } from "./reform-records-access.ts";
import {
  IndexFixPlan,
  IndexSet,
  IndexSetList,
  IndexSetSaved,
  IndexSurveys,
  IndexSurveysSaved,
  IndexTrend,
  IndexYearAnswer,
} from "../schemas/reform-index.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const Year = z.coerce.number().int().min(2000).max(2100);
const SetId = z.string().min(1).max(100);
const ProvinceYear = z.object({ province: z.string().min(1).max(32), year: Year });

/** reform.manage on the province (404 unknown, 403 not allowed); a set of no province: a superuser. */
async function manageProvince(ctx: AppContext, actor: Actor | undefined, province: string | null) {
  if (province === null) {
    if (!actor?.isSuperuser) throw forbidden();
    return;
  }
  await manageUnit(ctx, actor, province);
}

/** Anyone reading reform records in the province reads its index year (a commune sees its deadlines). */
async function readProvince(ctx: AppContext, actor: Actor | undefined, province: string) {
  const units = await ctx.units.fresh();
  if (!units.find(province)) throw notFound(`đơn vị ${province}`);
  if (can(actor, "reform.read", province, units.parentOf)) return;
  if (!scopeRoots(actor!, "reform.read").some((root) => units.provinceOf(root) === province)) throw forbidden();
}

export const listReformIndexSets = defineRoute({
  method: "GET",
  url: "/api/reform/index/sets",
  summary: "Các bộ tiêu chí Chỉ số CCHC đã lưu (mọi phiên bản) và bộ mặc định",
  tags: ["reform"],
  access: "staff",
  response: IndexSetList,
  query: z.object({ setId: SetId.optional() }),
  async handler({ ctx, query }) {
    return { sets: withLocalInstants(await listCriteriaSets(ctx.database.db, query.setId)) };
  },
});

export const getReformIndexSet = defineRoute({
  method: "GET",
  url: "/api/reform/index/sets/:setId/:version",
  summary: "Một phiên bản bộ tiêu chí Chỉ số CCHC: cây tiêu chí, điểm, cách chấm, nguồn",
  tags: ["reform"],
  access: "staff",
  response: IndexSet,
  params: z.object({ setId: SetId, version: z.coerce.number().int().min(1) }),
  async handler({ ctx, params }) {
    return await loadCriteriaSet(ctx.database.db, params.setId, params.version).catch(dossierProblem);
  },
});

export const createReformIndexSet = defineRoute({
  method: "POST",
  url: "/api/reform/index/sets",
  summary: "Lưu bộ tiêu chí Chỉ số CCHC (phiên bản mới) từ JSON hoặc bảng tính .xlsx theo mẫu",
  tags: ["reform"],
  access: "staff",
  response: IndexSetSaved,
  bodyLimit: 12 * 1024 * 1024,
  body: z.union([
    z.object({ set: z.record(z.string(), z.unknown()) }),
    z.object({ xlsxBase64: z.string().min(1).max(10_000_000) }),
  ]),
  async handler({ ctx, actor, body }) {
    const db = ctx.database.db;
    const by = changedBy(ctx, actor);
    if ("set" in body) {
      const province = typeof body.set.province === "string" ? body.set.province : null;
      await manageProvince(ctx, actor, province);
      const set = await saveCriteriaSet(db, body.set, by).catch(dossierProblem);
      return { setId: set.id, version: set.version, title: set.title, province: set.province, year: set.year };
    }
    // the province is known once the workbook is read: store inside a transaction, undone if not allowed
    const set = await db
      .transaction()
      .execute(async (trx) => {
        const saved = await saveCriteriaSetFromWorkbook(trx, decodeBase64(body.xlsxBase64, "xlsxBase64"), by);
        await manageProvince(ctx, actor, saved.province);
        return saved;
      })
      .catch(dossierProblem);
    return { setId: set.id, version: set.version, title: set.title, province: set.province, year: set.year };
  },
});

export const getReformIndexSetTemplate = defineRoute({
  method: "GET",
  url: "/api/reform/index/set-template",
  summary: "Mẫu bảng tính bộ tiêu chí (.xlsx): bộ mặc định hoặc một bộ đã lưu, theo bố cục nhập được",
  tags: ["reform"],
  access: "staff",
  produces: [XLSX],
  query: z.object({ setId: SetId.optional(), version: z.coerce.number().int().min(1).optional() }),
  async handler({ ctx, query, reply }) {
    const set = query.setId
      ? await loadCriteriaSet(ctx.database.db, query.setId, query.version).catch(dossierProblem)
      : DEFAULT_COMMUNE_SET;
    const content = await writeWorkbook(setToSheets(set));
    reply.type(XLSX).header("content-disposition", `attachment; filename="bo-tieu-chi-${set.id}-v${set.version}.xlsx"`);
    return reply.send(content);
  },
});

export const getReformIndexYear = defineRoute({
  method: "GET",
  url: "/api/reform/index/years/:province/:year",
  summary: "Năm đánh giá Chỉ số CCHC của tỉnh: bộ tiêu chí, đơn vị tham gia, hạn các giai đoạn",
  tags: ["reform"],
  access: "staff",
  response: IndexYearAnswer,
  params: ProvinceYear,
  async handler({ ctx, actor, params }) {
    await readProvince(ctx, actor, params.province);
    const y = await findIndexYear(ctx.database.db, params.province, params.year);
    if (y) return { ...y, configured: true };
    const d = DEFAULT_COMMUNE_SET;
    return {
      provinceCode: params.province,
      year: params.year,
      setId: d.id,
      setVersion: d.version,
      units: null,
      ...NO_DEADLINES,
      version: 0,
      configured: false,
    };
  },
});

const Deadline = LocalDate.nullable().default(null);

export const putReformIndexYear = defineRoute({
  method: "PUT",
  url: "/api/reform/index/years/:province/:year",
  summary: "Thiết lập năm đánh giá: chọn bộ tiêu chí, các xã tham gia, hạn tự chấm, thẩm định, giải trình, chốt",
  tags: ["reform"],
  access: "staff",
  response: IndexYearAnswer,
  params: ProvinceYear,
  body: z
    .object({
      setId: SetId,
      setVersion: z.number().int().min(1),
      units: z.array(z.string().min(1).max(32)).max(5000).nullable().default(null),
      self: Deadline,
      appraisal1: Deadline,
      explanation: Deadline,
      appraisal2: Deadline,
      final: Deadline,
      locked: z.boolean().default(false),
    })
    .strict(),
  async handler({ ctx, actor, params, body }) {
    await manageProvince(ctx, actor, params.province);
    const saved = await saveIndexYear(
      ctx.database.db,
      { ...body, provinceCode: params.province, year: params.year },
      changedBy(ctx, actor),
    ).catch(dossierProblem);
    return { ...saved, configured: true };
  },
});

export const listReformIndexSurveys = defineRoute({
  method: "GET",
  url: "/api/reform/index/surveys",
  summary: "Kết quả khảo sát sự hài lòng (điểm thành phần của Chỉ số CCHC) của các đơn vị trong năm",
  tags: ["reform"],
  access: "staff",
  response: IndexSurveys,
  query: z.object({ unit: z.string().min(1).max(32), year: Year }),
  async handler({ ctx, actor, query }) {
    const units = await readScope(ctx, actor, query.unit);
    const surveys = await listSurveys(ctx.database.db, { units, year: query.year });
    return { unit: query.unit, year: query.year, surveys: withLocalInstants(surveys) };
  },
});

const SurveyRow = z
  .object({
    unit: z.string().min(1).max(32),
    percent: z.number(),
    respondents: z.number().int().min(0).nullable().optional(),
    source: z.string().max(500).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const putReformIndexSurveys = defineRoute({
  method: "PUT",
  url: "/api/reform/index/surveys/:province/:year",
  summary: "Nhập hoặc sửa kết quả khảo sát của các xã trong tỉnh (toàn bộ hoặc không gì cả)",
  tags: ["reform"],
  access: "staff",
  response: IndexSurveysSaved,
  params: ProvinceYear,
  body: z.object({ rows: z.array(SurveyRow).min(1).max(5000) }).strict(),
  async handler({ ctx, actor, params, body }) {
    await manageProvince(ctx, actor, params.province);
    const saved = await saveSurveys(
      ctx.database.db,
      { provinceCode: params.province, year: params.year, rows: body.rows },
      changedBy(ctx, actor),
    ).catch(dossierProblem);
    return { province: params.province, year: params.year, surveys: withLocalInstants(saved) };
  },
});

export const getReformIndexTrend = defineRoute({
  method: "GET",
  url: "/api/reform/index/trend",
  summary: "Diễn biến Chỉ số CCHC của đơn vị qua các năm: tổng điểm, tự chấm, xếp loại, số tiêu chí bị trừ",
  tags: ["reform"],
  access: "staff",
  response: IndexTrend,
  query: z.object({ unit: z.string().min(1).max(32), from: Year, to: Year }),
  async handler({ ctx, actor, query }) {
    await readScope(ctx, actor, query.unit);
    return await loadTrend(ctx.database.db, { ...query, now: ctx.now() }).catch(dossierProblem);
  },
});

export const createReformIndexFixPlan = defineRoute({
  method: "POST",
  url: "/api/reform/index/fix-plan",
  summary:
    "Lập kế hoạch khắc phục: mỗi tiêu chí bị trừ điểm thành một nhiệm vụ của kế hoạch năm sau (chạy lại không trùng)",
  tags: ["reform"],
  access: "staff",
  response: IndexFixPlan,
  body: z
    .object({ unit: z.string().min(1).max(32), year: Year, planId: z.number().int().positive().optional() })
    .strict(),
  async handler({ ctx, actor, body }) {
    await manageUnit(ctx, actor, body.unit);
    const result = await createFixPlan(ctx.database.db, body, changedBy(ctx, actor)).catch(dossierProblem);
    return withLocalInstants(result);
  },
});
