// `motcua report results` on a test database of either engine, in process through runCli (src/cli/testing.ts).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { importDossierRecords } from "../../db/repos/dossier-import.ts";
import { setCutDay } from "../../db/repos/report-settings.ts";
import { resultsReport } from "../../db/repos/reports.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { checkIdentity, RESULT_FIELDS } from "../../figures/results-fields.ts";
import { labelOf, screenOrder } from "../../figures/results-labels.ts";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { runCli } from "../testing.ts";

let database: TestDatabase;
let expected: Awaited<ReturnType<typeof resultsReport>>;
/** April 2024 cut on P1's setting (15): 2024-03-15..2024-04-14. */
let expectedCut: Awaited<ReturnType<typeof resultsReport>>;
let expectedCalendarApril: Awaited<ReturnType<typeof resultsReport>>;
const out = mkdtempSync(join(tmpdir(), "motcua-report-"));

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  const units = new UnitDirectory(database.db);
  await units.refresh();
  const records = sampleDossiers(
    {
      range: { from: "2024-03-01", days: 40 },
      units: ["P1.01", "P1.02", "P2.01"],
      procedures: [
        { code: "1.001009", field: "Chứng thực", level: "commune" },
        { code: "1.000656", field: "Hộ tịch", level: "commune" },
        { code: "1.003003", field: "Đất đai", level: "district" },
      ],
    },
    200,
    7,
  );
  await importDossierRecords(database, units, records, { createMissing: true });
  expected = await resultsReport(database.db, units, { from: "2024-03-10", to: "2024-03-31", unit: "P1", by: "field" });
  await setCutDay(database.db, { province: "P1", cutDay: 15 }, { userId: null, now: new Date() });
  expectedCut = await resultsReport(database.db, units, { from: "2024-03-15", to: "2024-04-14", unit: "P1" });
  expectedCalendarApril = await resultsReport(database.db, units, { from: "2024-04-01", to: "2024-04-30", unit: "P1" });
  await database.close(); // one process at a time on an embedded directory: the CLI opens it next
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** `motcua …` on the test database, in this process; stdout as the bytes written (runCli). */
async function motcua(...args: string[]) {
  const postgres = testEngine === "postgres";
  const data = postgres ? [] : ["--data", database.target];
  const run = await runCli([...args, ...data], { env: { DATABASE_URL: postgres ? database.target : undefined } });
  return { status: run.status, stdout: run.stdoutBytes, stderr: run.stderr };
}

test("JSON on stdout: the results document for the unit's subtree, identity on every row", async () => {
  const run = await motcua("report", "results", "--from", "2024-03-10", "--to", "2024-03-31", "--unit", "P1");
  assert.equal(run.status, 0, run.stderr);
  const document = JSON.parse(run.stdout.toString("utf8"));
  assert.deepEqual(document, JSON.parse(JSON.stringify(expected)));
  assert.equal(document.unit, "P1");
  assert.ok(document.total.received > 0);
  for (const row of [...document.rows, document.total]) assert.ok(checkIdentity(row).holds, row.key);
});

