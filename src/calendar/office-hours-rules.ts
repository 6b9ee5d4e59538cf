// The rules an administrator's office hours must satisfy, each with a stable code, checked before they are
// stored (compileOfficeHours would refuse the same inputs, but with one message and no field).
import { OPENING_DAYS, type OfficeHours, type OfficeWindow, type OpeningDay } from "./office-hours.ts";

export type OfficeHoursRule =
  | "clock-format"
  | "window-empty"
  | "windows-unordered"
  | "windows-overlap"
  | "no-weekday-hours"
  | "saturday-windows-without-service"
  | "saturday-counts-without-service";

export interface OfficeHoursIssue {
  /** Where in the input, e.g. `windows.monday.1.end`. */
  path: string;
  code: OfficeHoursRule;
  /** Vietnamese, for the person who typed it. */
  message: string;
}

/** What an administrator sets on a unit (giờ làm việc, tiếp nhận thứ Bảy, tính thứ Bảy vào thời hạn). */
export interface UnitOfficeHoursInput {
  /** Windows per day; null = the default hours (Monday–Friday 07:30–11:30, 13:30–17:00). */
  windows: Partial<Record<OpeningDay, readonly OfficeWindow[]>> | null;
  saturdayService: boolean;
  saturdayCounts: boolean;
}

export const DAY_LABELS: Record<OpeningDay, string> = {
  monday: "Thứ Hai",
  tuesday: "Thứ Ba",
  wednesday: "Thứ Tư",
  thursday: "Thứ Năm",
  friday: "Thứ Sáu",
  saturday: "Thứ Bảy",
};

/** The morning a unit with Saturday service opens when it names no Saturday windows (seeds 000 and 004). */
export const DEFAULT_SATURDAY: readonly OfficeWindow[] = Object.freeze([{ start: "07:30", end: "11:30" }]);

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Every broken rule, in input order; empty when the hours may be stored. */
export function checkOfficeHours(input: UnitOfficeHoursInput): OfficeHoursIssue[] {
  const issues: OfficeHoursIssue[] = [];
  for (const day of OPENING_DAYS) {
    const windows = input.windows?.[day] ?? [];
    const label = DAY_LABELS[day];
    let previousEnd = -1;
    windows.forEach((w, i) => {
      const at = `windows.${day}.${i}`;
      const bad = (["start", "end"] as const).filter((k) => !CLOCK.test(w[k]));
      for (const k of bad) {
        issues.push({
          path: `${at}.${k}`,
          code: "clock-format",
          message: `${label}: giờ "${w[k]}" không hợp lệ (cần HH:MM, từ 00:00 đến 24:00)`,
        });
      }
      if (bad.length) return;
      const [start, end] = [minutes(w.start), minutes(w.end)];
      if (end <= start) {
        issues.push({
          path: `${at}.end`,
          code: "window-empty",
          message: `${label}: khung ${w.start}–${w.end} phải kết thúc sau khi bắt đầu`,
        });
      } else if (start < previousEnd) {
        const ordered = windows[i - 1] && minutes(windows[i - 1]!.start) <= start;
        issues.push({
          path: `${at}.start`,
          code: ordered ? "windows-overlap" : "windows-unordered",
          message: ordered
            ? `${label}: khung ${w.start}–${w.end} chồng lên khung trước`
            : `${label}: các khung giờ phải xếp theo thứ tự từ sớm đến muộn`,
        });
      }
      previousEnd = Math.max(previousEnd, end);
    });
  }
  if (input.windows !== null) {
    const weekdayHours = OPENING_DAYS.slice(0, 5).some((d) => (input.windows?.[d] ?? []).length > 0);
    if (!weekdayHours) {
      issues.push({
        path: "windows",
        code: "no-weekday-hours",
        message: "Đơn vị phải có giờ làm việc ít nhất một ngày từ thứ Hai đến thứ Sáu",
      });
    }
  }
  if (!input.saturdayService && (input.windows?.saturday ?? []).length > 0) {
    issues.push({
      path: "windows.saturday",
      code: "saturday-windows-without-service",
      message: "Có giờ làm việc thứ Bảy thì phải bật tiếp nhận thứ Bảy",
    });
  }
  if (input.saturdayCounts && !input.saturdayService) {
    issues.push({
      path: "saturdayCounts",
      code: "saturday-counts-without-service",
      message: "Không thể tính thứ Bảy vào thời hạn khi đơn vị không tiếp nhận thứ Bảy",
    });
  }
  return issues;
}

/** The calendar's OfficeHours for a checked input: defaults filled in, Saturday only with Saturday service. */
export function resolveOfficeHours(input: UnitOfficeHoursInput, defaults: OfficeHours): OfficeHours {
  const windows: Partial<Record<OpeningDay, readonly OfficeWindow[]>> = {};
  for (const day of OPENING_DAYS.slice(0, 5)) {
    const list = input.windows === null ? defaults.windows[day] : input.windows[day];
    if (list?.length) windows[day] = list;
  }
  if (input.saturdayService) {
    const saturday = input.windows?.saturday;
    windows.saturday = saturday?.length ? saturday : DEFAULT_SATURDAY;
  }
  return { windows, saturdayCounts: input.saturdayService && input.saturdayCounts };
}
