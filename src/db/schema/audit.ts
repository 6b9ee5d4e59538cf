// Kysely table types, mirroring src/db/migrations/*.sql: the audit trail and the hash chains over it and over dossier events (migration 0015).
import type { Generated } from "kysely";
import type { Json, DefaultedTimestamp, Defaulted } from "./types.ts";

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultedTimestamp;
  user_id: number | null;
  action: string;
  subject: string | null;
  detail: Json;
  /** The acting user's province, '' national or system (migration 0019); defaulted by a trigger from user_id. */
  province_code: Defaulted<string>;
}

/** Hash chain of the audit trail, one per province ('' national), written by audit_seal() (migration 0021). */
export interface AuditChainTable {
  id: number;
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
  /** The same text as `chain` (migration 0019: the key carries the province). */
  province_code: string;
}

/** Each chain's last entry: a truncated tail shows against it (migration 0015). */
export interface AuditChainHeadsTable {
  chain: string;
  seq: number;
  hash: string;
  /** The same text as `chain` (migration 0019). */
  province_code: string;
}

/** Audit rows not yet chained: written by the audit_log trigger, emptied by audit_seal() (migration 0021). */
export interface AuditPendingTable {
  province_code: string;
  id: number;
}

/** Hash chain of each dossier's events, written by a trigger (migration 0015). */
export interface DossierEventChainTable {
  province_code: string;
  dossier_code: string;
  seq: number;
  prev_hash: string;
  hash: string;
}
