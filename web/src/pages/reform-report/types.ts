// Shapes of the /api/reform/sheet and /api/reform/reports answers (docs/reform-report.md): the server's response
// schemas (src/http/schemas/reform-report.ts), imported as types only; the labels the pages show them with.
import type {
  IssuedReport,
  RegisterEntry,
  ReportStatus,
  RollUp,
  Sheet,
  SheetRow,
  SheetSource,
  SheetViolation,
} from "../../../../src/http/schemas/reform-report.ts";

export type { IssuedReport, RegisterEntry, ReportStatus, RollUp, Sheet, SheetRow, SheetSource, SheetViolation };

export const SOURCE_LABEL: Record<SheetSource, { text: string; color: string }> = {
  dossiers: { text: "Từ hồ sơ TTHC", color: "blue" },
  catalogue: { text: "Từ danh mục TTHC", color: "geekblue" },
  records: { text: "Hồ sơ CCHC", color: "green" },
  manual: { text: "Nhập tay", color: "orange" },
};

export const STATUS_LABEL: Record<ReportStatus, { text: string; color: string }> = {
  missing: { text: "Chưa ban hành", color: "default" },
  issued: { text: "Đã ban hành", color: "blue" },
  submitted: { text: "Đã gửi", color: "green" },
  returned: { text: "Bị trả lại", color: "red" },
};

/** Group rows (1, 1.1, 3.3 …) hold no value: the codes the sheet prints in bold. */
export function isGroupCode(code: string, rows: readonly SheetRow[]): boolean {
  const i = rows.findIndex((r) => r.code === code);
  const next = rows[i + 1];
  return Boolean(next?.code.startsWith(`${code}.`)) && !/[a-z]/i.test(next!.code.slice(code.length + 1));
}
