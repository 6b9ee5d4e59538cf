// The dossier log in the database: events are appended, never changed, and the current-state row
// (the projection) is rewritten from the log in the same transaction. Live intake, lifecycle commands and
// import all go through here, so the projection columns the reports read are computed one way.
import { CompiledQuery, type Insertable, type Kysely, type Selectable, type Transaction } from "kysely";
import { localDate } from "../../calendar/local-time.ts";
import { formatDossierCode } from "../../dossier/code.ts";
import type { LifecycleEvent } from "../../dossier/events.ts";
import { type DossierState, project } from "../../dossier/evolve.ts";
import { recordTimeline } from "../../dossier/history.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { deadlineInForce, endEventOf } from "../../figures/dossier-clock.ts";
import { timeliness } from "../../figures/classify.ts";
import type { Database, DossiersTable, DossierEventsTable } from "../schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** What a dossier row holds besides its log: who applied for what, and the facts the log does not carry. */
export interface DossierHeader {
  provinceCode: string;
  code: string;
  unitCode: string;
  procedureCode: string;
  procedureVersion: number | null;
  procedureName: string | null;
  field: string;
  level: "province" | "district" | "commune" | null;
  applicant: Record<string, unknown>;
  /** The components were digitized (số hóa thành phần hồ sơ); for an imported dossier, components and result. */
  digitized: boolean;
  /** The result is electronic (kết quả điện tử): set at intake or import, then by the `resolved` event. */
  eResult: boolean;
  /** The result was digitized, as the `resolved` event recorded it; null/absent when not recorded. */
  resultDigitized?: boolean | null;
  feeAmount: number;
  feePaidOnline: boolean;
  lookupSecret: string | null;
  source: "live" | "import";
  contentHash: string | null;
  flags?: string[];
}

const DATE_KEYS = new Set(["dueAt", "newDueAt", "stoppedAt"]);

/** Payload → JSON (instants as ISO strings). */
function payloadToJson(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload ?? {}));
}

/** JSON → payload, reviving the instants. */
function payloadFromJson(json: unknown): unknown {
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) return json.map(payloadFromJson);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    out[key] = DATE_KEYS.has(key) && typeof value === "string" ? new Date(value) : payloadFromJson(value);
  }
  return out;
}

export function eventRow(
  provinceCode: string,
  code: string,
  seq: number,
  event: LifecycleEvent,
  idempotencyKey?: string,
): Insertable<DossierEventsTable> {
  return {
    province_code: provinceCode,
    dossier_code: code,
    seq,
    type: event.type,
    at: event.at,
    actor_id: event.actor.id,
    actor_role: event.actor.role,
    unit_code: event.actor.unit || null,
    from_state: event.fromState,
    to_state: event.toState,
    reason: event.reason ?? null,
    payload: JSON.stringify(payloadToJson(event.payload)),
    attachments: JSON.stringify(event.attachments ?? []),
    idempotency_key: idempotencyKey ?? null,
  };
}

export function eventFromRow(row: {
  type: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  unit_code: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  payload: unknown;
  attachments: unknown;
}): LifecycleEvent {
  return {
    type: row.type,
    at: row.at,
    actor: { id: row.actor_id ?? "", role: row.actor_role ?? "system", unit: row.unit_code ?? "" },
    fromState: row.from_state,
    toState: row.to_state,
    attachments: (row.attachments as unknown[]) ?? [],
    payload: payloadFromJson(row.payload),
    ...(row.reason === null ? {} : { reason: row.reason }),
  } as LifecycleEvent;
}

/** The interchange view of a stored dossier (for export and for the figures fold). */
export function recordOf(
  header: Pick<DossierHeader, "code" | "unitCode" | "procedureCode" | "procedureName" | "field" | "level">,
  log: readonly LifecycleEvent[],
): DossierRecord | undefined {
  const timeline = recordTimeline(log);
  if (!timeline) return undefined;
  return {
    code: header.code,
    unit: { code: header.unitCode },
    procedure: {
      code: header.procedureCode,
      ...(header.procedureName ? { name: header.procedureName } : {}),
      field: header.field,
      ...(header.level ? { level: header.level } : {}),
    },
    ...timeline,
  };
}

