// `motcua reform index` on a test database, in process through runCli (src/cli/testing.ts): a commune's
// scorecard with its lost points (text, json, xlsx), a province's ranking, and a criteria set from JSON (a broken
// one: exit 2).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createRecord } from "../../db/repos/reform/records.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { DEFAULT_COMMUNE_SET } from "../../reform/index/default-commune-set.ts";
import { readWorkbook } from "../../reform/records/workbook.ts";
import { runCli } from "../testing.ts";

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "motcua-reform-index-"));
const by = { userId: null, now: new Date("2023-01-05T03:00:00Z") };

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  const rec = (unit: string, kind: "initiative" | "outreach", on: string, data: object) =>
    createRecord(database.db, "P1", { unit, kind, on, data, evidence: [] } as never, by);
  await rec("P1.01", "initiative", "2022-10-01", { title: "Sổ tay TTHC", decision: "12/QĐ" });
  await rec("P1.01", "outreach", "2022-03-01", { form: "loudspeaker", title: "Loa", count: 3 });
  await rec("P1.02", "initiative", "2022-10-01", { title: "A", decision: "1/QĐ" });
  await rec("P1.02", "initiative", "2022-11-01", { title: "B", decision: "2/QĐ" });
  await database.close();
});
after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** `motcua reform index …` on the test database, in this process (runCli: what the binary prints, its exit code). */
function motcua(...args: string[]) {
  const postgres = testEngine === "postgres";
  const data = postgres ? [] : ["--data", database.target];
  return runCli(["reform", "index", ...args, ...data], {
    env: { DATABASE_URL: postgres ? database.target : undefined, MOTCUA_DATA: undefined },
  });
}

test("a commune's scorecard: text with the lost points, json, xlsx", async () => {
  const text = await motcua("--unit", "P1.01", "--year", "2022");
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /Xã An Hòa/);
  assert.match(text.stdout, /TIÊU CHÍ BỊ TRỪ ĐIỂM \(2\):/);
  assert.match(text.stdout, /- 1\.4\.2 Mức độ đa dạng trong tuyên truyền CCHC \(−1\/2đ\)/);
  assert.match(
    text.stdout,
    /- 1\.5\.4 Sáng kiến trong triển khai công tác CCHC \(−1\/2đ\): Sáng kiến được công nhận = 1; còn thiếu 1/,
  );
  const json = await motcua("--unit", "P1.01", "--year", "2022", "--format", "json");
  assert.equal(json.status, 0, json.stderr);
  const card = JSON.parse(json.stdout);
  assert.equal(card.total, 2);
  assert.equal(card.max, 4);
  const out = join(dir, "card.xlsx");
  const xlsx = await motcua("--unit", "P1.01", "--year", "2022", "--format", "xlsx", "--out", out);
  assert.equal(xlsx.status, 0, xlsx.stderr);
  // the same workbook as the web's download (src/documents/reform-index-scorecard.ts)
  const sheets = await readWorkbook(readFileSync(out));
  assert.deepEqual([...sheets.keys()], ["Bảng điểm", "Bị trừ điểm"]);
  const total = sheets.get("Bảng điểm")?.find((r) => r[0] === "Tổng điểm");
  assert.deepEqual(total?.slice(2, 3), [4]);
  assert.ok(sheets.get("Bị trừ điểm")?.some((r) => r[1] === "1.5.4"));
});

