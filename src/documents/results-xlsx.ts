// .xlsx of the results report (src/figures/results.ts) laid out like seed 000's Phụ lục 4 (and national form
// 06a): title, period, merged multi-level Vietnamese headers, STT column, a "Tổng cộng" row; Times New Roman
// throughout. Here, not in src/figures: the figures import no file-format library.
import ExcelJS from "exceljs";
import type { MarkedDocument, ResultsDocument, ResultsRow } from "../figures/results.ts";
import { KEY_COLUMN_LABELS, labelOf, TOTAL_LABEL } from "../figures/results-labels.ts";

const FONT = "Times New Roman";
const HEADER_TOP = 5;
const FIRST_DATA_ROW = HEADER_TOP + 3;
const LAST_COLUMN = "U";
const COLUMN_COUNT = 21;

/** Header cells: range (merged when it spans more than one cell) and text. Rows 5–7. */
function headerCells(by: ResultsDocument["by"]): [string, string][] {
  return [
    ["A5:A7", "STT"],
    ["B5:B7", KEY_COLUMN_LABELS[by]],
    ["C5:J5", "Số hồ sơ nhận giải quyết"],
    ["K5:T5", "Kết quả giải quyết"],
    ["U5:U7", "Từ chối tiếp nhận"],
    ["C6:C7", "Tổng số"],
    ["D6:D7", "Kỳ trước chuyển qua"],
    ["E6:J6", "Tiếp nhận trong kỳ"],
    ["K6:O6", "Đã giải quyết"],
    ["P6:P7", "Rút hồ sơ"],
    ["Q6:Q7", "Dừng xử lý"],
    ["R6:T6", "Đang giải quyết"],
    ["E7", "Tổng số"],
    ["F7", "Trong đó: ngày thứ Bảy"],
    ["G7", "Trực tiếp"],
    ["H7", "Bưu chính công ích"],
    ["I7", "Trực tuyến một phần"],
    ["J7", "Trực tuyến toàn trình"],
    ["K7", "Tổng số"],
    // timeliness against the deadline in force, as on screen: "Trước hạn" (seed 000 says "hẹn" here)
    // (one word for each deadline: src/documents/deadline-terms.ts, docs/lifecycle.md)
    ["L7", labelOf("finishedEarly")],
    ["M7", labelOf("finishedOnTime")],
    ["N7", labelOf("finishedLate")],
    // declined ("trả lại", not eligible) is a part of the finished, outside the identity: labelled as on screen
    ["O7", labelOf("declined")],
    ["R7", "Tổng số"],
    ["S7", labelOf("openWithinDeadline")],
    ["T7", labelOf("openOverdue")],
  ];
}

/** Figures of columns C..U for one row; the "Tổng số" columns are the aggregates of their parts. */
function figures(r: ResultsRow): number[] {
  const finished = r.finishedEarly + r.finishedOnTime + r.finishedLate;
  const open = r.openWithinDeadline + r.openOverdue;
  return [
    r.carriedOver + r.received,
    r.carriedOver,
    r.received,
    r.receivedSaturday,
    r.receivedDirect,
    r.receivedPostal,
    r.receivedOnlinePartial,
    r.receivedOnlineFull,
    finished,
    r.finishedEarly,
    r.finishedOnTime,
    r.finishedLate,
    r.declined ?? 0,
    r.withdrawn,
    r.stopped,
    open,
    r.openWithinDeadline,
    r.openOverdue,
    r.refusedAtIntake,
  ];
}

function vnDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function styleTable(sheet: ExcelJS.Worksheet, lastRow: number): void {
  for (let r = HEADER_TOP; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= COLUMN_COUNT; c++) {
      const cell = row.getCell(c);
      cell.border = border;
      const header = r < FIRST_DATA_ROW;
      cell.font = { name: FONT, size: 12, bold: header || r === lastRow };
      cell.alignment = header
        ? { horizontal: "center", vertical: "middle", wrapText: true }
        : { horizontal: c === 2 ? "left" : "center", vertical: "middle", wrapText: c === 2 };
    }
  }
}

function writeTitle(sheet: ExcelJS.Worksheet, document: Pick<ResultsDocument, "from" | "to" | "unit">): void {
  const lines = [
    "KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ MỘT CỬA",
    `Kỳ báo cáo: từ ngày ${vnDate(document.from)} đến ngày ${vnDate(document.to)}`,
    `Đơn vị: ${document.unit ?? "tất cả đơn vị"}`,
  ];
  lines.forEach((text, i) => {
    sheet.mergeCells(`A${i + 1}:${LAST_COLUMN}${i + 1}`);
    const cell = sheet.getCell(`A${i + 1}`);
    cell.value = text;
    cell.font = { name: FONT, size: i === 0 ? 14 : 13, bold: i === 0, italic: i > 0 };
    cell.alignment = { horizontal: "center" };
  });
}

/** The workbook of one results document (one sheet "Kết quả một cửa"). */
export function resultsWorkbook(document: MarkedDocument): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  const sheet = workbook.addWorksheet("Kết quả một cửa", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: FIRST_DATA_ROW - 1, xSplit: 2 }],
  });
  sheet.columns = [{ width: 6 }, { width: 36 }, ...Array.from({ length: COLUMN_COUNT - 2 }, () => ({ width: 11 }))];
  writeTitle(sheet, document);
  for (const [range, text] of headerCells(document.by)) {
    if (range.includes(":")) sheet.mergeCells(range);
    sheet.getCell(range.split(":")[0]!).value = text;
  }
  document.rows.forEach((row, i) => {
    const key = row.manual ? `${row.key} ${MANUAL_MARK}` : row.key;
    sheet.getRow(FIRST_DATA_ROW + i).values = [i + 1, key, ...figures(row)];
  });
  const totalRow = FIRST_DATA_ROW + document.rows.length;
  sheet.getRow(totalRow).values = ["", TOTAL_LABEL, ...figures(document.total)];
  styleTable(sheet, totalRow);
  manualNotes(document).forEach((text, i) => {
    const cell = sheet.getCell(`B${totalRow + 2 + i}`);
    cell.value = text;
    cell.font = { name: FONT, size: 12, italic: true };
  });
  return workbook;
}

const MANUAL_MARK = "(số liệu nhập tay)";

/** Where the figures typed in by hand come from, and those the period could not include. */
function manualNotes(document: MarkedDocument): string[] {
  const period = (d: { unit: string; from: string; to: string }) =>
    `${d.unit} từ ${vnDate(d.from)} đến ${vnDate(d.to)}`;
  return [
    ...(document.manual?.length
      ? [`Ghi chú: dòng ghi ${MANUAL_MARK} gồm số liệu nhập tay của ${document.manual.map(period).join("; ")}.`]
      : []),
    ...(document.manualExcluded?.length
      ? [
          `Không gộp số liệu nhập tay của ${document.manualExcluded.map(period).join("; ")}: kỳ đó không nằm trọn trong kỳ báo cáo.`,
        ]
      : []),
  ];
}

export async function resultsToXlsx(document: MarkedDocument): Promise<Buffer> {
  const data = await resultsWorkbook(document).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
