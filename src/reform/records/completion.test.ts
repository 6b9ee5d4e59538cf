import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  completionByPlan,
  completionOf,
  dueDateOf,
  isDoneAsOf,
  isOverdue,
  overdueTasks,
  type PlanRef,
  type TaskRef,
} from "./completion.ts";

const plan: PlanRef = { id: 1, periodFrom: "2024-01-01", periodTo: "2024-12-31" };
const planOf = (id: number) => (id === 1 ? plan : undefined);
const output = { number: "12/BC-UBND", date: "2024-03-01" };
const task = (t: Partial<TaskRef>): TaskRef => ({ planId: 1, kind: "one_off", source: "own", ...t });

test("a task is done only once its completion date has passed and its output is recorded", () => {
  const done = task({ completedOn: "2024-03-01", output, deadline: "2024-03-31" });
  assert.equal(isDoneAsOf(done, plan, "2024-02-28"), false);
  assert.equal(isDoneAsOf(done, plan, "2024-03-01"), true);
  assert.equal(isDoneAsOf({ ...done, output: null }, plan, "2024-06-30"), false);
});

test("recurring tasks are assessed at the end of the plan's period: before it, neither done nor overdue", () => {
  const recurring = task({ kind: "recurring", completedOn: "2024-05-01", output });
  assert.equal(isDoneAsOf(recurring, plan, "2024-06-14"), false);
  assert.equal(isOverdue(recurring, plan, "2024-06-14"), false);
  assert.equal(isDoneAsOf(recurring, plan, "2024-12-31"), true);
  assert.equal(dueDateOf(task({ kind: "recurring", deadline: "2024-03-01" }), plan), "2024-12-31");
  const unassessed = task({ kind: "recurring" });
  assert.equal(isOverdue(unassessed, plan, "2025-01-10"), true);
});

test("seed 002: 31 tasks, 8 done, 23 recurring awaiting the year-end assessment", () => {
  const tasks = [
    ...Array.from({ length: 8 }, (_, i) =>
      task({
        id: i,
        completedOn: "2021-05-10",
        output: { number: `${i}/KH`, date: "2021-05-10" },
        deadline: "2021-06-30",
      }),
    ),
    ...Array.from({ length: 23 }, (_, i) => task({ id: 100 + i, kind: "recurring" })),
  ];
  const p = { id: 1, periodFrom: "2021-01-01", periodTo: "2021-12-31" };
  const c = completionOf(tasks, () => p, "2021-06-14");
  assert.deepEqual(c, {
    planned: 31,
    done: 8,
    onTime: 8,
    late: 0,
    overdue: 0,
    pending: 23,
    recurringAwaiting: 23,
    percent: 25.81,
  });
});

test("on time against the deadline, late after it; overdue tasks come longest overdue first", () => {
  const tasks = [
    task({ id: 1, deadline: "2024-02-01", completedOn: "2024-02-01", output }),
    task({ id: 2, deadline: "2024-02-01", completedOn: "2024-02-05", output: { ...output, date: "2024-02-05" } }),
    task({ id: 3, deadline: "2024-04-01" }),
    task({ id: 4, deadline: "2024-03-01" }),
    task({ id: 5, deadline: "2024-09-01" }),
  ];
  const c = completionOf(tasks, planOf, "2024-06-30");
  assert.equal(c.done, 2);
  assert.equal(c.onTime, 1);
  assert.equal(c.late, 1);
  assert.equal(c.overdue, 2);
  assert.equal(c.pending, 1);
  assert.deepEqual(
    overdueTasks(tasks, planOf, "2024-06-30").map((t) => [t.id, t.dueOn]),
    [
      [4, "2024-03-01"],
      [3, "2024-04-01"],
    ],
  );
  const [row] = completionByPlan([plan], tasks, "2024-06-30");
  assert.equal(row!.completion.percent, 40);
  assert.equal(completionOf([], planOf, "2024-06-30").percent, null);
});

const date = fc
  .integer({ min: 0, max: 500 })
  .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const arbTask = fc.record({
  kind: fc.constantFrom("one_off" as const, "recurring" as const),
  source: fc.constantFrom("above" as const, "own" as const),
  deadline: fc.option(date, { nil: null }),
  completedOn: fc.option(date, { nil: null }),
});

test("property: done ≤ planned, on time + late = done, done + overdue + pending = planned, completion only grows", () => {
  fc.assert(
    fc.property(fc.array(arbTask, { maxLength: 40 }), date, date, (raw, a, b) => {
      const tasks = raw.map((t) => ({ ...t, planId: 1, output: t.completedOn ? output : null }));
      const [early, late] = a <= b ? [a, b] : [b, a];
      const c = completionOf(tasks, planOf, early);
      assert.ok(c.done <= c.planned);
      assert.equal(c.onTime + c.late, c.done);
      assert.equal(c.done + c.overdue + c.pending, c.planned);
      assert.ok(c.percent === null || (c.percent >= 0 && c.percent <= 100));
      assert.ok(completionOf(tasks, planOf, late).done >= c.done, "a task done stays done");
    }),
  );
});
