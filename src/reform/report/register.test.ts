import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSheet } from "../sheet/checks.ts";
import { assembleSheet } from "../sheet/sheet.ts";
import { dueDate, isLate, rollUpSheets } from "./register.ts";

test("due six days after the period (cut on the 14th, due on the 20th); late when past it", () => {
  assert.equal(dueDate({ to: "2024-06-14" }), "2024-06-20");
  assert.equal(dueDate({ to: "2024-12-31" }), "2025-01-06");
  assert.equal(dueDate({ to: "2024-06-14" }, 0), "2024-06-14");
  assert.equal(isLate("2024-06-20", "submitted", "2024-06-20", "2024-07-01"), false);
  assert.equal(isLate("2024-06-20", "submitted", "2024-06-21", "2024-07-01"), true);
  assert.equal(isLate("2024-06-20", "issued", null, "2024-06-20"), false);
  assert.equal(isLate("2024-06-20", "missing", null, "2024-06-21"), true);
});

const sheetOf = (unit: string, dossiers: Record<string, number>, records: Record<string, number>) =>
  assembleSheet({
    unit,
    from: "2024-01-01",
    to: "2024-06-30",
    dossiers,
    catalogue: { "3.1.3": 10 },
    records,
    manual: {},
  });

test("the roll-up sums count rows over the units that reported, names those missing, and still adds up", () => {
  const a = sheetOf(
    "X1",
    { "3.3.1": 10, "3.3.1.direct": 4, "3.3.1.postal": 0, "3.3.1.onlinePartial": 6, "3.3.1.onlineFull": 0 },
    { "1.1.1": 38, "1.1.2": 19, "3.2.4": 100 },
  );
  const b = sheetOf(
    "X2",
    { "3.3.1": 5, "3.3.1.direct": 1, "3.3.1.postal": 1, "3.3.1.onlinePartial": 1, "3.3.1.onlineFull": 2 },
    { "1.1.1": 10 },
  );
  const roll = rollUpSheets("D", { from: "2024-01-01", to: "2024-06-30" }, [
    { unit: "X1", sheet: a },
    { unit: "X2", sheet: b },
    { unit: "X3", sheet: null },
  ]);
  const v = (code: string) => roll.sheet.rows.find((r) => r.code === code)!.value;
  assert.deepEqual(
    [v("3.3.1"), v("3.3.1.direct"), v("3.3.1.onlineFull"), v("1.1.1"), v("1.1.2"), v("3.1.3")],
    [15, 5, 2, 48, 19, 20],
  );
  assert.equal(v("3.2.4"), null, "percentages are not summed");
  assert.equal(v("1.2.1"), null, "nothing reported stays null");
  assert.deepEqual([roll.included, roll.missing], [["X1", "X2"], ["X3"]]);
  assert.deepEqual(checkSheet(roll.sheet), []);
});
