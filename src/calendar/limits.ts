// Time limits of procedures (thời hạn giải quyết) as written in the catalogue and on the command line.
import { CalendarError } from "./errors.ts";
import { parseClock } from "./office-hours.ts";

export type LimitUnit = "working_days" | "working_hours" | "calendar_days" | "same_day";

export interface TimeLimit {
  value: number;
  unit: LimitUnit;
  /** "HH:MM": for same-day limits, receipts after it are due at the end of the next working day. */
  cutoff?: string;
}

// English per CONTRACTS.md §5 (decimal point or comma, singular or plural, any case), plus the Vietnamese
// wording of the catalogue ("3 ngày làm việc", "4 giờ làm việc", "15 ngày" or "15 ngày theo lịch", "trong ngày").
const NUMBERED =
  /^(\d+(?:[.,]\d+)?)\s+(working\s+days?|working\s+hours?|calendar\s+days?|ngày\s+làm\s+việc|giờ\s+làm\s+việc|ngày(?:\s+theo\s+lịch)?)$/iu;
const SAME_DAY = /^(?:same\s+day|trong\s+ngày)(?:\s*,?\s*(?:cut-?off|giờ\s+chốt)\s+(\d{2}:\d{2}))?$/iu;

function unitOf(word: string): LimitUnit {
  const w = word.toLowerCase().normalize("NFC").replace(/\s+/g, " ");
  if (w.startsWith("working day") || w === "ngày làm việc") return "working_days";
  if (w.startsWith("working hour") || w === "giờ làm việc") return "working_hours";
  return "calendar_days";
}

/** Parses a limit; throws CalendarError "invalid-limit" for anything else. */
export function parseLimit(text: string, cutoff?: string): TimeLimit {
  const trimmed = text.normalize("NFC").trim();
  if (cutoff !== undefined) parseClock(cutoff, "invalid-limit");
  const same = SAME_DAY.exec(trimmed);
  if (same) {
    const cut = cutoff ?? same[1];
    if (cut !== undefined) parseClock(cut, "invalid-limit");
    return cut === undefined ? { value: 0, unit: "same_day" } : { value: 0, unit: "same_day", cutoff: cut };
  }
  const match = NUMBERED.exec(trimmed);
  if (!match) {
    throw new CalendarError(
      "invalid-limit",
      `thời hạn không hợp lệ: "${text}" (ví dụ: "3 ngày làm việc", "4 giờ làm việc", "15 ngày", "trong ngày"; ` +
        `"3 working days", "4 working hours", "15 calendar days", "same day")`,
    );
  }
  const value = Number(match[1]!.replace(",", "."));
  const unit = unitOf(match[2]!);
  if (!(value > 0)) throw new CalendarError("invalid-limit", `thời hạn phải lớn hơn 0: "${text}"`);
  if (unit === "calendar_days" && !Number.isInteger(value)) {
    throw new CalendarError("invalid-limit", `số ngày theo lịch phải là số nguyên: "${text}"`);
  }
  return cutoff === undefined ? { value, unit } : { value, unit, cutoff };
}

/** Canonical English text of a limit: "3 working days", "1 working hour", "0.5 working days", "same day". */
export function formatLimit(limit: TimeLimit): string {
  switch (limit.unit) {
    case "same_day":
      return limit.cutoff ? `same day, cutoff ${limit.cutoff}` : "same day";
    case "working_days":
      return `${limit.value} working ${limit.value === 1 ? "day" : "days"}`;
    case "working_hours":
      return `${limit.value} working ${limit.value === 1 ? "hour" : "hours"}`;
    case "calendar_days":
      return `${limit.value} calendar ${limit.value === 1 ? "day" : "days"}`;
  }
}
