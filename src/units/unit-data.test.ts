import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { descendantsOf, findProvinceOf, findUnitInForce, indexUnits, validateUnitTree } from "./tree.ts";
import type { Unit } from "./unit.ts";
import { exportUnitsJson, importUnitsJson, UnitFile } from "./unit-json.ts";

const dir = new URL("./data/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const all: Unit[] = [];
for (const name of files) {
  const raw = readFileSync(new URL(name, dir), "utf8");
  test(`src/units/data/${name} validates and cites its sources`, () => {
    assert.equal(raw, raw.normalize("NFC"));
    const file = UnitFile.parse(JSON.parse(raw));
    const { ok, errors } = importUnitsJson(file.units);
    assert.deepEqual(errors, []);
    assert.deepEqual(importUnitsJson(exportUnitsJson(ok)).ok, ok);
  });
  all.push(...importUnitsJson(JSON.parse(raw)).ok);
}

test("at least two provinces in force after 1 July 2025, each with 6–10 communes or wards", () => {
  const index = indexUnits(all);
  assert.deepEqual(validateUnitTree(all), []);
  const provinces = all.filter((u) => u.kind === "province" && findUnitInForce(index, u.code, "2025-07-01") === u);
  assert.ok(provinces.length >= 2);
  for (const p of provinces) {
    const current = descendantsOf(all, p.code).filter(
      (u) => ["commune", "ward", "special_zone"].includes(u.kind) && findUnitInForce(index, u.code, "2025-07-01") === u,
    );
    assert.ok(current.length >= 6 && current.length <= 10, `${p.name}: ${current.length}`);
    for (const u of current) assert.equal(u.parentCode, p.code);
  }
});

test("pre-2025 units end on 2025-06-30 and merge into a 2025 unit of the province (or its successor)", () => {
  const index = indexUnits(all);
  const merged = all.filter((u) => u.successorCode !== null);
  assert.ok(merged.length >= 6);
  for (const u of merged) {
    assert.equal(u.effectiveTo, "2025-06-30");
    const next = findUnitInForce(index, u.code, "2025-07-01")!;
    assert.ok(next, u.code);
    // The old province may itself have merged (Quảng Nam → Đà Nẵng): compare with its successor.
    const oldProvince = findProvinceOf(index, u.code)!;
    const province = findUnitInForce(index, oldProvince.code, "2025-07-01");
    assert.equal(findProvinceOf(index, next.code)?.code, province?.code, u.code);
  }
  assert.equal(findUnitInForce(index, "20017-pre2025", "2020-07-06")?.name, "Phường Hương Xuân");
  assert.equal(findUnitInForce(index, "20017-pre2025", "2025-07-01")?.name, "Phường Kim Trà");
  assert.equal(findUnitInForce(index, "49", "2025-07-01")?.name, "Thành phố Đà Nẵng");
});
