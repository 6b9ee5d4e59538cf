// Public API of the working-time calendar (docs/calendar.md).
export { CalendarError, type CalendarErrorCode } from "./errors.ts";
export { parseLimit, formatLimit, type LimitUnit, type TimeLimit } from "./limits.ts";
export {
  DEFAULT_OFFICE_HOURS,
  OPENING_DAYS,
  compileOfficeHours,
  type OfficeHours,
  type OfficeWindow,
  type OpeningDay,
} from "./office-hours.ts";
export {
  checkOfficeHours,
  DAY_LABELS,
  DEFAULT_SATURDAY,
  resolveOfficeHours,
  type OfficeHoursIssue,
  type OfficeHoursRule,
  type UnitOfficeHoursInput,
} from "./office-hours-rules.ts";
export { checkIsoDate, holidaysOf, resolveYear, type CalendarOverrides } from "./arrangement.ts";
export {
  describeYear,
  layerOverrides,
  type CalendarDay,
  type DaySource,
  type OverrideDay,
  type OverrideKind,
  type OverrideLayer,
  type YearView,
} from "./year-view.ts";
export {
  defaultArrangement,
  lawOf,
  nationalDayCompanion,
  statutoryHolidays,
  FIRST_YEAR,
  LAST_YEAR,
  type Holiday,
  type HolidayLaw,
  type YearArrangement,
} from "./holidays.ts";
export { OFFICIAL_YEARS, type OfficialYear, type Source } from "./data/official-2020-2026.ts";
export { buildCalendar, getCalendar, type WorkingCalendar } from "./working-calendar.ts";
export { classifyFinished, classifyOpen } from "./classify.ts";
export { gioToOf, lunarToSolar, solarToLunar, tetOf, type LunarDate } from "./lunar.ts";
export * from "./local-time.ts";
