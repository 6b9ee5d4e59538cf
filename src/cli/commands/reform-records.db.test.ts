// `motcua reform records import|export|template` on a test database, in process through runCli (src/cli/testing.ts):
// seed 000's Phụ lục 1 (ten plans, 136 tasks) imported from JSON, re-imported unchanged, exported to .xlsx and
// read back unchanged; a document with a broken rule or a unit out of scope writes nothing and exits 1.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openDatabase } from "../../db/engine.ts";
import { loadRecordFigures } from "../../db/repos/reform/sheet-figures.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { runCli } from "../testing.ts";

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "motcua-reform-records-"));

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  await database.close(); // one process at a time on an embedded directory
});
after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** `motcua reform records …` on the test database, in this process (runCli: what the binary prints, its exit code). */
function motcua(...args: string[]) {
  const postgres = testEngine === "postgres";
  const data = postgres ? [] : ["--data", database.target];
  return runCli(["reform", "records", ...args, ...data], {
    env: { DATABASE_URL: postgres ? database.target : undefined, MOTCUA_DATA: undefined },
  });
}

/** Seed 000 Phụ lục 1: plan kind, date issued, tasks (all done by Q3/2020). */
const PL1: [string, string, number][] = [
  ["annual", "2019-12-25", 30],
  ["self_inspection", "2020-01-02", 7],
  ["propaganda", "2020-01-02", 5],
  ["procedure_review", "2020-01-02", 2],
  ["procedure_control", "2020-01-02", 9],
  ["legal_check", "2020-02-10", 1],
  ["legal_review", "2020-02-10", 1],
  ["iso", "2020-01-02", 10],
  ["discipline", "2020-01-02", 3],
  ["index_improvement", "2020-01-02", 68],
];

function seed000() {
  return {
    format: "motcua-reform-records",
    version: 1,
    plans: PL1.map(([kind, issuedOn, count], i) => ({
      unit: "P1.01",
      kind,
      number: i === 0 ? "62/KH-UBND" : `${i + 1}/KH-UBND`,
      title: `Kế hoạch ${kind} năm 2020`,
      issuedOn,
      issuer: "UBND phường Hương Xuân",
      year: 2020,
      tasks: Array.from({ length: count }, (_, j) => ({
        area: "direction",
        content: `Nhiệm vụ ${j + 1}`,
        outputKind: "report",
        lead: "Văn phòng",
        deadline: "2020-09-30",
        progress: 100,
        completedOn: "2020-08-15",
        output: { number: `${j + 1}/BC-UBND`, date: "2020-08-15" },
      })),
    })),
    records: [
      {
        kind: "legal_document",
        unit: "P1.01",
        on: "2020-05-04",
        data: { number: "01/NQ-HĐND", title: "Nghị quyết", reviews: ["2020-05-20"] },
      },
      { kind: "fact", unit: "P1.01", on: "2020-01-01", data: { fact: "iso_maintained", value: 1 } },
    ],
  };
}

const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

test("import, re-import unchanged, export to .xlsx and back unchanged; the figures come from what was imported", async () => {
  const first = await motcua("import", write("pl1.json", seed000()));
  assert.equal(first.status, 0, first.stderr);
  const summary = JSON.parse(first.stdout);
  assert.deepEqual(summary.plans, { created: 10, updated: 0, unchanged: 0 });
  assert.deepEqual(summary.tasks, { created: 136, updated: 0, unchanged: 0 });
  assert.deepEqual(summary.records, { created: 2, updated: 0, unchanged: 0 });

  const again = JSON.parse((await motcua("import", join(dir, "pl1.json"))).stdout);
  assert.deepEqual([again.plans.unchanged, again.tasks.unchanged, again.records.unchanged], [10, 136, 2]);

  const xlsx = join(dir, "pl1.xlsx");
  const exported = await motcua("export", "--unit", "P1", "--from", "2020-01-01", "--to", "2020-12-31", xlsx);
  assert.equal(exported.status, 0, exported.stderr);
  const back = await motcua("import", xlsx);
  assert.equal(back.status, 0, back.stderr);
  const b = JSON.parse(back.stdout);
  assert.deepEqual(
    [b.plans, b.tasks.unchanged, b.records.unchanged],
    [{ created: 0, updated: 0, unchanged: 10 }, 136, 2],
  );

  const changed = seed000();
  changed.plans[0]!.tasks[0]!.content = "Nhiệm vụ 1 (sửa)";
  const dry = JSON.parse((await motcua("import", "--dry-run", write("changed.json", changed))).stdout);
  assert.deepEqual([dry.dryRun, dry.tasks.updated], [true, 1]);
  const real = JSON.parse((await motcua("import", join(dir, "changed.json"))).stdout);
  assert.equal(real.tasks.updated, 1, "the dry run wrote nothing");

  const db = await openDatabase(
    testEngine === "postgres" ? { databaseUrl: database.target } : { dataDir: database.target },
  );
  try {
    const q3 = await loadRecordFigures(db.db, { unit: "P1.01", from: "2020-07-01", to: "2020-09-30" });
    assert.deepEqual([q3["1.1.1"], q3["1.1.2"], q3["5.4.1"], q3["7.6"]], [30, 30, 1, 1]);
    const q2 = await loadRecordFigures(db.db, { unit: "P1.01", from: "2020-04-01", to: "2020-06-30" });
    assert.deepEqual([q2["1.1.2"], q2["2.1"], q2["2.3"]], [0, 1, 1]);
  } finally {
    await db.close();
  }
});

test("a broken rule, an unknown unit or a unit out of scope: every problem on stderr, nothing written, exit 1", async () => {
  const bad = seed000();
  bad.plans[1]!.tasks[0]!.output = undefined as never;
  bad.records.push({ kind: "fact", unit: "KHONG", on: "2020-01-01", data: { fact: "iso_maintained", value: 1 } });
  const result = await motcua("import", write("bad.json", bad));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /plans\[1\]\.tasks\[0\]\.output: task-done-without-output/);
  assert.equal(JSON.parse(result.stdout).imported, false);
  const scoped = await motcua("import", "--unit", "P1.02", join(dir, "pl1.json"));
  assert.equal(scoped.status, 1);
  assert.match(scoped.stderr, /out-of-scope/);
  assert.equal((await motcua("import", join(dir, "nothing.json"))).status, 2);
  assert.equal((await motcua("export", join(dir, "x.json"))).status, 2, "--unit is required");
  assert.equal((await motcua("template", join(dir, "mau.xlsx"))).status, 0);
});
