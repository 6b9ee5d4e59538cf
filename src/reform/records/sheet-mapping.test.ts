import assert from "node:assert/strict";
import { test } from "node:test";
import { SHEET_ROWS } from "../sheet/rows.ts";
import type { TaskRef } from "./completion.ts";
import type { FactName, RecordData, RecordKind } from "./model.ts";
import { type PlanLike, RECORD_FIGURE_CODES, type RecordLike, recordFigures } from "./sheet-mapping.ts";

const SIX_MONTHS_2024 = { from: "2023-12-15", to: "2024-06-14" };
const rec = <K extends RecordKind>(kind: K, on: string, data: RecordData[K], unit = "X"): RecordLike =>
  ({ unit, kind, on, data }) as RecordLike;
const fact = (name: FactName, on: string, d: Partial<RecordData["fact"]>, unit = "X") =>
  rec("fact", on, { fact: name, ...d }, unit);
const plan = (id: number, kind: PlanLike["kind"], issuedOn: string, unit = "X"): PlanLike => ({
  id,
  unit,
  kind,
  issuedOn,
  periodFrom: "2024-01-01",
  periodTo: "2024-12-31",
});

/** Seed 001 (Hoằng Hợp, 6 months 2024) as its reform officer would have recorded it. */
function seed001() {
  const plans = [
    plan(1, "annual", "2024-01-02"),
    plan(2, "discipline", "2024-01-04"),
    plan(3, "procedure_control", "2024-01-02"),
  ];
  const tasks: TaskRef[] = Array.from({ length: 38 }, (_, i) => ({
    id: i + 1,
    planId: 1,
    kind: "one_off",
    source: "above",
    deadline: "2024-05-31",
    ...(i < 19 ? { completedOn: "2024-04-01", output: { number: `${i + 1}/BC-UBND`, date: "2024-04-01" } } : {}),
  }));
  const records: RecordLike[] = [
    ...Array.from({ length: 16 }, (_, i) =>
      rec("directive", "2024-02-01", { number: `${i + 1}/CV-UBND`, title: "Chỉ đạo" }),
    ),
    rec("inspection", "2024-04-10", { subject: "Tự kiểm tra CCHC", inspected: 6, issuesFound: 0, issuesResolved: 0 }),
    rec("survey", "2024-05-01", { forms: 28, method: 1 }),
    rec("dialogue", "2024-03-15", { title: "Đối thoại với Nhân dân" }),
    rec("staffing", "2024-05-31", { quota: 17, present: 17 }),
    fact("discipline_inspection", "2024-06-01", { numerator: 1, denominator: 1 }),
    fact("spending_rules", "2023-01-10", { value: 1 }),
    fact("asset_rules", "2023-01-10", { value: 1 }),
    fact("video_conferencing", "2022-06-01", { value: 2 }),
    fact("document_system_connected", "2021-01-01", { value: 1 }),
    fact("one_stop_connected", "2021-01-01", { value: 1 }),
    fact("iso_maintained", "2021-01-01", { value: 1 }),
    rec("outgoing_documents", "2024-06-14", { total: 371, electronic: 371, withPaper: 371 }),
  ];
  return { plans, tasks, records };
}

test("seed 001's records give its Phụ lục 01b figures for groups 1, 4, 5, 6 and 7", () => {
  assert.deepEqual(recordFigures(seed001(), SIX_MONTHS_2024), {
    "1.1.1": 38,
    "1.1.2": 19,
    "1.1.3": 16,
    "1.2.1": 6,
    "1.2.2": 0,
    "1.2.3": 0,
    "1.3.1": 38,
    "1.3.2": 19,
    "1.3.3": 0,
    "1.4.1": 28,
    "1.4.2": 1,
    "1.5": 1,
    "4.1.1": 17,
    "4.1.2": 17,
    "4.1.3": 0,
    "5.4.1": 1,
    "5.4.2": 100,
    "5.4.5": 0,
    "5.4.6": 0,
    "6.1": 1,
    "6.2": 1,
    "7.1": 2,
    "7.2.1": 1,
    "7.2.3": 371,
    "7.2.3.electronic": 100,
    "7.2.3.withPaper": 100,
    "7.4.1": 1,
    "7.6": 1,
  });
});

test("nothing recorded, nothing returned; records outside the period do not count", () => {
  assert.deepEqual(recordFigures({ plans: [], tasks: [], records: [] }, SIX_MONTHS_2024), {});
  const later = [
    rec("directive", "2024-07-01", { number: "1/CV", title: "x" }),
    rec("dialogue", "2023-12-14", { title: "x" }),
  ];
  assert.deepEqual(recordFigures({ plans: [], tasks: [], records: later }, SIX_MONTHS_2024), {});
  // a plan issued after the period, or for another year, is not the period's plan
  const plans = [
    plan(1, "annual", "2024-06-20"),
    { ...plan(2, "annual", "2022-12-20"), periodFrom: "2023-01-01", periodTo: "2023-06-30" },
  ];
  assert.deepEqual(recordFigures({ plans, tasks: [], records: [] }, { from: "2023-12-15", to: "2024-06-14" }), {});
});

