import { test } from "node:test";
import assert from "node:assert/strict";
import {
  customPeriod,
  cutPeriod,
  halfYearPeriod,
  monthPeriod,
  nextDate,
  periodBounds,
  quarterPeriod,
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
