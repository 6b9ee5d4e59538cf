// Kysely table types, mirroring src/db/migrations/*.sql: the CCHC index: criteria sets, index years with phase deadlines, assessments, surveys, fix tasks.
import type { Generated } from "kysely";
import type { Json, DefaultedTimestamp, Defaulted } from "./types.ts";

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
