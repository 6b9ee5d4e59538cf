// The working calendar as a table SQL can join (issue 20): 2.2 sums working time over tens of thousands of
// dossiers, which the database does in one aggregate when it can place an instant on the calendar. A local day
// is cut at every boundary of the office hours' windows into segments; within one segment working time runs at
// rate 1 (inside a window) or 0, so position(t) = base + slope × (ms of day − segment start) exactly. The base
// and slope of each (day, segment) come from the injected WorkingMinutes (the figures stay calendar-agnostic);
// a segment whose working time is neither 0 nor its length (a window boundary the cuts missed) throws.
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { compileOfficeHours, DEFAULT_OFFICE_HOURS, type OfficeHours } from "../../calendar/office-hours.ts";
import { nextDate } from "../../figures/period.ts";
import type { WorkingMinutes } from "../../figures/quality.ts";

const DAY_MS = 86_400_000;

/** Ms after local midnight where a segment starts: 0 and every window boundary of the office hours. */
export function segmentStarts(hours: OfficeHours = DEFAULT_OFFICE_HOURS): number[] {
  const compiled = compileOfficeHours(hours);
  const cuts = new Set<number>([0]);
  for (const windows of [...compiled.open, compiled.normal]) for (const b of windows) if (b < DAY_MS) cuts.add(b);
  return [...cuts].sort((a, b) => a - b);
}

/** Parallel arrays for `unnest`: one row per (local day, segment), positions in working ms after `origin`. */
export interface CalendarSegments {
  days: string[];
  /** 1-based, as width_bucket(ms of day, starts) numbers them. */
  segments: number[];
  starts: number[];
  bases: number[];
  slopes: number[];
}

/** The segments of the local days from..to (inclusive), positions relative to `origin`. */
export function calendarSegments(
  from: string,
  to: string,
  origin: Date,
  workingMinutes: WorkingMinutes,
  starts: readonly number[],
): CalendarSegments {
  const out: CalendarSegments = { days: [], segments: [], starts: [], bases: [], slopes: [] };
  const position = (at: number) => Math.round(workingMinutes(origin, new Date(at)) * 60_000);
  for (let day = from; day <= to; day = nextDate(day)) {
    const midnight = startOfLocalDate(day).getTime();
    for (const [k, start] of starts.entries()) {
      const end = starts[k + 1] ?? DAY_MS;
      const base = position(midnight + start);
      const worked = position(midnight + end) - base;
      if (worked !== 0 && worked !== end - start)
        throw new Error(`calendar segment ${day} ${start}..${end} ms is partly working time: cut it`);
      out.days.push(day);
      out.segments.push(k + 1);
      out.starts.push(start);
      out.bases.push(base);
      out.slopes.push(worked === 0 ? 0 : 1);
    }
  }
  return out;
}
