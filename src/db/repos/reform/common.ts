// Shared by the reform-record repositories: rows ↔ model, the rules as refusals, evidence files that must exist,
// and the audit entry every change writes (the state before and after: the records' history).
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Evidence, OutputDocument, Plan, ReformRecord, Task } from "../../../reform/records/model.ts";
import type { RuleViolation } from "../../../reform/records/rules.ts";
import type { Database, ReformPlansTable, ReformRecordsTable, ReformTasksTable } from "../../schema.ts";
import { type ChangedBy, writeAudit } from "../audit.ts";
import { ServiceError } from "../dossiers/errors.ts";
import { describeFiles } from "../files.ts";

export type Db = Kysely<Database> | Transaction<Database>;
export type { ChangedBy };

/** Bookkeeping every stored record carries. */
export interface Stored {
  id: number;
  version: number;
  updatedAt: Date;
  updatedBy: number | null;
}

export type StoredPlan = Plan & Stored & { id: number };
export type StoredTask = Task & Stored & { id: number };
export type StoredRecord = ReformRecord & Stored & { id: number; ref: string };

export function planFromRow(row: Selectable<ReformPlansTable>): StoredPlan {
  return {
    id: row.id,
    unit: row.unit_code,
    kind: row.kind as Plan["kind"],
    number: row.number,
    title: row.title,
    issuedOn: row.issued_on,
    issuer: row.issuer,
    year: row.year,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    fileId: row.file_id,
    evidence: row.evidence as Evidence[],
    note: row.note,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function taskFromRow(row: Selectable<ReformTasksTable>): StoredTask {
  return {
    id: row.id,
    planId: row.plan_id,
    ordinal: row.ordinal,
    area: row.area as Task["area"],
    content: row.content,
    outputKind: row.output_kind as Task["outputKind"],
    lead: row.lead,
    supporting: row.supporting as string[],
    deadline: row.deadline,
    kind: row.kind as Task["kind"],
    source: row.source as Task["source"],
    progress: row.progress,
    completedOn: row.completed_on,
    output: (row.output ?? null) as OutputDocument | null,
    evidence: row.evidence as Evidence[],
    note: row.note,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function recordFromRow(row: Selectable<ReformRecordsTable>): StoredRecord {
  return {
    id: row.id,
    unit: row.unit_code,
    kind: row.kind as ReformRecord["kind"],
    on: row.occurred_on,
    ref: row.ref,
    data: row.data as ReformRecord["data"],
    evidence: row.evidence as Evidence[],
    note: row.note,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Broken rules refuse the change (422) with the first rule's code and every field at fault. */
export function refuseViolations(violations: readonly RuleViolation[]): void {
  if (!violations.length) return;
  throw new ServiceError(
    422,
    violations[0]!.code,
    violations.map((v) => v.message).join("; "),
    violations.map((v) => ({ name: v.field, reason: v.message })),
  );
}

/** Every file cited (plan file, output, evidence) exists in the province's file store; 422 `unknown-file`. */
export async function assertFilesExist(db: Db, provinceCode: string, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  await describeFiles(db, provinceCode, wanted);
}

export const evidenceIds = (evidence: readonly Evidence[]) => evidence.map((e) => e.fileId);

/** A stale version (someone saved in between) is refused with 409 `version-conflict`. */
export function assertVersion(current: { version: number }, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current.version)
    throw new ServiceError(
      409,
      "version-conflict",
      `${what} vừa được người khác cập nhật (phiên bản ${current.version}); tải lại rồi sửa lại`,
    );
}

export async function audit(
  trx: Transaction<Database>,
  by: ChangedBy,
  action: string,
  subject: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await writeAudit(trx, by, { action, subject, detail: { before, after }, provinceCode: provinceOfSubject(subject) });
}

export const subjectOf = (what: "plan" | "task" | "record", provinceCode: string, id: number) =>
  `reform.${what}:${provinceCode}:${id}`;
/** The province a subjectOf names: the record's, so its changes stay in its province's audit chain. */
const provinceOfSubject = (subject: string) => subject.split(":")[1] ?? "";

/** The history of a record: every audited change, oldest first. */
export async function historyOf(db: Db, subject: string) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.user_id")
    .select(["audit_log.at", "audit_log.action", "audit_log.user_id", "users.username", "audit_log.detail"])
    // the record's province; '' for rows a national account wrote before the record's province was recorded
    .where("audit_log.province_code", "in", [provinceOfSubject(subject), ""])
    .where("audit_log.subject", "=", subject)
    .orderBy("audit_log.id")
    .execute();
  return rows.map((r) => ({ at: r.at, action: r.action, userId: r.user_id, username: r.username, detail: r.detail }));
}

/** The unit and every unit below it (parent links, whatever their dates), with the unit's province. */
export async function unitSubtree(
  db: Db,
  unit: string,
): Promise<{ provinceCode: string; codes: string[] } | undefined> {
  const root = await db.selectFrom("units").select("province_code").where("code", "=", unit).executeTakeFirst();
  if (!root) return undefined;
  const rows = await sql<{ code: string }>`with recursive sub(code) as (
      select code from units where code = ${unit}
      union select u.code from units u join sub on u.parent_code = sub.code)
    select code from sub`.execute(db);
  return { provinceCode: root.province_code, codes: rows.rows.map((r) => r.code) };
}

export const unknownUnit = (unit: string) => new ServiceError(404, "unknown-unit", `Không có đơn vị ${unit}`);

export function isUnique(error: unknown): boolean {
  return (error as { code?: string })?.code === "23505";
}

/** The province of a plan, task or record by its id (ids come from one identity sequence per table). */
export async function provinceOfRow(
  db: Db,
  table: "reform_plans" | "reform_tasks" | "reform_records",
  id: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom(table)
    .select("province_code")
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.province_code;
}

/** The province and unit of a plan, task (its plan's unit) or record, deleted or not: for its history. */
export async function ownerOf(db: Db, what: "plan" | "task" | "record", id: number) {
  if (what === "task") {
    return db
      .selectFrom("reform_tasks as t")
      .innerJoin("reform_plans as p", (join) =>
        join.onRef("p.province_code", "=", "t.province_code").onRef("p.id", "=", "t.plan_id"),
      )
      .select(["t.province_code as provinceCode", "p.unit_code as unit"])
      .where("t.id", "=", id)
      .executeTakeFirst();
  }
  return db
    .selectFrom(what === "plan" ? "reform_plans" : "reform_records")
    .select(["province_code as provinceCode", "unit_code as unit"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Runs `work` in the caller's transaction, or in a new one: an import writes everything or nothing. */
export function inTx<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : (db as Kysely<Database>).transaction().execute(work);
}

/** Who changed a row and when: the columns every update of a reform table sets. */
export const updatedStamp = (by: ChangedBy) => ({ updated_by: by.userId, updated_at: by.now });

/** The columns a new reform row carries: created and last updated by the same person at the same time. */
export const createdStamp = (by: ChangedBy) => ({ created_by: by.userId, created_at: by.now, ...updatedStamp(by) });
