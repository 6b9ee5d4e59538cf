// The records as stored give the 01b figures of a unit's subtree; every change leaves its audit entry.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedTestUnits } from "../../../http/testing.ts";
import { createTestDatabase, type TestDatabase } from "../../testing.ts";
import { historyOf, subjectOf } from "./common.ts";
import { createPlan, deletePlan, findPlan } from "./plans.ts";
import { createRecord } from "./records.ts";
import { loadRecordFigures } from "./sheet-figures.ts";
import { createTask, updateTask } from "./tasks.ts";

let db: TestDatabase;
const by = { userId: null, now: new Date("2024-06-01T03:00:00Z") };
const plan = (unit: string, number: string, kind: "annual" | "discipline" = "annual") => ({
  unit,
  kind,
  number,
  title: "Kế hoạch CCHC năm 2024",
  issuedOn: "2024-01-02",
  issuer: "UBND xã",
  year: 2024,
  periodFrom: "2024-01-01",
  periodTo: "2024-12-31",
  evidence: [],
});
const task = {
  area: "direction" as const,
  content: "Ban hành kế hoạch tuyên truyền",
  outputKind: "plan" as const,
  lead: "Văn phòng",
  supporting: [],
  kind: "one_off" as const,
  source: "above" as const,
  progress: 0,
  deadline: "2024-03-31",
  evidence: [],
};

before(async () => {
  db = await createTestDatabase();
  await seedTestUnits(db);
});
after(async () => db.drop());

test("nothing recorded: an empty object; an unknown unit: unknown-unit", async () => {
  assert.deepEqual(await loadRecordFigures(db.db, { unit: "P1", from: "2024-01-01", to: "2024-06-30" }), {});
  await assert.rejects(loadRecordFigures(db.db, { unit: "KHONG", from: "2024-01-01", to: "2024-06-30" }), {
    code: "unknown-unit",
  });
});

test("plans, tasks and records of a commune count for it and for its province, not for another province", async () => {
  const a = await createPlan(db.db, "P1", plan("P1.01", "01/KH-UBND"), by);
  const b = await createPlan(db.db, "P1", plan("P1.02", "05/KH-UBND"), by);
  await createPlan(db.db, "P2", plan("P2.01", "01/KH-UBND"), by);
  const t1 = await createTask(db.db, a, "P1", task, by);
  await createTask(db.db, a, "P1", { ...task, source: "own" }, by);
  await createTask(db.db, b, "P1", task, by);
  await updateTask(
    db.db,
    t1,
    "P1",
    { ...task, progress: 100, completedOn: "2024-03-20", output: { number: "02/KH-UBND", date: "2024-03-20" } },
    by,
  );
  await createRecord(
    db.db,
    "P1",
    { unit: "P1.01", kind: "directive", on: "2024-02-01", data: { number: "1/CV", title: "x" }, evidence: [] },
    by,
  );
  await createRecord(
    db.db,
    "P1",
    { unit: "P1.02", kind: "staffing", on: "2024-05-31", data: { quota: 17, present: 16 }, evidence: [] },
    by,
  );
  const period = { from: "2024-01-01", to: "2024-06-30" };
  assert.deepEqual(await loadRecordFigures(db.db, { unit: "P1.01", ...period }), {
    "1.1.1": 2,
    "1.1.2": 1,
    "1.1.3": 1,
    "1.3.1": 1,
    "1.3.2": 1,
    "1.3.3": 0,
    "5.4.1": 0,
  });
  const province = await loadRecordFigures(db.db, { unit: "P1", ...period });
  assert.equal(province["1.1.1"], 3);
  assert.equal(province["1.1.2"], 1);
  assert.equal(province["4.1.2"], 16);
  assert.equal(province["5.4.5"], 0);
  const other = await loadRecordFigures(db.db, { unit: "P2", ...period });
  assert.deepEqual([other["1.1.1"], other["1.1.3"]], [0, undefined], "P2 has a plan without tasks");
  // the task's history: created, then completed with its output
  const history = await historyOf(db.db, subjectOf("task", "P1", t1.id));
  assert.deepEqual(
    history.map((h) => h.action),
    ["reform.task.create", "reform.task.update"],
  );
  const detail = history[1]!.detail as { before: { progress: number }; after: { progress: number; version: number } };
  assert.deepEqual([detail.before.progress, detail.after.progress, detail.after.version], [0, 100, 2]);
  // a removed plan no longer counts; its row and history stay
  await deletePlan(db.db, b, "P1", by);
  assert.equal((await loadRecordFigures(db.db, { unit: "P1", ...period }))["1.1.1"], 2);
  assert.equal(await findPlan(db.db, "P1", b.id), undefined);
  assert.equal((await historyOf(db.db, subjectOf("plan", "P1", b.id))).at(-1)?.action, "reform.plan.delete");
});

test("the database refuses a task done without its output, whatever the caller", async () => {
  const p = await createPlan(db.db, "P1", plan("P1.01", "09/KH-UBND"), by);
  await assert.rejects(createTask(db.db, p, "P1", { ...task, progress: 100, completedOn: "2024-02-01" }, by), {
    code: "task-done-without-output",
  });
  await assert.rejects(
    db.db
      .insertInto("reform_tasks")
      .values({
        province_code: "P1",
        plan_id: p.id,
        ordinal: 50,
        area: "direction",
        content: "x",
        output_kind: "plan",
        lead: "x",
        supporting: "[]",
        kind: "one_off",
        source: "own",
        progress: 100,
        completed_on: "2024-02-01",
        evidence: "[]",
        note: null,
        deadline: null,
        output: null,
        created_by: null,
        updated_by: null,
        deleted_at: null,
      })
      .execute(),
  );
  await assert.rejects(createTask(db.db, p, "P1", { ...task, evidence: [{ fileId: "khong-co", pages: "1" }] }, by), {
    code: "unknown-file",
  });
});
