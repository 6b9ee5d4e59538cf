// The administrative-reform records (docs/reform-records.md): plans and their tasks, the registers, the figures
// and appendices computed from them; and the periodic CCHC report (docs/reform-report.md): the sheet, the issued
// reports, their submission, return and roll-up.
import { api } from "../api.ts";
import type { IssuedReport, RegisterEntry, RollUp, Sheet } from "../pages/reform-report/types.ts";
import type { Completion, Plan, ReformRecord, Task } from "../pages/reform/types.ts";

type Period = { unit?: string; from?: string; to?: string };

/** A plan as listed, with its completion. */
export type PlanRow = Plan & { completion: Completion };
/** A plan with its tasks, as of a day. */
export type PlanDetail = Plan & { asOf: string; completion: Completion; tasks: Task[] };
export type OverdueTask = Task & { dueOn: string; plan: { id: number; number: string } };

export interface ReformAppendices {
  appendix1: { stt: number; plan: string; unit: string; issuedOn: string; planned: number; done: number }[];
  appendix3: { key: string; label: string; previousYear: number; quarters: (number | null)[]; total: number }[];
  appendix5: { key: string; label: string; previousYear: number | null; reportYear: number | null }[];
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const reform = {
  plans: (query: { unit?: string; year: number }, signal?: AbortSignal) =>
    api.get<{ asOf: string; items: PlanRow[] }>("/reform/plans", query, signal),
  plan: (id: string | number | undefined, signal?: AbortSignal) =>
    api.get<PlanDetail>(`/reform/plans/${id}`, undefined, signal),
  createPlan: (body: unknown) => api.post("/reform/plans", body),
  addTask: (planId: number, body: unknown) => api.post(`/reform/plans/${planId}/tasks`, body),
  updateTask: (id: number, body: unknown) => api.put(`/reform/tasks/${id}`, body),
  overdueTasks: (unit: string, signal?: AbortSignal) =>
    api.get<{ items: OverdueTask[] }>("/reform/tasks/overdue", { unit }, signal),
  /** What the year's records still lack for the report. */
  gaps: (query: Period, signal?: AbortSignal) =>
    api.get<{ items: { code: string; message: string }[] }>("/reform/gaps", query, signal),
  records: (query: Period & { kind?: string }, signal?: AbortSignal) =>
    api.get<{ items: ReformRecord[] }>("/reform/records", query, signal),
  createRecord: (body: unknown) => api.post("/reform/records", body),
  deleteRecord: (id: number) => api.del(`/reform/records/${id}`),
  figures: (query: Period, signal?: AbortSignal) =>
    api.get<{ figures: Record<string, number> }>("/reform/figures", query, signal),
  appendices: (query: Period, signal?: AbortSignal) => api.get<ReformAppendices>("/reform/appendices", query, signal),
  import: (body: unknown) =>
    api.post<{ plans: ImportCounts; tasks: ImportCounts; records: ImportCounts }>("/reform/import", body),
  sheet: (query: Period, signal?: AbortSignal) => api.get<Sheet>("/reform/sheet", query, signal),
  setSheetValue: (body: { unit: string; from: string; to: string; code: string; value: unknown }) =>
    api.put("/reform/sheet/manual", body),
  reports: (query: Period, signal?: AbortSignal) =>
    api.get<{ reports: IssuedReport[] }>("/reform/reports", query, signal),
  issueReport: (body: unknown) => api.post("/reform/reports", body),
  submitReport: (body: { unit: string; from: string; to: string; version: number }) =>
    api.post("/reform/reports/submit", body),
  returnReport: (body: unknown) => api.post("/reform/reports/return", body),
  register: (query: Period, signal?: AbortSignal) =>
    api.get<{ units: RegisterEntry[] }>("/reform/reports/register", query, signal),
  rollUp: (query: Period, signal?: AbortSignal) => api.get<RollUp>("/reform/reports/roll-up", query, signal),
};
