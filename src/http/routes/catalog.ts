// The procedure catalogue (danh mục TTHC): public search and reading; versions, overrides and imports for
// those who manage it. The national catalogue is shared by every province of a deployment, so only a
// superuser writes it; a province's administrator (catalog.manage at the province) writes that province's
// overrides. Effective dates stay within a sane window; every change is audited (docs/security.md).
import { z } from "zod";
import { localDate } from "../../calendar/local-time.ts";
import { FILE_ERROR_CODES, type ImportResult } from "../../catalog/import-error.ts";
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
import { writeAudit } from "../../db/repos/audit.ts";
import { type Actor, can } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { ApiError, conflict, forbidden, notFound, validationFailed } from "../errors.ts";
import { IMPORT_BODY_LIMIT } from "../request-guards.ts";
import { defineRoute, LocalDate, Paging } from "../route.ts";
import {
  Procedure as ProcedureAnswer,
  ProcedureFields,
  ProcedureImportReport,
  ProcedureOverride as ProcedureOverrideAnswer,
  ProcedureSearch,
  ProcedureVersions,
} from "../schemas/catalog.ts";

/** The national catalogue is every province's: only a superuser changes it. */
function mayManageNationalCatalog(actor: Actor | undefined): boolean {
  return actor?.isSuperuser === true;
}

const nationalOnly = () =>
  forbidden(
    "Danh mục thủ tục quốc gia dùng chung cho mọi tỉnh: chỉ quản trị hệ thống được thay đổi. Tỉnh chỉ thêm quy định riêng.",
  );

/** The earliest effective date accepted, and how far ahead one may be set. */
export const EARLIEST_EFFECTIVE = "1990-01-01";
export const LATEST_EFFECTIVE_YEARS_AHEAD = 2;

/** Why an effective date is outside the sane window (a version dated 9999 would lock a procedure), or undefined. */
export function effectiveDateProblem(date: string, today: string): string | undefined {
  if (date < EARLIEST_EFFECTIVE) return `Ngày hiệu lực không được trước ${EARLIEST_EFFECTIVE}`;
  const latest = `${Number(today.slice(0, 4)) + LATEST_EFFECTIVE_YEARS_AHEAD}${today.slice(4)}`;
  if (date > latest) return `Ngày hiệu lực không được sau ${latest} (tối đa ${LATEST_EFFECTIVE_YEARS_AHEAD} năm tới)`;
  return undefined;
}

function checkEffectiveDate(ctx: AppContext, date: string): void {
  const problem = effectiveDateProblem(date, localDate(ctx.now()));
  if (problem) throw validationFailed([{ name: "effectiveFrom", reason: problem }]);
}

/** The audit entry of a catalogue change, written in the change's transaction. */
const auditAs =
  (ctx: AppContext, actor: Actor | undefined, action: string, subject: (created: never) => string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the repos pass what they stored
  async (trx: any, created: any) =>
    writeAudit(
      trx,
      { userId: actor?.userId ?? null, now: ctx.now() },
      {
        action,
        subject: subject(created as never),
        detail: created,
      },
    );

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
  response: ProcedureSearch,
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
  response: ProcedureFields,
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
  response: ProcedureAnswer,
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
  response: ProcedureVersions,
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
  response: ProcedureAnswer,
  body: Procedure,
  async handler({ ctx, actor, body, reply }) {
    if (!mayManageNationalCatalog(actor)) throw nationalOnly();
    checkEffectiveDate(ctx, body.effectiveFrom);
    const audit = auditAs(ctx, actor, "catalog.version", (p: Procedure) => `${p.code} v${p.version}`);
    const created = await createProcedureVersion(ctx.database.db, body, audit).catch(catalogFailure);
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
  response: ProcedureOverrideAnswer,
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
    checkEffectiveDate(ctx, body.effectiveFrom);
    const parsed = ProcedureOverride.safeParse({ ...body, procedureCode: params.code });
    if (!parsed.success) {
      throw validationFailed(
        parsed.error.issues.map((issue) => ({ name: issue.path.map(String).join("."), reason: issue.message })),
      );
    }
    const audit = auditAs(
      ctx,
      actor,
      "catalog.override",
      (o: { provinceCode: string; procedureCode: string; version?: number }) =>
        `${o.provinceCode}/${o.procedureCode} v${o.version}`,
    );
    const created = await createOverrideVersion(ctx.database.db, parsed.data, audit).catch(catalogFailure);
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
  response: ProcedureImportReport,
  rawBody: ["text/csv"],
  bodyLimit: IMPORT_BODY_LIMIT,
  body: z.unknown(),
  async handler({ ctx, actor, body }) {
    if (!mayManageNationalCatalog(actor)) throw nationalOnly();
    const parsed = withinDateWindow(
      typeof body === "string" ? importProceduresCsv(body) : importProceduresJson(body),
      localDate(ctx.now()),
    );
    const fileErrors = parsed.errors.filter((e) => FILE_ERROR_CODES.has(e.code));
    if (fileErrors.length) {
      throw validationFailed(
        fileErrors.map((e) => ({ name: e.field ?? "body", reason: e.message })),
        fileErrors[0]!.message,
      );
    }
    const audit = auditAs(ctx, actor, "catalog.import", (stored: Procedure[]) => `${stored.length} phiên bản`);
    const report = await importProcedures(ctx.database.db, parsed, (trx, stored) =>
      audit(
        trx,
        stored.map((p) => ({ code: p.code, version: p.version, effectiveFrom: p.effectiveFrom })),
      ),
    );
    return report;
  },
});

/** Rows dated outside the window become row errors (the rest are imported, as with any bad row). */
function withinDateWindow(parsed: ImportResult<Procedure>, today: string): ImportResult<Procedure> {
  const rows = parsed.rows ?? parsed.ok.map((_, i) => i + 1);
  const ok: Procedure[] = [];
  const keptRows: number[] = [];
  const errors = [...parsed.errors];
  parsed.ok.forEach((p, i) => {
    const problem = effectiveDateProblem(p.effectiveFrom, today);
    if (problem)
      errors.push({ row: rows[i]!, field: "effectiveFrom", code: "effective-date-out-of-range", message: problem });
    else {
      ok.push(p);
      keptRows.push(rows[i]!);
    }
  });
  return { ...parsed, ok, rows: keptRows, errors };
}
