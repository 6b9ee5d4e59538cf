import assert from "node:assert/strict";
import { test } from "node:test";
import { appendix1, appendix3, appendix5 } from "./appendices.ts";
import type { TaskRef } from "./completion.ts";
import type { RecordData, RecordKind } from "./model.ts";
import type { PlanLike, RecordLike } from "./sheet-mapping.ts";

const rec = <K extends RecordKind>(kind: K, on: string, data: RecordData[K]): RecordLike =>
  ({ unit: "HX", kind, on, data }) as RecordLike;

test("seed 000 Phụ lục 1: ten plans with their tasks, all done by Q3/2020", () => {
  const pl1: [PlanLike["kind"], string, number][] = [
    ["index_improvement", "2020-01-02", 68],
    ["annual", "2019-12-25", 30],
    ["self_inspection", "2020-01-02", 7],
  ];
  const plans = pl1.map(([kind, issuedOn], i) => ({
    id: i + 1,
    unit: "HX",
    kind,
    number: `${i + 1}/KH-UBND`,
    issuedOn,
    periodFrom: "2020-01-01",
    periodTo: "2020-12-31",
  }));
  const tasks: TaskRef[] = pl1.flatMap(([, , n], i) =>
    Array.from({ length: n }, (_, j) => ({
      planId: i + 1,
      kind: "one_off" as const,
      source: "own" as const,
      ...(j < n - 1 || i !== 0 ? { completedOn: "2020-08-01", output: { number: "x", date: "2020-08-01" } } : {}),
    })),
  );
  const rows = appendix1(plans, tasks, { from: "2020-07-01", to: "2020-09-30" });
  assert.deepEqual(
    rows.map((r) => [r.stt, r.kind, r.issuedOn, r.planned, r.done]),
    [
      [1, "annual", "2019-12-25", 30, 30],
      [2, "self_inspection", "2020-01-02", 7, 7],
      [3, "index_improvement", "2020-01-02", 68, 67],
    ],
  );
  assert.equal(rows[0]!.plan, "Kế hoạch CCHC năm (2/KH-UBND)");
});

test("seed 000 Phụ lục 3: VBQPPL issued and reviewed, TTHC reviewed, previous year and quarters", () => {
  const doc = (n: string, on: string, reviews: string[]) =>
    rec("legal_document", on, { number: n, title: "NQ", status: "issued", checks: [], reviews });
  const records = [
    doc("1/2019", "2019-03-01", ["2019-04-01"]),
    doc("2/2019", "2019-08-01", ["2019-09-01"]),
    doc("1/2020", "2020-05-04", ["2020-05-20"]),
    rec("procedure_review", "2019-12-01", { reviewed: 138, selfRepealed: 0, selfAmended: 0, proposedToHigher: 0 }),
    rec("procedure_review", "2020-03-20", { reviewed: 138, selfRepealed: 0, selfAmended: 0, proposedToHigher: 0 }),
    rec("procedure_review", "2020-06-20", { reviewed: 138, selfRepealed: 0, selfAmended: 0, proposedToHigher: 0 }),
    rec("procedure_review", "2020-09-20", { reviewed: 153, selfRepealed: 0, selfAmended: 0, proposedToHigher: 0 }),
  ];
  const rows = new Map(appendix3(records, "2020-09-30").map((r) => [r.key, r]));
  const cells = (key: string) => [rows.get(key)!.previousYear, ...rows.get(key)!.quarters];
  assert.deepEqual(cells("legal.issued"), [2, 0, 1, 0, null]);
  assert.deepEqual(cells("legal.reviewed"), [2, 0, 1, 0, null]);
  assert.deepEqual(cells("legal.selfAmended"), [0, 0, 0, 0, null]);
  assert.deepEqual(cells("procedures.reviewed"), [138, 138, 138, 153, null]);
  assert.equal(rows.get("procedures.reviewed")!.total, 429);
});

test("seed 000 Phụ lục 5: cán bộ and công chức, previous year against the report year", () => {
  const q = (group: "cadre" | "civil_servant", on: string, total: number, university: number, intermediate: number) =>
    rec("qualification", on, {
      group,
      total,
      meetingStandard: total,
      postgraduate: 0,
      university,
      college: 0,
      intermediate,
      elementary: 0,
      untrained: 0,
    });
  const records = [
    q("cadre", "2019-12-31", 10, 7, 3),
    q("cadre", "2020-09-30", 9, 6, 3),
    q("civil_servant", "2019-12-31", 10, 8, 2),
    q("civil_servant", "2020-06-30", 9, 8, 1),
  ];
  const rows = new Map(appendix5(records, "2020-09-30").map((r) => [r.key, [r.previousYear, r.reportYear]]));
  assert.deepEqual(rows.get("cadre.total"), [10, 9]);
  assert.deepEqual(rows.get("cadre.meetingStandard"), [10, 9]);
  assert.deepEqual(rows.get("cadre.university"), [7, 6]);
  assert.deepEqual(rows.get("cadre.intermediate"), [3, 3]);
  assert.deepEqual(rows.get("civil_servant.intermediate"), [2, 1]);
  assert.deepEqual(rows.get("civil_servant.untrained"), [0, 0]);
  assert.deepEqual(appendix5([], "2020-09-30")[1], {
    key: "cadre.total",
    label: "Tổng số",
    previousYear: null,
    reportYear: null,
  });
});
