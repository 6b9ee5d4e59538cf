// The "what to fix this year" plan stored: the lost criteria of a unit's index year become tasks of its plan
// to raise the index the year after (the plan given, else the unit's latest index_improvement plan of that
// year, else a draft plan created for it). reform_index_fix_tasks links each criterion to its task, so running
// the plan again adds only the criteria not yet planned (a deleted task is planned again). One transaction.
import { localDate } from "../../../calendar/local-time.ts";
import { fixTasks } from "../../../reform/index/fix-plan.ts";
import { ServiceError } from "../dossiers/errors.ts";
import { type ChangedBy, type Db, inTx, type StoredPlan, type StoredTask } from "../reform/common.ts";
import { createPlan, findPlan, listPlans } from "../reform/plans.ts";
import { createTask } from "../reform/tasks.ts";
import { yearState } from "./assessments.ts";
import { loadScorecard, unitOf } from "./scorecard.ts";

export interface FixPlanResult {
  unit: string;
  year: number;
  /** The plan the tasks are in; null when nothing was lost and nothing planned before. */
  plan: StoredPlan | null;
  planCreated: boolean;
  created: { code: string; task: StoredTask }[];
  /** Criteria already planned by an earlier run: their task ids. */
  existing: { code: string; taskId: number }[];
}

async function planFor(
  db: Db,
  q: { unit: string; unitName: string; provinceCode: string; year: number; planId?: number },
  by: ChangedBy,
) {
  const planYear = q.year + 1;
  if (q.planId !== undefined) {
    const plan = await findPlan(db, q.provinceCode, q.planId);
    if (!plan || plan.unit !== q.unit)
      throw new ServiceError(404, "plan-not-found", `Không có kế hoạch ${q.planId} của đơn vị ${q.unit}`);
    return { plan, created: false };
  }
  const plans = await listPlans(db, { units: [q.unit], from: `${planYear}-01-01`, to: `${planYear}-12-31` });
  const found = plans.filter((p) => p.kind === "index_improvement" && p.year === planYear).at(-1);
  if (found) return { plan: found, created: false };
  const today = localDate(by.now);
  const plan = await createPlan(
    db,
    q.provinceCode,
    {
      unit: q.unit,
      kind: "index_improvement",
      number: `DT-${planYear}/KH-CSCCHC`,
      title: `Kế hoạch nâng cao Chỉ số CCHC năm ${planYear} (dự thảo từ kết quả Chỉ số CCHC năm ${q.year})`,
      issuedOn: today,
      issuer: q.unitName,
      year: planYear,
      periodFrom: `${planYear}-01-01`,
      periodTo: `${planYear}-12-31`,
      fileId: null,
      evidence: [],
      note: "Dự thảo do motcua lập từ danh sách tiêu chí bị trừ điểm; cần ban hành chính thức",
    },
    by,
  );
  return { plan, created: true };
}

export async function createFixPlan(
  db: Db,
  q: { unit: string; year: number; planId?: number },
  by: ChangedBy,
): Promise<FixPlanResult> {
  const unit = await unitOf(db, q.unit);
  const card = await loadScorecard(db, { unit: q.unit, year: q.year, now: by.now });
  const { set } = await yearState(db, unit.province_code, q.year, by.now);
  const drafts = fixTasks(set, card.lost, q.year, unit.name);
  return inTx(db, async (trx) => {
    const links = await trx
      .selectFrom("reform_index_fix_tasks as f")
      .innerJoin("reform_tasks as t", (j) =>
        j.onRef("t.province_code", "=", "f.province_code").onRef("t.id", "=", "f.task_id"),
      )
      .select(["f.code", "f.task_id", "t.deleted_at"])
      .where("f.province_code", "=", unit.province_code)
      .where("f.unit_code", "=", q.unit)
      .where("f.year", "=", q.year)
      .execute();
    const live = new Map(links.filter((l) => l.deleted_at === null).map((l) => [l.code, Number(l.task_id)]));
    const todo = drafts.filter((d) => !live.has(d.criterion));
    const existing = drafts
      .filter((d) => live.has(d.criterion))
      .map((d) => ({ code: d.criterion, taskId: live.get(d.criterion) as number }));
    const ctx = { unit: q.unit, unitName: unit.name, provinceCode: unit.province_code, year: q.year, planId: q.planId };
    const { plan, created: planCreated } =
      todo.length || q.planId !== undefined
        ? await planFor(trx, ctx, by)
        : { plan: await planOfExisting(trx, unit.province_code, existing), created: false };
    const created: FixPlanResult["created"] = [];
    for (const { criterion, ...fields } of todo) {
      const task = await createTask(trx, plan as StoredPlan, unit.province_code, fields, by);
      await trx
        .insertInto("reform_index_fix_tasks")
        .values({
          province_code: unit.province_code,
          unit_code: q.unit,
          year: q.year,
          code: criterion,
          task_id: task.id,
        })
        .onConflict((oc) =>
          oc
            .columns(["province_code", "unit_code", "year", "code"])
            .doUpdateSet({ task_id: task.id, created_at: by.now }),
        )
        .execute();
      created.push({ code: criterion, task });
    }
    return { unit: q.unit, year: q.year, plan, planCreated, created, existing };
  });
}

/** The plan of the tasks an earlier run created (when nothing new is to be planned). */
async function planOfExisting(db: Db, provinceCode: string, existing: { taskId: number }[]) {
  const first = existing[0];
  if (!first) return null;
  const task = await db
    .selectFrom("reform_tasks")
    .select("plan_id")
    .where("province_code", "=", provinceCode)
    .where("id", "=", first.taskId)
    .executeTakeFirst();
  return task ? ((await findPlan(db, provinceCode, Number(task.plan_id))) ?? null) : null;
}
