// The reform records' .xlsx: sheets of header + rows (interchange.ts) read from and written to a workbook.
import ExcelJS from "exceljs";
import type { Sheets } from "./interchange.ts";

export async function readWorkbook(content: Buffer): Promise<Sheets> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets: Sheets = new Map();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = row.values as unknown[];
      rows[number - 1] = values.slice(1); // exceljs rows and cells are 1-based
    });
    sheets.set(
      sheet.name,
      Array.from(rows, (r) => r ?? []),
    );
  });
  return sheets;
}

export async function writeWorkbook(sheets: Sheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  for (const [name, rows] of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    for (const row of rows) sheet.addRow(row);
    const header = sheet.getRow(1);
    header.font = { name: "Times New Roman", bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
