import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import fixture from "./fixtures/lunar-vn-1970-2100.json" with { type: "json" };
import { dayOfLunar, gioToOf, lunarOfDay, lunarToSolar, solarToLunar, tetOf } from "./lunar.ts";
import { CalendarError } from "./errors.ts";

test("Tết and Giỗ Tổ match the astronomy-engine fixture for every year 1970–2100", () => {
  assert.equal(fixture.years.length, 131);
  for (const row of fixture.years) {
    assert.equal(tetOf(row.year), row.tet, `Tết ${row.year}`);
    assert.equal(gioToOf(row.year), row.gioTo, `Giỗ Tổ ${row.year}`);
  }
});

test("leap months match the fixture for every lunar year 1970–2100", () => {
  for (const row of fixture.years) {
    const start = Date.parse(`${row.tet}T00:00:00Z`) / 86_400_000;
    const next = fixture.years.find((y) => y.year === row.year + 1);
    const end = next ? Date.parse(`${next.tet}T00:00:00Z`) / 86_400_000 : start + 354;
    let leap: number | null = null;
    for (let d = start; d < end; d++) {
      const l = lunarOfDay(d);
      if (l.leap && l.day === 1) leap = l.month;
    }
    assert.equal(leap, row.leapMonth, `leap month of ${row.year}`);
  }
});

test("years where Vietnam's Tết differs from China's", () => {
  // China (UTC+8): 1985-02-20, 2007-02-18, 2030-02-03, 2053-02-19.
  assert.equal(tetOf(1985), "1985-01-21");
  assert.equal(tetOf(2007), "2007-02-17");
  assert.equal(tetOf(2030), "2030-02-02");
  assert.equal(tetOf(2053), "2053-02-18");
});

test("known lunar dates, including a leap month", () => {
  assert.deepEqual(solarToLunar("2026-02-17"), { day: 1, month: 1, year: 2026, leap: false });
  assert.deepEqual(solarToLunar("2026-02-16"), { day: 29, month: 12, year: 2025, leap: false });
  // 2025 has a leap 6th month (tháng 6 nhuận Ất Tỵ) starting 2025-07-25.
  assert.deepEqual(solarToLunar("2025-07-25"), { day: 1, month: 6, year: 2025, leap: true });
  assert.equal(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true }), "2025-07-25");
  assert.equal(lunarToSolar({ day: 1, month: 7, year: 2025, leap: false }), "2025-08-23");
});

test("a leap month that does not exist is refused", () => {
  assert.throws(() => lunarToSolar({ day: 1, month: 3, year: 2025, leap: true }), CalendarError);
  assert.throws(() => lunarToSolar({ day: 1, month: 3, year: 2026, leap: true }), CalendarError);
});

test("solar → lunar → solar round-trips for any day 1900–2100", () => {
  const from = Date.UTC(1900, 0, 1) / 86_400_000;
  const to = Date.UTC(2100, 11, 31) / 86_400_000;
  fc.assert(
    fc.property(fc.integer({ min: from, max: to }), (day) => {
      const lunar = lunarOfDay(day);
      assert.ok(lunar.day >= 1 && lunar.day <= 30);
      assert.ok(lunar.month >= 1 && lunar.month <= 12);
      assert.equal(dayOfLunar(lunar), day);
    }),
    { numRuns: 5000 },
  );
});

test("2062-04-09, where the mean lunation misleads the estimate, is the 30th of month 2 (not a day 0)", () => {
  assert.deepEqual(lunarOfDay(Date.UTC(2062, 3, 9) / 86_400_000), { day: 30, month: 2, year: 2062, leap: false });
  assert.deepEqual(lunarOfDay(Date.UTC(2062, 3, 10) / 86_400_000), { day: 1, month: 3, year: 2062, leap: false });
});

test("every day 1900–2100 advances the lunar day by one or starts a month after day 29 or 30", () => {
  const from = Date.UTC(1900, 0, 1) / 86_400_000;
  const to = Date.UTC(2100, 11, 30) / 86_400_000;
  let previous = lunarOfDay(from);
  for (let day = from + 1; day <= to; day++) {
    const next = lunarOfDay(day);
    if (next.day === 1) assert.ok(previous.day === 29 || previous.day === 30, `before ${day}`);
    else assert.deepEqual(next, { ...previous, day: previous.day + 1 }, `day ${day}`);
    previous = next;
  }
});

test("consecutive days advance the lunar day by one or start a new month at day 1", () => {
  const from = Date.UTC(1900, 0, 1) / 86_400_000;
  const to = Date.UTC(2100, 11, 30) / 86_400_000;
  fc.assert(
    fc.property(fc.integer({ min: from, max: to }), (day) => {
      const a = lunarOfDay(day);
      const b = lunarOfDay(day + 1);
      if (b.day === 1) assert.ok(a.day === 29 || a.day === 30);
      else assert.deepEqual(b, { ...a, day: a.day + 1 });
    }),
    { numRuns: 3000 },
  );
});
