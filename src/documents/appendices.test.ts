import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import {
  attachedNote,
  channelsAppendixSpec,
  lateByUnitSpec,
  renderAppendix,
  resultsAppendixSpec,
  resultsByFieldSpec,
  satisfactionSpec,
  sumResults,
} from "./appendices.ts";
import { placeHeader } from "./grid.ts";
import { openDocx } from "./testing/docx-inspect.ts";
import { seed000Rows, seed002Late, seed004Rows, seed004Satisfaction, seed004Total } from "./testing/seed-tables.ts";
import { LINE_HEIGHT_PT, tablesToXlsx, wrappedLines } from "./xlsx.ts";

async function openSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, i) => sheet.getCell(r, i + 1).value);

function allFonts(sheet: ExcelJS.Worksheet): Set<string | undefined> {
  const fonts = new Set<string | undefined>();
  sheet.eachRow((row) => row.eachCell((cell) => fonts.add(cell.font?.name)));
  return fonts;
}

test("Phụ lục 4 as .xlsx reproduces seed 000: three merged header rows, one row per field, the seed's totals", async () => {
  const spec = resultsAppendixSpec(seed000Rows, { withdrawnStopped: false, note: "(Kèm theo Báo cáo số 82/BC-UBND)" });
  const sheet = await openSheet(await renderAppendix(spec, "xlsx", { sheetName: "Phụ lục 4" }));
  assert.equal(sheet.name, "Phụ lục 4");
  assert.deepEqual(
    [1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value),
    ["Phụ lục 4", "KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT CÔNG VIỆC", "THEO CƠ CHẾ MỘT CỬA", "(Kèm theo Báo cáo số 82/BC-UBND)"],
  );
  const merges = new Set(sheet.model.merges);
  for (const range of ["A1:K1", "A6:A8", "B6:B8", "C6:K6", "C7:C8", "D7:E7", "F7:H7", "I7:K7", "A15:B15"]) {
    assert.ok(merges.has(range), `merged ${range}; have ${[...merges].join(" ")}`);
  }
  assert.equal(sheet.getCell("C6").value, "Số hồ sơ giải quyết");
  assert.equal(sheet.getCell("F7").value, "Hồ sơ đã giải quyết");
  assert.deepEqual(rowValues(sheet, 8, 11).slice(3), [
    "Tổng số",
    "Tiếp nhận ngày thứ 7",
    "Trước hạn",
    "Đúng hạn",
    "Trễ hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
  ]);
  assert.deepEqual(rowValues(sheet, 11, 11), [3, "Chứng thực", 0, 453, 23, 52, 399, 1, 1, 1, 0]);
  assert.deepEqual(rowValues(sheet, 15, 11), ["Tổng cộng", "Tổng cộng", 0, 724, 26, 69, 616, 26, 13, 12, 1]);
  assert.deepEqual([...allFonts(sheet)], ["Times New Roman"]);
  assert.equal(sheet.getCell("D15").font.bold, true);
  assert.equal(sheet.pageSetup.orientation, "landscape");
  assert.equal(sheet.pageSetup.paperSize, 9);
});

test("Phụ lục 4 shows withdrawn and stopped dossiers on request, so every row satisfies the identity", async () => {
  const rows = [{ ...seed000Rows[2]!, received: 456, withdrawn: 2, stopped: 1 }];
  assert.equal(resultsAppendixSpec(rows).columns.length, 11, "the seed's layout by default");
  const spec = resultsAppendixSpec(rows, { withdrawnStopped: true });
  assert.equal(spec.columns.length, 13);
  const sheet = await openSheet(await renderAppendix(spec, "xlsx"));
  assert.deepEqual(rowValues(sheet, 7, 13).slice(8, 10), ["Rút hồ sơ", "Dừng giải quyết"]);
  const [, , carried, received, , early, onTime, late, withdrawn, stopped, open] = rowValues(sheet, 8, 13) as number[];
  assert.equal(carried! + received!, early! + onTime! + late! + withdrawn! + stopped! + open!);
});

test("Phụ lục 4 as .docx: merged cells, the seed's rows, Times New Roman, landscape A4", async () => {
  const spec = resultsAppendixSpec(seed000Rows, { withdrawnStopped: false });
  const doc = await openDocx(await renderAppendix(spec, "docx"));
  assert.match(doc.xml, /<w:gridSpan w:val="9"\/>/);
  assert.match(doc.xml, /<w:vMerge w:val="restart"\/>/);
  assert.ok((doc.xml.match(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/g) ?? []).length >= 4);
  const i = doc.paragraphs.indexOf("Chứng thực");
  assert.deepEqual(doc.paragraphs.slice(i - 1, i + 10), [
    "3",
    "Chứng thực",
    "0",
    "453",
    "23",
    "52",
    "399",
    "1",
    "1",
    "1",
    "0",
  ]);
  const t = doc.paragraphs.indexOf("Tổng cộng");
  assert.deepEqual(doc.paragraphs.slice(t, t + 10), [
    "Tổng cộng",
    "0",
    "724",
    "26",
    "69",
    "616",
    "26",
    "13",
    "12",
    "1",
  ]);
  assert.deepEqual([...doc.fonts], ["Times New Roman"]);
  assert.ok(doc.page.width > doc.page.height);
});

