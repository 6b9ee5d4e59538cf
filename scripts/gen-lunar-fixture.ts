// Generates src/calendar/fixtures/lunar-vn-1970-2100.json: Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar)
// for every year 1970–2100, and each lunar year's leap month, from first principles with astronomy-engine
// (VSOP87/ELP ephemerides), independently of the runtime converter in src/calendar/lunar.ts (Hồ Ngọc Đức's
// series). The rules are those of the Vietnamese calendar, i.e. the traditional Chinese rules applied at
// UTC+07:00 (the reason Vietnam's Tết differs from China's in 1985, 2007, 2030, 2053…):
//   1. a month starts on the local day (UTC+7) of a new moon;
//   2. month 11 is the month containing the local day of the December solstice (sun longitude 270°);
//   3. when 13 months start between two months 11, the first of them (after month 11) whose days contain no
//      principal term (sun longitude a multiple of 30°, local day) is a leap month, numbered like the one before.
// Run: node --import tsx scripts/gen-lunar-fixture.ts
import { writeFileSync } from "node:fs";
import { SearchMoonPhase, SearchSunLongitude } from "astronomy-engine";

const TZ_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Local (UTC+7) day number since 1970-01-01 of an instant. */
const localDay = (date: Date) => Math.floor((date.getTime() + TZ_MS) / DAY_MS);
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Local days of every new moon between two instants. */
function newMoonDays(from: Date, to: Date): number[] {
  const days: number[] = [];
  let t = from;
  for (;;) {
    const found = SearchMoonPhase(0, t, 40);
    if (!found || found.date > to) return days;
    days.push(localDay(found.date));
    t = new Date(found.date.getTime() + DAY_MS);
  }
}

/** Local days of every principal term (sun longitude k·30°) between two instants. */
function principalTermDays(from: Date, to: Date): number[] {
  const days: number[] = [];
  let t = from;
  while (t < to) {
    let next: { date: Date } | null = null;
    for (let lon = 0; lon < 360; lon += 30) {
      const hit = SearchSunLongitude(lon, t, 40);
      if (hit && (!next || hit.date < next.date)) next = hit;
    }
    if (!next) throw new Error("no principal term found");
    days.push(localDay(next.date));
    t = new Date(next.date.getTime() + DAY_MS);
  }
  return days;
}

const moons = newMoonDays(new Date(Date.UTC(1968, 10, 1)), new Date(Date.UTC(2102, 2, 1)));
const terms = principalTermDays(new Date(Date.UTC(1968, 10, 1)), new Date(Date.UTC(2102, 2, 1)));
const termSet = new Set(terms);

function solsticeDay(year: number): number {
  const hit = SearchSunLongitude(270, new Date(Date.UTC(year, 11, 1)), 40);
  if (!hit) throw new Error(`no solstice in ${year}`);
  return localDay(hit.date);
}

/** Index in `moons` of the month containing local day `day`. */
function monthIndexOf(day: number): number {
  let i = moons.length - 1;
  while (moons[i]! > day) i--;
  return i;
}

function hasPrincipalTerm(monthIndex: number): boolean {
  for (let d = moons[monthIndex]!; d < moons[monthIndex + 1]!; d++) if (termSet.has(d)) return true;
  return false;
}

interface LunarYear {
  /** Gregorian year in which the lunar year starts. */
  year: number;
  tet: string;
  gioTo: string;
  /** Number of the month doubled by a leap month in the lunar year starting at this Tết, or null. */
  leapMonth: number | null;
}

/** Month numbers (with leap flags) of the months from month 11 of `year - 1` to month 11 of `year` excluded. */
function monthsBetweenElevens(year: number): { index: number; month: number; leap: boolean }[] {
  const a = monthIndexOf(solsticeDay(year - 1));
  const b = monthIndexOf(solsticeDay(year));
  const out: { index: number; month: number; leap: boolean }[] = [];
  let leapFound = b - a === 12;
  let month = 11;
  for (let i = a; i < b; i++) {
    if (i === a) {
      out.push({ index: i, month, leap: false });
      continue;
    }
    if (!leapFound && !hasPrincipalTerm(i)) {
      leapFound = true;
      out.push({ index: i, month, leap: true });
      continue;
    }
    month = month === 12 ? 1 : month + 1;
    out.push({ index: i, month, leap: false });
  }
  return out;
}

const years: LunarYear[] = [];
for (let year = 1970; year <= 2100; year++) {
  // The lunar year starting in `year` spans months 1–10 of this cycle and 11–12 of the next one.
  const cycle = monthsBetweenElevens(year);
  const next = monthsBetweenElevens(year + 1);
  const first = cycle.find((m) => m.month === 1 && !m.leap)!;
  const third = cycle.find((m) => m.month === 3 && !m.leap)!;
  const inYear = [...cycle.filter((m) => m.index >= first.index), ...next.filter((m) => m.month >= 11)];
  const leap = inYear.find((m) => m.leap);
  years.push({
    year,
    tet: isoOfDay(moons[first.index]!),
    gioTo: isoOfDay(moons[third.index]! + 9),
    leapMonth: leap ? leap.month : null,
  });
}

// Published Vietnamese dates (Hồ Ngọc Đức's tables, Vietnamese press for each Tết; the years where Vietnam
// differs from China are the classic ones): the generator must agree before it writes anything.
const published: Record<number, string> = {
  1985: "1985-01-21", // China: 1985-02-20 (month 11 of 1984 differs)
  2007: "2007-02-17", // China: 2007-02-18
  2020: "2020-01-25",
  2021: "2021-02-12",
  2022: "2022-02-01",
  2023: "2023-01-22",
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2030: "2030-02-02", // China: 2030-02-03
  2053: "2053-02-18", // China: 2053-02-19
};
const publishedGioTo: Record<number, string> = {
  2020: "2020-04-02",
  2021: "2021-04-21",
  2022: "2022-04-10",
  2023: "2023-04-29",
  2024: "2024-04-18",
  2025: "2025-04-07",
  2026: "2026-04-26",
};
for (const [year, tet] of Object.entries(published)) {
  const row = years.find((y) => y.year === Number(year))!;
  if (row.tet !== tet) throw new Error(`Tết ${year}: computed ${row.tet}, published ${tet}`);
}
for (const [year, gioTo] of Object.entries(publishedGioTo)) {
  const row = years.find((y) => y.year === Number(year))!;
  if (row.gioTo !== gioTo) throw new Error(`Giỗ Tổ ${year}: computed ${row.gioTo}, published ${gioTo}`);
}

const out = {
  provenance:
    "Generated by scripts/gen-lunar-fixture.ts with astronomy-engine 2.1.19: new moons and principal terms " +
    "searched astronomically and dated at UTC+07:00, traditional month rules. Cross-checked in the script " +
    "against published Vietnamese Tết dates for 1985, 2007, 2020–2026, 2030 and 2053, Giỗ Tổ 2020–2026.",
  timezone: "+07:00",
  years,
};
// One year per line: reviewable in a diff.
const body = years.map((y) => `  ${JSON.stringify(y)}`).join(",\n");
const json = `{\n "provenance": ${JSON.stringify(out.provenance)},\n "timezone": "+07:00",\n "years": [\n${body}\n ]\n}\n`;
writeFileSync(new URL("../src/calendar/fixtures/lunar-vn-1970-2100.json", import.meta.url), json);
console.log(`wrote ${years.length} years`);
