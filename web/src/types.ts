// Shapes of the API's responses as the web application reads them (docs/api.md). Instants are ISO strings.
// Fields the UI does not need are left out; optional ones may be absent depending on the caller's role.
import type { Action } from "../../src/dossier/commands.ts";
import type { DossierStatus } from "../../src/dossier/status.ts";

export type { Action, DossierStatus };
export type Channel = "direct" | "postal" | "online_partial" | "online_full";
export type OnlineLevel = "full" | "partial" | "none";
export type Role = "front_desk" | "officer" | "leader" | "reform_officer" | "admin";

export interface Grant {
  role: Role;
  unitCode: string;
  unitName?: string;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  kind: "staff" | "citizen";
  isSuperuser?: boolean;
  grants: Grant[];
}

export interface Unit {
  code: string;
  name: string;
  kind?: string;
  parentCode: string | null;
  provinceCode?: string;
  effectiveFrom?: string;
  effectiveTo?: string | null;
  successorCode?: string | null;
  saturdayService?: boolean;
}

export interface TimeLimit {
  value: number;
  unit: "working_days" | "working_hours" | "calendar_days" | "same_day";
  cutoff?: string;
}

export interface DocumentComponent {
  name: string;
  form: "original" | "copy" | "original_or_copy";
  count: number;
  condition?: string;
}

export interface Fee {
  name: string;
  amount: number | null;
  per?: string;
  basis?: string;
  note?: string;
}

export interface Procedure {
  code: string;
  version: number;
  name: string;
  field: string;
  level: "province" | "district" | "commune";
  agency: string;
  components: DocumentComponent[];
  timeLimit: TimeLimit;
  /** The server's wording of the limit, when it sends one. */
  timeLimitText?: string;
  fees: Fee[];
  onlineLevel: OnlineLevel;
  boundaryFree?: boolean;
  steps?: { name: string; role: string; unit?: string; share: number }[];
  effectiveFrom: string;
  legalBasis?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  /** false: `total` is an estimate (staff lists past 1,000 dossiers). */
  totalExact?: boolean;
  /** Keyset paging: the cursor of the next page, null on the last one. */
  nextCursor?: string | null;
}

