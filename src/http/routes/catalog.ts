// The procedure catalogue (danh mục TTHC): public search and reading; versions, overrides and imports for
// those who manage it. The national catalogue is shared by every province of a deployment, so writing it
// takes catalog.manage at a province (a top-level unit); a province's override takes it at that province.
import { z } from "zod";
import { localDate } from "../../calendar/local-time.ts";
import { FILE_ERROR_CODES } from "../../catalog/import-error.ts";
import { CompetentLevel, OnlineLevel, Procedure, ProcedureOverride } from "../../catalog/procedure.ts";
import { exportProceduresCsv, importProceduresCsv } from "../../catalog/procedure-csv.ts";
import { exportProceduresJson, importProceduresJson } from "../../catalog/procedure-json.ts";
import {
  CatalogError,
  createOverrideVersion,
  createProcedureVersion,
  exportProcedures,
  findEffectiveProcedure,
  importProcedures,
  listFields,
  listProcedureVersions,
  searchProcedures,
} from "../../db/repos/catalog.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import { type Actor, can } from "../../people/policy.ts";
import { ApiError, conflict, forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute, LocalDate, Paging } from "../route.ts";

/** catalog.manage at a province (top-level unit), or a superuser. */
function mayManageNationalCatalog(actor: Actor | undefined, units: UnitDirectory): boolean {
  if (!actor) return false;
  if (actor.isSuperuser) return true;
  return actor.grants.some(
    (grant) =>
      units.find(grant.unitCode)?.parentCode === null && can(actor, "catalog.manage", grant.unitCode, units.parentOf),
  );
}

function catalogFailure(error: unknown): never {
  if (error instanceof CatalogError) {
    if (error.code === "not-found") throw new ApiError(404, "not-found", "Không tìm thấy", error.message);
    throw conflict(error.code, error.message);
  }
  throw error;
}

const ProcedureCodeParam = z.object({ code: z.string().min(1).max(40) });

export const searchCatalog = defineRoute({
  method: "GET",
  url: "/api/procedures",
  summary: "Tra cứu thủ tục hành chính (gõ có dấu hoặc không dấu)",
  tags: ["catalog"],
  access: "public",
  query: z.object({
    q: z.string().max(200, "Từ khóa tối đa 200 ký tự").optional(),
    field: z.string().max(200).optional(),
    level: CompetentLevel.optional(),
    online: OnlineLevel.optional(),
    at: LocalDate.optional(),
    ...Paging,
  }),
  async handler({ ctx, query }) {
    return searchProcedures(ctx.database.db, { ...query, at: query.at ?? localDate(ctx.now()) });
  },
});

export const listCatalogFields = defineRoute({
  method: "GET",
  url: "/api/procedures/fields",
  summary: "Lĩnh vực và số thủ tục của mỗi lĩnh vực",
  tags: ["catalog"],
  access: "public",
  query: z.object({ at: LocalDate.optional() }),
  async handler({ ctx, query }) {
    return { fields: await listFields(ctx.database.db, query.at ?? localDate(ctx.now())) };
  },
});

