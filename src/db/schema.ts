// Kysely table types, mirroring src/db/migrations/*.sql. The tables' row types live per area in src/db/schema/;
// `Database` (every table by name) stays here, and every table type is re-exported from here.
import type {
  UnitsTable,
  UsersTable,
  RoleGrantsTable,
  SessionsTable,
  ProceduresTable,
  ProcedureOverridesTable,
  CalendarOverridesTable,
} from "./schema/base.ts";
import type {
  AuditLogTable,
  AuditChainTable,
  AuditChainHeadsTable,
  AuditPendingTable,
  DossierEventChainTable,
} from "./schema/audit.ts";
import type {
  DossiersTable,
  DossierEventsTable,
  DossierSequencesTable,
  FilesTable,
  RatingsTable,
  FeedbackTable,
  ManualResultsTable,
  DocumentCountersTable,
  DocumentNumbersTable,
  UnitOfficeNamesTable,
} from "./schema/dossiers.ts";
import type {
  ReportSettingsTable,
  ReformSheetManualTable,
  ReformReportsTable,
  ReformPlansTable,
  ReformTasksTable,
  ReformRecordsTable,
} from "./schema/reform.ts";
import type {
  ReformIndexSetsTable,
  ReformIndexYearsTable,
  ReformIndexAssessmentsTable,
  ReformIndexSurveysTable,
  ReformIndexFixTasksTable,
} from "./schema/reform-index.ts";
import type {
  FigureCountsTable,
  QualityCountsTable,
  QualityCalendarTable,
  QualityProcessingCountsTable,
  QualityRequestCountsTable,
  QualityRequestResumesTable,
  QualityRequestProcessingTable,
} from "./schema/counts.ts";

export type * from "./schema/base.ts";
export type * from "./schema/audit.ts";
export type * from "./schema/dossiers.ts";
export type * from "./schema/reform.ts";
export type * from "./schema/reform-index.ts";
export type * from "./schema/counts.ts";

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  procedures: ProceduresTable;
  procedure_overrides: ProcedureOverridesTable;
  calendar_overrides: CalendarOverridesTable;
  audit_log: AuditLogTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_sequences: DossierSequencesTable;
  files: FilesTable;
  ratings: RatingsTable;
  feedback: FeedbackTable;
  manual_results: ManualResultsTable;
  report_settings: ReportSettingsTable;
  reform_sheet_manual: ReformSheetManualTable;
  reform_reports: ReformReportsTable;
  reform_plans: ReformPlansTable;
  reform_tasks: ReformTasksTable;
  reform_records: ReformRecordsTable;
  document_counters: DocumentCountersTable;
  document_numbers: DocumentNumbersTable;
  unit_office_names: UnitOfficeNamesTable;
  figure_counts: FigureCountsTable;
  audit_chain: AuditChainTable;
  audit_chain_heads: AuditChainHeadsTable;
  dossier_event_chain: DossierEventChainTable;
  reform_index_sets: ReformIndexSetsTable;
  reform_index_years: ReformIndexYearsTable;
  reform_index_assessments: ReformIndexAssessmentsTable;
  reform_index_surveys: ReformIndexSurveysTable;
  reform_index_fix_tasks: ReformIndexFixTasksTable;
  quality_counts: QualityCountsTable;
  quality_calendar: QualityCalendarTable;
  quality_processing_counts: QualityProcessingCountsTable;
  quality_request_counts: QualityRequestCountsTable;
  quality_request_resumes: QualityRequestResumesTable;
  quality_request_processing: QualityRequestProcessingTable;
  audit_pending: AuditPendingTable;
}
