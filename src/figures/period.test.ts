import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  customPeriod,
  cutPeriod,
  MAX_CUT_DAY,
  MIN_CUT_DAY,
  halfYearPeriod,
  monthPeriod,
  nextDate,
  parsePeriodSpec,
  periodBounds,
  quarterPeriod,
  readPeriodSpec,
  splitPeriod,
  standardPeriod,
  yearPeriod,
} from "./period.ts";

test("calendar periods", () => {
  assert.deepEqual(monthPeriod(2024, 2), { from: "2024-02-01", to: "2024-02-29" });
  assert.deepEqual(monthPeriod(2023, 2), { from: "2023-02-01", to: "2023-02-28" });
  assert.deepEqual(quarterPeriod(2020, 3), { from: "2020-07-01", to: "2020-09-30" });
  assert.deepEqual(halfYearPeriod(2024, 1), { from: "2024-01-01", to: "2024-06-30" });
  assert.deepEqual(halfYearPeriod(2024, 2), { from: "2024-07-01", to: "2024-12-31" });
  assert.deepEqual(yearPeriod(2026), { from: "2026-01-01", to: "2026-12-31" });
  assert.throws(() => monthPeriod(2024, 13), RangeError);
  assert.throws(() => quarterPeriod(2024, 0), RangeError);
});

test("the mid-month cut: from the 15th of the previous month to the 14th", () => {
  assert.deepEqual(cutPeriod(monthPeriod(2026, 3)), { from: "2026-02-15", to: "2026-03-14" });
  assert.deepEqual(cutPeriod(monthPeriod(2026, 1)), { from: "2025-12-15", to: "2026-01-14" });
  assert.deepEqual(standardPeriod("year", 2026, 1, 15), { from: "2025-12-15", to: "2026-12-14" });
  assert.deepEqual(standardPeriod("quarter", 2026, 2, 20), { from: "2026-03-20", to: "2026-06-19" });
  assert.deepEqual(standardPeriod("half-year", 2026, 2), { from: "2026-07-01", to: "2026-12-31" });
  assert.deepEqual(cutPeriod(monthPeriod(2026, 3), 1), monthPeriod(2026, 3));
  assert.throws(() => cutPeriod(monthPeriod(2026, 3), 30), RangeError);
});

test("consecutive cut months chain without gap or overlap", () => {
  for (let month = 1; month < 12; month++) {
    const a = cutPeriod(monthPeriod(2025, month), 15);
    const b = cutPeriod(monthPeriod(2025, month + 1), 15);
    assert.equal(nextDate(a.to), b.from);
  }
});

test("custom ranges are validated; bounds are local midnights", () => {
  assert.throws(() => customPeriod("2024-02-30", "2024-03-01"), RangeError);
  assert.throws(() => customPeriod("2024-03-02", "2024-03-01"), RangeError);
  const { start, end } = periodBounds(customPeriod("2024-03-01", "2024-03-31"));
  assert.equal(start.toISOString(), "2024-02-29T17:00:00.000Z");
  assert.equal(end.toISOString(), "2024-03-31T17:00:00.000Z");
  assert.deepEqual(splitPeriod(monthPeriod(2024, 3), "2024-03-10"), [
    { from: "2024-03-01", to: "2024-03-10" },
    { from: "2024-03-11", to: "2024-03-31" },
  ]);
  assert.throws(() => splitPeriod(monthPeriod(2024, 3), "2024-03-31"), RangeError);
});

test("period specs: year, half-year, quarter, month, with or without a cut day", () => {
  assert.deepEqual(parsePeriodSpec("2026"), { from: "2026-01-01", to: "2026-12-31" });
  assert.deepEqual(parsePeriodSpec("2026-H1"), { from: "2026-01-01", to: "2026-06-30" });
  assert.deepEqual(parsePeriodSpec("2026-H2", 15), { from: "2026-06-15", to: "2026-12-14" });
  assert.deepEqual(parsePeriodSpec("2026-Q3", 15), { from: "2026-06-15", to: "2026-09-14" });
  assert.deepEqual(parsePeriodSpec("2026-Q1", 15), { from: "2025-12-15", to: "2026-03-14" });
  assert.deepEqual(parsePeriodSpec("2024-02"), { from: "2024-02-01", to: "2024-02-29" });
  assert.deepEqual(parsePeriodSpec("2024-03", 28), { from: "2024-02-28", to: "2024-03-27" });
  assert.deepEqual(readPeriodSpec("2026-Q4"), { kind: "quarter", year: 2026, index: 4 });
  for (const bad of ["", "26", "2026-Q5", "2026-Q0", "2026-H3", "2026-13", "2026-00", "2026-3", "2026-q1", "1899"]) {
    assert.throws(() => parsePeriodSpec(bad), RangeError, bad);
  }
  assert.throws(() => parsePeriodSpec("2026-Q1", 29), /cut day/);
  assert.throws(() => parsePeriodSpec("2026-Q1", 0), /cut day/);
  assert.throws(() => parsePeriodSpec("2026-Q1", 1.5), /cut day/);
});

const cutDays = fc.integer({ min: MIN_CUT_DAY, max: MAX_CUT_DAY });
const years = fc.integer({ min: 1901, max: 2099 });
const pad = (n: number) => String(n).padStart(2, "0");

test("property: consecutive months, quarters, halves and years chain without gap or overlap, any cut day", () => {
  fc.assert(
    fc.property(years, cutDays, (year, cut) => {
      const chains: string[][] = [
        [...Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`), `${year + 1}-01`],
        [`${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`, `${year + 1}-Q1`],
        [`${year}-H1`, `${year}-H2`, `${year + 1}-H1`],
        [`${year}`, `${year + 1}`],
      ];
      for (const chain of chains) {
        const periods = chain.map((spec) => parsePeriodSpec(spec, cut));
        for (const p of periods) assert.ok(p.from <= p.to, `${p.from}..${p.to}`);
        for (let i = 1; i < periods.length; i++) assert.equal(nextDate(periods[i - 1]!.to), periods[i]!.from);
      }
      // a quarter is exactly its three months; a year its four quarters
      const q2 = parsePeriodSpec(`${year}-Q2`, cut);
      assert.equal(q2.from, parsePeriodSpec(`${year}-04`, cut).from);
      assert.equal(q2.to, parsePeriodSpec(`${year}-06`, cut).to);
      const y = parsePeriodSpec(`${year}`, cut);
      assert.equal(y.from, parsePeriodSpec(`${year}-Q1`, cut).from);
      assert.equal(y.to, parsePeriodSpec(`${year}-Q4`, cut).to);
    }),
  );
});

test("property: cut day 1 is the calendar period; any other cut starts on that day of the month before", () => {
  fc.assert(
    fc.property(years, fc.integer({ min: 1, max: 12 }), cutDays, (year, month, cut) => {
      const spec = `${year}-${pad(month)}`;
      assert.deepEqual(parsePeriodSpec(spec, 1), monthPeriod(year, month));
      assert.deepEqual(
        parsePeriodSpec(`${year}-Q${Math.ceil(month / 3)}`, 1),
        quarterPeriod(year, Math.ceil(month / 3)),
      );
      const cutMonth = parsePeriodSpec(spec, cut);
      if (cut > 1) {
        assert.equal(Number(cutMonth.from.slice(8)), cut);
        assert.equal(Number(cutMonth.to.slice(8)), cut - 1);
        assert.equal(cutMonth.to.slice(0, 7), spec);
      }
    }),
  );
});
