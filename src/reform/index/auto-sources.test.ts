// The automatic sources outside the reform records: report timeliness, apology compliance, published
// procedures; and the survey component of the total.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { apologyCompliance, publishedProcedures, reportTimeliness } from "./auto-sources.ts";
import { parseCriteriaSet } from "./criteria.ts";
import { scoreAuto, scorecard, surveyScore } from "./score.ts";

const leaf = (auto: string, max = 2) =>
  parseCriteriaSet({
    id: "t",
    version: 1,
    title: "t",
    scale: 100,
    survey: { optional: true, max: 10 },
    bands: [{ name: "Tất cả", minPercent: 0 }],
    fields: [{ code: "1", name: "L", children: [{ code: "1.1", name: "Lá", max, rule: { kind: "ratio" }, auto }] }],
  });

test("report timeliness: submitted by the due date ÷ due; not yet due is not counted; never submitted is late", () => {
  const filings = [
    { from: "2024-01-01", to: "2024-03-14", dueOn: "2024-03-20", submittedOn: "2024-03-18" },
    { from: "2024-01-01", to: "2024-06-14", dueOn: "2024-06-20", submittedOn: "2024-06-21" },
    { from: "2024-01-01", to: "2024-09-14", dueOn: "2024-09-20", submittedOn: null },
    { from: "2024-01-01", to: "2024-12-14", dueOn: "2024-12-20", submittedOn: null },
  ];
  const v = reportTimeliness(filings, "2024-12-20");
  assert.equal(v?.kind, "ratio");
  assert.deepEqual(v?.kind === "ratio" && [v.numerator, v.denominator], [1, 3]);
  const node = leaf("report_timeliness").fields[0]!.children[0]!;
  const s = scoreAuto(node, 2, v!);
  assert.equal(s.score, 0.67);
  assert.match(s.reason ?? "", /kỳ 2024-01-01–2024-09-14: hạn 2024-09-20, chưa gửi \(trễ\)/);
  assert.equal(reportTimeliness([], "2024-12-31"), undefined);
  assert.equal(reportTimeliness([filings[3]!], "2024-12-20"), undefined);
});

test("apology compliance: timely apologies ÷ late; no late dossier earns the maximum", () => {
  const node = leaf("apology_compliance").fields[0]!.children[0]!;
  const some = apologyCompliance({ late: 4, withApology: 3, withoutApologyCodes: ["X-240101-0001"] })!;
  assert.equal(scoreAuto(node, 2, some).score, 1.5);
  const none = apologyCompliance({ late: 0, withApology: 0, withoutApologyCodes: [] })!;
  const full = scoreAuto(node, 2, none);
  assert.equal(full.score, 2);
  assert.equal(full.reason, null);
  assert.match(full.formula, /không phát sinh, đạt tối đa/);
  assert.equal(apologyCompliance(undefined), undefined);
});

test("published procedures: published in full ÷ in force; none in force is no value", () => {
  const v = publishedProcedures({ inForce: 10, published: 8, incomplete: ["1.1", "1.2"] })!;
  const node = leaf("published_procedures", 1).fields[0]!.children[0]!;
  const s = scoreAuto(node, 1, v);
  assert.equal(s.score, 0.8);
  assert.match(s.reason ?? "", /1\.1 chưa đủ thông tin công khai/);
  assert.equal(publishedProcedures({ inForce: 0, published: 0, incomplete: [] }), undefined);
});

test("an automatic leaf without a maximum is unscored, its data shown", () => {
  const set = parseCriteriaSet({
    ...leaf("apology_compliance"),
    fields: [
      { code: "1", name: "L", children: [{ code: "1.1", name: "Lá", rule: { kind: "ratio" }, auto: "e_result_rate" }] },
    ],
  });
  const card = scorecard(set, {
    auto: { e_result_rate: { kind: "ratio", numerator: 1, denominator: 4, label: "KQĐT" } },
    assessments: new Map(),
  });
  assert.deepEqual(card.unscored, ["1.1"]);
  assert.match(card.nodes[0]!.children[0]!.formula, /dữ liệu: KQĐT = 1\/4 = 25%/);
  assert.equal(card.total, 0);
});

test("survey: points = percent × the set's survey max, added to total and max; optional and absent adds nothing", () => {
  const set = leaf("e_result_rate");
  const auto = { e_result_rate: { kind: "ratio" as const, numerator: 1, denominator: 2, label: "KQĐT" } };
  const without = scorecard(set, { auto, assessments: new Map() });
  assert.deepEqual([without.total, without.max, without.survey?.points], [1, 2, null]);
  const withSurvey = scorecard(set, { auto, assessments: new Map(), survey: { percent: 85, respondents: 120 } });
  assert.deepEqual([withSurvey.total, withSurvey.max, withSurvey.survey?.points], [9.5, 12, 8.5]);
  const required = parseCriteriaSet({ ...set, survey: { optional: false, max: 10 } });
  const pending = scorecard(required, { auto, assessments: new Map() });
  assert.deepEqual([pending.total, pending.max], [1, 12]);
  assert.ok(pending.pending.includes("survey"));
  const noMax = surveyScore(parseCriteriaSet({ ...set, survey: { optional: true, max: null } }), { percent: 90 });
  assert.equal(noMax.points, null);
});

test("property: 0 ≤ survey points ≤ survey max, total − survey points = the leaves' total", () => {
  const set = leaf("e_result_rate");
  fc.assert(
    fc.property(fc.double({ min: -50, max: 150, noNaN: true }), fc.nat(100), fc.nat(100), (percent, a, b) => {
      const auto = {
        e_result_rate: { kind: "ratio" as const, numerator: Math.min(a, b), denominator: Math.max(a, b), label: "x" },
      };
      const plain = scorecard(set, { auto, assessments: new Map() });
      const card = scorecard(set, { auto, assessments: new Map(), survey: { percent } });
      const points = card.survey?.points ?? -1;
      assert.ok(points >= 0 && points <= 10);
      assert.ok(Math.abs(card.total - points - plain.total) < 0.011);
      assert.ok(card.total <= card.max + 1e-9);
    }),
  );
});