test("the totals row is computed from the rows", () => {
  const total = sumResults(seed000Rows);
  assert.equal(total.received, 724);
  assert.equal(total.finishedOnTime, 616);
  assert.equal(total.openOverdue, 1);
});

test("channels table of seed 004: totals first, shares computed, online levels mapped 2/3/4", async () => {
  const spec = channelsAppendixSpec(seed004Total, { by: "level" });
  const sheet = await openSheet(await tablesToXlsx([{ name: "Kênh", spec }]));
  assert.deepEqual(rowValues(sheet, 4, 4), ["STT", "Mức độ", "Số lượng", "Tỷ lệ %"]);
  assert.deepEqual(rowValues(sheet, 5, 4), ["", "Tổng cộng", 5970, 1]);
  assert.deepEqual(rowValues(sheet, 6, 4), [1, "Mức độ 2", 4251, 0.7121]);
  assert.deepEqual(rowValues(sheet, 8, 4), [3, "Mức độ 4", 982, 0.1645]);
  assert.equal(sheet.getCell(6, 4).numFmt, "0.00%", "a percent number format");
  const shares = [6, 7, 8].map((r) => sheet.getCell(r, 4).value as number);
  assert.equal(Math.round(shares.reduce((a, b) => a + b, 0) * 10_000), 10_000, "the shares add to 100%");
  const doc = await openDocx(await renderAppendix(channelsAppendixSpec(seed004Total), "docx"));
  const i = doc.paragraphs.indexOf("Qua dịch vụ bưu chính công ích");
  assert.deepEqual(doc.paragraphs.slice(i, i + 3), ["Qua dịch vụ bưu chính công ích", "251", "4,2"]);
  assert.ok(doc.paragraphs.includes("5.970"));
  assert.throws(() => channelsAppendixSpec({ ...seed004Total, received: 5973 }), RangeError);
});

test("late dossiers by unit: seed 002's 21 late with 14 apologies shows 7 without", async () => {
  const sheet = await openSheet(await renderAppendix(lateByUnitSpec(seed002Late), "xlsx"));
  assert.ok(new Set(sheet.model.merges).has("C4:E4"));
  assert.deepEqual(rowValues(sheet, 6, 5), [1, "Chi nhánh Văn phòng đăng ký đất đai huyện", 21, 14, 7]);
  assert.deepEqual(rowValues(sheet, 16, 5), ["Tổng cộng", "Tổng cộng", 43, 36, 7]);
  const doc = await openDocx(await renderAppendix(lateByUnitSpec(seed002Late), "docx"));
  assert.ok(doc.paragraphs.includes("UBND xã Ia Blứ"));
  assert.ok(doc.paragraphs.includes("Chưa có văn bản xin lỗi"));
  assert.throws(() => lateByUnitSpec([{ unit: "x", late: 1, withApology: 2 }]), RangeError);
});

test("satisfaction by field: ballots and shares per answer", async () => {
  const sheet = await openSheet(await renderAppendix(satisfactionSpec(seed004Satisfaction), "xlsx"));
  assert.deepEqual(rowValues(sheet, 5, 6), [1, "Đất đai", 1104, 0.9167, 0.0299, 0.0534]);
  assert.deepEqual(rowValues(sheet, 9, 6), ["Tổng cộng", "Tổng cộng", 1605, 0.9427, 0.0206, 0.0367]);
  for (let r = 5; r <= 9; r++) {
    const sum = [4, 5, 6].reduce((a, c) => a + (sheet.getCell(r, c).value as number), 0);
    assert.equal(Math.round(sum * 10_000), 10_000, `row ${r} adds to 100%`);
  }
  const doc = await openDocx(await renderAppendix(satisfactionSpec(seed004Satisfaction), "docx"));
  assert.ok(doc.paragraphs.includes("Cần giảm giấy tờ (%)"));
  assert.ok(doc.paragraphs.includes("91,67"));
});

test("header rows that do not tile the grid are refused", () => {
  assert.throws(() => placeHeader([[{ text: "a", colSpan: 3 }]], 2), /overflows/);
  assert.throws(() => placeHeader([[{ text: "a" }]], 2), /gaps/);
});

