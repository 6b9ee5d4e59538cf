// The report filters now live with the report-page component (components/ReportPageFilters.tsx); this name is
// kept for the pages outside reports/ that import it (the dashboard, the CCHC report).
export { FilterBar, REPORT_ROLES, type ReportFilters, useReportFilters } from "../../components/ReportPageFilters.tsx";