export const exportCatalog = defineRoute({
  method: "GET",
  url: "/api/procedures/export",
  summary: "Xuất toàn bộ danh mục (mọi phiên bản) dạng JSON hoặc CSV",
  tags: ["catalog"],
  access: "public",
  produces: ["text/csv"],
  query: z.object({ format: z.enum(["json", "csv"], { message: "Định dạng phải là json hoặc csv" }).default("json") }),
  async handler({ ctx, query, reply }) {
    const procedures = await exportProcedures(ctx.database.db);
    const body = query.format === "csv" ? exportProceduresCsv(procedures) : exportProceduresJson(procedures);
    reply
      .type(query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="danh-muc-thu-tuc.${query.format}"`);
    return reply.send(body);
  },
});

export const getProcedure = defineRoute({
  method: "GET",
  url: "/api/procedures/:code",
  summary: "Thủ tục: phiên bản có hiệu lực vào một ngày, kèm quy định riêng của tỉnh",
  tags: ["catalog"],
  access: "public",
  params: ProcedureCodeParam,
  query: z.object({ at: LocalDate.optional(), province: z.string().min(1).max(32).optional() }),
  async handler({ ctx, params, query }) {
    const at = query.at ?? localDate(ctx.now());
    if (query.province) {
      const units = await ctx.units.fresh();
      if (!units.find(query.province)) throw notFound(`tỉnh ${query.province}`);
    }
    const procedure = await findEffectiveProcedure(ctx.database.db, params.code, at, query.province);
    if (procedure) return procedure;
    const versions = await listProcedureVersions(ctx.database.db, params.code);
    if (!versions.length) throw notFound(`thủ tục ${params.code}`);
    throw new ApiError(
      404,
      "not-in-force",
      "Không tìm thấy",
      `Thủ tục ${params.code} chưa có phiên bản nào có hiệu lực vào ngày ${at} (phiên bản đầu tiên có hiệu lực từ ${versions[0]!.effectiveFrom}).`,
    );
  },
});

export const listVersions = defineRoute({
  method: "GET",
  url: "/api/procedures/:code/versions",
  summary: "Mọi phiên bản của một thủ tục",
  tags: ["catalog"],
  access: "public",
  params: ProcedureCodeParam,
  async handler({ ctx, params }) {
    const versions = await listProcedureVersions(ctx.database.db, params.code);
    if (!versions.length) throw notFound(`thủ tục ${params.code}`);
    return { versions };
  },
});

export const createVersion = defineRoute({
  method: "POST",
  url: "/api/procedures",
  summary: "Thêm phiên bản mới của một thủ tục (không sửa phiên bản cũ)",
  tags: ["catalog"],
  access: "staff",
  body: Procedure,
  async handler({ ctx, actor, body, reply }) {
    if (!mayManageNationalCatalog(actor, await ctx.units.fresh())) throw forbidden();
    const created = await createProcedureVersion(ctx.database.db, body).catch(catalogFailure);
    reply.status(201);
    return created;
  },
});

export const createOverride = defineRoute({
  method: "POST",
  url: "/api/procedures/:code/overrides",
  summary: "Quy định riêng của tỉnh (thời hạn, phí, quy trình) cho một thủ tục, từ một ngày",
  tags: ["catalog"],
  access: "staff",
  params: ProcedureCodeParam,
  body: z.object({
    provinceCode: z.string().min(1, "Chọn tỉnh"),
    effectiveFrom: LocalDate,
    timeLimit: z.unknown().optional(),
    fees: z.unknown().optional(),
    steps: z.unknown().optional(),
  }),
  async handler({ ctx, actor, params, body, reply }) {
    const units = await ctx.units.fresh();
    const province = units.find(body.provinceCode);
    if (!province || province.parentCode !== null) {
      throw validationFailed([{ name: "provinceCode", reason: `Không có tỉnh ${body.provinceCode}` }]);
    }
    if (!can(actor, "catalog.manage", province.code, units.parentOf)) throw forbidden();
    const parsed = ProcedureOverride.safeParse({ ...body, procedureCode: params.code });
    if (!parsed.success) {
      throw validationFailed(
        parsed.error.issues.map((issue) => ({ name: issue.path.map(String).join("."), reason: issue.message })),
      );
    }
    const created = await createOverrideVersion(ctx.database.db, parsed.data).catch(catalogFailure);
    reply.status(201);
    return created;
  },
});

export const importCatalog = defineRoute({
  method: "POST",
  url: "/api/procedures/import",
  summary: "Nhập danh mục từ JSON hoặc CSV; báo lỗi từng dòng, các dòng đúng vẫn được nhập",
  tags: ["catalog"],
  access: "staff",
  rawBody: ["text/csv"],
  body: z.unknown(),
  async handler({ ctx, actor, body }) {
    if (!mayManageNationalCatalog(actor, await ctx.units.fresh())) throw forbidden();
    const parsed = typeof body === "string" ? importProceduresCsv(body) : importProceduresJson(body);
    const fileErrors = parsed.errors.filter((e) => FILE_ERROR_CODES.has(e.code));
    if (fileErrors.length) {
      throw validationFailed(
        fileErrors.map((e) => ({ name: e.field ?? "body", reason: e.message })),
        fileErrors[0]!.message,
      );
    }
    const report = await importProcedures(ctx.database.db, parsed);
    return report;
  },
});
