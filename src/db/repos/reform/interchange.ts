// Import and export of the reform records (docs/reform-records.md "Import and export"). An import is checked
// whole first (shapes, rules, units in scope, files present) and then written in one transaction, matching
// what is already stored by its natural key: plans by unit, number and date; tasks by plan and STT; records by
// unit, kind and ref. Unchanged items are left alone, so a re-import changes nothing.
import type { Kysely } from "kysely";
import { FORMAT, type ParsedDocument, type Problem } from "../../../reform/records/interchange.ts";
import type { Plan, ReformRecord, Task } from "../../../reform/records/model.ts";
import type { Database } from "../../schema.ts";
import { type ChangedBy, inTx, planFromRow, type StoredPlan, unitSubtree } from "./common.ts";
import { createPlan, listPlans, tasksOfPlans, updatePlan } from "./plans.ts";
import { createRecord, findRecordByRef, listRecords, updateRecord } from "./records.ts";
import { createTask, updateTask } from "./tasks.ts";

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface ImportSummary {
  plans: Counts;
  tasks: Counts;
  records: Counts;
}

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

const PLAN_KEYS = [
  "unit",
  "kind",
  "number",
  "title",
  "issuedOn",
  "issuer",
  "year",
  "periodFrom",
  "periodTo",
  "fileId",
  "evidence",
  "note",
] as const;
const TASK_KEYS = [
  "ordinal",
  "area",
  "content",
  "outputKind",
  "lead",
  "supporting",
  "deadline",
  "kind",
  "source",
  "progress",
  "completedOn",
  "output",
  "evidence",
  "note",
] as const;
const RECORD_KEYS = ["on", "data", "evidence", "note"] as const;

/** Whether two items hold the same content on some keys (absent and null alike; key order ignored). */
function same(a: object, b: object, keys: readonly string[]): boolean {
  const norm = (v: unknown): unknown => {
    if (v === undefined || v === null) return null;
    if (Array.isArray(v)) return v.map(norm);
    if (typeof v === "object")
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])])
          .filter(([, x]) => x !== null),
      );
    return v;
  };
  const pick = (o: object) => JSON.stringify(keys.map((k) => norm((o as Record<string, unknown>)[k])));
  return pick(a) === pick(b);
}

export interface ImportOptions {
  /** Units the import may write (a unit's subtree); undefined: any unit. */
  scope?: readonly string[];
  by: ChangedBy;
}

/** Problems of units and files, before anything is written. */
async function checkReferences(db: Kysely<Database>, parsed: ParsedDocument, scope?: readonly string[]) {
  const problems: Problem[] = [];
  const units = new Map(
    (await db.selectFrom("units").select(["code", "province_code"]).execute()).map((u) => [u.code, u.province_code]),
  );
  const allowed = scope ? new Set(scope) : undefined;
  const files = new Map<string, Set<string>>();
  const unitOk = (at: string, unit: string) => {
    if (!units.has(unit)) problems.push({ at, code: "unknown-unit", message: `Không có đơn vị ${unit}` });
    else if (allowed && !allowed.has(unit))
      problems.push({ at, code: "out-of-scope", message: `Đơn vị ${unit} nằm ngoài phạm vi nhập` });
    else return true;
    return false;
  };
  const want = (unit: string, ids: (string | null | undefined)[]) => {
    const province = units.get(unit)!;
    for (const id of ids) if (id) files.set(province, (files.get(province) ?? new Set()).add(id));
  };
  for (const p of parsed.plans) {
    if (!unitOk(p.at, p.plan.unit)) continue;
    want(p.plan.unit, [p.plan.fileId, ...p.plan.evidence.map((e) => e.fileId)]);
    for (const t of p.tasks) want(p.plan.unit, [t.task.output?.fileId, ...t.task.evidence.map((e) => e.fileId)]);
  }
  for (const r of parsed.records)
    if (unitOk(r.at, r.record.unit))
      want(
        r.record.unit,
        r.record.evidence.map((e) => e.fileId),
      );
  for (const [province, ids] of files) {
    const found = new Set(
      (
        await db
          .selectFrom("files")
          .select("id")
          .where("province_code", "=", province)
          .where("id", "in", [...ids])
          .execute()
      ).map((f) => f.id),
    );
    for (const id of ids)
      if (!found.has(id)) problems.push({ at: `tệp ${id}`, code: "unknown-file", message: `Không tìm thấy tệp ${id}` });
  }
  return { problems, provinceOf: (unit: string) => units.get(unit)! };
}

