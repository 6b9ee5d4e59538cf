import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { STARTER_UNIT_URLS } from "../../units/starter.ts";
import type { UnitInput } from "../../units/unit.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { exportUnits, importUnits, UnitDirectory } from "./units.ts";

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

const shipped = STARTER_UNIT_URLS.flatMap(
  (url) => (JSON.parse(readFileSync(url, "utf8")) as { units: UnitInput[] }).units,
);

test("importing the shipped units, children before parents in the file: parents stored first, province = top", async () => {
  const report = await importUnits(t.db, [...shipped].reverse());
  assert.deepEqual(report.errors, []);
  assert.equal(report.created, shipped.length);
  const directory = new UnitDirectory(t.db);
  await directory.refresh();
  const kimTra = shipped.find((u) => u.name.includes("Kim Trà"))!;
  assert.equal(directory.find(kimTra.code)!.provinceCode, "46");
  assert.equal(directory.provinceOf(kimTra.code), "46");
  assert.ok(report.createdCodes.indexOf("46") < report.createdCodes.indexOf(kimTra.code));
});

test("units export then import is a round trip: everything unchanged, nothing written", async () => {
  const exported = await exportUnits(t.db);
  assert.equal(exported.length, shipped.length);
  const again = await importUnits(t.db, JSON.parse(JSON.stringify(exported)));
  assert.deepEqual(again, {
    read: shipped.length,
    created: 0,
    unchanged: shipped.length,
    errors: [],
    createdCodes: [],
  });
  const under = await exportUnits(t.db, { under: "46" });
  assert.ok(under.every((u) => u.code === "46" || u.parentCode !== null));
  assert.equal(under[0]!.code, "46");
  assert.ok(!under.some((u) => u.code === "48"));
});

test("new communes under a stored province; any bad row and nothing is stored", async () => {
  const commune = (code: string, name: string): UnitInput => ({ code, name, kind: "commune", parentCode: "46" });
  const bad = await importUnits(t.db, [
    commune("T46.901", "Xã Thử Một"),
    { ...commune("T46.902", "Xã Thử Hai"), parentCode: "KHONG-CO" },
    commune("T46.903", ""),
  ]);
  assert.equal(bad.created, 0);
  assert.deepEqual(
    bad.errors.map((e) => [e.row, e.code]),
    [
      [2, "unknown_parent"],
      [3, "invalid_value"],
    ],
  );
  assert.equal(
    await t.db.selectFrom("units").select("code").where("code", "=", "T46.901").executeTakeFirst(),
    undefined,
  );
  const good = await importUnits(t.db, [commune("T46.901", "Xã Thử Một")]);
  assert.equal(good.created, 1);
  const row = await t.db.selectFrom("units").selectAll().where("code", "=", "T46.901").executeTakeFirstOrThrow();
  assert.equal(row.province_code, "46");
});

test("a stored unit is never modified: different content is an error", async () => {
  const hue = shipped.find((u) => u.code === "46")!;
  const report = await importUnits(t.db, [{ ...hue, name: "Tỉnh Thừa Thiên Huế" }]);
  assert.equal(report.errors[0]!.code, "unit-exists");
  const row = await t.db.selectFrom("units").select("name").where("code", "=", "46").executeTakeFirstOrThrow();
  assert.equal(row.name, "Thành phố Huế");
});

test("mayCreate refuses a unit: the row is reported as forbidden and nothing is stored", async () => {
  const report = await importUnits(
    t.db,
    [
      { code: "T48.901", name: "Xã Thử Đà Nẵng", kind: "commune", parentCode: "48" },
      { code: "T46.905", name: "Xã Thử Huế", kind: "commune", parentCode: "46" },
    ],
    { mayCreate: (unit) => unit.parentCode === "46" },
  );
  assert.deepEqual(
    report.errors.map((e) => [e.row, e.code]),
    [[1, "forbidden"]],
  );
  assert.equal(report.created, 0);
  assert.equal(
    await t.db.selectFrom("units").select("code").where("code", "=", "T46.905").executeTakeFirst(),
    undefined,
  );
});

test("a placeholder unit made up by a dossier import is completed by the real unit under the same parent", async () => {
  await t.db
    .insertInto("units")
    .values({
      code: "T46.950",
      name: "T46.950",
      kind: "agency",
      parent_code: "46",
      province_code: "46",
      placeholder: true,
    })
    .execute();
  const report = await importUnits(t.db, [
    { code: "T46.950", name: "Phường Thử Hoàn Chỉnh", kind: "ward", parentCode: "46" },
  ]);
  assert.deepEqual([report.created, report.errors], [1, []]);
  const row = await t.db.selectFrom("units").selectAll().where("code", "=", "T46.950").executeTakeFirstOrThrow();
  assert.deepEqual(
    [row.name, row.kind, row.placeholder, row.province_code],
    ["Phường Thử Hoàn Chỉnh", "ward", false, "46"],
  );
  const elsewhere = await importUnits(t.db, [{ code: "T46.950", name: "Khác", kind: "ward", parentCode: "48" }]);
  assert.equal(elsewhere.errors[0]!.code, "unit-exists");
});
