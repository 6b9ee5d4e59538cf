import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matchPreset, presetContaining, presetName, presetRange, switchKind, yearOptions } from "./periods.ts";

describe("period presets", () => {
  test("calendar presets (cut day 1)", () => {
    assert.deepEqual(presetRange({ kind: "quarter", year: 2026, index: 3 }), { from: "2026-07-01", to: "2026-09-30" });
    assert.deepEqual(presetRange({ kind: "month", year: 2024, index: 2 }), { from: "2024-02-01", to: "2024-02-29" });
    assert.deepEqual(presetRange({ kind: "half-year", year: 2025, index: 2 }), {
      from: "2025-07-01",
      to: "2025-12-31",
    });
    assert.deepEqual(presetRange({ kind: "year", year: 2023, index: 7 }), { from: "2023-01-01", to: "2023-12-31" });
  });

  test("cut day 15: quý III/2026 is 15/06/2026–14/09/2026, the year starts on 15/12 of the year before", () => {
    assert.deepEqual(presetRange({ kind: "quarter", year: 2026, index: 3 }, 15), {
      from: "2026-06-15",
      to: "2026-09-14",
    });
    assert.deepEqual(presetRange({ kind: "year", year: 2026, index: 1 }, 15), { from: "2025-12-15", to: "2026-12-14" });
    assert.deepEqual(presetRange({ kind: "month", year: 2026, index: 1 }, 15), {
      from: "2025-12-15",
      to: "2026-01-14",
    });
  });

  test("a period is recognised as its preset, a custom range is not", () => {
    assert.deepEqual(matchPreset({ from: "2026-06-15", to: "2026-09-14" }, 15), {
      kind: "quarter",
      year: 2026,
      index: 3,
    });
    assert.deepEqual(matchPreset({ from: "2025-12-15", to: "2026-12-14" }, 15), { kind: "year", year: 2026, index: 1 });
    assert.equal(matchPreset({ from: "2026-07-01", to: "2026-09-30" }, 15), null);
    assert.deepEqual(matchPreset({ from: "2026-07-01", to: "2026-09-30" }), { kind: "quarter", year: 2026, index: 3 });
    assert.equal(matchPreset({ from: "2026-07-02", to: "2026-09-30" }), null);
  });

  test("the period containing a day, across the year boundary of a cut", () => {
    assert.deepEqual(presetContaining("month", "2026-12-20", 15), { kind: "month", year: 2027, index: 1 });
    assert.deepEqual(presetContaining("year", "2026-12-20", 15), { kind: "year", year: 2027, index: 1 });
    assert.deepEqual(presetContaining("quarter", "2026-03-18"), { kind: "quarter", year: 2026, index: 1 });
    assert.deepEqual(switchKind({ from: "2026-01-01", to: "2026-12-31" }, "half-year"), {
      kind: "half-year",
      year: 2026,
      index: 2,
    });
    // this year → the quarter of today; with cut 15, 18/03 is already in quý II
    assert.deepEqual(switchKind({ from: "2026-01-01", to: "2026-12-31" }, "quarter", 1, "2026-03-18"), {
      kind: "quarter",
      year: 2026,
      index: 1,
    });
    assert.deepEqual(switchKind({ from: "2025-12-15", to: "2026-12-14" }, "quarter", 15, "2026-03-18"), {
      kind: "quarter",
      year: 2026,
      index: 2,
    });
    assert.deepEqual(switchKind({ from: "2025-01-01", to: "2025-12-31" }, "month", 1, "2026-03-18"), {
      kind: "month",
      year: 2025,
      index: 12,
    });
  });

  test("names and years", () => {
    assert.equal(presetName({ kind: "quarter", year: 2026, index: 3 }), "Quý III/2026");
    assert.equal(presetName({ kind: "half-year", year: 2026, index: 1 }), "6 tháng đầu năm 2026");
    assert.deepEqual(yearOptions(2026).slice(0, 3), [2026, 2025, 2024]);
    assert.equal(yearOptions(2026).length, 11);
    assert.ok(yearOptions(2026, 2001).includes(2001));
  });
});
