import { z } from "zod";
import { exportUnits, importUnits } from "../../db/repos/units.ts";
import { exportUnitsJson } from "../../units/unit-json.ts";
import { can } from "../../people/policy.ts";
import { forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { presentUnit } from "./presenters.ts";
import { IMPORT_BODY_LIMIT } from "../request-guards.ts";
import { Unit, UnitExport, UnitImportReport, UnitList } from "../schemas/people.ts";

export const listUnits = defineRoute({
  method: "GET",
  url: "/api/units",
  summary: "Cây đơn vị hành chính",
  tags: ["units"],
  access: "public",
  response: UnitList,
  query: z.object({ under: z.string().optional() }),
  async handler({ ctx, query }) {
    const units = await ctx.units.fresh();
    if (query.under && !units.find(query.under)) throw notFound(`đơn vị ${query.under}`);
    const codes = query.under ? new Set(units.subtree(query.under)) : undefined;
    const rows = units.all().filter((unit) => !codes || codes.has(unit.code));
    rows.sort((a, b) => a.code.localeCompare(b.code));
    return { units: rows.map(presentUnit) };
  },
});

export const getUnit = defineRoute({
  method: "GET",
  url: "/api/units/:code",
  summary: "Một đơn vị",
  tags: ["units"],
  access: "public",
  response: Unit,
  params: z.object({ code: z.string() }),
  async handler({ ctx, params }) {
    const unit = (await ctx.units.fresh()).find(params.code);
    if (!unit) throw notFound(`đơn vị ${params.code}`);
    return presentUnit(unit);
  },
});

export const importUnitTree = defineRoute({
  method: "POST",
  url: "/api/units/import",
  summary: "Nhập đơn vị (JSON); không sửa đơn vị đã có; có lỗi thì không nhập gì",
  tags: ["units"],
  access: "staff",
  response: UnitImportReport,
  bodyLimit: IMPORT_BODY_LIMIT,
  body: z.unknown(),
  async handler({ ctx, actor, body }) {
    await ctx.units.fresh();
    // A new unit is created by an administrator of its parent (a province only by a superuser).
    const report = await importUnits(ctx.database.db, body, {
      mayCreate: (unit, parentOf) =>
        unit.parentCode === null ? actor!.isSuperuser : can(actor, "unit.manage", unit.parentCode, parentOf),
    });
    const denied = report.errors.filter((e) => e.code === "forbidden");
    if (denied.length) {
      throw forbidden(
        `Không có quyền tạo đơn vị ở dòng ${denied.map((e) => e.row).join(", ")}: ${denied[0]!.message}.`,
      );
    }
    const fileError = report.errors.find((e) => e.row === 0);
    if (fileError) throw validationFailed([{ name: "body", reason: fileError.message }]);
    if (report.created) await ctx.units.refresh();
    return report;
  },
});

export const exportUnitTree = defineRoute({
  method: "GET",
  url: "/api/units/export",
  summary: "Xuất cây đơn vị (JSON, cấp trên trước cấp dưới)",
  tags: ["units"],
  access: "public",
  response: UnitExport,
  query: z.object({ under: z.string().optional() }),
  async handler({ ctx, query, reply }) {
    if (query.under && !(await ctx.units.fresh()).find(query.under)) throw notFound(`đơn vị ${query.under}`);
    const units = await exportUnits(ctx.database.db, { under: query.under });
    reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="don-vi${query.under ? `-${query.under}` : ""}.json"`);
    return reply.send(exportUnitsJson(units));
  },
});
