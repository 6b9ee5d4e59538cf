// The administrative-reform records (docs/reform-records.md): plans and their tasks, the registers, the figures
// and appendices computed from them; and the periodic CCHC report (docs/reform-report.md): the sheet, the issued
// reports, their submission, return and roll-up. Every answer is typed by the server's response schema
// (src/http/schemas/reform-*.ts), imported as a type only.
import type {
  ImportCounts,
  OverdueReformTask,
  OverdueReformTasks,
  ReformAppendices,
  ReformEvidenceGaps,
  ReformImportSummary,
  ReformPlan,
  ReformPlanDetail,
  ReformPlanList,
  ReformPlanRow,
  ReformRecord,
  ReformRecordFigures,
  ReformRecordList,
  ReformTask,
} from "../../../src/http/schemas/reform-records.ts";
import type {
  IssuedReport,
  IssuedReportList,
  ReportRegister,
  RollUp,
  Sheet,
  SheetRow,
} from "../../../src/http/schemas/reform-report.ts";
import { api } from "../api.ts";

export type { ImportCounts, ReformAppendices };
/** A plan as listed, with its completion. */
export type PlanRow = ReformPlanRow;
/** A plan with its tasks, as of a day. */
export type PlanDetail = ReformPlanDetail;
export type OverdueTask = OverdueReformTask;

type Period = { unit?: string; from?: string; to?: string };

export const reform = {
  plans: (query: { unit?: string; year: number }, signal?: AbortSignal) =>
    api.get<ReformPlanList>("/reform/plans", query, signal),
  plan: (id: string | number | undefined, signal?: AbortSignal) =>
    api.get<PlanDetail>(`/reform/plans/${id}`, undefined, signal),
  createPlan: (body: unknown) => api.post<ReformPlan>("/reform/plans", body),
  addTask: (planId: number, body: unknown) => api.post<ReformTask>(`/reform/plans/${planId}/tasks`, body),
  updateTask: (id: number, body: unknown) => api.put<ReformTask>(`/reform/tasks/${id}`, body),
  overdueTasks: (unit: string, signal?: AbortSignal) =>
    api.get<OverdueReformTasks>("/reform/tasks/overdue", { unit }, signal),
  /** What the year's records still lack for the report. */
  gaps: (query: Period, signal?: AbortSignal) => api.get<ReformEvidenceGaps>("/reform/gaps", query, signal),
  records: (query: Period & { kind?: string }, signal?: AbortSignal) =>
    api.get<ReformRecordList>("/reform/records", query, signal),
  createRecord: (body: unknown) => api.post<ReformRecord>("/reform/records", body),
  deleteRecord: (id: number) => api.del<null>(`/reform/records/${id}`),
  figures: (query: Period, signal?: AbortSignal) => api.get<ReformRecordFigures>("/reform/figures", query, signal),
  appendices: (query: Period, signal?: AbortSignal) => api.get<ReformAppendices>("/reform/appendices", query, signal),
  import: (body: unknown) => api.post<ReformImportSummary>("/reform/import", body),
  sheet: (query: Period, signal?: AbortSignal) => api.get<Sheet>("/reform/sheet", query, signal),
  setSheetValue: (body: { unit: string; from: string; to: string; code: string; value: unknown }) =>
    api.put<SheetRow>("/reform/sheet/manual", body),
  reports: (query: Period, signal?: AbortSignal) => api.get<IssuedReportList>("/reform/reports", query, signal),
  issueReport: (body: unknown) => api.post<IssuedReport>("/reform/reports", body),
  submitReport: (body: { unit: string; from: string; to: string; version: number }) =>
    api.post<IssuedReport>("/reform/reports/submit", body),
  returnReport: (body: unknown) => api.post<IssuedReport>("/reform/reports/return", body),
  register: (query: Period, signal?: AbortSignal) => api.get<ReportRegister>("/reform/reports/register", query, signal),
  rollUp: (query: Period, signal?: AbortSignal) => api.get<RollUp>("/reform/reports/roll-up", query, signal),
};
