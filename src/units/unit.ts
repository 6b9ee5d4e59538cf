// An administrative unit (đơn vị hành chính) or agency in the unit tree, with effective dates and merger links.
import { z } from "zod";
import { ClockTime } from "../catalog/time-limit.ts";
import { IsoDate } from "../catalog/procedure.ts";

/** province (tỉnh/thành phố), district (huyện/quận/thị xã, before 1 July 2025), commune (xã, thị trấn),
 * ward (phường), special_zone (đặc khu), agency (a department or centre attached to a unit). */
export const UnitKind = z.enum(["province", "district", "commune", "ward", "special_zone", "agency"], {
  error: "Loại đơn vị phải là province, district, commune, ward, special_zone hoặc agency",
});
export type UnitKind = z.infer<typeof UnitKind>;

/** Vietnamese names of the unit kinds, for the UI and documents. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  province: "Tỉnh, thành phố",
  district: "Huyện, quận, thị xã (trước 01/7/2025)",
  commune: "Xã",
  ward: "Phường",
  special_zone: "Đặc khu",
  agency: "Cơ quan, đơn vị",
};

/** Same rule as the `units.code` CHECK constraint. */
export const UnitCode = z
  .string({ error: "Mã đơn vị phải là chuỗi ký tự" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
    error: "Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 32 ký tự)",
  });

export const OfficeWindow = z
  .object({ start: ClockTime, end: ClockTime })
  .strict()
  .refine((w) => w.start < w.end, { error: "Giờ bắt đầu phải trước giờ kết thúc" });
export type OfficeWindow = z.infer<typeof OfficeWindow>;

/** Giờ làm việc. Null on a unit = the default (Mon–Fri 07:30–11:30, 13:30–17:00). */
export const OfficeHours = z
  .object({
    weekdays: z.array(OfficeWindow).min(1, { error: "Cần ít nhất một khung giờ làm việc" }),
    saturday: z.array(OfficeWindow).default([]),
  })
  .strict();
export type OfficeHours = z.infer<typeof OfficeHours>;

/** Tiếp nhận sáng thứ Bảy, and whether those hours count toward deadlines (default: no). */
export const SaturdayService = z
  .object({
    enabled: z.boolean({ error: "enabled phải là true/false" }),
    countsTowardDeadline: z.boolean({ error: "countsTowardDeadline phải là true/false" }),
  })
  .strict()
  .refine((s) => s.enabled || !s.countsTowardDeadline, {
    error: "Không thể tính thứ Bảy vào thời hạn khi không tiếp nhận thứ Bảy",
  });
export type SaturdayService = z.infer<typeof SaturdayService>;

export const Unit = z
  .object({
    /** motcua's key for the unit; unique over all time (see docs/units.md for reused official codes). */
    code: UnitCode,
    /** Mã đơn vị hành chính (Quyết định 19/2025/QĐ-TTg), null for agencies or unknown. */
    officialCode: z
      .string()
      .regex(/^\d{2,5}$/, { error: "Mã đơn vị hành chính gồm 2–5 chữ số" })
      .nullable()
      .default(null),
    name: z
      .string({ error: "Tên đơn vị phải là chuỗi" })
      .trim()
      .min(1, { error: "Tên đơn vị không được để trống" })
      .max(200),
    kind: UnitKind,
    parentCode: UnitCode.nullable(),
    /** Null = in force since before the data's horizon. */
    effectiveFrom: IsoDate.nullable().default(null),
    /** Last day in force; null = still in force. */
    effectiveTo: IsoDate.nullable().default(null),
    /** The unit that took over its area and population (sáp nhập). */
    successorCode: UnitCode.nullable().default(null),
    formerNames: z.array(z.object({ name: z.string().min(1), until: IsoDate }).strict()).default([]),
    officeHours: OfficeHours.nullable().default(null),
    saturdayService: SaturdayService.default({ enabled: false, countsTowardDeadline: false }),
    /** Legal basis of its creation or merger, e.g. "Nghị quyết 1675/NQ-UBTVQH15". */
    basis: z.string().min(1).optional(),
    unconfirmed: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((u, ctx) => {
    if (u.effectiveFrom && u.effectiveTo && u.effectiveTo < u.effectiveFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["effectiveTo"],
        params: { code: "dates_out_of_order" },
        message: "Ngày hết hiệu lực phải sau ngày có hiệu lực",
      });
    }
    if (u.successorCode && !u.effectiveTo) {
      ctx.addIssue({
        code: "custom",
        path: ["successorCode"],
        params: { code: "successor_without_end" },
        message: "Đơn vị có đơn vị kế thừa phải có ngày hết hiệu lực",
      });
    }
    if (u.kind === "province" && u.parentCode !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["parentCode"],
        params: { code: "province_with_parent" },
        message: "Đơn vị cấp tỉnh không có đơn vị cấp trên",
      });
    }
  });
export type Unit = z.infer<typeof Unit>;
export type UnitInput = z.input<typeof Unit>;