async function findPlanByKey(
  db: Parameters<typeof listPlans>[0],
  provinceCode: string,
  plan: Plan,
): Promise<StoredPlan | undefined> {
  const row = await db
    .selectFrom("reform_plans")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("unit_code", "=", plan.unit)
    .where((eb) => eb(eb.fn("lower", ["number"]), "=", plan.number.toLowerCase()))
    .where("issued_on", "=", plan.issuedOn)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? planFromRow(row) : undefined;
}

/**
 * Writes a parsed document: nothing when it has problems (they are returned), otherwise everything in one
 * transaction with the counts of created, updated and unchanged items.
 */
export async function importDocument(
  db: Kysely<Database>,
  parsed: ParsedDocument,
  options: ImportOptions,
): Promise<{ problems: Problem[]; summary?: ImportSummary }> {
  if (parsed.problems.length) return { problems: parsed.problems };
  const { problems, provinceOf } = await checkReferences(db, parsed, options.scope);
  if (problems.length) return { problems };
  const summary: ImportSummary = { plans: zero(), tasks: zero(), records: zero() };
  await inTx(db, async (trx) => {
    for (const { plan, tasks } of parsed.plans) {
      const province = provinceOf(plan.unit);
      const existing = await findPlanByKey(trx, province, plan);
      let stored: StoredPlan;
      if (!existing) {
        stored = await createPlan(trx, province, plan, options.by);
        summary.plans.created++;
      } else if (!same(existing, plan, PLAN_KEYS)) {
        stored = await updatePlan(trx, existing, province, plan, options.by);
        summary.plans.updated++;
      } else {
        stored = existing;
        summary.plans.unchanged++;
      }
      const current = new Map((await tasksOfPlans(trx, [stored])).map((t) => [t.ordinal, t]));
      for (const { task } of tasks) {
        const old = current.get(task.ordinal);
        if (!old) await createTask(trx, stored, province, task, options.by);
        else if (!same(old, task, TASK_KEYS)) await updateTask(trx, old, province, task, options.by);
        summary.tasks[!old ? "created" : same(old, task, TASK_KEYS) ? "unchanged" : "updated"]++;
      }
    }
    for (const { record } of parsed.records) {
      const province = provinceOf(record.unit);
      const old = await findRecordByRef(trx, province, record.unit, record.kind, record.ref);
      if (!old) await createRecord(trx, province, record, options.by);
      else if (!same(old, record, RECORD_KEYS)) await updateRecord(trx, old, province, record, options.by);
      summary.records[!old ? "created" : same(old, record, RECORD_KEYS) ? "unchanged" : "updated"]++;
    }
  });
  return { problems: [], summary };
}

const strip = <T extends object>(o: T, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const BOOKKEEPING = ["id", "version", "updatedAt", "updatedBy"];

/** The records of a unit's subtree: plans meeting [from, to] with their tasks, records dated within it. */
export async function exportDocument(db: Kysely<Database>, q: { unit: string; from?: string; to?: string }) {
  const scope = await unitSubtree(db, q.unit);
  if (!scope) return undefined;
  const units = { units: scope.codes, provinces: [scope.provinceCode] };
  const plans = await listPlans(db, { ...units, from: q.from, to: q.to });
  const tasks = await tasksOfPlans(db, plans);
  const records = await listRecords(db, { ...units, from: q.from, to: q.to });
  return {
    format: FORMAT,
    version: 1,
    unit: q.unit,
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    plans: plans.map((p) => ({
      ...(strip(p, BOOKKEEPING) as Omit<Plan, "id">),
      tasks: tasks
        .filter((t) => t.planId === p.id)
        .map((t) => strip(t, [...BOOKKEEPING, "planId"]) as Omit<Task, "planId">),
    })),
    records: records.map((r) => strip(r, BOOKKEEPING) as ReformRecord & { ref: string }),
  };
}
