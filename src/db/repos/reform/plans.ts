// Reform plans (kế hoạch CCHC): created, edited and removed (soft) by a unit's reform officer, each change
// audited with the state before and after; listed with their completion as of a date.
import { sql } from "kysely";
import { type Completion, completionByPlan } from "../../../reform/records/completion.ts";
import type { Plan } from "../../../reform/records/model.ts";
import { checkPlan } from "../../../reform/records/rules.ts";
import { ServiceError } from "../dossiers/errors.ts";
import {
  assertFilesExist,
  assertVersion,
  audit,
  inTx,
  type ChangedBy,
  type Db,
  evidenceIds,
  isUnique,
  planFromRow,
  refuseViolations,
  type StoredPlan,
  type StoredTask,
  subjectOf,
  taskFromRow,
  createdStamp,
  updatedStamp,
} from "./common.ts";
import { inUnits, provinceSet } from "../unit-scope.ts";

const duplicate = (plan: Plan) =>
  new ServiceError(409, "duplicate-plan", `Đơn vị đã có kế hoạch số ${plan.number} ngày ${plan.issuedOn}`);

function planRow(plan: Plan) {
  return {
    kind: plan.kind,
    number: plan.number,
    title: plan.title,
    issued_on: plan.issuedOn,
    issuer: plan.issuer,
    year: plan.year,
    period_from: plan.periodFrom,
    period_to: plan.periodTo,
    file_id: plan.fileId ?? null,
    evidence: JSON.stringify(plan.evidence),
    note: plan.note ?? null,
  };
}

async function checked(db: Db, provinceCode: string, plan: Plan): Promise<void> {
  refuseViolations(checkPlan(plan));
  await assertFilesExist(db, provinceCode, [plan.fileId, ...evidenceIds(plan.evidence)]);
}

export async function findPlan(db: Db, provinceCode: string, id: number): Promise<StoredPlan | undefined> {
  const row = await db
    .selectFrom("reform_plans")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? planFromRow(row) : undefined;
}

export async function createPlan(db: Db, provinceCode: string, plan: Plan, by: ChangedBy) {
  await checked(db, provinceCode, plan);
  try {
    return await inTx(db, async (trx) => {
      const row = await trx
        .insertInto("reform_plans")
        .values({
          province_code: provinceCode,
          unit_code: plan.unit,
          ...planRow(plan),
          ...createdStamp(by),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const stored = planFromRow(row);
      await audit(trx, by, "reform.plan.create", subjectOf("plan", provinceCode, stored.id), null, stored);
      return stored;
    });
  } catch (error) {
    if (isUnique(error)) throw duplicate(plan);
    throw error;
  }
}

/** Replaces a plan's fields (its unit stays); `expectedVersion` guards against a concurrent edit. */
export async function updatePlan(
  db: Db,
  current: StoredPlan,
  provinceCode: string,
  plan: Plan,
  by: ChangedBy,
  expectedVersion?: number,
) {
  if (plan.unit !== current.unit)
    throw new ServiceError(422, "unit-change-not-allowed", "Không chuyển kế hoạch sang đơn vị khác");
  await checked(db, provinceCode, plan);
  try {
    return await inTx(db, async (trx) => {
      const row = await trx
        .updateTable("reform_plans")
        .set((eb) => ({ ...planRow(plan), version: eb("version", "+", 1), ...updatedStamp(by) }))
        .where("province_code", "=", provinceCode)
        .where("id", "=", current.id)
        .where("deleted_at", "is", null)
        .where("version", "=", expectedVersion ?? current.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) assertVersion({ version: -1 }, expectedVersion ?? current.version, `Kế hoạch số ${current.number}`);
      const stored = planFromRow(row!);
      await audit(trx, by, "reform.plan.update", subjectOf("plan", provinceCode, current.id), current, stored);
      return stored;
    });
  } catch (error) {
    if (isUnique(error)) throw duplicate(plan);
    throw error;
  }
}

/** Removes a plan and its tasks (kept in the database with deleted_at, their history intact). */
export async function deletePlan(db: Db, current: StoredPlan, provinceCode: string, by: ChangedBy) {
  await inTx(db, async (trx) => {
    await trx
      .updateTable("reform_tasks")
      .set({ deleted_at: by.now, ...updatedStamp(by) })
      .where("province_code", "=", provinceCode)
      .where("plan_id", "=", current.id)
      .where("deleted_at", "is", null)
      .execute();
    await trx
      .updateTable("reform_plans")
      .set((eb) => ({ deleted_at: by.now, version: eb("version", "+", 1), ...updatedStamp(by) }))
      .where("province_code", "=", provinceCode)
      .where("id", "=", current.id)
      .execute();
    await audit(trx, by, "reform.plan.delete", subjectOf("plan", provinceCode, current.id), current, null);
  });
}

export interface PlanQuery {
  units: readonly string[];
  /** The units' provinces when the caller knows them (unit-scope.ts); else read in the query. */
  provinces?: readonly string[] | undefined;
  /** Plans whose period meets [from, to]. */
  from?: string;
  to?: string;
  kind?: string;
}

export async function listPlans(db: Db, q: PlanQuery): Promise<StoredPlan[]> {
  if (!q.units.length) return [];
  let query = db
    .selectFrom("reform_plans")
    .selectAll()
    .where(inUnits({ unitCodes: q.units, provinces: q.provinces }))
    .where("deleted_at", "is", null);
  if (q.from) query = query.where("period_to", ">=", q.from);
  if (q.to) query = query.where("period_from", "<=", q.to);
  if (q.kind) query = query.where("kind", "=", q.kind);
  const rows = await query.orderBy("issued_on").orderBy("id").execute();
  return rows.map(planFromRow);
}

/** The live tasks of some plans (ids are unique across provinces; the plans' units give their provinces). */
export async function tasksOfPlans(db: Db, plans: readonly Pick<StoredPlan, "id" | "unit">[]): Promise<StoredTask[]> {
  if (!plans.length) return [];
  const rows = await db
    .selectFrom("reform_tasks")
    .selectAll()
    .where(sql<boolean>`province_code = ${provinceSet([...new Set(plans.map((p) => p.unit))])}`)
    .where(
      "plan_id",
      "in",
      plans.map((p) => p.id),
    )
    .where("deleted_at", "is", null)
    .orderBy("plan_id")
    .orderBy("ordinal")
    .execute();
  return rows.map(taskFromRow);
}

/** Plans of some units with their tasks' completion as of `asOf`. */
export async function plansWithCompletion(
  db: Db,
  q: PlanQuery,
  asOf: string,
): Promise<{ plan: StoredPlan; completion: Completion }[]> {
  const plans = await listPlans(db, q);
  const tasks = await tasksOfPlans(db, plans);
  return completionByPlan(plans, tasks, asOf);
}
