// Reporting periods (kỳ báo cáo): local dates `from`..`to`, both inclusive, in Asia/Ho_Chi_Minh.
// start = `from` 00:00 +07:00; end = the day after `to`, 00:00 +07:00 (CONTRACTS.md §3).
import { startOfLocalDate } from "../calendar/local-time.ts";

export interface Period {
  from: string;
  to: string;
}

export interface PeriodBounds {
  start: Date;
  end: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

/** Any range of days (khoảng tùy chọn); throws on an invalid date or from > to. */
export function customPeriod(from: string, to: string): Period {
  if (!isLocalDate(from)) throw new RangeError(`not a date: ${from}`);
  if (!isLocalDate(to)) throw new RangeError(`not a date: ${to}`);
  if (from > to) throw new RangeError(`period starts after it ends: ${from} > ${to}`);
  return { from, to };
}

export function periodBounds(period: Period): PeriodBounds {
  const start = startOfLocalDate(period.from);
  const end = new Date(startOfLocalDate(period.to).getTime() + DAY_MS);
  return { start, end };
}

/** The day before a local date. */
export function previousDate(date: string): string {
  return addDays(date, -1);
}

export function nextDate(date: string): string {
  return addDays(date, 1);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  }
}

/** Months `firstMonth`..`lastMonth` of `year` (lastMonth may exceed 12 only through the helpers below). */
function monthsPeriod(year: number, firstMonth: number, lastMonth: number): Period {
  checkInteger("year", year, 1900, 2100);
  return { from: ymd(year, firstMonth, 1), to: ymd(year, lastMonth + 1, 0) };
}

/** Tháng: month 1–12. */
export function monthPeriod(year: number, month: number): Period {
  checkInteger("month", month, 1, 12);
  return monthsPeriod(year, month, month);
}

/** Quý: quarter 1–4. */
export function quarterPeriod(year: number, quarter: number): Period {
  checkInteger("quarter", quarter, 1, 4);
  return monthsPeriod(year, quarter * 3 - 2, quarter * 3);
}

/** 6 tháng: half 1 (January–June) or 2 (July–December). */
export function halfYearPeriod(year: number, half: number): Period {
  checkInteger("half", half, 1, 2);
  return monthsPeriod(year, half * 6 - 5, half * 6);
}

/** Năm. */
export function yearPeriod(year: number): Period {
  return monthsPeriod(year, 1, 12);
}

/** The default cut day of provinces that cut periods mid-month (từ ngày 15 tháng trước đến ngày 14). */
export const DEFAULT_CUT_DAY = 15;

/**
 * A calendar period moved to a mid-month cut: it starts on `cutDay` of the month before its first month
 * and ends the day before `cutDay` of its last month. With cutDay 15, March 2026 becomes
 * 2026-02-15..2026-03-14 and the year 2026 becomes 2025-12-15..2026-12-14. Consecutive cut periods chain
 * without gap or overlap. cutDay 1 leaves the calendar period unchanged.
 */
export function cutPeriod(calendar: Period, cutDay = DEFAULT_CUT_DAY): Period {
  checkInteger("cut day", cutDay, 1, 28);
  if (cutDay === 1) return { ...calendar };
  const [fy, fm] = calendar.from.split("-").map(Number) as [number, number];
  const [ty, tm] = calendar.to.split("-").map(Number) as [number, number];
  return { from: ymd(fy, fm - 1, cutDay), to: ymd(ty, tm, cutDay - 1) };
}

export type PeriodKind = "month" | "quarter" | "half-year" | "year";

/** One entry point for the standard periods, optionally with a mid-month cut. */
export function standardPeriod(kind: PeriodKind, year: number, index = 1, cutDay = 1): Period {
  const calendar = calendarPeriod(kind, year, index);
  return cutDay === 1 ? calendar : cutPeriod(calendar, cutDay);
}

function calendarPeriod(kind: PeriodKind, year: number, index: number): Period {
  switch (kind) {
    case "month":
      return monthPeriod(year, index);
    case "quarter":
      return quarterPeriod(year, index);
    case "half-year":
      return halfYearPeriod(year, index);
    case "year":
      return yearPeriod(year);
  }
}

/** Splits a period at `lastOfFirst` (inclusive) into two adjacent periods. */
export function splitPeriod(period: Period, lastOfFirst: string): [Period, Period] {
  const second = nextDate(lastOfFirst);
  if (lastOfFirst < period.from || second > period.to) {
    throw new RangeError(`cannot split ${period.from}..${period.to} after ${lastOfFirst}`);
  }
  return [customPeriod(period.from, lastOfFirst), customPeriod(second, period.to)];
}

/** Calendar periods (cut day 1) — or periods from the `cutDay` of the month before, as a province sets it. */
export const MIN_CUT_DAY = 1;
export const MAX_CUT_DAY = 28;

const SPEC = /^(\d{4})(?:-(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2])))?$/;

/** A standard period written as text, with its kind and index (see parsePeriodSpec). */
export interface PeriodSpec {
  kind: PeriodKind;
  year: number;
  index: number;
}

/**
 * Reads `YYYY` (năm), `YYYY-H1`/`YYYY-H2` (6 tháng), `YYYY-Q1`..`YYYY-Q4` (quý) or `YYYY-MM` (tháng);
 * throws a RangeError naming the accepted forms otherwise.
 */
export function readPeriodSpec(text: string): PeriodSpec {
  const match = SPEC.exec(text.trim());
  if (!match) {
    throw new RangeError(
      `kỳ báo cáo "${text}" không hợp lệ: dùng YYYY (năm), YYYY-H1 hoặc YYYY-H2 (6 tháng), YYYY-Q1..YYYY-Q4 (quý) hoặc YYYY-MM (tháng)`,
    );
  }
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) throw new RangeError(`năm của kỳ báo cáo phải từ 1900 đến 2100, có ${year}`);
  if (match[2]) return { kind: "half-year", year, index: Number(match[2].slice(1)) };
  if (match[3]) return { kind: "quarter", year, index: Number(match[3].slice(1)) };
  if (match[4]) return { kind: "month", year, index: Number(match[4]) };
  return { kind: "year", year, index: 1 };
}

/**
 * The period a spec names (readPeriodSpec's forms), cut on `cutDay` (1 = calendar period; 15 = from the 15th
 * of the month before to the 14th). `2026-Q3` with cut day 15 is 2026-06-15..2026-09-14.
 */
export function parsePeriodSpec(text: string, cutDay = 1): Period {
  checkInteger("cut day", cutDay, MIN_CUT_DAY, MAX_CUT_DAY);
  const spec = readPeriodSpec(text);
  return standardPeriod(spec.kind, spec.year, spec.index, cutDay);
}