/** What the latest `resolved` event recorded about the result (kết quả điện tử, số hóa kết quả). */
function resultFacts(log: readonly LifecycleEvent[]): { eResult?: boolean; resultDigitized?: boolean } {
  for (let i = log.length - 1; i >= 0; i--) {
    const event = log[i]!;
    if (event.type === "resolved") return event.payload;
  }
  return {};
}

/**
 * The projection row: current state from the fold, and the report facts from the interchange view. `state` is
 * the fold of `log` when the caller has it already (the importer), so it is not folded twice.
 */
export function projectionRow(
  header: DossierHeader,
  log: readonly LifecycleEvent[],
  state: DossierState = project(log),
): Insertable<DossiersTable> {
  const record = recordOf(header, log);
  const ending = record ? endEventOf(record) : undefined;
  const refused = log.find((e) => e.type === "refused");
  const endDeadline = ending && record ? deadlineInForce(record, ending.at) : null;
  const endType = ending ? ending.event.type : refused ? "refused" : null;
  const finishClass =
    ending?.kind === "finished"
      ? ({ finishedEarly: "early", finishedOnTime: "on_time", finishedLate: "late" } as const)[
          timeliness(ending.at, endDeadline) as "finishedEarly"
        ]
      : null;
  const status = state.status === "initial" ? "submitted" : state.status;
  const result = resultFacts(log);
  return {
    province_code: header.provinceCode,
    code: header.code,
    unit_code: header.unitCode,
    current_unit_code: state.currentUnit ?? header.unitCode,
    procedure_code: header.procedureCode,
    procedure_version: header.procedureVersion,
    procedure_name: header.procedureName,
    field: header.field,
    level: header.level,
    channel: state.channel ?? "direct",
    state: status,
    applicant: JSON.stringify(header.applicant),
    applicant_phone: typeof header.applicant.phone === "string" ? header.applicant.phone : null,
    submitted_at: state.submittedAt,
    received_at: state.receivedAt,
    due_at: state.originalDueAt,
    deadline_at: state.dueAt,
    extended_due_at: state.extendedDueAt,
    apology_at: state.apologyAt,
    supplement_requests: state.supplementCount,
    extensions: state.extensionCount,
    paused_at: state.paused ? state.pausedAt : null,
    end_type: endType,
    end_at: ending?.at ?? refused?.at ?? null,
    end_deadline_at: endDeadline,
    finish_class: finishClass ?? null,
    returned_at: state.returnedAt,
    assignee_id:
      state.assignee === null ? null : Number.isInteger(Number(state.assignee)) ? Number(state.assignee) : null,
    digitized: header.digitized,
    e_result: result.eResult ?? header.eResult,
    result_digitized: result.resultDigitized ?? header.resultDigitized ?? null,
    fee_amount: header.feeAmount,
    fee_paid_online: header.feePaidOnline,
    lookup_secret: header.lookupSecret,
    source: header.source,
    content_hash: header.contentHash,
    flags: header.flags ?? [],
    revision: state.version,
    updated_at: new Date(),
  };
}

const JSON_COLUMNS = ["applicant", "time_limit", "components"];

/** The first log's events carry the code as their receipt number (`receiptNo`) once it is allocated. */
export function withReceiptNo(log: readonly LifecycleEvent[], code: string): LifecycleEvent[] {
  return log.map((event) =>
    event.payload && typeof event.payload === "object" && "receiptNo" in event.payload
      ? ({ ...event, payload: { ...event.payload, receiptNo: code } } as LifecycleEvent)
      : event,
  );
}

const EVENT_COLUMNS = [
  "seq",
  "type",
  "at",
  "actor_id",
  "actor_role",
  "unit_code",
  "from_state",
  "to_state",
  "reason",
  "payload",
  "attachments",
  "idempotency_key",
] as const;
const EVENT_TYPES = "integer text timestamptz text text text text text text jsonb jsonb text".split(" ");

