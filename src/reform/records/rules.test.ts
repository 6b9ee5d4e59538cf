import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecordData, RecordKind, ReformRecord, Task } from "./model.ts";
import { checkPlan, checkRecord, checkTask, naturalRef, normalizePlan, validPages } from "./rules.ts";
import { RecordSchema, TaskSchema } from "./schemas.ts";

const codes = (list: { code: string }[]) => list.map((v) => v.code);
const task = (t: Partial<Task>): Task => ({
  planId: 1,
  ordinal: 1,
  area: "direction",
  content: "Ban hành kế hoạch tuyên truyền",
  outputKind: "plan",
  lead: "Văn phòng UBND",
  supporting: [],
  kind: "one_off",
  source: "own",
  progress: 0,
  evidence: [],
  ...t,
});
const rec = <K extends RecordKind>(kind: K, data: RecordData[K], on = "2024-03-01"): ReformRecord =>
  ({ unit: "X", kind, on, data, evidence: [] }) as ReformRecord;

test("a task cannot be done without its output document; 100% needs a completion date", () => {
  assert.deepEqual(codes(checkTask(task({ completedOn: "2024-03-01", progress: 100 }))), ["task-done-without-output"]);
  assert.deepEqual(codes(checkTask(task({ progress: 100 }))), ["task-progress-without-completion"]);
  const output = { number: "01/KH-UBND", date: "2024-03-02" };
  assert.deepEqual(codes(checkTask(task({ completedOn: "2024-03-01", progress: 60, output }))), [
    "task-output-after-completion",
    "task-done-progress",
  ]);
  assert.deepEqual(checkTask(task({ completedOn: "2024-03-02", progress: 100, output })), []);
  assert.deepEqual(checkTask(task({ progress: 40, output })), [], "an output may be recorded before the task is done");
});

test("evidence page pointers", () => {
  for (const ok of ["3", "3-5", "2, 7-9", "1;4"]) assert.ok(validPages(ok), ok);
  for (const bad of ["", "0", "5-3", "a", "3-", "1,,2"]) assert.ok(!validPages(bad), bad);
  const t = task({ evidence: [{ fileId: "f", pages: "9-2" }] });
  assert.deepEqual(
    checkTask(t).map((v) => [v.code, v.field]),
    [["evidence-pages-invalid", "evidence.0.pages"]],
  );
});

test("a plan's period defaults to its year and must be in order", () => {
  const base = {
    unit: "X",
    kind: "annual" as const,
    number: "62/KH-UBND",
    title: "KH CCHC 2020",
    issuedOn: "2019-12-25",
    issuer: "UBND phường",
    year: 2020,
    evidence: [],
  };
  const plan = normalizePlan(base);
  assert.deepEqual([plan.periodFrom, plan.periodTo], ["2020-01-01", "2020-12-31"]);
  assert.deepEqual(checkPlan(plan), []);
  assert.deepEqual(codes(checkPlan({ ...plan, periodFrom: "2021-01-01", periodTo: "2020-12-31" })), ["period-order"]);
  assert.deepEqual(codes(checkPlan({ ...plan, year: 2025 })), ["plan-year-outside-period"]);
});

test("record rules: parts within totals, levels add up, facts within their choices", () => {
  assert.deepEqual(
    codes(checkRecord(rec("inspection", { subject: "x", inspected: 3, issuesFound: 1, issuesResolved: 2 }))),
    ["resolved-exceeds-found"],
  );
  const q = {
    group: "cadre" as const,
    total: 9,
    meetingStandard: 9,
    postgraduate: 0,
    university: 6,
    college: 0,
    intermediate: 3,
    elementary: 0,
    untrained: 0,
  };
  assert.deepEqual(checkRecord(rec("qualification", q)), []);
  assert.deepEqual(codes(checkRecord(rec("qualification", { ...q, university: 5, meetingStandard: 10 }))), [
    "part-exceeds-total",
    "levels-do-not-add-up",
  ]);
  assert.deepEqual(codes(checkRecord(rec("fact", { fact: "video_conferencing", value: 3 }))), ["fact-value-invalid"]);
  assert.deepEqual(checkRecord(rec("fact", { fact: "video_conferencing", value: 2 })), []);
  assert.deepEqual(codes(checkRecord(rec("fact", { fact: "discipline_inspection", numerator: 3, denominator: 0 }))), [
    "fact-share-incomplete",
  ]);
  assert.deepEqual(codes(checkRecord(rec("outgoing_documents", { total: 10, electronic: 11, withPaper: 0 }))), [
    "part-exceeds-total",
  ]);
  assert.deepEqual(
    codes(checkRecord(rec("procedure_review", { reviewed: 2, selfRepealed: 1, selfAmended: 1, proposedToHigher: 1 }))),
    ["part-exceeds-total"],
  );
});

test("legal documents: steps after the issue date, handled only after a proposal", () => {
  const doc = (d: Partial<RecordData["legal_document"]>) =>
    rec(
      "legal_document",
      { number: "1/NQ", title: "x", status: "issued", checks: [], reviews: [], ...d },
      "2024-03-01",
    );
  assert.deepEqual(codes(checkRecord(doc({ reviews: ["2024-02-01"] }))), ["date-before-issue"]);
  assert.deepEqual(codes(checkRecord(doc({ handledOn: "2024-05-01" }))), ["handled-without-proposal"]);
  assert.deepEqual(
    codes(checkRecord(doc({ proposal: { kind: "self_repeal", on: "2024-05-01" }, handledOn: "2024-04-01" }))),
    ["handled-before-proposal"],
  );
});

test("schemas: shapes, defaults and impossible dates", () => {
  const parsed = TaskSchema.parse({
    area: "procedure",
    content: "Rà soát TTHC",
    outputKind: "report",
    lead: "Tư pháp",
  });
  assert.equal(parsed.kind, "one_off");
  assert.equal(parsed.progress, 0);
  assert.equal(TaskSchema.safeParse({ ...parsed, deadline: "2024-02-30" }).success, false);
  assert.equal(RecordSchema.safeParse({ kind: "nothing", unit: "X", on: "2024-01-01", data: {} }).success, false);
  const r = RecordSchema.parse({ kind: "survey", unit: "X", on: "2024-01-01", data: { forms: 28, method: 1 } });
  assert.deepEqual(r.evidence, []);
});

test("natural keys: the number for documents, a digest of the content otherwise", () => {
  const a = rec("directive", { number: "16/CT-UBND", title: "a" });
  assert.equal(naturalRef(a), "directive:16/ct-ubnd");
  const o = rec("outreach", { form: "loudspeaker", title: "Chuyên mục", count: 6 });
  assert.equal(
    naturalRef(o),
    naturalRef({ ...o, data: { count: 6, title: "Chuyên mục", form: "loudspeaker" } as never }),
  );
  assert.notEqual(naturalRef(o), naturalRef({ ...o, on: "2024-03-02" }));
});
