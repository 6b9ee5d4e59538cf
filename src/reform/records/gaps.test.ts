import assert from "node:assert/strict";
import { test } from "node:test";
import { evidenceGaps } from "./gaps.ts";
import type { Plan, ReformRecord, Task } from "./model.ts";

const plan = (id: number, number: string, fileId: string | null): Plan & { id: number } => ({
  id,
  unit: "X",
  kind: "legal_review",
  number,
  title: "x",
  issuedOn: "2022-01-05",
  issuer: "UBND xã",
  year: 2022,
  periodFrom: "2022-01-01",
  periodTo: "2022-12-31",
  fileId,
  evidence: [],
});
const task = (id: number, t: Partial<Task>): Task & { id: number } => ({
  id,
  planId: 1,
  ordinal: id,
  area: "direction",
  content: "x",
  outputKind: "report",
  lead: "x",
  supporting: [],
  kind: "one_off",
  source: "own",
  progress: 100,
  completedOn: "2022-03-01",
  output: { number: "1/BC", date: "2022-03-01" },
  evidence: [],
  ...t,
});

test("seed 003's lost points: plans merged in one file, a plan without file, outputs and events without proof", () => {
  const plans = [plan(1, "02/KH", "f1"), plan(2, "07/KH", "f1"), plan(3, "08/KH", null), plan(4, "09/KH", "f2")];
  const tasks = [
    task(1, {}),
    task(2, { output: { number: "2/BC", date: "2022-03-01", fileId: "f3" } }),
    task(3, { evidence: [{ fileId: "f4", pages: "2" }] }),
    task(4, { completedOn: null, output: null, progress: 50 }),
  ];
  const records: (ReformRecord & { id: number })[] = [
    { id: 1, unit: "X", kind: "initiative", on: "2022-05-30", data: { title: "x", decision: "1/QĐ" }, evidence: [] },
    {
      id: 2,
      unit: "X",
      kind: "fact",
      on: "2022-01-01",
      data: { fact: "asset_rules", value: 1 },
      evidence: [{ fileId: "f5" }],
    },
  ];
  const gaps = evidenceGaps(plans, tasks, records);
  assert.deepEqual(
    gaps.map((g) => [g.code, g.subject.what, g.subject.id]),
    [
      ["plan-without-file", "plan", 3],
      ["plans-share-file", "plan", 1],
      ["plans-share-file", "plan", 2],
      ["task-without-proof", "task", 1],
      ["record-without-evidence", "record", 1],
    ],
  );
  assert.match(gaps[1]!.message, /02\/KH, 07\/KH dùng chung một tệp/);
  assert.deepEqual(evidenceGaps([plan(9, "1/KH", "f9")], [], []), []);
});