/** A request's audit row (src/http/request-audit.ts) written by the statement that does what it records. */
export interface AuditInsert {
  at: Date;
  userId: number | null;
  action: string;
  subject: string;
  /** JSON text. */
  detail: string;
}
const AUDIT_COLUMNS = ["at", "user_id", "action", "subject", "detail"] as const;
const auditValues = (a: AuditInsert) => [a.at, a.userId, a.action, a.subject, a.detail];

/** The text of insertWithNextCode's statement, built once per column list, number of events and audit row. */
const insertSqlCache = new Map<string, string>();
function insertWithNextCodeSql(columns: readonly string[], events: number, audit: boolean): string {
  const key = `${columns.join(",")}|${events}|${audit}`;
  let text = insertSqlCache.get(key);
  if (text) return text;
  let n = 4; // $1 province, $2 unit, $3 local day, $4 code prefix
  const values = columns.map(() => `$${++n}`).join(", ");
  const eventRows = Array.from(
    { length: events },
    () => `(${EVENT_TYPES.map((type) => `$${++n}::${type}`).join(", ")})`,
  ).join(", ");
  const eventsCte = events
    ? `, e as (
        insert into dossier_events (province_code, dossier_code, ${EVENT_COLUMNS.join(", ")})
        select d.province_code, d.code, v.seq, v.type, v.at, v.actor_id, v.actor_role, v.unit_code, v.from_state,
          v.to_state, v.reason,
          case when v.payload ? 'receiptNo' then jsonb_set(v.payload, '{receiptNo}', to_jsonb(d.code)) else v.payload end,
          v.attachments, v.idempotency_key
        from d, (values ${eventRows}) as v (${EVENT_COLUMNS.join(", ")}))`
    : "";
  // the audit row only with the dossier (none when the code was taken and the caller tries again); its chain
  // trigger (migration 0015) runs as for any insert into audit_log. It names the dossier's province — the desk's own,
  // and the chain a superuser's intake belongs in too — so audit_log_province (0019) does not look the user up
  const auditCte = audit
    ? `, a as (
        insert into audit_log (province_code, ${AUDIT_COLUMNS.join(", ")})
        select d.province_code, $${++n}::timestamptz, $${++n}::bigint, $${++n}::text, $${++n}::text, $${++n}::jsonb
        from d)`
    : "";
  text = `with s as (
      insert into dossier_sequences (province_code, unit_code, day, last) values ($1, $2, $3, 1)
      on conflict (province_code, unit_code, day) do update set last = dossier_sequences.last + 1
      returning last
    ), d as (
      insert into dossiers (code, ${columns.map((c) => `"${c}"`).join(", ")})
      values ((select $4 || lpad(s.last::text, 4, '0') from s), ${values})
      on conflict (province_code, code) do nothing
      returning province_code, code, created_at
    )${eventsCte}${auditCte}
    select d.code, d.created_at from d`;
  insertSqlCache.set(key, text);
  return text;
}

/**
 * Stores a new dossier under the receiving unit's next code of the local day `at` (`<unit>-YYMMDD-XXXX`), with
 * its first log, in ONE statement: the per-unit daily sequence is bumped, the projection row and the events are
 * inserted, atomically (a failure rolls the sequence back too: no gaps), in one round trip. `extra` sets columns
 * the log does not determine (terms at receipt). Events whose payload has a `receiptNo` get the code there.
 *
 * Returns the stored row, or undefined when the code was already taken (an import that did not bump the
 * sequence): the sequence has moved past it, so the caller simply tries again. A full day (9999) raises 23514.
 * `audit`: the request's audit row, inserted by the same statement with the dossier (and only with it).
 */
