// The office named as on a form's date (both sides of 1 July 2025, Decree 118/2025/NĐ-CP), a unit's own
// dated setting, and the printed number and symbol (Decree 30/2020/NĐ-CP).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { numberText, OFFICE_2025_FROM, officeOn, settingOn, type UnitInfo } from "./office-names.ts";

const province: UnitInfo = { code: "H57", name: "Tỉnh Thừa Thiên Huế", kind: "province", parentCode: null };
const commune: UnitInfo = { code: "H57.12", name: "Xã An Hòa", kind: "commune", parentCode: "H57" };
const ward: UnitInfo = { code: "H57.13", name: "Phường Hương Xuân", kind: "ward", parentCode: "H57" };
const district: UnitInfo = { code: "H57.1", name: "Thị xã Hương Trà", kind: "district", parentCode: "H57" };

test("a commune's form dated 30/6/2025 names its Bộ phận Tiếp nhận và Trả kết quả, from 1/7/2025 its centre", () => {
  const before = officeOn(commune, province, commune.code, "2025-06-30");
  assert.equal(before.name, "Bộ phận Tiếp nhận và Trả kết quả xã An Hòa");
  assert.equal(before.symbol, "BPMC");
  const from = officeOn(commune, province, commune.code, OFFICE_2025_FROM);
  assert.equal(from.name, "Trung tâm Phục vụ hành chính công xã An Hòa");
  assert.equal(from.symbol, "TTPVHCC");
  assert.equal(from.parentName, "UBND xã An Hòa");
  assert.equal(from.place, "An Hòa");
  assert.equal(
    officeOn(ward, province, ward.code, "2025-07-01").name,
    "Trung tâm Phục vụ hành chính công phường Hương Xuân",
  );
  assert.equal(
    officeOn(province, undefined, "H57", "2020-07-06").name,
    "Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế",
  );
  assert.equal(
    officeOn(district, province, district.code, "2025-08-01").symbol,
    "BPMC",
    "districts were abolished, not renamed",
  );
});

test("a unit's own name applies from its date on, the latest setting on or before the form's date", () => {
  const settings = [
    { validFrom: "2025-07-15", name: "Trung tâm PVHCC xã An Hòa", symbol: "TTPV" },
    { validFrom: "2026-01-01", name: "Trung tâm Phục vụ hành chính công xã An Hòa (cơ sở 2)" },
  ];
  assert.equal(
    officeOn(commune, province, commune.code, "2025-07-14", settings).name,
    "Trung tâm Phục vụ hành chính công xã An Hòa",
  );
  const mid = officeOn(commune, province, commune.code, "2025-07-15", settings);
  assert.deepEqual([mid.name, mid.symbol], ["Trung tâm PVHCC xã An Hòa", "TTPV"]);
  const late = officeOn(commune, province, commune.code, "2026-03-01", settings);
  assert.deepEqual([late.name, late.symbol], ["Trung tâm Phục vụ hành chính công xã An Hòa (cơ sở 2)", "TTPVHCC"]);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 8 }),
      fc.integer({ min: 0, max: 3000 }),
      (days, day) => {
        const iso = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
        const found = settingOn(
          days.map((d) => ({ validFrom: iso(d), name: `n${d}` })),
          iso(day),
        );
        const eligible = days.filter((d) => d <= day);
        assert.equal(found?.name, eligible.length ? `n${Math.max(...eligible)}` : undefined);
      },
    ),
  );
});

test("number and symbol: two digits at least, the form's kind and the office", () => {
  assert.equal(numberText(1, "receipt", "2025", "TTPVHCC"), "01/GTN-TTPVHCC");
  assert.equal(numberText(123, "stop-notice", "2025", "BPMC"), "123/TB-BPMC");
  assert.equal(numberText(7, "apology", "2018", "BPMC"), "07/PXL-BPMC");
  assert.throws(() => numberText(0, "receipt", "2025", "X"), RangeError);
});
