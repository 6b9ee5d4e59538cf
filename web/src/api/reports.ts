// The reports (docs/api.md "Reports"): each takes the unit and period, some a grouping; the downloads are URLs
// of the same query with a format.
import { api, type Query } from "../api.ts";
import type {
  ChannelsReport,
  FeedbackReport,
  IndicatorDossiers,
  IndicatorsReport,
  LateReport,
  OfficerRatingsReport,
  PeriodSettings,
  ResultsDrillDown,
  ResultsReport,
  SatisfactionReport,
} from "../types.ts";

/** The unit and period every report takes, and the report's own choices. */
export type ReportParams = { unit?: string; from?: string; to?: string } & Query;

export const reports = {
  results: (query: ReportParams & { by?: string }, signal?: AbortSignal) =>
    api.get<ResultsReport>("/reports/results", query, signal),
  resultsDossiers: (
    query: ReportParams & { by?: string; row?: string; field?: string; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => api.get<ResultsDrillDown>("/reports/results/dossiers", query, signal),
  channels: (query: ReportParams, signal?: AbortSignal) => api.get<ChannelsReport>("/reports/channels", query, signal),
  late: (query: ReportParams & { basis?: string }, signal?: AbortSignal) =>
    api.get<LateReport>("/reports/late", query, signal),
  indicators: (query: ReportParams, signal?: AbortSignal) =>
    api.get<IndicatorsReport>("/reports/indicators", query, signal),
  /** The dossiers behind one part of an indicator, a keyset page at a time (recent first). */
  indicatorDossiers: (
    id: string,
    query: ReportParams & { part: "numerator" | "denominator"; pageSize?: number; cursor?: string },
    signal?: AbortSignal,
  ) => api.get<IndicatorDossiers>(`/reports/indicators/${encodeURIComponent(id)}/dossiers`, query, signal),
  satisfaction: (query: ReportParams & { by?: string; scale?: string }, signal?: AbortSignal) =>
    api.get<SatisfactionReport>("/reports/satisfaction", query, signal),
  feedback: (query: ReportParams & { by?: string }, signal?: AbortSignal) =>
    api.get<FeedbackReport>("/reports/feedback", query, signal),
  officerRatings: (query: ReportParams, signal?: AbortSignal) =>
    api.get<OfficerRatingsReport>("/ratings/officers", query, signal),
  /** A results document typed in by hand. */
  submitManual: <T>(body: unknown) => api.post<T>("/reports/manual", body),
  periodSettings: (unit: string, signal?: AbortSignal) =>
    api.get<PeriodSettings>("/reports/period-settings", { unit }, signal),
  setPeriodSettings: (province: string, cutDay: number) =>
    api.put<PeriodSettings>("/reports/period-settings", { province, cutDay }),
  /** Where a report downloads (csv, xlsx; docx for the appendix). */
  downloadUrl: (report: "results" | "results/appendix", query: ReportParams, format: "csv" | "xlsx" | "docx") =>
    api.url(`/reports/${report}`, { ...query, format }),
};
