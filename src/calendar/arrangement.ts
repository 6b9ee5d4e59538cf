// Which days are off in a year: computed law defaults, replaced by the official national arrangement where
// one is shipped, then adjusted by override layers (an administrator's national edits, a province's own days).
import { OFFICIAL_YEARS } from "./data/official-2020-2026.ts";
import { CalendarError } from "./errors.ts";
import {
  checkYear,
  dayOfIso,
  defaultArrangement,
  isoOfDay,
  statutoryHolidays,
  weekdayOfDay,
  type YearArrangement,
} from "./holidays.ts";

/** One layer of edits over the national calendar; layers apply in order, later ones win. */
export interface CalendarOverrides {
  /** Whole-year arrangements replacing what the layers below say for those years. */
  years?: Record<string, YearArrangement>;
  /** Extra days off (a province's own holiday, a closure). A weekend date here cancels a working weekend day. */
  daysOff?: string[];
  /** Extra working days. A weekend date here is worked with a normal day's hours; a weekday cancels a day off. */
  workingDays?: string[];
}

const OFFICIAL = new Map(OFFICIAL_YEARS.map((y) => [y.year, y]));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkIsoDate(date: string): number {
  const day = ISO_DATE.test(date) ? dayOfIso(date) : Number.NaN;
  if (!Number.isInteger(day) || isoOfDay(day) !== date) {
    throw new CalendarError("invalid-date", `ngày không hợp lệ: "${date}" (cần YYYY-MM-DD)`);
  }
  return day;
}

const isWeekend = (day: number) => weekdayOfDay(day) === 0 || weekdayOfDay(day) === 6;

/** A year's resolved days, as day numbers (days since 1970-01-01). */
export interface ResolvedYear {
  daysOff: Set<number>;
  workingDays: Set<number>;
  /** Weekend days that are holidays: closed even to Saturday service. */
  closedWeekendDays: Set<number>;
}

export function resolveYear(year: number, layers: readonly CalendarOverrides[] = []): ResolvedYear {
  checkYear(year);
  let base: YearArrangement = OFFICIAL.get(year) ?? defaultArrangement(year);
  for (const layer of layers) base = layer.years?.[String(year)] ?? base;
  const daysOff = new Set(base.daysOff.map(checkIsoDate));
  const workingDays = new Set(base.workingDays.map(checkIsoDate));
  const closedWeekendDays = new Set(
    statutoryHolidays(year)
      .filter((h) => h.kind === "holiday")
      .map((h) => dayOfIso(h.date))
      .filter(isWeekend),
  );
  const inYear = (day: number) => isoOfDay(day).startsWith(`${year}-`);
  for (const layer of layers) {
    for (const day of (layer.daysOff ?? []).map(checkIsoDate).filter(inYear)) {
      if (isWeekend(day)) {
        workingDays.delete(day);
        closedWeekendDays.add(day);
      } else daysOff.add(day);
    }
    for (const day of (layer.workingDays ?? []).map(checkIsoDate).filter(inYear)) {
      if (isWeekend(day)) {
        workingDays.add(day);
        closedWeekendDays.delete(day);
      } else daysOff.delete(day);
    }
  }
  for (const day of daysOff) if (isWeekend(day)) daysOff.delete(day);
  for (const day of workingDays) if (!isWeekend(day)) workingDays.delete(day);
  // A weekend inside a holiday break (the Friday before or the Monday after is off) is closed too: Saturday
  // service does not open in the middle of Tết.
  for (const day of daysOff) {
    const w = weekdayOfDay(day);
    if (w === 5) for (const d of [day + 1, day + 2]) if (!workingDays.has(d)) closedWeekendDays.add(d);
    if (w === 1) for (const d of [day - 2, day - 1]) if (!workingDays.has(d)) closedWeekendDays.add(d);
  }
  return { daysOff, workingDays, closedWeekendDays };
}

/** `motcua holidays <year>` (CONTRACTS.md §1): weekdays off and worked weekend days, ascending. */
export function holidaysOf(
  year: number,
  overrides?: CalendarOverrides | readonly CalendarOverrides[],
): { year: number; daysOff: string[]; workingSaturdays: string[] } {
  const layers = overrides === undefined ? [] : Array.isArray(overrides) ? overrides : [overrides as CalendarOverrides];
  const resolved = resolveYear(year, layers);
  const sorted = (days: Set<number>) => [...days].sort((a, b) => a - b).map(isoOfDay);
  return { year, daysOff: sorted(resolved.daysOff), workingSaturdays: sorted(resolved.workingDays) };
}
