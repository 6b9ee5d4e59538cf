// Phụ lục 01b as a table in seed 001's layout — Số TT · Chỉ tiêu thống kê · Kết quả thống kê (Đơn vị tính,
// Số liệu) · Ghi chú — drawn into .docx and .xlsx by src/documents (grid.ts, xlsx.ts) from one spec.
import type { TableSpec, Value } from "../../documents/grid.ts";
import { printedNumber, SHEET_ROWS, sheetRow } from "./rows.ts";
import type { SheetDocument, SheetRow } from "./sheet.ts";

export interface SheetLayoutOptions {
  /** "UBND XÃ HOẰNG HỢP" — the caption's subject, upper-cased by the caller. */
  subject: string;
  /** "6 THÁNG ĐẦU NĂM 2024". */
  periodTitle: string;
  /** "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)". */
  note?: string;
  label?: string;
}

const NOTE: Record<SheetRow["source"], string> = {
  dossiers: "Tự động từ hồ sơ TTHC",
  catalogue: "Tự động từ danh mục TTHC",
  records: "",
  manual: "Nhập tay",
};

/** The Ghi chú of a row: where its value comes from; "Chưa có số liệu" where nothing is recorded. */
export function rowNote(row: SheetRow): string {
  if (sheetRow(row.code)?.group) return "";
  if (row.value === null) return row.source === "dossiers" ? "Không tách được theo kênh" : "Chưa có số liệu";
  return NOTE[row.source];
}

export function sheetTableSpec(sheet: SheetDocument, o: SheetLayoutOptions): TableSpec {
  const body: Value[][] = sheet.rows.map((row, i) => {
    const def = sheetRow(row.code) ?? SHEET_ROWS[i]!;
    const previous = i > 0 ? sheetRow(sheet.rows[i - 1]!.code) : undefined;
    return [printedNumber(def, previous), row.label, row.unitOfMeasure, row.value ?? "", rowNote(row)];
  });
  return {
    caption: [
      o.label ?? "Phụ lục 01b",
      "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
      `CỦA ${o.subject} ${o.periodTitle}`,
    ],
    note: o.note,
    header: [
      [
        { text: "Số TT", rowSpan: 2 },
        { text: "Chỉ tiêu thống kê", rowSpan: 2 },
        { text: "Kết quả thống kê", colSpan: 2 },
        { text: "Ghi chú", rowSpan: 2 },
      ],
      [{ text: "Đơn vị tính" }, { text: "Số liệu" }],
    ],
    columns: [
      { width: 9, align: "left" },
      { width: 48, align: "left" },
      { width: 16, align: "center" },
      { width: 10, align: "right" },
      { width: 14, align: "left" },
    ],
    body,
  };
}