test("a province ranks its communes; a set from JSON; bad input exits 2", async () => {
  const ranking = await motcua("--unit", "P1", "--year", "2022", "--format", "json");
  assert.equal(ranking.status, 0, ranking.stderr);
  assert.deepEqual(
    JSON.parse(ranking.stdout).ranking.map((r: { unit: string; rank: number }) => [r.unit, r.rank]),
    [
      ["P1.01", 1],
      ["P1.02", 1],
    ], // 2 points each (an initiative and an outreach form; two initiatives): a shared rank
  );
  // a set where 1.5.4 is worth 4 points at 2 per initiative
  const set = structuredClone(DEFAULT_COMMUNE_SET);
  const n154 = set.fields[0]?.children.find((c) => c.code === "1.5")?.children[0];
  assert.ok(n154);
  Object.assign(n154, { max: 4, rule: { kind: "count", per: 2 } });
  const file = join(dir, "set.json");
  writeFileSync(file, JSON.stringify({ ...set, id: "thu", title: "Bộ thử" }));
  const withSet = await motcua("--unit", "P1.01", "--year", "2022", "--set", file, "--format", "json");
  assert.equal(withSet.status, 0, withSet.stderr);
  assert.equal(JSON.parse(withSet.stdout).setId, "thu");
  assert.ok(
    JSON.parse(withSet.stdout).lost.some((l: { code: string; lost: number }) => l.code === "1.5.4" && l.lost === 2),
  );
  writeFileSync(file, JSON.stringify({ ...set, bands: [] }));
  const bad = await motcua("--unit", "P1.01", "--year", "2022", "--set", file);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /không hợp lệ/);
  assert.equal((await motcua("--unit", "KHONG", "--year", "2022")).status, 2);
  assert.equal((await motcua("--unit", "P1.01", "--year", "22")).status, 2);
});

test("import-set from the template's .xlsx and from JSON (refused whole, exit 2); fix-plan twice", async () => {
  const template = join(dir, "mau.xlsx");
  const written = await motcua("template", "--out", template);
  assert.equal(written.status, 0, written.stderr);
  const stored = await motcua("import-set", template);
  assert.equal(stored.status, 0, stored.stderr);
  assert.match(stored.stdout, /Đã lưu bộ tiêu chí xa-default phiên bản 1/);
  const twice = await motcua("import-set", template);
  assert.equal(twice.status, 2);
  assert.match(twice.stderr, /set-version-exists/);
  const json = join(dir, "tinh.json");
  writeFileSync(json, JSON.stringify({ ...DEFAULT_COMMUNE_SET, id: "p1-2022", province: "P1", version: 3 }));
  assert.equal((await motcua("import-set", json)).status, 0);
  const listed = await motcua("template", "--out", join(dir, "p1.xlsx"), "--set", "p1-2022");
  assert.match(listed.stdout, /bộ p1-2022 phiên bản 3/);
  writeFileSync(
    json,
    JSON.stringify({
      ...DEFAULT_COMMUNE_SET,
      id: "hong",
      bands: [
        { name: "A", minPercent: 1 },
        { name: "B", minPercent: 5 },
      ],
    }),
  );
  const broken = await motcua("import-set", json);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /criteria-set-invalid[\s\S]*xếp loại phải giảm dần/);
  assert.equal((await motcua("import-set")).status, 2);

  const plan = await motcua("fix-plan", "--unit", "P1.01", "--year", "2022");
  assert.equal(plan.status, 0, plan.stderr);
  assert.match(plan.stdout, /dự thảo mới lập/);
  assert.match(plan.stdout, /\+ 1\.4\.2: nhiệm vụ 1/);
  assert.match(plan.stdout, /Thêm 2 nhiệm vụ; 0 tiêu chí/);
  const csv = join(dir, "khao-sat.csv");
  writeFileSync(csv, "Mã đơn vị;Tỷ lệ hài lòng (%);Số phiếu\nP1.01;86,5;120\nP2.01;70;50\n");
  const refused = await motcua("import-survey", csv, "--province", "P1", "--year", "2022");
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /survey-invalid[\s\S]*Không có đơn vị P2\.01 thuộc tỉnh P1/);
  writeFileSync(csv, "Mã đơn vị;Tỷ lệ hài lòng (%);Số phiếu\nP1.01;86,5;120\n");
  const surveyed = await motcua("import-survey", csv, "--province", "P1", "--year", "2022");
  assert.equal(surveyed.status, 0, surveyed.stderr);
  assert.match(surveyed.stdout, /Đã lưu kết quả khảo sát năm 2022 của 1 đơn vị/);
  const again = await motcua("fix-plan", "--unit", "P1.01", "--year", "2022");
  assert.match(again.stdout, /Thêm 0 nhiệm vụ; 2 tiêu chí đã có nhiệm vụ từ trước/);
});
