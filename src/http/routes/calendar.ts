// The calendar as data: a year with the source of each day (public), an administrator's overrides
// (national: superuser; a province: calendar.manage there) and a unit's office hours (docs/calendar.md).
import { z } from "zod";
import {
  CalendarError,
  checkOfficeHours,
  describeYear,
  FIRST_YEAR,
  LAST_YEAR,
  OPENING_DAYS,
  type OpeningDay,
} from "../../calendar/index.ts";
import {
  CalendarEditError,
  type CalendarRegistry,
  calendarRegistryOf,
  editOverrides,
  loadOverrides,
  NATIONAL_SCOPE,
  officeHoursInputOf,
  officeHoursOf,
  setOfficeHours,
} from "../../db/repos/calendar.ts";
import type { UnitDirectory, UnitRow } from "../../db/repos/units.ts";
import { can } from "../../people/policy.ts";
import { ApiError, forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { OfficeHoursAnswer, OverridesEditAnswer, YearCalendar } from "../schemas/calendar.ts";

const Year = z.coerce
  .number({ error: "Năm phải là số" })
  .int({ error: "Năm phải là số nguyên" })
  .min(FIRST_YEAR, { error: `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}` })
  .max(LAST_YEAR, { error: `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}` });

function presentOfficeHours(unit: UnitRow | undefined, units: UnitDirectory, registry: CalendarRegistry) {
  const hours = officeHoursOf(unit ?? { officeHours: null, saturdayService: false, saturdayCounts: false });
  const calendar = unit ? registry.calendarForUnit(units, unit.code) : registry.calendarFor(undefined, hours);
  return {
    isDefault: !unit?.officeHours,
    windows: Object.fromEntries(OPENING_DAYS.map((d) => [d, hours.windows[d] ?? []])),
    saturdayService: unit?.saturdayService ?? false,
    saturdayCounts: hours.saturdayCounts,
    workingDayMinutes: calendar.workingDayMinutes,
  };
}

export const getCalendarYear = defineRoute({
  method: "GET",
  url: "/api/calendar/:year",
  summary: "Lịch làm việc một năm: ngày nghỉ, ngày làm bù, nguồn của từng ngày, giờ làm việc của đơn vị",
  tags: ["calendar"],
  access: "public",
  response: YearCalendar,
  params: z.object({ year: Year }),
  query: z.object({ unit: z.string().min(1).optional() }),
  async handler({ ctx, params, query }) {
    const units = await ctx.units.fresh();
    const unit = query.unit === undefined ? undefined : units.find(query.unit);
    if (query.unit !== undefined && !unit) throw notFound(`đơn vị ${query.unit}`);
    const registry = await calendarRegistryOf(ctx.database.db).fresh();
    const province = unit ? units.provinceOf(unit.code) : undefined;
    const view = describeYear(params.year, registry.layersFor(province));
    return {
      ...view,
      unit: unit ? { code: unit.code, name: unit.name, provinceCode: province } : null,
      officeHours: presentOfficeHours(unit, units, registry),
    };
  },
});

const OverrideKind = z.enum(["day_off", "working_day"], {
  error: "Loại phải là day_off (nghỉ) hoặc working_day (làm việc)",
});

export const OverridesEdit = z
  .object({
    scope: z.string({ error: "Chọn phạm vi: * (toàn quốc) hoặc mã tỉnh" }).min(1, { error: "Chọn phạm vi" }),
    add: z
      .array(
        z.object({
          date: LocalDate,
          kind: OverrideKind,
          note: z.string().trim().min(1, { error: "Nêu lý do (ghi chú) của ngày điều chỉnh" }).max(500),
          source: z.string().trim().min(1).max(1000).nullable().default(null),
        }),
      )
      .default([]),
    remove: z.array(LocalDate).default([]),
    force: z.boolean().default(false),
    reason: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((e) => e.add.length + e.remove.length > 0, { error: "Không có ngày nào để thêm hoặc xóa", path: ["add"] });

const EDIT_ERRORS: Record<CalendarEditError["code"], { status: number; title: string }> = {
  "past-date-locked": { status: 409, title: "Lịch quá khứ không được sửa" },
  "reason-required": { status: 400, title: "Thiếu lý do đính chính" },
  "override-not-found": { status: 404, title: "Không tìm thấy ngày điều chỉnh" },
  "duplicate-date": { status: 400, title: "Ngày trùng lặp" },
};

export const putCalendarOverrides = defineRoute({
  method: "PUT",
  url: "/api/calendar/overrides",
  summary: "Thêm/xóa ngày nghỉ, ngày làm việc điều chỉnh (toàn quốc: quản trị hệ thống; tỉnh: quản trị của tỉnh)",
  tags: ["calendar"],
  access: "staff",
  response: OverridesEditAnswer,
  body: OverridesEdit,
  async handler({ ctx, actor, body }) {
    const units = await ctx.units.fresh();
    if (body.scope === NATIONAL_SCOPE) {
      if (!actor?.isSuperuser) throw forbidden("Chỉ quản trị hệ thống được sửa lịch toàn quốc.");
    } else {
      const province = units.find(body.scope);
      if (!province || province.parentCode !== null) {
        throw validationFailed([{ name: "scope", reason: `"${body.scope}" không phải mã tỉnh/thành phố` }]);
      }
      if (!can(actor, "calendar.manage", body.scope, units.parentOf)) {
        throw forbidden("Chỉ quản trị của tỉnh/thành phố được sửa lịch của tỉnh/thành phố đó.");
      }
    }
    try {
      const result = await editOverrides(ctx.database.db, body, { userId: actor?.userId ?? null, now: ctx.now() });
      return { ...result, overrides: await loadOverrides(ctx.database.db, body.scope) };
    } catch (error) {
      if (error instanceof CalendarEditError) {
        const { status, title } = EDIT_ERRORS[error.code];
        throw new ApiError(status, error.code, title, error.message);
      }
      if (error instanceof CalendarError) {
        throw validationFailed([{ name: "add", reason: error.message }]);
      }
      throw error;
    }
  },
});

const Clock = z.string({ error: "Giờ phải có dạng HH:MM" });
const Windows = z
  .array(z.object({ start: Clock, end: Clock }).strict())
  .max(8, { error: "Tối đa 8 khung giờ một ngày" });

export const OfficeHoursBody = z
  .object({
    windows: z
      .object(
        Object.fromEntries(OPENING_DAYS.map((d) => [d, Windows.optional()])) as Record<
          OpeningDay,
          z.ZodOptional<typeof Windows>
        >,
      )
      .strict()
      .nullable(),
    saturdayService: z.boolean({ error: "saturdayService phải là true/false" }),
    saturdayCounts: z.boolean({ error: "saturdayCounts phải là true/false" }).default(false),
  })
  .strict();

export const putOfficeHours = defineRoute({
  method: "PUT",
  url: "/api/units/:code/office-hours",
  summary: "Giờ làm việc của đơn vị: khung giờ từng ngày, tiếp nhận thứ Bảy, tính thứ Bảy vào thời hạn",
  tags: ["calendar", "units"],
  access: "staff",
  response: OfficeHoursAnswer,
  params: z.object({ code: z.string() }),
  body: OfficeHoursBody,
  async handler({ ctx, actor, params, body }) {
    const units = await ctx.units.fresh();
    if (!units.find(params.code)) throw notFound(`đơn vị ${params.code}`);
    if (!can(actor, "calendar.manage", params.code, units.parentOf)) throw forbidden();
    const issues = checkOfficeHours(body);
    if (issues.length) {
      throw new ApiError(
        400,
        "invalid-office-hours",
        "Giờ làm việc không hợp lệ",
        issues[0]!.message,
        issues.map((i) => ({ name: i.path, reason: i.message, code: i.code })),
      );
    }
    await setOfficeHours(ctx.database.db, params.code, body, { userId: actor?.userId ?? null, now: ctx.now() });
    await units.refresh();
    const unit = units.find(params.code)!;
    const registry = await calendarRegistryOf(ctx.database.db).fresh();
    return { unit: unit.code, input: officeHoursInputOf(unit), officeHours: presentOfficeHours(unit, units, registry) };
  },
});