export interface Applicant {
  name?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface Attachment {
  id: string;
  name?: string;
  sha256?: string;
}

export interface DossierEvent {
  type: string;
  at: string;
  actor?: { id?: string; name?: string; fullName?: string; role?: string; unit?: string };
  fromState?: string;
  toState?: string;
  reason?: string;
  payload?: Record<string, unknown>;
  attachments?: Attachment[];
}

export interface DossierSummary {
  code: string;
  state: DossierStatus;
  procedure: { code: string; name?: string; field?: string };
  unit?: { code: string; name?: string };
  /** The unit handling it now (differs from `unit` after a transfer). */
  currentUnit?: { code: string; name?: string };
  channel: Channel;
  applicant?: Applicant;
  receivedAt?: string | null;
  submittedAt?: string | null;
  dueAt?: string | null;
  /** The appointment after an extension; the original dueAt is never overwritten. */
  extendedDueAt?: string | null;
  /** Actions the state allows but not to this user now, with the server's reason (src/dossier/available.ts). */
  unavailableActions?: { action: Action; code: string; message: string }[];
  /** What a supplement request offers: the procedure's components not handed in (required first). */
  supplementChoices?: string[];
  /** Facts shown beside the dossier (src/dossier/queues.ts dossierFlags). */
  flags?: { repeatedSupplement?: boolean; extraExtensions?: boolean; lateApology?: boolean };
  assignee?: string | null;
  /** Remaining working time, computed by the server (negative when overdue). */
  remainingMinutes?: number | null;
  overdue?: boolean;
}

export interface Dossier extends DossierSummary {
  revision: number;
  lookupSecret?: string;
  events: DossierEvent[];
  allowedActions: Action[];
  /** Names of the components handed in (older rows may carry objects). */
  components?: (string | { name: string })[];
  fee?: { amount: number; paidOnline?: boolean };
  /** Kết quả điện tử (null when not recorded). */
  eResult?: boolean | null;
  /** Kết quả đã số hóa (null when not recorded). */
  resultDigitized?: boolean | null;
  /** Files linked to the dossier (content at GET /api/files/:id). */
  files?: DossierFile[];
  /** The assigned officer's name, whether or not that officer has acted yet. */
  assigneeName?: string | null;
  /** Staff named in the log (actors and assignees), by user id. */
  staffNames?: Record<string, string>;
}

export interface DossierFile {
  id: string;
  name: string;
  mime: string;
  size?: number;
  component?: string | null;
  digitized?: boolean;
  createdAt?: string;
}

export interface LookupResult {
  code: string;
  state: DossierStatus;
  stateName?: string;
  procedure?: { code: string; name?: string };
  unit?: { code: string; name?: string };
  receivedAt?: string | null;
  dueAt?: string | null;
  extendedDueAt?: string | null;
  /** The deadline in force (moved by a supplement). */
  deadlineAt?: string | null;
  history: {
    type: string;
    at: string;
    toState?: string;
    description?: string;
    /** supplement_requested: what the applicant must bring. */
    missing?: string[];
    /** received, accepted, supplement_received: the appointment then in force. */
    dueAt?: string;
    /** declined (trả lại hồ sơ): why the dossier does not qualify, as the written notice says. */
    reason?: string;
  }[];
  canRate?: boolean;
}

/** GET /api/ratings/officers */
export interface OfficerRatingsReport {
  unit: string | null;
  from: string;
  to: string;
  officers: OfficerRatingsRow[];
}

export type OfficerScore = "very_satisfied" | "satisfied" | "neutral" | "dissatisfied";

export interface OfficerRatingsRow {
  officer: { id: string; username: string; fullName: string };
  ratings: number;
  officerRatings: number;
  averageOfficerStars: number | null;
  officerScores: Record<OfficerScore, number>;
  averageServiceStars: number | null;
}

/** POST /api/dossiers/import */
export interface DossierImportSummary {
  read: number;
  imported: number;
  unchanged: number;
  rejected: number;
  rejectedLines: { line: number; code?: string; reason: string; message: string }[];
  rejectedLinesTruncated?: boolean;
}

/** One row of the results report (CONTRACTS.md §3). */
export interface ResultsRow {
  key: string;
  carriedOver: number;
  received: number;
  receivedSaturday: number;
  receivedDirect: number;
  receivedPostal: number;
  receivedOnlinePartial: number;
  receivedOnlineFull: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  withdrawn: number;
  stopped: number;
  openWithinDeadline: number;
  openOverdue: number;
  refusedAtIntake: number;
  declined: number;
  /** Set when the row includes figures typed in by hand (POST /api/reports/manual). */
  manual?: boolean;
}

export interface ResultsReport {
  report: "results";
  unit: string | null;
  from: string;
  to: string;
  by: string;
  rows: ResultsRow[];
  total: ResultsRow;
  /** The manual documents included in the report (unit and period). */
  manual?: { unit: string; from: string; to: string }[];
  /** Manual documents overlapping the period without lying inside it: not counted. */
  manualExcluded?: { unit: string; from: string; to: string }[];
}

/** A share with the counts it comes from; value null without a denominator. */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** GET /api/reports/channels */
export interface ChannelsReport {
  report: "channels";
  unit: string | null;
  from: string;
  to: string;
  received: number;
  byChannel: Record<Channel, number>;
  onlineShare: Ratio;
  fullyOnlineShare: Ratio;
  postalShare: Ratio;
  procedures: Record<
    OnlineLevel,
    {
      offered: number;
      withOnlineDossiers: number;
      withOnlineDossiersShare: Ratio;
      onlineDossiers: number;
      procedureCodes: string[];
    }
  >;
  dossiers: Record<Channel, string[]>;
}

export interface LateRow {
  unit: string;
  late: number;
  withApology: number;
  withoutApology: number;
  /** Of withoutApology: an apology was sent, but on or after the due date (too late to count). */
  lateApology: number;
  lateCodes: string[];
  withoutApologyCodes: string[];
  lateApologyCodes: string[];
}

/** GET /api/reports/late */
export interface LateReport {
  report: "late";
  unit: string | null;
  from: string;
  to: string;
  rows: LateRow[];
  total: LateRow;
  overdueAtEnd: {
    at: string;
    dossiers: { code: string; unit: string; procedure: string; receivedAt: string; dueAt: string; overdueMs: number }[];
  };
}

export type Indicator =
  | (Ratio & {
      kind: "rate";
      id: string;
      name: string;
      formula: string;
      numeratorCodes: string[];
      denominatorCodes: string[];
    })
  | {
      kind: "average";
      id: string;
      name: string;
      formula: string;
      unit: string;
      value: number | null;
      count: number;
      totalDays: number;
      codes: string[];
    };

/** GET /api/reports/indicators: Decision 766's indicators, each with its formula and the dossiers behind it. */
export interface IndicatorsReport {
  report: "indicators";
  unit: string | null;
  from: string;
  to: string;
  indicators: Indicator[];
}

export interface SatisfactionRow {
  key: string;
  ballots: number;
  counts: Record<string, number>;
  shares: Record<string, Ratio>;
}

/** GET /api/reports/satisfaction */
export interface SatisfactionReport {
  report: "satisfaction";
  by: "field" | "unit";
  scale: string[];
  rows: SatisfactionRow[];
  total: SatisfactionRow;
  unit: string | null;
  from: string;
  to: string;
}

export interface FeedbackRow {
  key: string;
  label?: string;
  carriedOver: number;
  received: number;
  answered: number;
  answeredInTime: number;
  answeredLate: number;
  openWithinDue: number;
  openOverdue: number;
  published: number;
  inTimeRate: Ratio;
}

/** GET /api/reports/feedback: PAKN answered in time, by unit or topic, with the formulas. */
export interface FeedbackReport {
  report: "feedback";
  unit: string | null;
  from: string;
  to: string;
  by: "unit" | "topic";
  rows: FeedbackRow[];
  total: FeedbackRow;
  ids: { answeredLate: number[]; openOverdue: number[] };
  formulas: Record<string, string>;
}
