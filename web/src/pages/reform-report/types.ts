// Shapes of the /api/reform/sheet and /api/reform/reports answers (docs/reform-report.md).
export type SheetSource = "dossiers" | "catalogue" | "records" | "manual";

export interface SheetRow {
  code: string;
  label: string;
  unitOfMeasure: string;
  value: number | null;
  source: SheetSource;
}

export interface SheetViolation {
  code: string;
  rows: string[];
  expected: string;
  found: unknown;
}

export interface Sheet {
  sheet: "01b";
  unit: string;
  from: string;
  to: string;
  rows: SheetRow[];
  violations: SheetViolation[];
}

export type ReportStatus = "missing" | "issued" | "submitted" | "returned";

export interface IssuedReport {
  unit: string;
  from: string;
  to: string;
  version: number;
  number: string | null;
  dueOn: string | null;
  status: ReportStatus;
  issuedAt: string;
  submittedAt: string | null;
  returnComment: string | null;
}

export interface RegisterEntry {
  unit: string;
  name: string;
  status: ReportStatus;
  version: number | null;
  dueOn: string;
  submittedAt: string | null;
  late: boolean;
  returnComment: string | null;
}

export interface RollUp {
  sheet: { rows: SheetRow[] };
  included: string[];
  missing: string[];
}

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
