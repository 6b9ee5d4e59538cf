import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { defaultArrangement, lawOf, nationalDayCompanion, statutoryHolidays } from "./holidays.ts";
import { holidaysOf } from "./arrangement.ts";
import { OFFICIAL_YEARS } from "./data/official-2020-2026.ts";
import { CalendarError } from "./errors.ts";

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

test("the law in force: 2019 code from 2021, 2012 code 2013–2020, 1994 code before", () => {
  assert.equal(lawOf(2021), "labour-code-2019");
  assert.equal(lawOf(2020), "labour-code-2012");
  assert.equal(lawOf(2013), "labour-code-2012");
  assert.equal(lawOf(2012), "labour-code-1994-2007");
  assert.equal(lawOf(2006), "labour-code-1994");
});

test("2012 code: a single National Day; 2019 code: 2/9 and one adjacent day", () => {
  const nd = (year: number) =>
    statutoryHolidays(year)
      .filter((h) => h.name.startsWith("Quốc khánh"))
      .map((h) => h.date);
  assert.deepEqual(nd(2019), ["2019-09-02"]);
  assert.deepEqual(nd(2027), ["2027-09-02", "2027-09-03"]); // Thursday 2/9 → Friday 3/9
});

test("the day beside 2/9 reproduces every official choice 2021–2026", () => {
  assert.equal(nationalDayCompanion(2021), "2021-09-03");
  assert.equal(nationalDayCompanion(2022), "2022-09-01");
  assert.equal(nationalDayCompanion(2023), "2023-09-01");
  assert.equal(nationalDayCompanion(2024), "2024-09-03");
  assert.equal(nationalDayCompanion(2025), "2025-09-01");
  assert.equal(nationalDayCompanion(2026), "2026-09-01");
});

test("Tết: 5 days from 2013 (last day of the year + mùng 1–4), 4 before; Giỗ Tổ from 2007", () => {
  const tet = (year: number) =>
    statutoryHolidays(year)
      .filter((h) => h.name.startsWith("Tết Âm"))
      .map((h) => h.date);
  assert.deepEqual(tet(2027), ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"]);
  assert.equal(tet(2010).length, 4);
  assert.ok(statutoryHolidays(2007).some((h) => h.name.startsWith("Giỗ Tổ")));
  assert.ok(!statutoryHolidays(2006).some((h) => h.name.startsWith("Giỗ Tổ")));
});

test("a holiday on a weekend moves to the next working day: Giỗ Tổ 2026 (Sunday 26/4) → Monday 27/4", () => {
  assert.ok(defaultArrangement(2026).daysOff.includes("2026-04-27"));
  // 2028: 30/4 Sunday → Tuesday 2/5 (Monday 1/5 is itself a holiday).
  assert.deepEqual(
    defaultArrangement(2028).daysOff.filter((d) => d.startsWith("2028-05")),
    ["2028-05-01", "2028-05-02"],
  );
});

test("computed defaults: every year 1900–2100 has its holidays on weekdays, sorted, none duplicated", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2100 }), (year) => {
      const { daysOff } = holidaysOf(year);
      assert.ok(daysOff.every((d) => d.startsWith(`${year}-`) && weekday(d) >= 1 && weekday(d) <= 5));
      assert.deepEqual(daysOff, [...new Set(daysOff)].sort());
      // Every statutory holiday is either a weekday off or compensated: as many weekdays off as holidays.
      const statutory = statutoryHolidays(year).filter((h) => h.kind === "holiday").length;
      if (year < 2020 || year > 2026) assert.equal(daysOff.length, statutory);
    }),
    { numRuns: 1000 },
  );
});

test("holidays of 2025 and 2026 as officially arranged", () => {
  assert.deepEqual(holidaysOf(2025).workingSaturdays, ["2025-04-26"]);
  assert.ok(holidaysOf(2025).daysOff.includes("2025-05-02"));
  assert.deepEqual(holidaysOf(2026).workingSaturdays, ["2026-01-10", "2026-08-22"]);
  assert.deepEqual(
    holidaysOf(2026).daysOff.filter((d) => d.startsWith("2026-02")),
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
  );
});

test("official data: weekdays off and weekend days worked in their year, sorted, each year cited", () => {
  for (const y of OFFICIAL_YEARS) {
    assert.ok(y.sources.length > 0, `${y.year} cites a source`);
    assert.deepEqual(y.daysOff, [...y.daysOff].sort());
    for (const d of y.daysOff) assert.ok(d.startsWith(`${y.year}-`) && weekday(d) >= 1 && weekday(d) <= 5, d);
    for (const d of y.workingDays) assert.ok(weekday(d) === 0 || weekday(d) === 6, d);
    // A swap keeps the number of days off: statutory holidays + one per worked weekend day.
    const statutory = statutoryHolidays(y.year).filter((h) => h.kind === "holiday").length;
    assert.equal(y.daysOff.length, statutory + y.workingDays.length, `${y.year}`);
  }
});

test("override layers: a year replaced, a province's extra day off, a cancelled working Saturday", () => {
  const edited = holidaysOf(2030, [{ years: { "2030": { daysOff: ["2030-01-01"], workingDays: [] } } }]);
  assert.deepEqual(edited.daysOff, ["2030-01-01"]);
  const province = holidaysOf(2025, { daysOff: ["2025-03-10", "2025-04-26"] });
  assert.ok(province.daysOff.includes("2025-03-10"));
  assert.deepEqual(province.workingSaturdays, []);
  assert.throws(() => holidaysOf(2025, { daysOff: ["2025-02-30"] }), CalendarError);
});

test("years outside 1900–2100 are refused", () => {
  assert.throws(() => holidaysOf(1899), CalendarError);
  assert.throws(() => holidaysOf(2101), CalendarError);
});
