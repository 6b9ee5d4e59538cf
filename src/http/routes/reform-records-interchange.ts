// Import and export of the reform records over HTTP (the CLI's `motcua reform records import|export`): a JSON
// document or an .xlsx workbook in base64; an import is checked whole and written in one transaction, or not
// at all (422 `import-rejected` with every problem). docs/reform-records.md "Import and export".
import { z } from "zod";
import { exportDocument, importDocument } from "../../db/repos/reform/interchange.ts";
import { scopeRoots } from "../../people/policy.ts";
import { documentToSheets, parseDocument, sheetsToDocument } from "../../reform/records/interchange.ts";
import { LocalDate } from "../../reform/records/schemas.ts";
import { readWorkbook, writeWorkbook } from "../../reform/records/workbook.ts";
import { ApiError, forbidden, validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { decodeBase64 } from "./dossiers-files.ts";
import { changedBy, readScope } from "./reform-records-access.ts";
import { ReformImportSummary, ReformRecordsDocument } from "../schemas/reform-records.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const importReformRecords = defineRoute({
  method: "POST",
  url: "/api/reform/import",
  summary: "Nhập hồ sơ CCHC từ tệp JSON hoặc bảng tính .xlsx (kiểm tra toàn bộ; lỗi thì không ghi gì)",
  tags: ["reform"],
  access: "staff",
  response: ReformImportSummary,
  bodyLimit: 30 * 1024 * 1024,
  body: z.union([
    z.object({ document: z.unknown(), dryRun: z.boolean().default(false) }),
    z.object({ xlsxBase64: z.string().min(1).max(28_000_000), dryRun: z.boolean().default(false) }),
  ]),
  async handler({ ctx, actor, body }) {
    const units = await ctx.units.fresh();
    const scope = actor!.isSuperuser
      ? undefined
      : [...new Set(scopeRoots(actor!, "reform.manage").flatMap((root) => units.subtree(root)))];
    if (scope && !scope.length) throw forbidden();
    let input: { document: unknown; problems: { at: string; code: string; message: string }[] };
    if ("xlsxBase64" in body) {
      try {
        input = sheetsToDocument(await readWorkbook(decodeBase64(body.xlsxBase64, "xlsxBase64")));
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw validationFailed([{ name: "xlsxBase64", reason: "Tệp không phải bảng tính .xlsx đọc được" }]);
      }
    } else input = { document: body.document, problems: [] };
    const parsed = parseDocument(input.document);
    parsed.problems.unshift(...input.problems);
    const by = changedBy(ctx, actor);
    const db = ctx.database.db;
    const result = body.dryRun
      ? await db
          .transaction()
          .execute(async (trx) => {
            const r = await importDocument(trx, parsed, { scope, by });
            throw Object.assign(new Error("dry run"), { result: r });
          })
          .catch((error: { result?: Awaited<ReturnType<typeof importDocument>> }) => {
            if (!error.result) throw error;
            return error.result;
          })
      : await importDocument(db, parsed, { scope, by });
    if (result.problems.length) {
      throw new ApiError(
        422,
        "import-rejected",
        "Không nhập được",
        `Tệp có ${result.problems.length} lỗi; không có gì được ghi`,
        result.problems.map((p) => ({ name: p.at, reason: `${p.code}: ${p.message}` })),
      );
    }
    return { imported: !body.dryRun, dryRun: body.dryRun, ...result.summary };
  },
});

export const exportReformRecords = defineRoute({
  method: "GET",
  url: "/api/reform/export",
  summary: "Xuất hồ sơ CCHC của đơn vị và cấp dưới (JSON hoặc .xlsx); không có unit: mẫu bảng tính trống",
  tags: ["reform"],
  access: "staff",
  response: ReformRecordsDocument,
  produces: ["application/json", XLSX],
  query: z.object({
    unit: z.string().min(1).max(32).optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    format: z.enum(["json", "xlsx"]).default("json"),
  }),
  async handler({ ctx, actor, query, reply }) {
    if (query.from && query.to && query.from > query.to)
      throw validationFailed([{ name: "to", reason: "Ngày kết thúc trước ngày bắt đầu" }]);
    let doc: Awaited<ReturnType<typeof exportDocument>> | { plans: []; records: [] } = { plans: [], records: [] };
    if (query.unit) {
      await readScope(ctx, actor, query.unit);
      doc = await exportDocument(ctx.database.db, { unit: query.unit, from: query.from, to: query.to });
    }
    const name = ["ho-so-cchc", query.unit ?? "mau", query.from, query.to].filter(Boolean).join("-");
    if (query.format === "json") {
      reply.header("content-disposition", `attachment; filename="${name}.json"`);
      return doc;
    }
    const content = await writeWorkbook(documentToSheets(doc as never));
    reply.type(XLSX).header("content-disposition", `attachment; filename="${name}.xlsx"`);
    return reply.send(content);
  },
});
