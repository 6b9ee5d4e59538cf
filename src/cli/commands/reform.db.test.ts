// `motcua reform sheet|report` on a test database of either engine, in process through runCli (src/cli/testing.ts):
// the 01b JSON of CONTRACTS.md §6 (its dossier rows equal to `motcua report results` for the same unit and
// period, also with --period 2024-H1 --cut-day 15), .xlsx/.docx of the sheet, the report as .docx and .pdf, an
// unknown unit (exit 2), and a report whose figures break a check (exit 1, nothing written).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { importDossierRecords } from "../../db/repos/dossier-import.ts";
import { computeSheet } from "../../db/repos/reform-report/sheet.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { SHEET_ROWS } from "../../reform/sheet/rows.ts";
import type { SheetDocument } from "../../reform/sheet/sheet.ts";
import { runCli } from "../testing.ts";

let database: TestDatabase;
let expectedCut: SheetDocument;
const out = mkdtempSync(join(tmpdir(), "motcua-reform-"));

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  const units = new UnitDirectory(database.db);
  await units.refresh();
  const records = sampleDossiers(
    {
      range: { from: "2023-12-01", days: 220 },
      units: ["P1.01", "P1.02", "P2.01"],
      procedures: [
        { code: "1.001009", field: "Chứng thực", level: "commune" },
        { code: "1.003003", field: "Đất đai", level: "commune" },
      ],
    },
    260,
    5,
  );
  await importDossierRecords(database, units, records, { createMissing: true });
  await units.refresh();
  expectedCut = (await computeSheet(database.db, units, { unit: "P1", from: "2023-12-15", to: "2024-06-14" })).sheet;
  // figures that break a check (as an older tool or a spreadsheet import could leave them): 40 done of 38 planned
  for (const [code, value] of [
    ["1.1.1", 38],
    ["1.1.2", 40],
  ] as const) {
    await database.db
      .insertInto("reform_sheet_manual")
      .values({ province_code: "P1", unit_code: "P1.02", from: "2024-01-01", to: "2024-06-30", code, value })
      .execute();
  }
  await database.close(); // one process at a time on an embedded directory: the CLI opens it next
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** `motcua …` on the test database, in this process (runCli: what the binary prints, its exit code). */
function motcua(...args: string[]) {
  const postgres = testEngine === "postgres";
  const data = postgres ? [] : ["--data", database.target];
  return runCli([...args, ...data], { env: { DATABASE_URL: postgres ? database.target : undefined } });
}

const value = (sheet: SheetDocument, code: string) => sheet.rows.find((r) => r.code === code)?.value;

test("sheet JSON for --period 2024-H1 --cut-day 15: the contract's shape, dossier rows = report results", async () => {
  const run = await motcua("reform", "sheet", "--unit", "P1", "--period", "2024-H1", "--cut-day", "15");
  assert.equal(run.status, 0, run.stderr);
  const sheet = JSON.parse(run.stdout) as SheetDocument;
  assert.deepEqual(sheet, JSON.parse(JSON.stringify(expectedCut)));
  assert.deepEqual([sheet.sheet, sheet.unit, sheet.from, sheet.to], ["01b", "P1", "2023-12-15", "2024-06-14"]);
  assert.deepEqual(
    sheet.rows.map((r) => r.code),
    SHEET_ROWS.map((r) => r.code),
  );
  for (const row of sheet.rows)
    assert.deepEqual(Object.keys(row), ["code", "label", "unitOfMeasure", "value", "source"]);
  const results = await motcua("report", "results", "--unit", "P1", "--period", "2024-H1", "--cut-day", "15");
  assert.equal(results.status, 0, results.stderr);
  const total = JSON.parse(results.stdout).total;
  assert.ok(total.received > 50);
  assert.equal(value(sheet, "3.3.1"), total.received);
  assert.equal(value(sheet, "3.3.1.direct"), total.receivedDirect);
  assert.equal(value(sheet, "3.3.1.postal"), total.receivedPostal);
  assert.equal(value(sheet, "3.3.1.onlinePartial"), total.receivedOnlinePartial);
  assert.equal(value(sheet, "3.3.1.onlineFull"), total.receivedOnlineFull);
  assert.equal(value(sheet, "3.3.2"), total.finishedEarly + total.finishedOnTime);
  const parts = ["direct", "postal", "onlinePartial", "onlineFull"].map((c) => value(sheet, `3.3.2.${c}`)!);
  assert.equal(
    parts.reduce((a, b) => a + b, 0),
    value(sheet, "3.3.2"),
  );
});

test("--from/--to gives the same sheet as the period it names", async () => {
  const run = await motcua("reform", "sheet", "--unit", "P1", "--from", "2023-12-15", "--to", "2024-06-14");
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(expectedCut)));
});

