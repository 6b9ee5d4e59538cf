// Kysely table types, mirroring src/db/migrations/*.sql: dossiers, their events, files, ratings, feedback, hand-typed results and document registers.
import type { Generated } from "kysely";
import type { Json, Timestamp, DefaultedTimestamp, Defaulted } from "./types.ts";

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

/** A register's last number per unit, form and year (migration 0011). */
export interface DocumentCountersTable {
  /** The unit's province (migration 0019). */
  province_code: string;
  unit_code: string;
  form: string;
  year: number;
  last_number: number;
}

/** A document number given to one document (migration 0011). */
export interface DocumentNumbersTable {
  /** The unit's province (migration 0019). */
  province_code: string;
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
