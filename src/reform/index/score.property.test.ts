// Universal rules of the scorecard: every scored node within its range, the total the sum of the leaves.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CriteriaSet, parseCriteriaSet } from "./criteria.ts";
import { type Assessment, leaves, scorecard } from "./score.ts";

const set: CriteriaSet = parseCriteriaSet({
  id: "prop",
  version: 1,
  title: "Bộ thử",
  scale: 100,
  survey: { optional: true, max: null },
  bands: [
    { name: "Tốt", minPercent: 80 },
    { name: "Khác", minPercent: 0 },
  ],
  fields: [
    {
      code: "1",
      name: "Lĩnh vực",
      children: [
        { code: "1.1", name: "Tỷ lệ", max: 1.5, rule: { kind: "ratio" }, auto: "e_result_rate" },
        {
          code: "1.2",
          name: "Mức",
          max: 2,
          rule: {
            kind: "tiers",
            tiers: [
              { min: 1, points: 2 },
              { min: 0.8, points: 1 },
            ],
          },
          auto: "plan_completion",
          unprovenDeduction: 0.5,
        },
        { code: "1.3", name: "Đếm", max: 2, rule: { kind: "count", per: 0.75 }, auto: "initiatives" },
        { code: "1.4", name: "Có/không", max: 1, rule: { kind: "yes_no" }, auto: "legal_review_plan" },
        { code: "1.5", name: "Thủ công", max: 3 },
      ],
    },
    {
      code: "9",
      name: "Thưởng/trừ",
      children: [
        { code: "9.1", name: "Thưởng", max: 2, rule: { kind: "bonus" } },
        { code: "9.2", name: "Trừ", max: 2, rule: { kind: "penalty" } },
      ],
    },
  ],
});

const score = fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null });
const assessment = fc
  .record({ selfScore: score, appraisal1: score, appraisal2: score, final: score })
  .map((a): Assessment => ({ ...a, evidence: [] }));

test("0 ≤ score ≤ max (penalty: −max ≤ score ≤ 0), total = Σ leaves, lost ≤ max", () => {
  fc.assert(
    fc.property(
      fc.nat(50).chain((d) => fc.tuple(fc.constant(d), fc.nat(d))),
      fc.nat(40),
      fc.nat(5),
      fc.boolean(),
      fc.nat(3),
      fc.dictionary(fc.constantFrom("1.5", "9.1", "9.2"), assessment),
      ([den, num], _c, count, yes, unproven, assessments) => {
        const card = scorecard(set, {
          auto: {
            e_result_rate: { kind: "ratio", numerator: num, denominator: den, label: "r" },
            plan_completion: { kind: "ratio", numerator: num, denominator: den, unproven, label: "k" },
            initiatives: { kind: "count", count, items: [], label: "c" },
            legal_review_plan: { kind: "yes_no", yes, label: "y", reason: "no" },
          },
          assessments: new Map(Object.entries(assessments)),
        });
        let sum = 0;
        for (const leaf of leaves(card.nodes)) {
          if (leaf.score === null) continue;
          const max = leaf.max as number;
          if (leaf.rule === "penalty") assert.ok(leaf.score <= 0 && leaf.score >= -max, leaf.code);
          else assert.ok(leaf.score >= 0 && leaf.score <= max + 1e-9, `${leaf.code} ${leaf.score}`);
          sum += leaf.score;
        }
        assert.ok(Math.abs(card.total - sum) < 0.011);
        for (const l of card.lost) assert.ok(l.lost > 0 && l.lost <= l.max + 1e-9);
        assert.ok(card.max <= 1.5 + 2 + 2 + 1 + 3);
      },
    ),
  );
});

test("a set is refused with its problems: duplicate code, misplaced child, children above the parent's max", () => {
  assert.throws(
    () =>
      parseCriteriaSet({
        ...set,
        fields: [
          {
            code: "1",
            name: "A",
            max: 1,
            children: [
              { code: "1.1", name: "x", max: 1 },
              { code: "1.1", name: "y", max: 1 },
              { code: "2.1", name: "z", max: 1 },
            ],
          },
        ],
      }),
    (e: Error & { problems?: string[] }) =>
      !!e.problems?.some((p) => p.includes("trùng")) &&
      !!e.problems.some((p) => p.includes("không nằm dưới")) &&
      !!e.problems.some((p) => p.includes("vượt điểm tối đa")),
  );
  assert.throws(() => parseCriteriaSet({ id: "x" }), /không hợp lệ/);
});

test("a scored node without max is refused when scored", () => {
  const s = parseCriteriaSet({ ...set, fields: [{ code: "1", name: "A", children: [{ code: "1.1", name: "x" }] }] });
  assert.throws(
    () =>
      scorecard(s, {
        auto: {},
        assessments: new Map([
          ["1.1", { selfScore: 1, appraisal1: null, appraisal2: null, final: null, evidence: [] }],
        ]),
      }),
    /chưa có điểm tối đa: 1\.1/,
  );
  const card = scorecard(s, { auto: {}, assessments: new Map() });
  assert.deepEqual(card.unscored, ["1.1"]);
});
