// A unit's office hours (giờ làm việc): the windows in which dossiers are received and deadlines run.
import { CalendarError } from "./errors.ts";

export interface OfficeWindow {
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM", after start; "24:00" allowed. */
  end: string;
}

export type OpeningDay = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
export const OPENING_DAYS: readonly OpeningDay[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export interface OfficeHours {
  /** Windows per day; a missing or empty day is closed. Sundays are always closed. Saturday = Saturday service. */
  windows: Partial<Record<OpeningDay, readonly OfficeWindow[]>>;
  /** Whether Saturday service hours count towards deadlines (DOMAIN.md §4: configurable, default no). */
  saturdayCounts: boolean;
}

const STANDARD_DAY: readonly OfficeWindow[] = [
  { start: "07:30", end: "11:30" },
  { start: "13:30", end: "17:00" },
];

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  windows: Object.freeze({
    monday: STANDARD_DAY,
    tuesday: STANDARD_DAY,
    wednesday: STANDARD_DAY,
    thursday: STANDARD_DAY,
    friday: STANDARD_DAY,
  }),
  saturdayCounts: false,
});

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after midnight of "HH:MM"; throws CalendarError with `code` for anything else. */
export function parseClock(text: string, code: "invalid-office-hours" | "invalid-limit"): number {
  if (!HHMM.test(text)) throw new CalendarError(code, `giờ không hợp lệ: "${text}" (cần HH:MM)`);
  const [h, m] = text.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Office hours compiled to milliseconds after local midnight, [start, end) pairs, sorted and disjoint. */
export interface CompiledHours {
  /** A stable key: units whose hours compile to the same key share one working-time index. */
  key: string;
  /** Index 0 = Sunday … 6 = Saturday: the windows that open the office. */
  open: readonly (readonly number[])[];
  /** Whether each weekday's windows count towards deadlines. */
  counts: readonly boolean[];
  /** The windows of a normal working day: used for swapped working weekend days. */
  normal: readonly number[];
  /** Working time of a normal day in ms: the length of "1 working day". */
  dayLengthMs: number;
}

function compileDay(windows: readonly OfficeWindow[] | undefined, day: string): number[] {
  const pairs = (windows ?? [])
    .map((w) => [parseClock(w.start, "invalid-office-hours"), parseClock(w.end, "invalid-office-hours")] as const)
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (end <= start) throw new CalendarError("invalid-office-hours", `${day}: giờ kết thúc phải sau giờ bắt đầu`);
    if (out.length > 0 && start < out[out.length - 1]! / 60_000) {
      throw new CalendarError("invalid-office-hours", `${day}: các khung giờ chồng lên nhau`);
    }
    out.push(start * 60_000, end * 60_000);
  }
  return out;
}

const total = (w: readonly number[]) => w.reduce((sum, v, i) => sum + (i % 2 ? v : -v), 0);

export function compileOfficeHours(hours: OfficeHours): CompiledHours {
  const byDay = OPENING_DAYS.map((d) => compileDay(hours.windows[d], d));
  const weekdays = byDay.slice(0, 5);
  // The normal day is the most common Monday–Friday schedule (ties: the earliest weekday): a unit open half a
  // day on Friday still has 7.5-hour working days.
  let normal = weekdays[0]!;
  let best = 0;
  for (const w of weekdays) {
    const n = weekdays.filter((v) => v.join() === w.join()).length;
    if (n > best && w.length > 0) [normal, best] = [w, n];
  }
  const dayLengthMs = total(normal);
  if (dayLengthMs <= 0)
    throw new CalendarError("invalid-office-hours", "đơn vị không có giờ làm việc từ thứ Hai đến thứ Sáu");
  const open = [[], ...byDay];
  const counts = [false, true, true, true, true, true, hours.saturdayCounts];
  const key = JSON.stringify({ open, counts: hours.saturdayCounts && byDay[5]!.length > 0 });
  return { key, open, counts, normal, dayLengthMs };
}
