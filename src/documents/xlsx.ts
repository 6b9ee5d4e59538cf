// Draws a TableSpec (grid.ts) into an exceljs worksheet: caption rows merged across the table, the merged
// header, numbers as numbers (so the sheet can still be summed), Times New Roman, A4 with Decree 30 margins.
import ExcelJS from "exceljs";
import { orderedRows, placeHeader, type TableSpec } from "./grid.ts";
import { FONT, MARGINS_MM } from "./official.ts";
import { xmlSafeText } from "./safe-text.ts";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const inches = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000;

/** Adds one sheet holding the table of `spec`. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, spec: TableSpec): ExcelJS.Worksheet {
  const width = spec.columns.length;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: {
        left: inches(MARGINS_MM.left),
        right: inches(MARGINS_MM.right),
        top: inches(MARGINS_MM.top),
        bottom: inches(MARGINS_MM.bottom),
        header: 0.3,
        footer: 0.3,
      },
    },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  let r = 1;
  const captionLine = (text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = xmlSafeText(text);
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    r++;
  };
  spec.caption.forEach((line, i) => {
    captionLine(line, { bold: true, size: i === 0 ? 13 : 14 });
  });
  if (spec.note) captionLine(spec.note, { italic: true });
  r++;

  const top = r;
  for (const c of placeHeader(spec.header, width)) {
    const row = top + c.row;
    const col = 1 + c.col;
    if (c.rowSpan > 1 || c.colSpan > 1) sheet.mergeCells(row, col, row + c.rowSpan - 1, col + c.colSpan - 1);
    sheet.getCell(row, col).value = xmlSafeText(c.text);
  }
  for (let i = 0; i < spec.header.length; i++) {
    for (let j = 1; j <= width; j++) {
      const cell = sheet.getCell(top + i, j);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    }
  }
  r = top + spec.header.length;
  sheet.views = [{ state: "frozen", ySplit: r - 1 }];

  const labelSpan = spec.totalLabelSpan ?? 1;
  for (const { values, total } of orderedRows(spec)) {
    const cells = total ? [values[0]!, ...new Array<string>(labelSpan - 1).fill(""), ...values.slice(1)] : values;
    cells.forEach((v, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = typeof v === "string" ? xmlSafeText(v) : v;
      cell.font = { name: FONT, size: 12, bold: total };
      const align = total && i < labelSpan ? "center" : (spec.columns[i]?.align ?? "center");
      cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
      cell.border = BORDER;
    });
    if (total && labelSpan > 1) sheet.mergeCells(r, 1, r, labelSpan);
    r++;
  }
  for (const note of spec.footnotes ?? []) {
    r++;
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = xmlSafeText(note);
    cell.font = { name: FONT, size: 12, italic: true };
    cell.alignment = { wrapText: true, vertical: "top" };
    sheet.getRow(r).height = 32;
  }
  return sheet;
}

/** A workbook with one sheet per table. */
export async function tablesToXlsx(sheets: { name: string; spec: TableSpec }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  for (const { name, spec } of sheets) addTableSheet(workbook, name, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
