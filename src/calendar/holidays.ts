// Public holidays by the law in force each year (ngày nghỉ lễ, Tết), computed for any year 1900–2100. These
// are the defaults; the official per-year arrangements (data/official-2020-2026.ts) replace them where known.
import { gioToOf, tetOf } from "./lunar.ts";
import { CalendarError } from "./errors.ts";

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export type HolidayKind = "holiday" | "compensatory";
export interface Holiday {
  date: string;
  kind: HolidayKind;
  name: string;
}

/** Which law fixes the list of holidays of a year (see docs/calendar.md, "Holidays by law"). */
export type HolidayLaw = "labour-code-2019" | "labour-code-2012" | "labour-code-1994-2007" | "labour-code-1994";

export function lawOf(year: number): HolidayLaw {
  if (year >= 2021) return "labour-code-2019"; // Bộ luật Lao động 45/2019/QH14, Art. 112
  if (year >= 2013) return "labour-code-2012"; // Bộ luật Lao động 10/2012/QH13, Art. 115
  if (year >= 2007) return "labour-code-1994-2007"; // BLLĐ 1994 Art. 73 as amended in 2007 (adds Giỗ Tổ)
  return "labour-code-1994"; // BLLĐ 1994 Art. 73; applied to earlier years as an approximation
}

const DAY_MS = 86_400_000;
export const dayOfIso = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday of a day number (1970-01-01 was a Thursday). */
export const weekdayOfDay = (day: number) => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number) => {
  const w = weekdayOfDay(day);
  return w === 0 || w === 6;
};

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new CalendarError("out-of-range", `năm ${year} nằm ngoài phạm vi ${FIRST_YEAR}–${LAST_YEAR}`);
  }
}

/**
 * The day beside 2 September (Labour Code 2019: "2/9 and one day before or after", chosen yearly). Our rule,
 * which reproduces every choice 2021–2026: take the weekday neighbour that joins the weekend; when neither
 * does (2/9 on a Wednesday) take 1/9; when 2/9 is on a Sunday take 3/9.
 */
export function nationalDayCompanion(year: number): string {
  const w = weekdayOfDay(dayOfIso(`${year}-09-02`));
  const after = w === 1 || w === 4 || w === 0; // Monday: 1/9 is a Sunday; Thursday: 3/9 is a Friday
  return after ? `${year}-09-03` : `${year}-09-01`;
}

/** The statutory holidays of a year by its law, before weekend compensation. */
function statutoryDays(year: number): Holiday[] {
  const law = lawOf(year);
  const days: Holiday[] = [{ date: `${year}-01-01`, kind: "holiday", name: "Tết Dương lịch" }];
  // Tết: the last day of the old lunar year plus the first days of the new one (4 of them from 2013, when
  // the holiday grew from 4 to 5 days; 3 before). In practice the Prime Minister moves this block by a day or
  // two each year; the official data records what was decided.
  const tet = dayOfIso(tetOf(year));
  const tetDays = law === "labour-code-2019" || law === "labour-code-2012" ? 5 : 4;
  for (let i = -1; i < tetDays - 1; i++) {
    const name = i < 0 ? "Tết Âm lịch (cuối năm)" : `Tết Âm lịch (mùng ${i + 1})`;
    days.push({ date: isoOfDay(tet + i), kind: "holiday", name });
  }
  if (law !== "labour-code-1994") {
    days.push({ date: gioToOf(year), kind: "holiday", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" });
  }
  days.push({ date: `${year}-04-30`, kind: "holiday", name: "Ngày Chiến thắng (30/4)" });
  days.push({ date: `${year}-05-01`, kind: "holiday", name: "Ngày Quốc tế Lao động (1/5)" });
  days.push({ date: `${year}-09-02`, kind: "holiday", name: "Quốc khánh (2/9)" });
  if (law === "labour-code-2019") {
    days.push({ date: nationalDayCompanion(year), kind: "holiday", name: "Quốc khánh (ngày liền kề)" });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The statutory holidays of a year with their compensatory days: a holiday on a Saturday or Sunday gives the
 * next weekday that is not already a holiday (nghỉ bù, Labour Code 2019 Art. 111(3), same rule since 1994).
 */
export function statutoryHolidays(year: number): Holiday[] {
  checkYear(year);
  const days = statutoryDays(year);
  const taken = new Set(days.map((h) => dayOfIso(h.date)));
  const out = [...days];
  for (const h of days) {
    const day = dayOfIso(h.date);
    if (!isWeekend(day)) continue;
    let comp = day + 1;
    while (isWeekend(comp) || taken.has(comp)) comp++;
    taken.add(comp);
    out.push({ date: isoOfDay(comp), kind: "compensatory", name: `Nghỉ bù ${h.name}` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** A year's deviations from the Monday–Friday week: what `motcua holidays` prints (CONTRACTS.md §1). */
export interface YearArrangement {
  /** Every Monday–Friday date that is not a working day, ascending. */
  daysOff: string[];
  /** Every Saturday/Sunday date that is a (swapped) working day, ascending. */
  workingDays: string[];
}

/** The computed default arrangement of a year: the statutory holidays falling Monday–Friday. */
export function defaultArrangement(year: number): YearArrangement {
  const daysOff = statutoryHolidays(year)
    .map((h) => h.date)
    .filter((d) => !isWeekend(dayOfIso(d)));
  return { daysOff: [...new Set(daysOff)], workingDays: [] };
}
