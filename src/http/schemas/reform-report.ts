// Answers of the CCHC statistics sheet and report register routes (routes/reform-report*.ts,
// docs/reform-report.md): the 01b sheet with its violations, a hand-entered row, the issued reports, the
// register of the units below and the roll-up. Tied to the repositories' types below (a renamed field fails
// to compile).
import { z } from "zod";
import type {
  IssuedReport as IssuedReportOf,
  RegisterEntry as RegisterEntryOf,
} from "../../db/repos/reform-report/register.ts";
import type { RollUp as RollUpOf } from "../../reform/report/register.ts";
import { SHEET_RULE_CODES, type SheetViolation as SheetViolationOf } from "../../reform/sheet/checks.ts";
import type { SheetDocument } from "../../reform/sheet/sheet.ts";
import { DateText, Instant, type Json } from "./common.ts";

const int = z.number().int();

export const SheetSource = z.enum(["dossiers", "catalogue", "records", "manual"]);
export type SheetSource = z.infer<typeof SheetSource>;

/** One row of Phụ lục 01b: its value (null: none) and where the value comes from. */
export const SheetRow = z.object({
  code: z.string(),
  label: z.string(),
  unitOfMeasure: z.string(),
  value: z.number().nullable(),
  source: SheetSource,
});
export type SheetRow = z.infer<typeof SheetRow>;

/** A broken check of the sheet (src/reform/sheet/checks.ts): the rows involved, the checked row first. */
export const SheetViolation = z.object({
  code: z.enum(SHEET_RULE_CODES),
  rows: z.array(z.string()),
  expected: z.string(),
  found: z.unknown(),
});
export type SheetViolation = z.infer<typeof SheetViolation>;

const sheetFields = {
  sheet: z.literal("01b"),
  unit: z.string(),
  from: DateText,
  to: DateText,
  rows: z.array(SheetRow),
};

/** GET /api/reform/sheet. */
export const Sheet = z.object({ ...sheetFields, violations: z.array(SheetViolation) });
export type Sheet = z.infer<typeof Sheet>;

/** DELETE /api/reform/sheet/manual: whether a hand entry was there to remove. */
export const ManualRemoved = z.object({ removed: z.boolean() });

export const ReportStatus = z.enum(["missing", "issued", "submitted", "returned"]);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** One issued version of a unit's report for a period. */
export const IssuedReport = z.object({
  unit: z.string(),
  from: DateText,
  to: DateText,
  version: int,
  kind: z.string().describe("Kỳ báo cáo: quarter, half, nine_months, year, …"),
  number: z.string().nullable(),
  dueOn: DateText.nullable(),
  status: ReportStatus,
  issuedAt: Instant,
  submittedAt: Instant.nullable(),
  returnComment: z.string().nullable(),
});
export type IssuedReport = z.infer<typeof IssuedReport>;

/** GET /api/reform/reports: the unit's issued versions, newest first. */
export const IssuedReportList = z.object({
  unit: z.string(),
  from: DateText,
  to: DateText,
  reports: z.array(IssuedReport),
});
export type IssuedReportList = z.infer<typeof IssuedReportList>;

/** A reporting unit in the register of the unit above. */
export const RegisterEntry = z.object({
  unit: z.string(),
  name: z.string(),
  status: ReportStatus,
  version: int.nullable(),
  dueOn: DateText,
  submittedAt: Instant.nullable(),
  late: z.boolean(),
  returnComment: z.string().nullable(),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

/** GET /api/reform/reports/register. */
export const ReportRegister = z.object({
  unit: z.string(),
  from: DateText,
  to: DateText,
  units: z.array(RegisterEntry),
});
export type ReportRegister = z.infer<typeof ReportRegister>;

/** GET /api/reform/reports/roll-up: the units' submitted 01b rows summed; who is included, who is missing. */
export const RollUp = z.object({
  sheet: z.object(sheetFields),
  included: z.array(z.string()),
  missing: z.array(z.string()),
});
export type RollUp = z.infer<typeof RollUp>;

// the schemas state the repositories' shapes (as serialized): a field renamed on either side fails to compile
export const sameShapes = {
  sheet: (v: SheetDocument & { violations: SheetViolationOf[] }): z.input<typeof Sheet> => v,
  issued: (v: Json<IssuedReportOf>): z.input<typeof IssuedReport> => v,
  register: (v: Json<RegisterEntryOf>): z.input<typeof RegisterEntry> => v,
  rollUp: (v: RollUpOf): z.input<typeof RollUp> => v,
};
