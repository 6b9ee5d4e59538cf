// Seed 003 (Xã Vĩnh Long, 2022: 84,66 điểm, hạng 8/18): its lost criteria and points reproduced from the
// records and figures its officer would have entered, with the default commune set.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Plan, ReformRecord, Task } from "../records/model.ts";
import { autoValues, type IndexInputs } from "./auto.ts";
import { DEFAULT_COMMUNE_SET } from "./default-commune-set.ts";
import { type Assessment, leaves, scorecard } from "./score.ts";

const year = { from: "2022-01-01", to: "2022-12-31" };
const plan = (id: number, kind: Plan["kind"], number: string, fileId: string | null): Plan & { id: number } => ({
  id,
  unit: "VL",
  kind,
  number,
  title: number,
  issuedOn: "2022-01-19",
  issuer: "UBND xã Vĩnh Long",
  year: 2022,
  periodFrom: year.from,
  periodTo: year.to,
  fileId,
  evidence: [],
});

/** 33 tasks done, each with its output document number but no file: "33/33 done" unverifiable. */
const tasks: (Task & { id: number })[] = Array.from({ length: 33 }, (_, i) => ({
  id: i + 1,
  planId: 1,
  ordinal: i + 1,
  area: "direction",
  content: `Nhiệm vụ ${i + 1}`,
  outputKind: "report",
  lead: "Văn phòng",
  supporting: [],
  deadline: "2022-11-30",
  kind: "one_off",
  source: "own",
  progress: 100,
  completedOn: "2022-11-15",
  output: { number: `${i + 10}/BC-UBND`, date: "2022-11-15", fileId: null },
  evidence: [],
}));

const record = (kind: ReformRecord["kind"], on: string, data: object): ReformRecord =>
  ({ unit: "VL", kind, on, data, evidence: [] }) as ReformRecord;

export function seed003Inputs(): IndexInputs {
  return {
    period: year,
    // Kế hoạch Tư pháp 02–07 in one file; 03/KH-UBND is the VBQPPL review plan.
    plans: [
      plan(1, "annual", "01/KH-UBND", "f-annual"),
      plan(2, "legal_check", "02/KH-UBND", "f-tuphap"),
      plan(3, "legal_review", "03/KH-UBND", "f-tuphap"),
      plan(4, "law_enforcement", "04/KH-UBND", "f-tuphap"),
    ],
    tasks,
    records: [
      record("outreach", "2022-03-10", { form: "loudspeaker", title: "Tuyên truyền trên loa", count: 12 }),
      record("outreach", "2022-05-10", { form: "meeting", title: "Lồng ghép hội nghị thôn", count: 6 }),
      record("initiative", "2022-10-01", { title: "Sổ tay TTHC", decision: "12/QĐ-HĐSK" }),
    ],
    figures: {
      eResult: { numerator: 16, denominator: 100 },
      onlinePaymentProcedures: { numerator: 0, denominator: 124 },
      onlinePaymentUsedProcedures: { numerator: 0, denominator: 0 },
      onlinePayment: { numerator: 0, denominator: 40 },
      fullyOnline: { numerator: 0, denominator: 100 },
    },
  };
}

const assessed = (score: number, appraised: number, note: string, withEvidence = false): Assessment => ({
  selfScore: score,
  evidence: withEvidence ? [{ fileId: "f", pages: "1" }] : [],
  appraisal1: appraised,
  appraisal2: null,
  final: null,
  appraiserNote: note,
});

export const seed003Assessments = new Map<string, Assessment>([
  ["2.3", assessed(0, 0, "Trong năm không tổ chức triển khai thực hiện các VBQPPL của cấp trên")],
  ["6.2", assessed(2, 0, "Chưa có tài liệu kiểm chứng công khai quản lý, sử dụng tài sản công")],
  ["6.3", assessed(0, 0, "Chưa giải ngân vốn đầu tư phát triển theo kế hoạch")],
]);

test("seed 003: the lost criteria and points come out of records and figures", () => {
  const card = scorecard(DEFAULT_COMMUNE_SET, { auto: autoValues(seed003Inputs()), assessments: seed003Assessments });
  assert.deepEqual(
    card.lost.map((l) => [l.code, l.lost, l.max]),
    [
      ["1.1.3", 0.5, 2],
      ["1.4.2", 1, 2],
      ["1.5.4", 1, 2],
      ["2.2.1", 2, 2],
      ["2.3", 2, 2],
      ["3.11.2", 0.84, 1],
      ["3.12.1", 1, 1],
      ["3.12.2", 0.5, 0.5],
      ["3.12.3", 0.5, 0.5],
      ["3.13.2", 0.5, 0.5],
      ["6.2", 2, 2],
      ["6.3", 2, 2],
    ],
  );
  const reason = (code: string) => card.lost.find((l) => l.code === code)?.reason ?? "";
  assert.match(reason("1.1.3"), /chưa có căn cứ xác định đã hoàn thành 33\/33/);
  assert.match(reason("1.5.4"), /còn thiếu 1/);
  assert.match(reason("2.2.1"), /03\/KH-UBND gộp chung một tệp/);
  assert.match(reason("3.12.2"), /không phát sinh/);
  // 6.2 self-scored 2 without evidence: a warning on the self-assessment
  const card2 = scorecard(DEFAULT_COMMUNE_SET, {
    auto: {},
    assessments: new Map([["6.2", { ...assessed(2, 0, ""), appraisal1: null }]]),
  });
  assert.deepEqual(
    card2.warnings.map((w) => w.code),
    ["6.2"],
  );
  // total = the sum of the scored leaves; 3.13.3 has no max in the default set: not scored
  const scored = [...leaves(card.nodes)].filter((n) => n.score !== null);
  assert.equal(card.total, Math.round(scored.reduce((s, n) => s + (n.score as number), 0) * 100) / 100);
  assert.equal(card.total, 1.5 + 1 + 1 + 0 + 0 + 0.16 + 0 + 0 + 0 + 0 + 0 + 0);
  assert.equal(card.max, 2 + 2 + 2 + 2 + 2 + 1 + 1 + 0.5 + 0.5 + 0.5 + 2 + 2);
  assert.ok(card.unscored.includes("3.13.3"));
  const n113 = [...leaves(card.nodes)].find((n) => n.code === "1.1.3");
  assert.match(n113?.formula ?? "", /33\/33 = 100%.*trừ 0,5/);
});

test("seed 003 fixed: a second initiative, a contest, the review plan in its own file", () => {
  const inputs = seed003Inputs();
  const fixed: IndexInputs = {
    ...inputs,
    plans: inputs.plans.map((p) => (p.id === 3 ? { ...p, fileId: "f-rasoat" } : p)),
    records: [
      ...inputs.records,
      record("initiative", "2022-11-01", { title: "Zalo một cửa", decision: "13/QĐ-HĐSK" }),
      record("outreach", "2022-06-01", { form: "contest", title: "Cuộc thi tìm hiểu CCHC", count: 1 }),
    ],
  };
  const card = scorecard(DEFAULT_COMMUNE_SET, { auto: autoValues(fixed), assessments: new Map() });
  const lost = new Set(card.lost.map((l) => l.code));
  for (const code of ["1.4.2", "1.5.4", "2.2.1"]) assert.ok(!lost.has(code), code);
  assert.ok(lost.has("1.1.3"));
});
