// Tasks of a reform plan: added, edited (progress, completion with its output document, evidence) and removed
// (soft), each change audited; the overdue queue of some units.
import { overdueTasks } from "../../../reform/records/completion.ts";
import type { Task } from "../../../reform/records/model.ts";
import { checkTask } from "../../../reform/records/rules.ts";
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
  refuseViolations,
  type StoredPlan,
  type StoredTask,
  subjectOf,
  taskFromRow,
  createdStamp,
  updatedStamp,
} from "./common.ts";
import { listPlans, tasksOfPlans } from "./plans.ts";

export type TaskFields = Omit<Task, "planId" | "ordinal"> & { ordinal?: number };

const ordinalTaken = (ordinal: number) =>
  new ServiceError(409, "ordinal-taken", `Kế hoạch đã có nhiệm vụ số thứ tự ${ordinal}`);

function taskRow(task: TaskFields) {
  return {
    area: task.area,
    content: task.content,
    output_kind: task.outputKind,
    lead: task.lead,
    supporting: JSON.stringify(task.supporting),
    deadline: task.deadline ?? null,
    kind: task.kind,
    source: task.source,
    progress: task.progress,
    completed_on: task.completedOn ?? null,
    output: task.output ? JSON.stringify(task.output) : null,
    evidence: JSON.stringify(task.evidence),
    note: task.note ?? null,
  };
}

async function checked(db: Db, provinceCode: string, task: Task): Promise<void> {
  refuseViolations(checkTask(task));
  await assertFilesExist(db, provinceCode, [task.output?.fileId, ...evidenceIds(task.evidence)]);
}

export async function findTask(db: Db, provinceCode: string, id: number): Promise<StoredTask | undefined> {
  const row = await db
    .selectFrom("reform_tasks")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? taskFromRow(row) : undefined;
}

/** Adds a task to a plan; without an ordinal it comes last. */
export async function createTask(
  db: Db,
  plan: StoredPlan,
  provinceCode: string,
  fields: TaskFields,
  by: ChangedBy,
): Promise<StoredTask> {
  const last = await db
    .selectFrom("reform_tasks")
    .select((eb) => eb.fn.max("ordinal").as("n"))
    .where("province_code", "=", provinceCode)
    .where("plan_id", "=", plan.id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  const ordinal = fields.ordinal ?? Number(last?.n ?? 0) + 1;
  const task: Task = { ...fields, planId: plan.id, ordinal };
  await checked(db, provinceCode, task);
  try {
    return await inTx(db, async (trx) => {
      const row = await trx
        .insertInto("reform_tasks")
        .values({
          province_code: provinceCode,
          plan_id: plan.id,
          ordinal,
          ...taskRow(task),
          ...createdStamp(by),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const stored = taskFromRow(row);
      await audit(trx, by, "reform.task.create", subjectOf("task", provinceCode, stored.id), null, stored);
      return stored;
    });
  } catch (error) {
    if (isUnique(error)) throw ordinalTaken(ordinal);
    throw error;
  }
}

export async function updateTask(
  db: Db,
  current: StoredTask,
  provinceCode: string,
  fields: TaskFields,
  by: ChangedBy,
  expectedVersion?: number,
): Promise<StoredTask> {
  const ordinal = fields.ordinal ?? current.ordinal;
  const task: Task = { ...fields, planId: current.planId, ordinal };
  await checked(db, provinceCode, task);
  try {
    return await inTx(db, async (trx) => {
      const row = await trx
        .updateTable("reform_tasks")
        .set((eb) => ({
          ...taskRow(task),
          ordinal,
          version: eb("version", "+", 1),
          ...updatedStamp(by),
        }))
        .where("province_code", "=", provinceCode)
        .where("id", "=", current.id)
        .where("deleted_at", "is", null)
        .where("version", "=", expectedVersion ?? current.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) assertVersion({ version: -1 }, expectedVersion ?? current.version, `Nhiệm vụ số ${current.ordinal}`);
      const stored = taskFromRow(row!);
      await audit(trx, by, "reform.task.update", subjectOf("task", provinceCode, current.id), current, stored);
      return stored;
    });
  } catch (error) {
    if (isUnique(error)) throw ordinalTaken(ordinal);
    throw error;
  }
}

export async function deleteTask(db: Db, current: StoredTask, provinceCode: string, by: ChangedBy) {
  await inTx(db, async (trx) => {
    await trx
      .updateTable("reform_tasks")
      .set((eb) => ({ deleted_at: by.now, version: eb("version", "+", 1), ...updatedStamp(by) }))
      .where("province_code", "=", provinceCode)
      .where("id", "=", current.id)
      .execute();
    await audit(trx, by, "reform.task.delete", subjectOf("task", provinceCode, current.id), current, null);
  });
}

/** Overdue tasks of the plans of some units as of a date, longest overdue first, with their plan. */
export async function overdueTasksOf(db: Db, units: readonly string[], asOf: string) {
  const plans = await listPlans(db, { units, to: asOf });
  const byId = new Map(plans.map((p) => [p.id, p]));
  const tasks = await tasksOfPlans(db, [...byId.values()]);
  return overdueTasks(tasks, (id) => byId.get(id), asOf).map((t) => ({ task: t, plan: byId.get(t.planId)! }));
}
