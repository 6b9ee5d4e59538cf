import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { foldVietnamese } from "../../catalog/fold.ts";
import { exportProceduresCsv, importProceduresCsv } from "../../catalog/procedure-csv.ts";
import { importProceduresJson } from "../../catalog/procedure-json.ts";
import type { ProcedureInput } from "../../catalog/procedure.ts";
import { STARTER_CATALOG_URL } from "../../catalog/starter.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import {
  CatalogError,
  createOverrideVersion,
  createProcedureVersion,
  exportProcedures,
  findEffectiveProcedure,
  findProcedureVersion,
  importProcedures,
  listProcedureVersions,
  searchProcedures,
  seedReferenceData,
} from "./catalog.ts";

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

const base: ProcedureInput = {
  code: "1.009001",
  name: "Thủ tục thử nghiệm đăng ký",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  timeLimit: { value: 3, unit: "working_days" },
  onlineLevel: "partial",
  effectiveFrom: "2024-01-01",
};

test("seeding is idempotent: the starter catalogue and both provinces' units, then all unchanged", async () => {
  const first = await seedReferenceData(t.db);
  const shipped = (JSON.parse(readFileSync(STARTER_CATALOG_URL, "utf8")) as { procedures: unknown[] }).procedures;
  assert.equal(first.procedures.imported, shipped.length);
  assert.ok(first.units.created >= 20);
  const again = await seedReferenceData(t.db);
  assert.deepEqual(again, {
    units: { created: 0, unchanged: first.units.created },
    procedures: { imported: 0, unchanged: shipped.length },
  });
});

test("a bad row is reported with its row and column; every good row is stored, the bad one not at all", async () => {
  const good = exportProceduresCsv([
    { ...importProceduresJson([{ ...base, code: "1.009101" }]).ok[0]! },
    { ...importProceduresJson([{ ...base, code: "1.009102", name: "Thủ tục thử nghiệm thứ hai" }]).ok[0]! },
  ]);
  const lines = good.split("\r\n");
  // row 3 (second data row): a time-limit unit that does not exist
  const bad = lines[2]!.replace("working_days", "tuan_le");
  const csv = [lines[0], lines[1], bad, lines[1]!.replace("1.009101", "1.009103")].join("\r\n");
  const report = await importProcedures(t.db, importProceduresCsv(csv));
  assert.equal(report.read, 3);
  assert.equal(report.imported, 2);
  assert.equal(report.errors.length, 1);
  assert.equal(report.errors[0]!.row, 3);
  assert.equal(report.errors[0]!.field, "limit_unit");
  assert.equal(report.errors[0]!.code, "invalid_value");
  assert.match(report.errors[0]!.message, /Đơn vị thời hạn/);
  assert.ok(await findProcedureVersion(t.db, "1.009101", 1));
  assert.ok(await findProcedureVersion(t.db, "1.009103", 1));
  assert.equal(await findProcedureVersion(t.db, "1.009102", 1), undefined);
});

test("re-importing a stored version: same content is unchanged, other content is version-exists", async () => {
  const row = { ...base, code: "1.009201" };
  assert.equal((await importProcedures(t.db, importProceduresJson([row]))).imported, 1);
  const report = await importProcedures(
    t.db,
    importProceduresJson([row, { ...row, name: "Tên đã sửa" }, { ...row, version: 2, effectiveFrom: "2025-07-01" }]),
  );
  // rows 1 and 2 share (code, version): the pure importer reports row 2 as a duplicate within the file
  assert.equal(report.unchanged, 1);
  assert.equal(report.imported, 1);
  assert.deepEqual(
    report.errors.map((e) => e.code),
    ["duplicate_version"],
  );
  const changed = await importProcedures(t.db, importProceduresJson([{ ...row, name: "Tên đã sửa" }]));
  assert.equal(changed.imported, 0);
  assert.equal(changed.errors[0]!.code, "version-exists");
  assert.equal(changed.errors[0]!.row, 1);
  const stored = await findProcedureVersion(t.db, row.code, 1);
  assert.equal(stored!.name, base.name, "an old version is never rewritten");
  const misordered = await importProcedures(
    t.db,
    importProceduresJson([{ ...row, version: 3, effectiveFrom: "2024-06-01" }]),
  );
  assert.equal(misordered.errors[0]!.code, "version-order");
});

test("versions: an edit adds a version; a dossier dated before it keeps the old one", async () => {
  const first = await createProcedureVersion(t.db, importProceduresJson([{ ...base, code: "1.009301" }]).ok[0]!);
  assert.equal(first.version, 1);
  const edited = await createProcedureVersion(t.db, {
    ...first,
    version: 99, // ignored: the number is the next one
    timeLimit: { value: 1, unit: "working_days" },
    effectiveFrom: "2025-07-01",
  });
  assert.equal(edited.version, 2);
  assert.deepEqual((await findEffectiveProcedure(t.db, "1.009301", "2025-06-30"))!.timeLimit, base.timeLimit);
  assert.equal((await findEffectiveProcedure(t.db, "1.009301", "2025-07-01"))!.version, 2);
  assert.equal(await findEffectiveProcedure(t.db, "1.009301", "2023-12-31"), undefined);
  await assert.rejects(
    createProcedureVersion(t.db, { ...first, effectiveFrom: "2025-07-01" }),
    (error: unknown) => error instanceof CatalogError && error.code === "version-order",
  );
  assert.deepEqual(
    (await listProcedureVersions(t.db, "1.009301")).map((v) => [v.version, v.effectiveFrom]),
    [
      [1, "2024-01-01"],
      [2, "2025-07-01"],
    ],
  );
});

