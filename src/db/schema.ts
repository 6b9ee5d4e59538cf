// Kysely table types, mirroring src/db/migrations/*.sql.
import type { ColumnType, Generated } from "kysely";

type Json = unknown;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface UnitsTable {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  province_code: string;
  effective_from: string | null;
  effective_to: string | null;
  successor_code: string | null;
  office_hours: Json | null;
  saturday_service: Defaulted<boolean>;
  saturday_counts: Defaulted<boolean>;
  placeholder: Defaulted<boolean>;
  official_code: Defaulted<string | null>;
  former_names: Defaulted<Json>;
  basis: Defaulted<string | null>;
  unconfirmed: Defaulted<Json>;
  created_at: DefaultedTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  kind: "staff" | "citizen";
  password_hash: string;
  unit_code: string | null;
  phone: string | null;
  email: string | null;
  is_superuser: Defaulted<boolean>;
  active: Defaulted<boolean>;
  created_at: DefaultedTimestamp;
  password_changed_at: DefaultedTimestamp;
}

export interface RoleGrantsTable {
  province_code: string;
  user_id: number;
  unit_code: string;
  role: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface ProceduresTable {
  code: string;
  version: number;
  effective_from: string;
  name: string;
  field: string;
  level: string;
  agency: string | null;
  time_limit: Json;
  fees: Json;
  online_level: string;
  boundary_free: Defaulted<boolean>;
  restart_on_supplement: Defaulted<boolean>;
  components: Json;
  steps: Json;
  links: Json;
  legal_basis: Defaulted<Json>;
  unconfirmed: Defaulted<Json>;
  placeholder: Defaulted<boolean>;
  created_at: DefaultedTimestamp;
}

export interface ProcedureOverridesTable {
  province_code: string;
  procedure_code: string;
  version: number;
  effective_from: string;
  time_limit: Json | null;
  fees: Json | null;
  steps: Json | null;
  created_at: DefaultedTimestamp;
}

export interface CalendarOverridesTable {
  scope: string;
  day: string;
  kind: "day_off" | "working_day";
  note: string | null;
  source: string | null;
  created_at: DefaultedTimestamp;
  created_by: Defaulted<number | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultedTimestamp;
  user_id: number | null;
  action: string;
  subject: string | null;
  detail: Json;
}

/** Hash chain of the audit trail, one per province ('' national), written by a trigger (migration 0015). */
export interface AuditChainTable {
  id: number;
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
}

/** Each chain's last entry: a truncated tail shows against it (migration 0015). */
export interface AuditChainHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}

/** Hash chain of each dossier's events, written by a trigger (migration 0015). */
export interface DossierEventChainTable {
  province_code: string;
  dossier_code: string;
  seq: number;
  prev_hash: string;
  hash: string;
}

export interface DossiersTable {
  province_code: string;
  code: string;
  unit_code: string;
  current_unit_code: string;
  procedure_code: string;
  procedure_version: number | null;
  procedure_name: string | null;
  field: string;
  level: string | null;
  channel: string;
  state: string;
  applicant: Json;
  applicant_phone: string | null;
  submitted_at: Timestamp | null;
  received_at: Timestamp | null;
  due_at: Timestamp | null;
  deadline_at: Timestamp | null;
  extended_due_at: Timestamp | null;
  apology_at: Timestamp | null;
  supplement_requests: Defaulted<number>;
  extensions: Defaulted<number>;
  paused_at: Timestamp | null;
  end_type: string | null;
  end_at: Timestamp | null;
  end_deadline_at: Timestamp | null;
  finish_class: string | null;
  returned_at: Timestamp | null;
  assignee_id: number | null;
  digitized: Defaulted<boolean>;
  e_result: Defaulted<boolean>;
  fee_amount: Defaulted<number>;
  fee_paid_online: Defaulted<boolean>;
  lookup_secret: string | null;
  source: "live" | "import";
  content_hash: string | null;
  flags: Defaulted<string[]>;
  revision: Defaulted<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  // 0004: the terms of receipt and the components checklist
  time_limit: Defaulted<Json | null>;
  restart_on_supplement: Defaulted<boolean>;
  components: Defaulted<Json>;
  // 0009: whether the result was digitized (null: not recorded)
  result_digitized: Defaulted<boolean | null>;
}