test("seed 004's results by field, exactly: its columns, labels and order, the totals first with an empty STT", async () => {
  const spec = resultsByFieldSpec(seed004Rows, { report: { number: "45/BC-TTHCC", date: "2021-06-18" } });
  const sheet = await openSheet(await renderAppendix(spec, "xlsx"));
  const top = 5; // label, title, note, blank row
  assert.equal(sheet.getCell(3, 1).value, "(Kèm theo Báo cáo số 45/BC-TTHCC ngày 18/6/2021 của ……………)");
  assert.deepEqual(rowValues(sheet, top, 9), [
    "STT",
    "Lĩnh vực, công việc giải quyết theo cấp",
    "Tổng số",
    "Hồ sơ đã giải quyết",
    "Hồ sơ đã giải quyết",
    "Hồ sơ đã giải quyết",
    "Hồ sơ đang giải quyết",
    "Hồ sơ đang giải quyết",
    "Hồ sơ đang giải quyết",
  ]);
  assert.deepEqual(rowValues(sheet, top + 1, 9).slice(3), [
    "Tổng số",
    "Đúng hạn",
    "Trễ hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
  ]);
  const merges = new Set(sheet.model.merges);
  for (const range of [`A${top}:A${top + 1}`, `D${top}:F${top}`, `G${top}:I${top}`])
    assert.ok(merges.has(range), range);
  assert.deepEqual(rowValues(sheet, top + 2, 9), ["", "Tổng cộng", 3661, 2770, 2332, 438, 888, 811, 77]);
  assert.deepEqual(rowValues(sheet, top + 3, 9), [1, "An toàn thực phẩm và dinh dưỡng", 3, 3, 3, 0, 0, 0, 0]);
  assert.deepEqual(rowValues(sheet, top + 6, 9), [4, "Đất đai", 3248, 2360, 1945, 415, 887, 810, 77]);
});

test("an appendix names its report instead of a number, under its issuing body in upper case with the rule below", async () => {
  assert.equal(
    attachedNote({ number: "82/BC-UBND", date: "2020-09-03", issuer: "UBND phường Hương Xuân" }),
    "(Kèm theo Báo cáo số 82/BC-UBND ngày 03/9/2020 của UBND phường Hương Xuân)",
  );
  assert.equal(attachedNote(), "(Kèm theo Báo cáo số ……/BC-…… ngày ……/……/……… của ……………)");
  const issuer = { lines: ["ỦY BAN NHÂN DÂN", "PHƯỜNG HƯƠNG XUÂN"] };
  const spec = resultsAppendixSpec(seed000Rows, { issuer, report: { number: "82/BC-UBND", date: "2020-09-03" } });
  const sheet = await openSheet(await renderAppendix(spec, "xlsx"));
  assert.deepEqual([sheet.getCell(1, 1).value, sheet.getCell(2, 1).value], issuer.lines);
  assert.equal(sheet.getCell(2, 1).font.bold, true);
  const ruled = [1, 2, 3, 4, 5].filter((c) => sheet.getCell(3, c).border?.top);
  assert.equal(ruled.length, 1, "one short rule on the row below the issuing body's last line");
  assert.ok(ruled[0]! > 1 && ruled[0]! < 5, "centred under the issuing body (columns 1–4)");
  assert.equal(sheet.getCell(1, 5).value, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const doc = await openDocx(await renderAppendix(spec, "docx"));
  assert.ok(!doc.paragraphs.some((p) => p.startsWith("Số:")), "no number of its own");
  assert.ok(doc.paragraphs.includes("(Kèm theo Báo cáo số 82/BC-UBND ngày 03/9/2020 của ……………)"));
  const last = doc.xml.indexOf(">PHƯỜNG HƯƠNG XUÂN<");
  const nextParagraph = doc.xml.indexOf("<w:p>", last);
  assert.match(
    doc.xml.slice(nextParagraph, nextParagraph + 300),
    /<w:pBdr>\s*<w:top /,
    "the rule follows the last line",
  );
});

test(".xlsx header rows are tall enough for their wrapped labels", async () => {
  for (const spec of [resultsAppendixSpec(seed000Rows), resultsByFieldSpec(seed004Rows), lateByUnitSpec(seed002Late)]) {
    const sheet = await openSheet(await renderAppendix(spec, "xlsx"));
    let top = 1;
    while (sheet.getCell(top, 1).value !== spec.header[0]![0]!.text) top++;
    for (const c of placeHeader(spec.header, spec.columns.length)) {
      const width = spec.columns.slice(c.col, c.col + c.colSpan).reduce((a, x) => a + x.width, 0);
      let height = 0;
      for (let r = c.row; r < c.row + c.rowSpan; r++) height += sheet.getRow(top + r).height ?? 15;
      assert.ok(height >= wrappedLines(c.text, width) * LINE_HEIGHT_PT, `"${c.text}" needs more than ${height} pt`);
    }
  }
  assert.ok(wrappedLines("Tiếp nhận ngày thứ 7", 10) >= 3, "the seed wraps it on three lines");
  // a body row whose field name wraps grows with it (seed 000's "TTHC liên thông Chính sách hỗ trợ COVID-19")
  const sheet = await openSheet(await renderAppendix(resultsAppendixSpec(seed000Rows), "xlsx"));
  let covid = 1;
  while (sheet.getCell(covid, 2).value !== seed000Rows[5]!.key) covid++;
  assert.ok((sheet.getRow(covid).height ?? 15) >= wrappedLines(seed000Rows[5]!.key, 32) * LINE_HEIGHT_PT);
  assert.ok(wrappedLines(seed000Rows[5]!.key, 32) >= 2);
  assert.equal(wrappedLines("STT", 6), 1);
});