test("a province override applies in that province from its date, and nowhere else", async () => {
  await createProcedureVersion(t.db, importProceduresJson([{ ...base, code: "1.009401" }]).ok[0]!);
  await createOverrideVersion(t.db, {
    provinceCode: "46",
    procedureCode: "1.009401",
    version: 1,
    effectiveFrom: "2025-01-01",
    timeLimit: { value: 2, unit: "working_days" },
    fees: [{ name: "Lệ phí", amount: 5000 }],
    steps: null,
  });
  const hue = await findEffectiveProcedure(t.db, "1.009401", "2025-03-01", "46");
  assert.deepEqual(hue!.timeLimit, { value: 2, unit: "working_days" });
  assert.equal(hue!.fees[0]!.amount, 5000);
  assert.deepEqual(hue!.steps, []);
  assert.deepEqual((await findEffectiveProcedure(t.db, "1.009401", "2024-12-31", "46"))!.timeLimit, base.timeLimit);
  assert.deepEqual((await findEffectiveProcedure(t.db, "1.009401", "2025-03-01", "48"))!.timeLimit, base.timeLimit);
  assert.deepEqual((await findEffectiveProcedure(t.db, "1.009401", "2025-03-01"))!.timeLimit, base.timeLimit);
  await assert.rejects(
    createOverrideVersion(t.db, {
      provinceCode: "46",
      procedureCode: "KHONG-CO",
      version: 1,
      effectiveFrom: "2025-01-01",
      timeLimit: null,
      fees: null,
      steps: null,
    }),
    (error: unknown) => error instanceof CatalogError && error.code === "not-found",
  );
});

test("search ignores diacritics and filters; export round-trips through CSV as unchanged", async () => {
  const hits = await searchProcedures(t.db, { q: "chung thuc ban sao", at: "2026-01-01", page: 1, pageSize: 5 });
  assert.match(hits.items[0]!.name, /^Chứng thực bản sao từ bản chính/);
  const typed = await searchProcedures(t.db, { q: "Chứng Thực Bản Sao", at: "2026-01-01", page: 1, pageSize: 5 });
  assert.equal(typed.items[0]!.code, hits.items[0]!.code);
  const d = await searchProcedures(t.db, { q: "dang ky ket hon", at: "2026-01-01", page: 1, pageSize: 50 });
  assert.equal(d.items[0]!.name, "Thủ tục đăng ký kết hôn");
  const words = ["dang", "ky", "ket", "hon"];
  assert.ok(d.items.every((p) => words.every((w) => foldVietnamese(p.name).split(" ").includes(w))));
  const field = await searchProcedures(t.db, { field: "Chứng thực", at: "2026-01-01", page: 1, pageSize: 200 });
  assert.ok(field.total >= 5 && field.items.every((p) => p.field === "Chứng thực"));
  const page2 = await searchProcedures(t.db, { field: "Chứng thực", at: "2026-01-01", page: 2, pageSize: 2 });
  assert.equal(page2.total, field.total);
  assert.deepEqual(
    page2.items.map((p) => p.code),
    field.items.slice(2, 4).map((p) => p.code),
  );
  // before the starter catalogue takes effect, none of it is in force
  assert.equal((await searchProcedures(t.db, { q: "chung thuc", at: "2025-06-30", page: 1, pageSize: 5 })).total, 0);
  const all = await exportProcedures(t.db);
  const again = await importProcedures(t.db, importProceduresCsv(exportProceduresCsv(all)));
  assert.deepEqual(again, { read: all.length, imported: 0, unchanged: all.length, errors: [] });
});

test("a typo finds the nearest names, flagged approximate, only when no name has every word", async () => {
  const typo = await searchProcedures(t.db, { q: "chung thuk ban sao", at: "2026-01-01", page: 1, pageSize: 5 });
  assert.equal(typo.approximate, true);
  assert.ok(typo.items.some((p) => p.name.startsWith("Chứng thực bản sao")));
  const none = await searchProcedures(t.db, { q: "xyzxyz qqq", at: "2026-01-01", page: 1, pageSize: 5 });
  assert.equal(none.total, 0);
});

test("a placeholder version made up by a dossier import is completed by the real catalogue row", async () => {
  await t.db
    .insertInto("procedures")
    .values({
      code: "1.009501",
      version: 1,
      effective_from: "1900-01-01",
      name: "1.009501",
      field: "Chưa rõ",
      level: "commune",
      time_limit: JSON.stringify({ value: 1, unit: "working_days" }),
      online_level: "none",
      placeholder: true,
    })
    .execute();
  const report = await importProcedures(t.db, importProceduresJson([{ ...base, code: "1.009501" }]));
  assert.deepEqual([report.imported, report.errors], [1, []]);
  const stored = await findProcedureVersion(t.db, "1.009501", 1);
  assert.deepEqual([stored!.placeholder, stored!.name, stored!.effectiveFrom], [false, base.name, base.effectiveFrom]);
});