export interface DossierEventsTable {
  province_code: string;
  dossier_code: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  unit_code: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  payload: Json;
  attachments: Json;
  idempotency_key: string | null;
  recorded_at: DefaultedTimestamp;
}

export interface DossierSequencesTable {
  province_code: string;
  unit_code: string;
  day: string;
  last: number;
}

export interface FilesTable {
  province_code: string;
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  content: Buffer;
  uploaded_by: number | null;
  created_at: DefaultedTimestamp;
  // 0004
  dossier_code: Defaulted<string | null>;
  component: Defaulted<string | null>;
  digitized: Defaulted<boolean>;
}

export interface RatingsTable {
  province_code: string;
  dossier_code: string;
  at: DefaultedTimestamp;
  score: string;
  officer_score: string | null;
  procedure_assessment: string | null;
  comment: string | null;
  // 0004
  stars: Defaulted<number | null>;
  officer_stars: Defaulted<number | null>;
  // 0009: the officer rated
  officer_id: Defaulted<number | null>;
}

export interface FeedbackTable {
  province_code: string;
  id: Generated<number>;
  unit_code: string;
  dossier_code: string | null;
  procedure_code: string | null;
  received_at: DefaultedTimestamp;
  sender_name: string;
  sender_phone: string | null;
  content: string;
  due_at: Timestamp;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
  published: Defaulted<boolean>;
  // 0004
  subject: Defaulted<string | null>;
  sender_email: Defaulted<string | null>;
}

/** A results document typed in by hand for a unit and period (migration 0005). */
export interface ManualResultsTable {
  province_code: string;
  unit_code: string;
  from: string;
  to: string;
  document: unknown;
  submitted_by: number | null;
  submitted_at: DefaultedTimestamp;
}

/** A province's reporting-period cut day (migration 0008). */
export interface ReportSettingsTable {
  province_code: string;
  cut_day: number;
  updated_at: DefaultedTimestamp;
  updated_by: Defaulted<number | null>;
}

/** A 01b value typed in by hand (migration 0013). */
export interface ReformSheetManualTable {
  province_code: string;
  unit_code: string;
  from: string;
  to: string;
  code: string;
  value: number;
  note: string | null;
  entered_by: number | null;
  entered_at: DefaultedTimestamp;
}

/** An issued periodic CCHC report, frozen (migration 0013). */
export interface ReformReportsTable {
  province_code: string;
  unit_code: string;
  from: string;
  to: string;
  version: number;
  kind: string;
  number: string | null;
  due_on: string | null;
  status: Defaulted<string>;
  figures: Json;
  file: Buffer | null;
  issued_by: number | null;
  issued_at: DefaultedTimestamp;
  submitted_at: Timestamp | null;
  return_comment: string | null;
}

/** A reform plan (kế hoạch CCHC and its companions, migration 0012). */
export interface ReformPlansTable {
  province_code: string;
  id: Generated<number>;
  unit_code: string;
  kind: string;
  number: string;
  title: string;
  issued_on: string;
  issuer: string;
  year: number;
  period_from: string;
  period_to: string;
  file_id: string | null;
  evidence: Json;
  note: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  created_by: number | null;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
  deleted_at: Timestamp | null;
}

/** A task of a reform plan (migration 0012). */
export interface ReformTasksTable {
  province_code: string;
  id: Generated<number>;
  plan_id: number;
  ordinal: number;
  area: string;
  content: string;
  output_kind: string;
  lead: string;
  supporting: Json;
  deadline: string | null;
  kind: string;
  source: string;
  progress: number;
  completed_on: string | null;
  output: Json | null;
  evidence: Json;
  note: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  created_by: number | null;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
  deleted_at: Timestamp | null;
}

/** A dated reform record of another kind: directive, inspection, …, fact (migration 0012). */
export interface ReformRecordsTable {
  province_code: string;
  id: Generated<number>;
  unit_code: string;
  kind: string;
  occurred_on: string;
  ref: string;
  data: Json;
  evidence: Json;
  note: string | null;
  version: Defaulted<number>;
  created_at: DefaultedTimestamp;
  created_by: number | null;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
  deleted_at: Timestamp | null;
}

/** A register's last number per unit, form and year (migration 0011). */
export interface DocumentCountersTable {
  unit_code: string;
  form: string;
  year: number;
  last_number: number;
}

