// Kysely table types, mirroring src/db/migrations/*.sql: counters written only by triggers on `dossiers`: the results report's and Decision 766's.
import type { Defaulted } from "./types.ts";

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

// 0020: the 2.1 counters of the dossiers with supplement requests (kept from the row and its log by triggers on
// `dossiers` and `dossier_events`; the same columns as quality_counts' 2.1 part)
export interface QualityRequestCountsTable {
  span: "d" | "m";
  day: string;
  province_code: string;
  unit_code: string;
  open_on: number;
  open_off: number;
  ended: number;
  ended_on_time: number;
}

// 0020: closed episodes of request dossiers (awaiting their single request) that reopened: by the day reopened
// (or its month) and the day closed
export interface QualityRequestResumesTable {
  span: "d" | "m";
  day: string;
  start_day: string;
  province_code: string;
  unit_code: string;
  resumed: number;
  resumed_on_time: number;
}

// 0020: 2.2's counters of the completed dossiers with supplement requests (their pauses subtracted)
export interface QualityRequestProcessingTable {
  span: "d" | "m";
  day: string;
  province_code: string;
  unit_code: string;
  procedure_code: string;
  completed: number;
  /** bigint: Σ working ms from receipt to completion less the pauses. */
  processing_ms: string;
  unplaced: number;
}
