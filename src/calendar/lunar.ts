// Vietnamese lunar calendar (âm lịch): Hồ Ngọc Đức's algorithm (https://www.informatik.uni-leipzig.de/~duc/amlich/)
// evaluated at UTC+07:00. Vietnam has used UTC+7 since 1968; the Chinese calendar uses UTC+8, which moves a
// new moon or the solstice across midnight in some years (Tết 1985, 2007, 2030, 2053 differ), so no Chinese
// calendar library is used. Trigonometric series (Meeus) instead of an ephemeris: no dependency, ~µs per call.
// Checked against an astronomy-engine fixture (fixtures/lunar-vn-1970-2100.json) for 1970–2100.
import { CalendarError } from "./errors.ts";

const TIME_ZONE = 7;
const DEG = Math.PI / 180;
/** Julian day number of 1970-01-01: converts between JDN and our day numbers (days since the Unix epoch). */
const JDN_UNIX_EPOCH = 2440588;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named by the Gregorian year in which its month 1 starts. */
  year: number;
  /** True for a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

/** Julian day number of a Gregorian date. */
export function julianDay(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at Julian day `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + dl) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Which 30° sector (0–11) the sun is in at local midnight starting Julian day number `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day number of the local day containing the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Julian day number of the start of lunar month 11 (the month holding the December solstice) of `year`. */
function month11(year: number): number {
  const off = julianDay(year, 12, 31) - 2415021;
  const k = Math.floor(off / 29.530588853);
  const nm = newMoonDay(k);
  // Sector ≥ 9 means the sun has passed 270° already: the solstice falls in the month before.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset (months after month 11) of the leap month in a 13-month cycle starting at `a11`. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  // The leap month is the first one without a principal term: the sun's sector does not change across it.
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Lunar date of a Gregorian date given as a day number (days since 1970-01-01). */
export function lunarOfDay(dayNumber: number): LunarDate {
  const jdn = dayNumber + JDN_UNIX_EPOCH;
  const { year } = gregorianOfJdn(jdn);
  // The mean-lunation estimate of k can be off by one where the true new moon drifts from the mean
  // (e.g. 2062-04-09): step until newMoonDay(k) ≤ jdn < newMoonDay(k + 1).
  let k = Math.floor((jdn - 2415021.076998695) / 29.530588853) + 1;
  while (newMoonDay(k) > jdn) k--;
  while (newMoonDay(k + 1) <= jdn) k++;
  const monthStart = newMoonDay(k);
  let a11 = month11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11(year + 1);
  }
  const day = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Day number (days since 1970-01-01) of a lunar date. Throws CalendarError "invalid-lunar-date" for a leap
 * month that does not exist that year.
 */
export function dayOfLunar(lunar: LunarDate): number {
  const { day, month, year, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = month11(year - 1);
    b11 = month11(year);
  } else {
    a11 = month11(year);
    b11 = month11(year + 1);
  }
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) {
      throw new CalendarError("invalid-lunar-date", `no leap month ${month} in lunar year ${year}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new CalendarError("invalid-lunar-date", `lunar year ${year} has no leap month`);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  return newMoonDay(k + off) + day - 1 - JDN_UNIX_EPOCH;
}

function gregorianOfJdn(jdn: number): { year: number; month: number; day: number } {
  const d = new Date((jdn - JDN_UNIX_EPOCH) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOfIso = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Lunar date of a Gregorian `YYYY-MM-DD`. */
export function solarToLunar(date: string): LunarDate {
  return lunarOfDay(dayOfIso(date));
}

/** Gregorian `YYYY-MM-DD` of a lunar date. */
export function lunarToSolar(lunar: LunarDate): string {
  return isoOfDay(dayOfLunar(lunar));
}

/** Gregorian date of Tết Nguyên Đán (1/1 lunar) of a year. */
export function tetOf(year: number): string {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}

/** Gregorian date of Giỗ Tổ Hùng Vương (10/3 lunar, the regular month 3, not a leap 3) of a year. */
export function gioToOf(year: number): string {
  return lunarToSolar({ day: 10, month: 3, year, leap: false });
}
