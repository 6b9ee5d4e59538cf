// Deadline arithmetic on working time (CONTRACTS.md §5, DOMAIN.md §4) over a shared cumulative index.
import type { CalendarOverrides } from "./arrangement.ts";
import { checkIsoDate } from "./arrangement.ts";
import { CalendarError } from "./errors.ts";
import type { TimeLimit } from "./limits.ts";
import { compileOfficeHours, DEFAULT_OFFICE_HOURS, parseClock, type OfficeHours } from "./office-hours.ts";
import { FIRST_DAY, WorkingTimeIndex } from "./working-time-index.ts";
import { VN_OFFSET_MINUTES } from "./local-time.ts";

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export interface WorkingCalendar {
  /** The appointment (ngày hẹn trả) of a dossier received at `receivedAt` under `limit`. */
  appointment(receivedAt: Date, limit: TimeLimit): Date;
  /** The earliest instant by which `minutes` of working time have elapsed since `from`. */
  addWorkingMinutes(from: Date, minutes: number): Date;
  /** Working minutes elapsed from `from` to `to` (negative when `to` is earlier). */
  workingMinutesBetween(from: Date, to: Date): number;
  /** `at` itself when inside a working window, else the start of the next one. */
  nextWorkingInstant(at: Date): Date;
  /** Whether a local date `YYYY-MM-DD` has working time that counts towards deadlines. */
  isWorkingDay(localDate: string): boolean;
  /** New appointment after a supplement: the old one shifted by the working time paused between pausedAt and resumedAt. */
  resume(dueAt: Date, pausedAt: Date, resumedAt: Date): Date;
  /** Length of one working day in minutes (7.5 h = 450 by default). */
  readonly workingDayMinutes: number;
}

class IndexedCalendar implements WorkingCalendar {
  readonly workingDayMinutes: number;
  constructor(private readonly index: WorkingTimeIndex) {
    this.workingDayMinutes = index.hours.dayLengthMs / 60_000;
  }

  private addMs(from: number, ms: number): number {
    if (!(ms >= 0)) throw new CalendarError("invalid-limit", "thời gian cộng thêm phải không âm");
    if (ms === 0) return from;
    return this.index.endInstant(this.index.position(from) + ms);
  }

  appointment(receivedAt: Date, limit: TimeLimit): Date {
    const at = receivedAt.getTime();
    switch (limit.unit) {
      case "working_hours":
        return new Date(this.addMs(at, Math.round(limit.value * 3_600_000)));
      case "working_days":
        return new Date(this.addMs(at, Math.round(limit.value * this.index.hours.dayLengthMs)));
      case "same_day":
        return new Date(this.sameDay(at, limit.cutoff));
      case "calendar_days":
        return new Date(this.calendarDays(at, limit.value));
    }
  }

  /** Before the cut-off (default: the end of the day's last window) on a working day → that day's end; else the next's. */
  private sameDay(at: number, cutoff: string | undefined): number {
    const i = this.index.dayIndex(at);
    const ms = at + OFFSET_MS - (i + FIRST_DAY) * DAY_MS;
    if (this.index.isWorkingDayIndex(i)) {
      const limit = cutoff === undefined ? this.index.lastEndMs(i) : parseClock(cutoff, "invalid-limit") * 60_000;
      if (ms <= limit) return this.index.endOfDay(i);
    }
    return this.index.endOfDay(this.index.nextWorkingDayAfter(i));
  }

  /**
   * Civil Code 2015 (91/2015/QH13): Art. 147(2) — a limit in days does not count the day it starts from;
   * Art. 148(1) — it ends at the end of its last day; Art. 148(5) — a last day that is a weekend day or a
   * holiday moves the end to the end of the next working day. "The end of the day" is the end of the unit's
   * last window that day (CONTRACTS.md §5), not Art. 148(6)'s 24:00: results are returned in office hours.
   * A receipt outside working time takes the date of the next working instant as its receipt date.
   */
  private calendarDays(at: number, days: number): number {
    if (!Number.isInteger(days) || days < 0) {
      throw new CalendarError("invalid-limit", "số ngày theo lịch phải là số nguyên không âm");
    }
    const received = this.index.dayIndex(this.index.startInstant(this.index.position(at)));
    const last = received + days;
    if (last >= this.index.days) throw new CalendarError("out-of-range", "thời hạn vượt quá phạm vi lịch 1900–2100");
    return this.index.endOfDay(this.index.isWorkingDayIndex(last) ? last : this.index.nextWorkingDayAfter(last));
  }

  addWorkingMinutes(from: Date, minutes: number): Date {
    return new Date(this.addMs(from.getTime(), Math.round(minutes * 60_000)));
  }

  workingMinutesBetween(from: Date, to: Date): number {
    return (this.index.position(to.getTime()) - this.index.position(from.getTime())) / 60_000;
  }

  nextWorkingInstant(at: Date): Date {
    return new Date(this.index.startInstant(this.index.position(at.getTime())));
  }

  isWorkingDay(localDate: string): boolean {
    const i = checkIsoDate(localDate) - FIRST_DAY;
    if (!(i >= 0 && i < this.index.days)) throw new CalendarError("out-of-range", "ngày nằm ngoài phạm vi 1900–2100");
    return this.index.isWorkingDayIndex(i);
  }

  resume(dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
    const paused = this.index.position(resumedAt.getTime()) - this.index.position(pausedAt.getTime());
    return paused > 0 ? new Date(this.addMs(dueAt.getTime(), paused)) : dueAt;
  }
}

/** Builds a calendar from explicit data (the DB layer passes the administrator's and the province's layers). */
export function buildCalendar(options: {
  officeHours?: OfficeHours;
  layers?: readonly CalendarOverrides[];
}): WorkingCalendar {
  const hours = compileOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
  return new IndexedCalendar(new WorkingTimeIndex(hours, options.layers ?? []));
}

// One index per distinct (office hours, overrides) profile: a province's ~100 communes with the same hours
// share one ~1 MB index, built once (~50 ms) on first use.
const cache = new Map<string, WorkingCalendar>();
const MAX_CACHED = 256;

export function getCalendar(
  options: { officeHours?: OfficeHours; overrides?: CalendarOverrides | readonly CalendarOverrides[] } = {},
): WorkingCalendar {
  const hours = compileOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
  const o = options.overrides;
  const layers = o === undefined ? [] : Array.isArray(o) ? o : [o as CalendarOverrides];
  const key = `${hours.key}|${JSON.stringify(layers)}`;
  let calendar = cache.get(key);
  if (!calendar) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    calendar = new IndexedCalendar(new WorkingTimeIndex(hours, layers));
    cache.set(key, calendar);
  }
  return calendar;
}
