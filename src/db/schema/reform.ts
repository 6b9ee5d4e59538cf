// Kysely table types, mirroring src/db/migrations/*.sql: the CCHC reports (REFORM.md): the period cut day, 01b manual values, reports, plans, tasks, records.
import type { Generated } from "kysely";
import type { Json, Timestamp, DefaultedTimestamp, Defaulted } from "./types.ts";

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