test("a mid-year report leaves recurring tasks out of done; the annual report counts them, late ones on 1.3.3", () => {
  const set = {
    plans: [plan(1, "annual", "2024-01-02")],
    tasks: [
      {
        planId: 1,
        kind: "recurring",
        source: "above",
        completedOn: "2024-03-01",
        output: { number: "1", date: "2024-03-01" },
      },
      {
        planId: 1,
        kind: "one_off",
        source: "above",
        deadline: "2024-02-01",
        completedOn: "2024-02-10",
        output: { number: "2", date: "2024-02-10" },
      },
      { planId: 1, kind: "one_off", source: "own" },
    ] as TaskRef[],
    records: [],
  };
  const mid = recordFigures(set, { from: "2024-01-01", to: "2024-06-30" });
  assert.deepEqual(
    [mid["1.1.1"], mid["1.1.2"], mid["1.3.1"], mid["1.3.2"], mid["1.3.3"], mid["5.4.1"]],
    [3, 1, 2, 0, 1, 0],
  );
  const year = recordFigures(set, { from: "2024-01-01", to: "2024-12-31" });
  assert.deepEqual([year["1.1.2"], year["1.3.2"], year["1.3.3"]], [2, 1, 1]);
});

test("legal documents count by the date of each step, so quarters come out (Phụ lục 3)", () => {
  const doc = (number: string, on: string, d: Partial<RecordData["legal_document"]> = {}) =>
    rec("legal_document", on, { number, title: "Nghị quyết", status: "issued", checks: [], reviews: [], ...d });
  const records = [
    doc("1/NQ-HĐND", "2024-01-10", { checks: ["2024-01-20"], reviews: ["2024-05-02"] }),
    doc("2/NQ-HĐND", "2023-07-01", {
      reviews: ["2024-02-01"],
      proposal: { kind: "self_amend", on: "2024-02-10" },
      handledOn: "2024-04-15",
    }),
  ];
  const q = (from: string, to: string) => {
    const f = recordFigures({ plans: [], tasks: [], records }, { from, to });
    return ["2.1", "2.2", "2.3", "2.4", "2.5"].map((c) => f[c]);
  };
  assert.deepEqual(q("2024-01-01", "2024-03-31"), [1, 1, 1, 1, 0]);
  assert.deepEqual(q("2024-04-01", "2024-06-30"), [0, 0, 1, 0, 1]);
  assert.deepEqual(q("2024-07-01", "2024-09-30"), [undefined, undefined, undefined, undefined, undefined]);
});

test("over a subtree: counts add up, shares are pooled, a yes/no holds only where every unit has it", () => {
  const records = [
    rec("staffing", "2024-01-05", { quota: 20, present: 18 }, "A"),
    rec("staffing", "2024-05-31", { quota: 20, present: 19 }, "A"),
    rec("staffing", "2024-05-31", { quota: 15, present: 15 }, "B"),
    rec("staff_cut", "2024-03-01", { people: 1 }, "A"),
    rec("discipline", "2024-03-01", { level: "civil_servant", people: 1 }, "B"),
    fact("spending_rules", "2023-01-01", { value: 1 }, "A"),
    fact("spending_rules", "2023-01-01", { value: 1 }, "B"),
    fact("spending_rules", "2024-02-01", { value: 0 }, "B"),
    fact("video_conferencing", "2024-02-01", { value: 2 }, "A"),
    fact("video_conferencing", "2024-07-01", { value: 2 }, "B"),
    fact("video_conferencing", "2024-02-01", { value: 1 }, "B"),
    fact("discipline_inspection", "2024-06-01", { numerator: 1, denominator: 4 }, "A"),
    fact("discipline_inspection", "2024-06-01", { numerator: 2, denominator: 2 }, "B"),
    fact("results_published_portal", "2024-03-01", { value: 40 }, "A"),
    fact("results_published_portal", "2024-04-01", { value: 60 }, "B"),
    rec("outgoing_documents", "2024-03-31", { total: 100, electronic: 90, withPaper: 10 }, "A"),
    rec("outgoing_documents", "2024-06-30", { total: 200, electronic: 200, withPaper: 0 }, "B"),
  ];
  const f = recordFigures({ plans: [], tasks: [], records }, { from: "2024-01-01", to: "2024-06-30" });
  assert.equal(f["4.1.1"], 35);
  assert.equal(f["4.1.2"], 34);
  assert.equal(f["4.1.3"], 1);
  assert.equal(f["5.4.5"], 0);
  assert.equal(f["5.4.6"], 1);
  assert.equal(f["6.1"], 0);
  assert.equal(f["7.1"], 1);
  assert.equal(f["5.4.2"], 50);
  assert.equal(f["3.4.1"], 100);
  assert.equal(f["7.2.3"], 300);
  assert.equal(f["7.2.3.electronic"], 96.67);
  assert.equal(f["7.2.3.withPaper"], 3.33);
  const surveys = [
    rec("survey", "2024-02-01", { forms: 10, method: 0 }),
    rec("survey", "2024-03-01", { forms: 5, method: 1 }),
  ];
  const s = recordFigures({ plans: [], tasks: [], records: surveys }, { from: "2024-01-01", to: "2024-06-30" });
  assert.deepEqual([s["1.4.1"], s["1.4.2"]], [15, 2]);
});

test("every code the records yield is a value row of the 01b sheet kept by the records", () => {
  const rows = new Map(SHEET_ROWS.map((r) => [r.code, r]));
  for (const code of RECORD_FIGURE_CODES) {
    const row = rows.get(code);
    assert.ok(row, `${code} is a row of the sheet`);
    assert.ok(!row.group, `${code} is not a group row`);
    assert.equal(row.source, "records", `${code} is kept by the records`);
  }
  const produced = Object.keys(recordFigures(seed001(), SIX_MONTHS_2024));
  for (const code of produced) assert.ok(RECORD_FIGURE_CODES.includes(code), code);
});