export async function insertWithNextCode(
  db: Db,
  header: Omit<DossierHeader, "code">,
  at: Date,
  log: readonly LifecycleEvent[],
  idempotencyKey?: string,
  extra: Partial<Insertable<DossiersTable>> = {},
  audit?: AuditInsert,
): Promise<Selectable<DossiersTable> | undefined> {
  const prefix = formatDossierCode(header.unitCode, at, 1).slice(0, -4); // "<unit>-YYMMDD-"
  const { code: _, ...row } = { ...projectionRow({ ...header, code: "" }, log), ...extra } as Record<string, unknown>;
  const columns = Object.keys(row);
  const events = log.map((event, i) =>
    eventRow(header.provinceCode, "", i + 1, event, i === log.length - 1 ? idempotencyKey : undefined),
  );
  const parameters = [header.provinceCode, header.unitCode, localDate(at), prefix, ...columns.map((c) => row[c])];
  for (const e of events) parameters.push(...EVENT_COLUMNS.map((c) => e[c]));
  if (audit) parameters.push(...auditValues(audit));
  const { rows } = await db.executeQuery<{ code: string; created_at: Date }>(
    CompiledQuery.raw(insertWithNextCodeSql(columns, events.length, audit !== undefined), parameters),
  );
  const stored = rows[0];
  if (!stored) return undefined;
  // the row as a select would read it: the values sent (JSON text parsed back), the code and the creation time
  const parsed = Object.fromEntries(
    JSON_COLUMNS.filter((c) => typeof row[c] === "string").map((c) => [c, JSON.parse(row[c] as string)]),
  );
  return { ...row, ...parsed, ...stored } as Selectable<DossiersTable>;
}

/** Loads a dossier's row and its log (for update when `lock`: the row is locked until the transaction ends). */
export async function loadDossier(db: Db, provinceCode: string, code: string, lock = false) {
  let query = db.selectFrom("dossiers").selectAll().where("province_code", "=", provinceCode).where("code", "=", code);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom("dossier_events")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("dossier_code", "=", code)
    .orderBy("seq")
    .execute();
  return { row, log: events.map(eventFromRow) };
}

export function headerOf(row: {
  province_code: string;
  code: string;
  unit_code: string;
  procedure_code: string;
  procedure_version: number | null;
  procedure_name: string | null;
  field: string;
  level: string | null;
  applicant: unknown;
  digitized: boolean;
  e_result: boolean;
  result_digitized?: boolean | null;
  fee_amount: number;
  fee_paid_online: boolean;
  lookup_secret: string | null;
  source: "live" | "import";
  content_hash: string | null;
  flags: string[];
}): DossierHeader {
  return {
    provinceCode: row.province_code,
    code: row.code,
    unitCode: row.unit_code,
    procedureCode: row.procedure_code,
    procedureVersion: row.procedure_version,
    procedureName: row.procedure_name,
    field: row.field,
    level: row.level as DossierHeader["level"],
    applicant: (row.applicant ?? {}) as Record<string, unknown>,
    digitized: row.digitized,
    eResult: row.e_result,
    resultDigitized: row.result_digitized ?? null,
    feeAmount: row.fee_amount,
    feePaidOnline: row.fee_paid_online,
    lookupSecret: row.lookup_secret,
    source: row.source,
    contentHash: row.content_hash,
    flags: row.flags,
  };
}

export class ConcurrentUpdateError extends Error {
  override name = "ConcurrentUpdateError";
  readonly code = "concurrent-update";
}

/**
 * Appends events to a dossier whose log has `expectedRevision` events, and rewrites its projection.
 * Exactly one of two concurrent writers wins: the loser's conditional update touches no row.
 */
export async function appendEvents(
  trx: Transaction<Database>,
  header: DossierHeader,
  log: readonly LifecycleEvent[],
  expectedRevision: number,
  events: readonly LifecycleEvent[],
  idempotencyKey?: string,
): Promise<void> {
  const full = [...log, ...events];
  const { province_code, code, ...rest } = projectionRow(header, full);
  const updated = await trx
    .updateTable("dossiers")
    .set(rest)
    .where("province_code", "=", province_code)
    .where("code", "=", code)
    .where("revision", "=", expectedRevision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new ConcurrentUpdateError(`dossier ${code} changed since revision ${expectedRevision}`);
  await trx
    .insertInto("dossier_events")
    .values(
      events.map((event, i) =>
        eventRow(
          header.provinceCode,
          header.code,
          expectedRevision + i + 1,
          event,
          i === events.length - 1 ? idempotencyKey : undefined,
        ),
      ),
    )
    .execute();
}
