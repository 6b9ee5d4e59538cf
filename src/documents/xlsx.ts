// Draws a TableSpec (grid.ts) into an exceljs worksheet: the issuing body (upper case, short rule under its last
// line) beside the motto, caption rows merged across the table, the merged header with rows tall enough for
// their wrapped text, numbers as numbers (so the sheet can still be summed) and shares in a percent format,
// Times New Roman, A4 with Decree 30 margins.
import ExcelJS from "exceljs";
import { orderedRows, placeHeader, type TableSpec } from "./grid.ts";
import { FONT, type Issuer, MARGINS_MM } from "./official.ts";
import { xmlSafeText } from "./safe-text.ts";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const inches = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000;

/** Points a line of 12 pt Times New Roman takes in a row (Excel's default row is 15 pt for 11 pt text). */
export const LINE_HEIGHT_PT = 16;
/** How many characters of 12 pt bold Times New Roman fit in one unit of Excel column width (conservative). */
const CHARS_PER_WIDTH_UNIT = 0.95;

/** Lines a text takes in a cell `width` units wide when wrapped at spaces (explicit line breaks kept). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor((width - 1) * CHARS_PER_WIDTH_UNIT));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (used === 0) used = length;
      else if (used + 1 + length <= perLine) used += 1 + length;
      else {
        lines++;
        used = length;
      }
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

const pageSetup = (spec: TableSpec): Partial<ExcelJS.PageSetup> => ({
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
});

/**
 * The issuing body at the top left over about 40% of the columns (governing body regular, issuing body bold,
 * upper case as given), a short rule under its last line (the top border of the middle cell of the next row),
 * and the national motto at the top right. Returns the next free row.
 */
function drawIssuer(sheet: ExcelJS.Worksheet, issuer: Issuer, width: number): number {
  const leftSpan = Math.max(1, Math.min(width - 1, Math.round(width * 0.4)));
  const lines = [
    ...(issuer.governing ?? []).map((text) => ({ text, bold: false })),
    ...issuer.lines.map((text) => ({ text, bold: true })),
  ];
  const motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
  const rows = Math.max(lines.length, motto.length);
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    const line = lines[i];
    if (line) {
      if (leftSpan > 1) sheet.mergeCells(r, 1, r, leftSpan);
      const cell = sheet.getCell(r, 1);
      cell.value = xmlSafeText(line.text);
      cell.font = { name: FONT, size: 12, bold: line.bold };
      cell.alignment = { horizontal: "center", vertical: "middle" };
    }
    const m = motto[i];
    if (m && width > leftSpan) {
      if (width > leftSpan + 1) sheet.mergeCells(r, leftSpan + 1, r, width);
      const cell = sheet.getCell(r, leftSpan + 1);
      cell.value = m;
      cell.font = { name: FONT, size: i === 0 ? 12 : 13, bold: true, underline: i === 1 };
      cell.alignment = { horizontal: "center", vertical: "middle" };
    }
  }
  // the short rule: centred under the issuing body, on the row below its last line
  const ruleRow = lines.length + 1;
  const middle = Math.ceil(leftSpan / 2);
  sheet.getCell(ruleRow, middle).border = { top: { style: "thin", color: { argb: "FF000000" } } };
  return Math.max(rows, ruleRow) + 1;
}

/** Adds one sheet holding the table of `spec`. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, spec: TableSpec): ExcelJS.Worksheet {
  const width = spec.columns.length;
  const sheet = workbook.addWorksheet(name, { pageSetup: pageSetup(spec) });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  let r = spec.issuer ? drawIssuer(sheet, spec.issuer, width) : 1;
  const captionLine = (text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = xmlSafeText(text);
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    const total = spec.columns.reduce((a, c) => a + c.width, 0);
    sheet.getRow(r).height = Math.max(18, wrappedLines(text, total) * (LINE_HEIGHT_PT + 2));
    r++;
  };
  spec.caption.forEach((line, i) => {
    captionLine(line, { bold: true, size: i === 0 ? 13 : 14 });
  });
  if (spec.note) captionLine(spec.note, { italic: true });
  r++;
  r = drawHeader(sheet, spec, r);
  sheet.views = [{ state: "frozen", ySplit: r - 1 }];
  r = drawBody(sheet, spec, r);
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

/** The merged header, each row as tall as the wrapped text of the cells it holds needs. Returns the next row. */
function drawHeader(sheet: ExcelJS.Worksheet, spec: TableSpec, top: number): number {
  const width = spec.columns.length;
  const placed = placeHeader(spec.header, width);
  for (const c of placed) {
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
  // single-row cells first fix each row's height; a cell spanning rows then grows its last row if needed
  const heights = spec.header.map(() => LINE_HEIGHT_PT + 4);
  const need = (c: (typeof placed)[number]) => {
    const w = spec.columns.slice(c.col, c.col + c.colSpan).reduce((a, x) => a + x.width, 0);
    return wrappedLines(c.text, w) * LINE_HEIGHT_PT + 4;
  };
  for (const c of placed.filter((x) => x.rowSpan === 1)) heights[c.row] = Math.max(heights[c.row]!, need(c));
  for (const c of placed.filter((x) => x.rowSpan > 1)) {
    const last = c.row + c.rowSpan - 1;
    const have = heights.slice(c.row, last + 1).reduce((a, b) => a + b, 0);
    if (need(c) > have) heights[last]! += need(c) - have;
  }
  heights.forEach((h, i) => {
    sheet.getRow(top + i).height = h;
  });
  return top + spec.header.length;
}

function drawBody(sheet: ExcelJS.Worksheet, spec: TableSpec, start: number): number {
  const labelSpan = spec.totalLabelSpan ?? 1;
  let r = start;
  for (const { values, total } of orderedRows(spec)) {
    const cells = total ? [values[0]!, ...new Array<string>(labelSpan - 1).fill(""), ...values.slice(1)] : values;
    cells.forEach((v, i) => {
      const cell = sheet.getCell(r, i + 1);
      const column = spec.columns[i];
      if (column?.percent && typeof v === "number") {
        cell.value = Number((v / 100).toPrecision(12)); // 16.45 → 0.1645, not 0.16449999…
        cell.numFmt = "0.00%";
      } else cell.value = typeof v === "string" ? xmlSafeText(v) : v;
      cell.font = { name: FONT, size: 12, bold: total };
      const align = total && i < labelSpan ? "center" : (column?.align ?? "center");
      cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
      cell.border = BORDER;
    });
    if (total && labelSpan > 1) sheet.mergeCells(r, 1, r, labelSpan);
    // a long label (a field or unit name) wraps: the row grows so no line is cut off
    const lines = Math.max(
      1,
      ...cells.map((v, i) =>
        typeof v === "string" && !(total && i < labelSpan) ? wrappedLines(v, spec.columns[i]?.width ?? 10) : 1,
      ),
    );
    if (lines > 1) sheet.getRow(r).height = lines * LINE_HEIGHT_PT + 4;
    r++;
  }
  return r;
}

/** A workbook with one sheet per table. */
export async function tablesToXlsx(sheets: { name: string; spec: TableSpec }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  for (const { name, spec } of sheets) addTableSheet(workbook, name, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
