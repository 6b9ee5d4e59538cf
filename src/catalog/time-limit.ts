// The legal time limit of a procedure (thời hạn giải quyết). Same shape as the calendar engine's
// `TimeLimit` (src/calendar); defined here too so the catalogue stays independent of the calendar.
import { z } from "zod";

export const TIME_LIMIT_UNITS = ["working_days", "working_hours", "calendar_days", "same_day"] as const;

/** Đơn vị thời hạn: ngày làm việc, giờ làm việc, ngày (lịch), trong ngày. */
export const TimeLimitUnit = z.enum(TIME_LIMIT_UNITS, {
  error: "Đơn vị thời hạn phải là một trong: working_days, working_hours, calendar_days, same_day",
});
export type TimeLimitUnit = z.infer<typeof TimeLimitUnit>;

/** "HH:MM", 00:00–23:59. */
export const ClockTime = z
  .string({ error: "Giờ phải có dạng HH:MM" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Giờ phải có dạng HH:MM (00:00–23:59)" });

export const TimeLimit = z
  .object({
    value: z
      .number({ error: "Thời hạn phải là một số" })
      .nonnegative({ error: "Thời hạn không được âm" })
      .finite({ error: "Thời hạn phải là số hữu hạn" }),
    unit: TimeLimitUnit,
    /** Same-day cut-off (giờ tiếp nhận muộn nhất để trả trong ngày), e.g. "15:00". */
    cutoff: ClockTime.optional(),
  })
  .strict()
  .superRefine((limit, ctx) => {
    if (limit.unit === "same_day" && limit.value !== 0 && limit.value !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        params: { code: "invalid_value" },
        message: "Thời hạn trong ngày phải có giá trị 0 hoặc 1",
      });
    }
    if (limit.unit !== "same_day" && limit.value <= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        params: { code: "invalid_value" },
        message: "Thời hạn phải lớn hơn 0",
      });
    }
  });
export type TimeLimit = z.infer<typeof TimeLimit>;

const UNIT_LABEL: Record<TimeLimitUnit, string> = {
  working_days: "ngày làm việc",
  working_hours: "giờ làm việc",
  calendar_days: "ngày",
  same_day: "trong ngày",
};

/** Vietnamese wording of a limit, e.g. "03 ngày làm việc", "Trong ngày (tiếp nhận trước 15:00)". */
export function describeTimeLimit(limit: TimeLimit): string {
  if (limit.unit === "same_day") {
    return limit.cutoff ? `Trong ngày (tiếp nhận trước ${limit.cutoff})` : "Trong ngày";
  }
  const n = Number.isInteger(limit.value) && limit.value < 10 ? `0${limit.value}` : String(limit.value);
  return `${n.replace(".", ",")} ${UNIT_LABEL[limit.unit]}`;
}
