// Kysely table types, mirroring src/db/migrations/*.sql: units, users and their grants, sessions, the procedure catalogue and the calendar.
import type { Generated } from "kysely";
import type { Json, Timestamp, DefaultedTimestamp, Defaulted } from "./types.ts";

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
