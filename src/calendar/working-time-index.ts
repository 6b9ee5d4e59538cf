// The cumulative index of working time that makes an appointment a binary search: for every local day
// 1900–2100, the working milliseconds before it (a prefix sum) and the id of its window pattern. Time
// positions are "working ms since 1900-01-01 00:00 local"; converting an instant to a position is O(1),
// converting back is a binary search over ~73,000 days, whatever the length of the limit.
import { CalendarError } from "./errors.ts";
import { resolveYear, type CalendarOverrides } from "./arrangement.ts";
import { dayOfIso, FIRST_YEAR, LAST_YEAR, weekdayOfDay } from "./holidays.ts";
import type { CompiledHours } from "./office-hours.ts";
import { VN_OFFSET_MINUTES } from "./local-time.ts";

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
export const FIRST_DAY = dayOfIso(`${FIRST_YEAR}-01-01`);
export const LAST_DAY = dayOfIso(`${LAST_YEAR}-12-31`);

interface Pattern {
  /** [start, end) pairs, ms after local midnight. */
  windows: readonly number[];
  /** Working ms before each window within the day. */
  before: readonly number[];
  total: number;
}

function makePattern(windows: readonly number[]): Pattern {
  const before: number[] = [];
  let acc = 0;
  for (let k = 0; k < windows.length; k += 2) {
    before.push(acc);
    acc += windows[k + 1]! - windows[k]!;
  }
  return { windows, before, total: acc };
}

export class WorkingTimeIndex {
  readonly days = LAST_DAY - FIRST_DAY + 1;
  /** cum[i] = working ms before day FIRST_DAY + i; cum[days] = total. */
  private readonly cum = new Float64Array(this.days + 1);
  private readonly patternOf = new Uint8Array(this.days);
  private readonly patterns: Pattern[] = [];

  constructor(
    readonly hours: CompiledHours,
    layers: readonly CalendarOverrides[],
  ) {
    const ids = new Map<readonly number[], number>();
    const idOf = (w: readonly number[]) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = this.patterns.push(makePattern(w)) - 1;
        ids.set(w, id);
      }
      return id;
    };
    const none: number[] = [];
    let acc = 0;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const { daysOff, workingDays, closedWeekendDays } = resolveYear(year, layers);
      const end = dayOfIso(`${year + 1}-01-01`);
      for (let day = dayOfIso(`${year}-01-01`); day < end; day++) {
        const w = weekdayOfDay(day);
        let windows: readonly number[] = none;
        if (w >= 1 && w <= 5) windows = daysOff.has(day) ? none : hours.open[w]!;
        else if (workingDays.has(day))
          windows = hours.normal; // a swapped working weekend day: normal hours
        else if (hours.counts[w] && !closedWeekendDays.has(day)) windows = hours.open[w]!;
        const i = day - FIRST_DAY;
        this.patternOf[i] = idOf(windows);
        this.cum[i] = acc;
        acc += this.patterns[this.patternOf[i]!]!.total;
      }
    }
    this.cum[this.days] = acc;
  }

  /** Day index (0 = 1900-01-01) of an instant's local date; throws outside 1900–2100. */
  dayIndex(at: number): number {
    const i = Math.floor((at + OFFSET_MS) / DAY_MS) - FIRST_DAY;
    if (!(i >= 0 && i < this.days))
      throw new CalendarError("out-of-range", "thời điểm nằm ngoài phạm vi lịch 1900–2100");
    return i;
  }

  /** Working ms from the start of the index to instant `at`. */
  position(at: number): number {
    const i = this.dayIndex(at);
    const ms = at + OFFSET_MS - (i + FIRST_DAY) * DAY_MS;
    const p = this.patterns[this.patternOf[i]!]!;
    const w = p.windows;
    for (let k = 0; k < w.length; k += 2) {
      if (ms < w[k + 1]!) return this.cum[i]! + p.before[k >> 1]! + Math.max(0, ms - w[k]!);
    }
    return this.cum[i]! + p.total;
  }

  /** Smallest day index i with cum[i + 1] > pos (strict) or ≥ pos. */
  private findDay(pos: number, strict: boolean): number {
    const cum = this.cum;
    if (strict ? pos < 0 || pos >= cum[this.days]! : pos <= 0 || pos > cum[this.days]!) {
      throw new CalendarError("out-of-range", "thời hạn vượt quá phạm vi lịch 1900–2100");
    }
    let lo = 0;
    let hi = this.days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? cum[mid + 1]! > pos : cum[mid + 1]! >= pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private instantIn(i: number, pos: number, strict: boolean): number {
    const p = this.patterns[this.patternOf[i]!]!;
    const r = pos - this.cum[i]!;
    const w = p.windows;
    for (let k = 0; k < w.length; k += 2) {
      const len = w[k + 1]! - w[k]!;
      const before = p.before[k >> 1]!;
      if (strict ? before + len > r : before + len >= r)
        return (i + FIRST_DAY) * DAY_MS - OFFSET_MS + w[k]! + (r - before);
    }
    throw new Error("unreachable: position not inside its day");
  }

  /** The earliest instant whose position is `pos` (pos > 0): may be the end of a window, never the next start. */
  endInstant(pos: number): number {
    return this.instantIn(this.findDay(pos, false), pos, false);
  }

  /** The working instant at position `pos`: the start of the next window when pos is at a window boundary. */
  startInstant(pos: number): number {
    return this.instantIn(this.findDay(pos, true), pos, true);
  }

  isWorkingDayIndex(i: number): boolean {
    return this.cum[i + 1]! > this.cum[i]!;
  }

  /** The end of day i's last window (day i must be a working day). */
  endOfDay(i: number): number {
    const w = this.patterns[this.patternOf[i]!]!.windows;
    return (i + FIRST_DAY) * DAY_MS - OFFSET_MS + w[w.length - 1]!;
  }

  /** Ms after local midnight of the end of day i's last window, or -1 for a non-working day. */
  lastEndMs(i: number): number {
    const w = this.patterns[this.patternOf[i]!]!.windows;
    return w.length ? w[w.length - 1]! : -1;
  }

  /** The first working day after day i. */
  nextWorkingDayAfter(i: number): number {
    return this.findDay(this.cum[i + 1]!, true);
  }
}
