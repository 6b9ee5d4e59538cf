// The interchange API (CONTRACTS.md §2), the same import and export as `motcua import` / `motcua export`:
// POST /api/dossiers/import takes JSON Lines and answers the command's summary plus each rejected line;
// GET /api/dossiers/export streams JSON Lines. Large files go through the command line (no body limit there).
import { Readable } from "node:stream";
import { z } from "zod";
import { exportDossierLines } from "../../db/repos/dossier-export.ts";
import { importDossierLines, type ImportScope, type Rejection } from "../../db/repos/dossier-import.ts";
import { type Actor, can, scopeRoots } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { ApiError, forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { DossierImportSummary } from "../schemas/dossiers.ts";

/** The largest import body: about 50,000 lines. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
/** The rejected lines listed in the answer (all are counted in `rejected`). */
export const REJECTED_LINES_LISTED = 1000;

const NDJSON = "application/x-ndjson";

/**
 * Who may import a line: a superuser, or an administrator of the line's province (the topmost ancestor of its
 * receiving unit). A unit the line would create in another province (a placeholder `toUnit`, a top-level unit
 * of its own) needs a superuser too.
 */
export function importAuthorizer(actor: Actor, ctx: AppContext) {
  return (scope: ImportScope): string | undefined => {
    if (actor.isSuperuser) return undefined;
    if (!can(actor, "dossier.import", scope.provinceCode, ctx.units.parentOf)) {
      return `tài khoản không quản trị tỉnh/đơn vị cấp cao nhất ${scope.provinceCode} của hồ sơ này`;
    }
    const outside = scope.newUnits.find((unit) => unit.provinceCode !== scope.provinceCode);
    if (outside) return `chỉ quản trị hệ thống mới tạo được đơn vị ${outside.code} ngoài tỉnh ${scope.provinceCode}`;
    return undefined;
  };
}

export const importDossiers = defineRoute({
  method: "POST",
  url: "/api/dossiers/import",
  summary: "Nhập hồ sơ (JSON Lines, CONTRACTS.md §2): tóm tắt như motcua import và từng dòng bị từ chối",
  tags: ["interchange"],
  access: "staff",
  response: DossierImportSummary,
  rawBody: [NDJSON], // not text/plain: a cross-site form can send that (docs/security.md)
  bodyLimit: IMPORT_BODY_LIMIT,
  query: z.object({
    createMissing: z
      .enum(["true", "false"], { message: "createMissing phải là true hoặc false" })
      .default("false")
      .transform((value) => value === "true"),
  }),
  async handler({ ctx, actor, body, query, request }) {
    if (!actor!.isSuperuser && scopeRoots(actor!, "dossier.import").length === 0) {
      throw forbidden("Chỉ quản trị viên của tỉnh (hoặc quản trị hệ thống) mới nhập được hồ sơ.");
    }
    if (typeof body !== "string") {
      throw new ApiError(
        415,
        "unsupported-media-type",
        "Kiểu dữ liệu không được hỗ trợ",
        `Gửi tệp JSON Lines với Content-Type ${NDJSON} (nhận được ${request.headers["content-type"] ?? "không có"}).`,
      );
    }
    const rejectedLines: Rejection[] = [];
    await ctx.units.refresh();
    const summary = await importDossierLines(ctx.database, ctx.units, body.split("\n"), {
      createMissing: query.createMissing,
      authorize: importAuthorizer(actor!, ctx),
      onReject: (r) => {
        if (rejectedLines.length < REJECTED_LINES_LISTED) rejectedLines.push(r);
      },
    });
    await ctx.units.refresh(); // units the import may have created
    return {
      ...summary,
      rejectedLines: rejectedLines.map((r) => ({
        line: r.line,
        ...(r.code ? { code: r.code } : {}),
        reason: r.reason,
        message: r.message,
      })),
      ...(summary.rejected > rejectedLines.length ? { rejectedLinesTruncated: true } : {}),
    };
  },
});

export const exportDossiers = defineRoute({
  method: "GET",
  url: "/api/dossiers/export",
  summary: "Xuất hồ sơ (JSON Lines, CONTRACTS.md §2), lọc theo đơn vị và ngày tiếp nhận (ngày từ chối)",
  tags: ["interchange"],
  access: "staff",
  produces: [NDJSON],
  query: z.object({ unit: z.string().min(1).optional(), from: LocalDate.optional(), to: LocalDate.optional() }),
  async handler({ ctx, actor, query, reply }) {
    if (query.from && query.to && query.from > query.to) {
      throw validationFailed([{ name: "from", reason: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc" }]);
    }
    const units = await ctx.units.fresh();
    const reads = (unit: string) =>
      can(actor, "dossier.read", unit, units.parentOf) || can(actor, "report.read", unit, units.parentOf);
    let roots: string[] | undefined;
    if (query.unit) {
      if (!units.find(query.unit)) throw notFound(`đơn vị ${query.unit}`);
      if (!reads(query.unit)) throw forbidden();
      roots = [query.unit];
    } else if (!actor!.isSuperuser) {
      roots = [...new Set([...scopeRoots(actor!, "dossier.read"), ...scopeRoots(actor!, "report.read")])];
      if (!roots.length) throw forbidden();
    }
    const lines = exportDossierLines(ctx.database, ctx.units, {
      ...(roots ? { units: roots } : {}),
      from: query.from,
      to: query.to,
    });
    const name = ["ho-so", query.unit, query.from, query.to].filter(Boolean).join("-");
    reply.type(`${NDJSON}; charset=utf-8`).header("content-disposition", `attachment; filename="${name}.jsonl"`);
    return reply.send(
      Readable.from(
        (async function* () {
          for await (const line of lines) yield `${line}\n`;
        })(),
      ),
    );
  },
});
