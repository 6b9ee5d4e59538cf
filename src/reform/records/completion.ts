// Completion of plans (mức độ thực hiện kế hoạch): done ÷ planned, on time vs late, overdue — as of a date.
// A task is done when its completion date has passed and its output document is recorded (rules.ts refuses
// one without the other). A recurring task (thường xuyên) is assessed at the end of its plan's period: before
// that it is neither done nor overdue (seed 002: 31 tasks, 8 done, 23 recurring assessed at year end).
import type { OutputDocument, TaskKind, TaskSource } from "./model.ts";

export interface PlanRef {
  id: number;
  periodFrom: string;
  periodTo: string;
}

export interface TaskRef {
  id?: number;
  planId: number;
  kind: TaskKind;
  source: TaskSource;
  deadline?: string | null;
  completedOn?: string | null;
  output?: OutputDocument | null;
}

/** The date a task is judged against: its deadline, else the end of its plan's period. */
export function dueDateOf(task: TaskRef, plan: PlanRef): string {
  if (task.kind === "recurring") return task.deadline && task.deadline > plan.periodTo ? task.deadline : plan.periodTo;
  return task.deadline ?? plan.periodTo;
}

/** Whether the task counts as done in a report whose period ends on `asOf`. */
export function isDoneAsOf(task: TaskRef, plan: PlanRef, asOf: string): boolean {
  if (!task.completedOn || !task.output || task.completedOn > asOf) return false;
  return task.kind !== "recurring" || asOf >= plan.periodTo;
}

/** A done task finished by its due date. */
export function isOnTime(task: TaskRef, plan: PlanRef): boolean {
  return !!task.completedOn && task.completedOn <= dueDateOf(task, plan);
}

/** Not done by `asOf` and its due date is before `asOf`. */
export function isOverdue(task: TaskRef, plan: PlanRef, asOf: string): boolean {
  return !isDoneAsOf(task, plan, asOf) && dueDateOf(task, plan) < asOf;
}

export interface Completion {
  planned: number;
  done: number;
  onTime: number;
  late: number;
  overdue: number;
  /** Not done, not overdue (recurring tasks awaiting their assessment included). */
  pending: number;
  /** Recurring tasks not yet assessed (the plan's period has not ended). */
  recurringAwaiting: number;
  /** done ÷ planned in %, two decimals; null when nothing is planned. */
  percent: number | null;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

export function completionOf(
  tasks: readonly TaskRef[],
  planOf: (id: number) => PlanRef | undefined,
  asOf: string,
): Completion {
  const c: Completion = {
    planned: 0,
    done: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    pending: 0,
    recurringAwaiting: 0,
    percent: null,
  };
  for (const task of tasks) {
    const plan = planOf(task.planId);
    if (!plan) continue;
    c.planned++;
    if (isDoneAsOf(task, plan, asOf)) {
      c.done++;
      if (isOnTime(task, plan)) c.onTime++;
      else c.late++;
    } else if (isOverdue(task, plan, asOf)) c.overdue++;
    else {
      c.pending++;
      if (task.kind === "recurring" && asOf < plan.periodTo) c.recurringAwaiting++;
    }
  }
  c.percent = c.planned ? round2((c.done / c.planned) * 100) : null;
  return c;
}

/** Completion of each plan as of a date. */
export function completionByPlan<P extends PlanRef>(
  plans: readonly P[],
  tasks: readonly TaskRef[],
  asOf: string,
): { plan: P; completion: Completion }[] {
  const byPlan = new Map<number, TaskRef[]>();
  for (const task of tasks) byPlan.set(task.planId, [...(byPlan.get(task.planId) ?? []), task]);
  return plans.map((plan) => ({
    plan,
    completion: completionOf(byPlan.get(plan.id) ?? [], (id) => (id === plan.id ? plan : undefined), asOf),
  }));
}

/** The overdue tasks as of a date, the longest overdue first (the reform officer's queue). */
export function overdueTasks<T extends TaskRef>(
  tasks: readonly T[],
  planOf: (id: number) => PlanRef | undefined,
  asOf: string,
): (T & { dueOn: string })[] {
  return tasks
    .flatMap((task) => {
      const plan = planOf(task.planId);
      return plan && isOverdue(task, plan, asOf) ? [{ ...task, dueOn: dueDateOf(task, plan) }] : [];
    })
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : (a.id ?? 0) - (b.id ?? 0)));
}

/** Plans whose period meets [from, to] and that were issued by `to`. */
export function plansInRange<P extends PlanRef & { issuedOn: string }>(
  plans: readonly P[],
  from: string,
  to: string,
): P[] {
  return plans.filter((p) => p.periodFrom <= to && p.periodTo >= from && p.issuedOn <= to);
}
