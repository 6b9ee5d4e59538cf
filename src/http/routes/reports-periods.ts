// A province's reporting periods over HTTP: the cut day its months start on (1 = calendar months; 15 = from
// the 15th of the month before to the 14th). Read by whoever reads the reports of a unit; set by the
// province's administrator (calendar.manage there) or a superuser, as the calendar settings are.
import { z } from "zod";
import { cutDayOf, DEFAULT_PROVINCE_CUT_DAY, setCutDay } from "../../db/repos/report-settings.ts";
import { can } from "../../people/policy.ts";
import { forbidden, validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { reportScope } from "./reports.ts";
import { PeriodSettings } from "../schemas/reports.ts";

const CUT_DAY_REASON = "Ngày chốt kỳ phải là số nguyên từ 1 (theo tháng dương lịch) đến 28";

export const getPeriodSettings = defineRoute({
  method: "GET",
  url: "/api/reports/period-settings",
  summary: "Kỳ báo cáo của tỉnh: ngày chốt kỳ (1 = theo tháng dương lịch; 15 = từ ngày 15 tháng trước đến ngày 14)",
  tags: ["reports"],
  access: "staff",
  response: PeriodSettings,
  query: z.object({ unit: z.string().min(1).optional() }),
  async handler({ ctx, actor, query }) {
    const scope = await reportScope(ctx.units, actor, query.unit);
    const province = scope.unit ? (scope.units.provinceOf(scope.unit) ?? null) : null;
    // a superuser's report over every unit has no province: calendar periods
    return {
      province,
      cutDay: province ? await cutDayOf(ctx.database.db, province) : DEFAULT_PROVINCE_CUT_DAY,
    };
  },
});

export const putPeriodSettings = defineRoute({
  method: "PUT",
  url: "/api/reports/period-settings",
  summary: "Đặt ngày chốt kỳ báo cáo của tỉnh (quản trị của tỉnh hoặc quản trị hệ thống); được ghi nhật ký",
  tags: ["reports"],
  access: "staff",
  response: PeriodSettings,
  body: z.object({
    province: z.string({ error: "Chọn tỉnh/thành phố" }).min(1, { error: "Chọn tỉnh/thành phố" }),
    cutDay: z
      .number({ error: CUT_DAY_REASON })
      .int({ error: CUT_DAY_REASON })
      .min(1, { error: CUT_DAY_REASON })
      .max(28, { error: CUT_DAY_REASON }),
  }),
  async handler({ ctx, actor, body }) {
    const units = await ctx.units.fresh();
    const province = units.find(body.province);
    if (!province || province.parentCode !== null) {
      throw validationFailed([{ name: "province", reason: `"${body.province}" không phải mã tỉnh/thành phố` }]);
    }
    if (!can(actor, "calendar.manage", body.province, units.parentOf)) {
      throw forbidden("Chỉ quản trị của tỉnh/thành phố được đặt kỳ báo cáo của tỉnh/thành phố đó.");
    }
    return setCutDay(ctx.database.db, body, { userId: actor?.userId ?? null, now: ctx.now() });
  },
});
