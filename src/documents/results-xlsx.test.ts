import { test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { resultsReport } from "../figures/results.ts";
import { labelOf } from "../figures/results-labels.ts";
import { dossier } from "../figures/test-dossiers.ts";
import { document, dossiers, marked, q3 } from "../figures/test-results-sample.ts";
import { resultsToXlsx } from "./results-xlsx.ts";

test("xlsx: Vietnamese merged headers like seed 000 Phụ lục 4, STT, totals row, Times New Roman", async () => {
  const buffer = await resultsToXlsx(document);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Kết quả một cửa")!;
  assert.ok(sheet);
  const merges = new Set(sheet.model.merges);
  for (const range of ["A5:A7", "B5:B7", "C5:J5", "K5:T5", "E6:J6", "K6:O6", "R6:T6", "D6:D7", "U5:U7"]) {
    assert.ok(merges.has(range), `merged ${range}`);
  }
  assert.equal(sheet.getCell("C5").value, "Số hồ sơ nhận giải quyết");
  assert.equal(sheet.getCell("K5").value, "Kết quả giải quyết");
  assert.equal(sheet.getCell("D6").value, "Kỳ trước chuyển qua");
  assert.equal(sheet.getCell("E6").value, "Tiếp nhận trong kỳ");
  assert.equal(sheet.getCell("K6").value, "Đã giải quyết");
  assert.deepEqual(
    ["L7", "M7", "N7"].map((a) => sheet.getCell(a).value),
    ["Trước hạn", "Đúng hạn", "Trễ hạn"],
    "finished: against the deadline in force, the screen's words (not seed 000's \"hẹn\")",
  );
  assert.equal(sheet.getCell("O7").value, labelOf("declined"), "declined: a part of finished, as on screen");
  assert.equal(sheet.getCell("R6").value, "Đang giải quyết");
  assert.deepEqual(
    ["S7", "T7"].map((a) => sheet.getCell(a).value),
    ["Trong hạn", "Quá hạn"],
  );
  const headers = sheet.getRows(5, 3)!.flatMap((row) => (row.values as unknown[]).filter((v) => typeof v === "string"));
  assert.equal(headers.filter((h) => h === "Quá hạn").length, 1, "finishedLate and openOverdue have different labels");
  assert.equal(sheet.getCell("A2").value, "Kỳ báo cáo: từ ngày 01/07/2020 đến ngày 30/09/2020");
  // rows in Vietnamese order: Bảo trợ xã hội, Chứng thực, Đất đai…
  assert.deepEqual(
    [8, 9, 10].map((r) => [sheet.getCell(`A${r}`).value, sheet.getCell(`B${r}`).value]),
    [
      [1, "Bảo trợ xã hội"],
      [2, "Chứng thực"],
      [3, 'Đất đai, "cấp huyện"'],
    ],
  );
  assert.equal(sheet.getCell("B11").value, "Tổng cộng");
  const total = document.total;
  assert.equal(sheet.getCell("C11").value, total.carriedOver + total.received);
  assert.equal(sheet.getCell("F11").value, total.receivedSaturday);
  assert.equal(sheet.getCell("K11").value, 3);
  assert.equal(sheet.getCell("N11").value, total.finishedLate);
  assert.equal(sheet.getCell("O11").value, 0);
  assert.equal(sheet.getCell("R11").value, 1);
  assert.equal(sheet.getCell("U11").value, total.refusedAtIntake);
  assert.equal(sheet.getCell("B11").font.bold, true);
  for (const address of ["A1", "C5", "L7", "B9", "N11"])
    assert.equal(sheet.getCell(address).font.name, "Times New Roman", address);
});

test("figures typed in by hand are marked in the xlsx, and a document the period could not include is named", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await resultsToXlsx(marked)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Kết quả một cửa")!;
  assert.equal(sheet.getCell("B9").value, "Chứng thực (số liệu nhập tay)");
  assert.equal(sheet.getCell("B8").value, "Bảo trợ xã hội");
  assert.match(String(sheet.getCell("B13").value), /nhập tay của H57\.12 từ 01\/07\/2020 đến 31\/07\/2020/);
  assert.match(String(sheet.getCell("B14").value), /Không gộp .*H57\.13 từ 15\/09\/2020 đến 14\/10\/2020/);
});

test("xlsx: a dossier returned as not eligible counts in finished and in its declined column", async () => {
  const declined = dossier({
    field: "Chứng thực",
    received: "2020-07-07 08:00",
    due: "2020-07-07 17:00",
    events: [["declined", "2020-07-07 10:00"]],
  });
  const report = resultsReport([...dossiers, declined], q3);
  assert.equal(report.total.declined, 1);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await resultsToXlsx(report)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Kết quả một cửa")!;
  assert.equal(sheet.getCell("B9").value, "Chứng thực");
  assert.equal(sheet.getCell("O9").value, 1, "declined of the row");
  assert.equal(sheet.getCell("K9").value, 3, "finished includes the declined dossier");
  assert.equal(sheet.getCell("O11").value, 1, "declined of the total");
  assert.equal(sheet.getCell("K11").value, 4);
});
