// Runs the command line in process (runCli, src/cli/testing.ts: what the binary prints, its exit code): motcua
// catalog seed|import|export and motcua units import|export, on the engine of the test run (--data DIR for
// PGlite, DATABASE_URL for PostgreSQL).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { type CliRun, runCli } from "../testing.ts";

let database: TestDatabase;
let files: string;

before(async () => {
  database = await createTestDatabase();
  // PGlite: one process owns a directory, so the test lets go of it and the CLI opens it with --data.
  if (testEngine === "pglite") await database.close();
  files = mkdtempSync(join(tmpdir(), "motcua-cli-catalog-"));
});
after(async () => {
  await database.drop();
  rmSync(files, { recursive: true, force: true });
});

function motcua(...args: string[]): Promise<CliRun> {
  const postgres = testEngine === "postgres";
  const target = postgres ? [] : ["--data", database.target];
  return runCli([...args, ...target], {
    env: { DATABASE_URL: postgres ? database.target : undefined, MOTCUA_DATA: undefined },
  });
}

test("catalog seed loads the starter catalogue and both provinces' units", async () => {
  const first = await motcua("catalog", "seed");
  assert.equal(first.status, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  assert.ok(report.procedures.imported >= 40);
});

test("catalog import: a JSON summary line, each bad row on stderr with its row number, exit 1", async () => {
  const csv = join(files, "thu-tuc.csv");
  writeFileSync(
    csv,
    "code,name,field,level,agency,limit_value,limit_unit,online_level,effective_from\n" +
      "1.009801,Thủ tục dòng một,Hộ tịch,commune,UBND cấp xã,3,working_days,none,2025-07-01\n" +
      "1.009802,Thủ tục dòng hai,Hộ tịch,commune,UBND cấp xã,ba,working_days,none,2025-07-01\n",
  );
  const run = await motcua("catalog", "import", csv);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { read: 2, imported: 1, unchanged: 0, rejected: 1 });
  assert.match(run.stderr, /^Dòng 3, limit_value \(invalid_value\): .*không phải là số/m);
  const unreadable = await motcua("catalog", "import", join(files, "khong-co.json"));
  assert.equal(unreadable.status, 2);
});

test("catalog export as CSV re-imports as unchanged; units export re-imports as unchanged", async () => {
  const out = join(files, "danh-muc.csv");
  const exported = await motcua("catalog", "export", "--format", "csv", "--out", out);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(readFileSync(out, "utf8"), /1\.009801/);
  const reimport = await motcua("catalog", "import", out);
  assert.equal(reimport.status, 0, reimport.stderr);
  const summary = JSON.parse(reimport.stdout);
  assert.equal(summary.unchanged, summary.read);
  const units = join(files, "don-vi.json");
  assert.equal((await motcua("units", "export", "--out", units)).status, 0);
  const back = await motcua("units", "import", units);
  assert.equal(back.status, 0, back.stderr);
  const unitSummary = JSON.parse(back.stdout);
  assert.deepEqual([unitSummary.created, unitSummary.rejected], [0, 0]);
  assert.equal(unitSummary.unchanged, JSON.parse(readFileSync(units, "utf8")).length);
});

test("units import of a bad file stores nothing and exits 1", async () => {
  const file = join(files, "don-vi-loi.json");
  writeFileSync(
    file,
    JSON.stringify([
      { code: "T46.801", name: "Xã Thử CLI", kind: "commune", parentCode: "46" },
      { code: "T46.802", name: "Xã Thử CLI hai", kind: "lang", parentCode: "46" },
    ]),
  );
  const run = await motcua("units", "import", file);
  assert.equal(run.status, 1);
  assert.deepEqual(JSON.parse(run.stdout), { read: 2, created: 0, unchanged: 0, rejected: 1 });
  assert.match(run.stderr, /^Dòng 2, kind/m);
  const exported = await motcua("units", "export", "--under", "46");
  assert.ok(!exported.stdout.includes("T46.801"));
});