test("usage errors and an unknown unit exit 2", async () => {
  assert.equal((await motcua("reform", "sheet", "--unit", "NOPE", "--period", "2024-H1")).status, 2);
  assert.equal((await motcua("reform", "sheet", "--period", "2024-H1")).status, 2);
  assert.equal((await motcua("reform", "sheet", "--unit", "P1", "--period", "2024-H3")).status, 2);
  assert.equal((await motcua("reform", "sheet", "--unit", "P1", "--from", "2024-01-01")).status, 2);
  assert.equal((await motcua("reform", "sheet", "--unit", "P1", "--period", "2024-H1", "--format", "xlsx")).status, 2);
  assert.equal((await motcua("reform", "report", "--unit", "P1", "--period", "2024-H1", "--out", "x.txt")).status, 2);
  const unknown = await motcua(
    "reform",
    "report",
    "--unit",
    "NOPE",
    "--period",
    "2024-H1",
    "--out",
    join(out, "n.docx"),
  );
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /NOPE/);
});

/** `motcua reform sheet` of P1's first half of 2024 on the 15th cut day, written as `format` to `file`. */
const halfYearSheet = (format: "xlsx" | "docx", file: string) =>
  motcua(
    "reform",
    "sheet",
    "--unit",
    "P1",
    "--period",
    "2024-H1",
    "--cut-day",
    "15",
    "--format",
    format,
    "--out",
    file,
  );

test("the sheet as .xlsx and .docx in the seed's layout, numbers as numbers", async () => {
  const xlsx = join(out, "01b.xlsx");
  const run = await halfYearSheet("xlsx", xlsx);
  assert.equal(run.status, 0, run.stderr);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const received = rows.find((r) => r[0] === "3.3.1")!;
  assert.deepEqual(received.slice(1, 4), [
    "Số lượng hồ sơ đã tiếp nhận",
    "Số lượng hồ sơ",
    value(expectedCut, "3.3.1"),
  ]);
  assert.ok(rows.some((r) => r.includes("Chỉ tiêu thống kê") && r.includes("Ghi chú")));
  const docx = join(out, "01b.docx");
  const written = await halfYearSheet("docx", docx);
  assert.equal(written.status, 0, written.stderr);
  const view = await openDocx(readFileSync(docx));
  assert.ok(view.paragraphs.includes("Phụ lục 01b"));
  assert.ok(view.text.includes("CỦA UBND TỈNH THỬ MỘT 6 THÁNG ĐẦU NĂM 2024"));
});

test("the report as .docx and .pdf; its figures are the sheet's", async () => {
  const docx = join(out, "bao-cao.docx");
  const run = await motcua(
    "reform",
    "report",
    "--unit",
    "P1.01",
    "--period",
    "2024-Q1",
    "--date",
    "2024-04-05",
    "--out",
    docx,
  );
  assert.equal(run.status, 0, run.stderr);
  const sheetRun = await motcua("reform", "sheet", "--unit", "P1.01", "--period", "2024-Q1");
  const sheet = JSON.parse(sheetRun.stdout) as SheetDocument;
  const view = await openDocx(readFileSync(docx));
  const sentence = view.paragraphs.find((p) => p.startsWith("Tổng số hồ sơ đã tiếp nhận:"))!;
  const n = (code: string) => String(value(sheet, code));
  assert.ok(
    sentence.startsWith(
      `Tổng số hồ sơ đã tiếp nhận: ${n("3.3.1")} hồ sơ; trong đó trực tiếp ${n("3.3.1.direct")} hồ sơ, qua dịch vụ bưu chính công ích ${n("3.3.1.postal")} hồ sơ, trực tuyến một phần ${n("3.3.1.onlinePartial")} hồ sơ, trực tuyến toàn trình ${n("3.3.1.onlineFull")} hồ sơ.`,
    ),
    sentence,
  );
  assert.ok(view.text.includes("An Hòa, ngày 05 tháng 4 năm 2024"));
  const pdf = join(out, "bao-cao.pdf");
  const pdfRun = await motcua("reform", "report", "--unit", "P1.01", "--period", "2024-Q1", "--out", pdf);
  assert.equal(pdfRun.status, 0, pdfRun.stderr);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString("latin1"), "%PDF-");
});

test("a report whose figures break a check is not written: exit 1, the violation named", async () => {
  const file = join(out, "blocked.docx");
  const run = await motcua(
    "reform",
    "report",
    "--unit",
    "P1.02",
    "--from",
    "2024-01-01",
    "--to",
    "2024-06-30",
    "--out",
    file,
  );
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /part-exceeds-whole: 1\.1\.2, 1\.1\.1/);
  assert.equal(existsSync(file), false);
  const sheet = await motcua("reform", "sheet", "--unit", "P1.02", "--from", "2024-01-01", "--to", "2024-06-30");
  assert.equal(sheet.status, 0, "the sheet itself shows the figures as they are");
  assert.equal(value(JSON.parse(sheet.stdout), "1.1.2"), 40);
});

test("reform records is dispatched to the reform records' command", async () => {
  const run = await motcua("reform", "records", "nope");
  assert.equal(run.status, 2);
  assert.match(run.stderr, /motcua reform records export/);
});
