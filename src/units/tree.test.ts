import assert from "node:assert/strict";
import { test } from "node:test";
import { Unit, type UnitInput } from "./unit.ts";
import {
  descendantsOf,
  findProvinceOf,
  findUnitInForce,
  indexUnits,
  predecessorsOf,
  validateUnitTree,
} from "./tree.ts";
import { importUnitsJson } from "./unit-json.ts";

const mk = (u: UnitInput) => Unit.parse(u);
const units = [
  mk({ code: "46", name: "Thành phố Huế", kind: "province", parentCode: null }),
  mk({ code: "480", name: "Thị xã Hương Trà", kind: "district", parentCode: "46", effectiveTo: "2025-06-30" }),
  mk({
    code: "20017-pre2025",
    officialCode: "20017",
    name: "Phường Hương Xuân",
    kind: "ward",
    parentCode: "480",
    effectiveTo: "2025-06-30",
    successorCode: "20017",
  }),
  mk({
    code: "20005",
    name: "Xã Hương Toàn",
    kind: "commune",
    parentCode: "480",
    effectiveTo: "2025-06-30",
    successorCode: "20017",
  }),
  mk({
    code: "20017",
    officialCode: "20017",
    name: "Phường Kim Trà",
    kind: "ward",
    parentCode: "46",
    effectiveFrom: "2025-07-01",
  }),
];
const index = indexUnits(units);

test("descendants follow parent links transitively whatever their dates, not successor links", () => {
  assert.deepEqual(
    descendantsOf(units, "46")
      .map((u) => u.code)
      .sort(),
    ["20005", "20017", "20017-pre2025", "480"],
  );
  assert.deepEqual(
    descendantsOf(units, "480")
      .map((u) => u.code)
      .sort(),
    ["20005", "20017-pre2025"],
  );
  assert.deepEqual(descendantsOf(units, "20017"), []);
  assert.deepEqual(descendantsOf(units, "nope"), []);
});

test("the province of a unit is its topmost ancestor", () => {
  assert.equal(findProvinceOf(index, "20017-pre2025")?.code, "46");
  assert.equal(findProvinceOf(index, "46")?.code, "46");
  assert.equal(findProvinceOf(index, "missing"), undefined);
});

test("the unit in force on a date follows successors forward after a merger", () => {
  assert.equal(findUnitInForce(index, "20017-pre2025", "2020-07-06")?.name, "Phường Hương Xuân");
  assert.equal(findUnitInForce(index, "20017-pre2025", "2025-07-01")?.name, "Phường Kim Trà");
  assert.equal(findUnitInForce(index, "20017", "2025-06-30"), undefined);
  assert.equal(findUnitInForce(index, "480", "2025-07-01"), undefined);
  assert.deepEqual(
    predecessorsOf(units, "20017")
      .map((u) => u.code)
      .sort(),
    ["20005", "20017-pre2025"],
  );
});

test("tree validation: unknown parent, cycle, duplicate code, successor dates", () => {
  assert.deepEqual(validateUnitTree(units), []);
  const bad = [
    ...units,
    mk({ code: "A", name: "Xã A", kind: "commune", parentCode: "B" }),
    mk({ code: "B", name: "Xã B", kind: "commune", parentCode: "A" }),
    mk({ code: "C", name: "Xã C", kind: "commune", parentCode: "Z" }),
    mk({ code: "46", name: "Trùng", kind: "province", parentCode: null }),
    mk({
      code: "D",
      name: "Xã D",
      kind: "commune",
      parentCode: "46",
      effectiveTo: "2025-08-01",
      successorCode: "20017",
    }),
  ];
  const codes = validateUnitTree(bad).map((e) => `${e.row}:${e.code}`);
  assert.deepEqual(codes, [
    "6:parent_cycle",
    "7:parent_cycle",
    "8:unknown_parent",
    "9:duplicate_code",
    "10:dates_out_of_order",
  ]);
});

test("unit schema: Vietnamese messages, dates ordered, successor needs an end date", () => {
  const r = importUnitsJson([
    { code: "X", name: "", kind: "village", parentCode: null },
    {
      code: "Y",
      name: "Xã Y",
      kind: "commune",
      parentCode: null,
      effectiveFrom: "2025-07-01",
      effectiveTo: "2025-01-01",
    },
    { code: "Z", name: "Xã Z", kind: "commune", parentCode: null, successorCode: "Y" },
    { code: "OK", name: "Xã Ổn", kind: "commune", parentCode: null },
  ]);
  assert.deepEqual(
    r.ok.map((u) => u.code),
    ["OK"],
  );
  assert.ok(r.errors.some((e) => e.row === 1 && e.field === "name" && /không được để trống/.test(e.message)));
  assert.ok(r.errors.some((e) => e.row === 1 && e.field === "kind"));
  assert.ok(r.errors.some((e) => e.row === 2 && e.code === "dates_out_of_order"));
  assert.ok(r.errors.some((e) => e.row === 3 && e.code === "successor_without_end"));
});