test("CSV: BOM, Vietnamese header in the screen's order (--keys: JSON names), total row last; xlsx to --out", async () => {
  const args = ["report", "results", "--from", "2024-03-10", "--to", "2024-03-31", "--unit", "P1", "--format", "csv"];
  const csv = await motcua(...args);
  assert.equal(csv.status, 0, csv.stderr);
  const text = csv.stdout.toString("utf8");
  assert.ok(text.startsWith("\uFEFFLĩnh vực,Kỳ trước chuyển qua,Mới tiếp nhận,Trong đó ngày thứ Bảy,Trực tiếp,"));
  const lines = text.slice(1).trimEnd().split("\r\n");
  assert.equal(lines[0], ["Lĩnh vực", ...screenOrder().map(labelOf)].join(","));
  assert.equal(lines.at(-1), ["Tổng cộng", ...screenOrder().map((f) => expected.total[f])].join(","));
  assert.equal(lines.length, expected.rows.length + 2);
  const keyed = await motcua(...args, "--keys");
  assert.equal(keyed.status, 0, keyed.stderr);
  const keyedLines = keyed.stdout.toString("utf8").slice(1).trimEnd().split("\r\n");
  assert.ok(keyed.stdout.toString("utf8").startsWith("\uFEFFkey,carriedOver,received,"));
  assert.equal(keyedLines[0], ["key", ...RESULT_FIELDS].join(","));
  assert.equal(keyedLines.at(-1), ["total", ...RESULT_FIELDS.map((f) => expected.total[f])].join(","));
  assert.equal((await motcua("report", "results", "--from", "2024-03-10", "--to", "2024-03-31", "--keys")).status, 2);
  const file = join(out, "r.xlsx");
  const xlsx = await motcua(
    "report",
    "results",
    "--from",
    "2024-03-10",
    "--to",
    "2024-03-31",
    "--by",
    "unit",
    "--format",
    "xlsx",
    "--out",
    file,
  );
  assert.equal(xlsx.status, 0, xlsx.stderr);
  assert.equal(readFileSync(file).subarray(0, 2).toString("latin1"), "PK");
});

test("--period: cut on the unit's province setting, or --cut-day; calendar periods without a setting", async () => {
  const json = async (...args: string[]) => {
    const run = await motcua("report", "results", ...args);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout.toString("utf8"));
  };
  const cut = await json("--period", "2024-04", "--unit", "P1");
  assert.deepEqual([cut.from, cut.to], ["2024-03-15", "2024-04-14"]);
  assert.deepEqual(cut, JSON.parse(JSON.stringify(expectedCut)));
  assert.ok(cut.total.received > 0);
  assert.deepEqual(
    await json("--period", "2024-04", "--unit", "P1", "--cut-day", "1"),
    JSON.parse(JSON.stringify(expectedCalendarApril)),
  );
  const cut20 = await json("--period", "2024-Q2", "--unit", "P1.01", "--cut-day", "20");
  assert.deepEqual([cut20.from, cut20.to], ["2024-03-20", "2024-06-19"]);
  const provinceCut = await json("--period", "2024-H1", "--unit", "P1.02");
  assert.deepEqual([provinceCut.from, provinceCut.to], ["2023-12-15", "2024-06-14"], "P1.02 is in P1: its cut day");
  const other = await json("--period", "2024", "--unit", "P2.01");
  assert.deepEqual([other.from, other.to], ["2024-01-01", "2024-12-31"], "P2 has no setting: calendar year");
  const all = await json("--period", "2024-Q1");
  assert.deepEqual([all.unit, all.from, all.to], [null, "2024-01-01", "2024-03-31"]);
});

test("usage errors exit 2: unknown unit, xlsx without --out, bad dates, bad grouping", async () => {
  const cases = [
    ["--from", "2024-03-01", "--to", "2024-03-31", "--unit", "NOPE"],
    ["--from", "2024-03-01", "--to", "2024-03-31", "--format", "xlsx"],
    ["--from", "2024-02-30", "--to", "2024-03-31"],
    ["--from", "2024-03-31", "--to", "2024-03-01"],
    ["--from", "2024-03-01", "--to", "2024-03-31", "--by", "commune"],
    ["--to", "2024-03-31"],
    ["--period", "2024-Q5"],
    ["--period", "2024-Q1", "--from", "2024-03-01", "--to", "2024-03-31"],
    ["--period", "2024-Q1", "--cut-day", "29"],
    ["--period", "2024-Q1", "--cut-day", "abc"],
    ["--from", "2024-03-01", "--to", "2024-03-31", "--cut-day", "15"],
    ["--period", "2024-Q1", "--unit", "NOPE"],
  ];
  for (const args of cases) {
    const run = await motcua("report", "results", ...args);
    assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.equal(run.stdout.length, 0);
    assert.ok(run.stderr.length > 0);
  }
});