/** A document number given to one document (migration 0011). */
export interface DocumentNumbersTable {
  unit_code: string;
  form: string;
  year: number;
  number: number;
  subject: string;
  text: string;
  issued_on: string;
  created_at: DefaultedTimestamp;
}

/** A unit's one-stop office name and symbol from a date (migration 0011). */
export interface UnitOfficeNamesTable {
  unit_code: string;
  valid_from: string;
  name: string;
  symbol: string | null;
  updated_at: DefaultedTimestamp;
  updated_by: Defaulted<number | null>;
}

/**
 * The results report's counters per day or month (migrations 0006 and 0010): written only by the triggers on
 * `dossiers`, read with SQL in repos/reports-results.ts and repos/figure-counts.ts.
 */
export interface FigureCountsTable {
  span: "d" | "m";
  /** Local date (YYYY-MM-DD); a month's first day for span 'm'. */
  day: string;
  province_code: string;
  unit_code: string;
  procedure_code: string;
  field: string;
  /** '' for a procedure without a level. */
  level: string;
  received_direct: number;
  received_postal: number;
  received_online_partial: number;
  received_online_full: number;
  received_saturday: number;
  ended: number;
  finished_early: number;
  finished_on_time: number;
  finished_late: number;
  withdrawn: number;
  stopped: number;
  refused: number;
  overdue_on: number;
  overdue_off: number;
  declined: Defaulted<number>;
}

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
}

// 0016: the CCHC index (criteria sets, index years with phase deadlines, assessments per node)
export interface ReformIndexSetsTable {
  id: Generated<number>;
  set_id: string;
  version: number;
  province_code: string | null;
  year: number | null;
  title: string;
  definition: Json;
  created_at: DefaultedTimestamp;
  created_by: number | null;
}

export interface ReformIndexYearsTable {
  province_code: string;
  year: number;
  set_id: string;
  set_version: number;
  self_until: string | null;
  appraisal1_until: string | null;
  explanation_until: string | null;
  appraisal2_until: string | null;
  final_until: string | null;
  /** 0018: the communes taking part (null = all of the province's). */
  units: Json | null;
  locked: Defaulted<boolean>;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
}

export interface ReformIndexAssessmentsTable {
  province_code: string;
  unit_code: string;
  year: number;
  code: string;
  /** numeric(8,2): a number (pg) or a string (PGlite); read through Number(). */
  self_score: number | string | null;
  self_note: string | null;
  evidence: Defaulted<Json>;
  appraisal1: number | string | null;
  appraisal2: number | string | null;
  final: number | string | null;
  appraiser_note: string | null;
  explanation: string | null;
  explanation_evidence: Defaulted<Json>;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
}

// 0018: the CCHC index survey per unit and year, and the tasks the "what to fix" plan created per lost criterion
export interface ReformIndexSurveysTable {
  province_code: string;
  unit_code: string;
  year: number;
  /** numeric(5,2): read through Number(). */
  percent: number | string;
  respondents: number | null;
  source: string | null;
  note: string | null;
  version: Defaulted<number>;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
}

export interface ReformIndexFixTasksTable {
  province_code: string;
  unit_code: string;
  year: number;
  code: string;
  task_id: number;
  created_at: DefaultedTimestamp;
}

// 0017: the Decision 766 indicators' counters per day or month (written only by the triggers on `dossiers`, read
// in repos/reports-quality-counts.ts)
export interface QualityCountsTable {
  span: "d" | "m";
  /** Local date (YYYY-MM-DD); a month's first day for span 'm'. */
  day: string;
  province_code: string;
  unit_code: string;
  received: number;
  online: number;
  with_fee: number;
  paid_online: number;
  e_result: number;
  digitized: number;
  open_on: number;
  open_off: number;
  ended: number;
  ended_on_time: number;
}

// 0017: the working calendar 2.2's counters use (national, default office hours, 2000–2100)
export interface QualityCalendarTable {
  day: string;
  working: boolean;
  /** bigint: working ms before the day since 2000-01-01. */
  before_ms: string;
}

// 0017: 2.2's counters per procedure and receipt day or month (completed dossiers without supplement requests)
export interface QualityProcessingCountsTable {
  span: "d" | "m";
  day: string;
  province_code: string;
  unit_code: string;
  procedure_code: string;
  completed: number;
  /** bigint: Σ working ms from receipt to completion. */
  processing_ms: string;
  unplaced: number;
}
