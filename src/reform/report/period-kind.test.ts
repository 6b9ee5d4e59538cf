import assert from "node:assert/strict";
import { test } from "node:test";
import { namePeriod } from "./period-kind.ts";

test("standard periods are named whatever the cut day, with the next period", () => {
  assert.deepEqual(
    [
      namePeriod({ from: "2020-07-01", to: "2020-09-30" }).title,
      namePeriod({ from: "2020-07-01", to: "2020-09-30" }).next,
    ],
    ["quý III năm 2020", "quý IV năm 2020"],
  );
  const h1 = namePeriod({ from: "2023-12-15", to: "2024-06-14" });
  assert.deepEqual(
    [h1.kind, h1.cutDay, h1.title, h1.next, h1.short],
    ["half-year", 15, "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "6 tháng"],
  );
  assert.equal(namePeriod({ from: "2023-12-15", to: "2024-12-14" }).title, "năm 2024");
  assert.equal(namePeriod({ from: "2024-01-01", to: "2024-12-31" }).next, "năm 2025");
  assert.equal(namePeriod({ from: "2024-10-01", to: "2024-12-31" }).next, "quý I năm 2025");
  assert.equal(namePeriod({ from: "2024-01-01", to: "2024-09-30" }).title, "9 tháng năm 2024");
  assert.equal(namePeriod({ from: "2024-01-01", to: "2024-02-10" }).title, "từ ngày 01/01/2024 đến ngày 10/02/2024");
});
