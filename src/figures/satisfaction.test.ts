import { test } from "node:test";
import assert from "node:assert/strict";
import { formatPercent } from "./ratio.ts";
import { type RatingRecord, type Rating, ratingOf, satisfactionReport, SURVEY_SCALE_004 } from "./satisfaction.ts";

function ballots(field: string, counts: Partial<Record<Rating, number>>): RatingRecord[] {
  return Object.entries(counts).flatMap(([rating, n]) =>
    Array.from({ length: n ?? 0 }, () => ({ field, rating: rating as Rating })),
  );
}

test("seed 004's survey: Đất đai 1104 ballots, 91,7% simple, 3% fewer papers, 5,3% complicated", () => {
  const ratings = [
    ...ballots("Đất đai", { simple: 1012, needs_fewer_papers: 33, complicated: 59 }),
    ...ballots("Tư pháp", { simple: 138 }),
    ...ballots("Thuế", { simple: 751 }),
  ];
  const report = satisfactionReport(ratings, SURVEY_SCALE_004);
  assert.deepEqual(
    report.rows.map((r) => [r.key, r.ballots]),
    [
      ["Đất đai", 1104],
      ["Thuế", 751],
      ["Tư pháp", 138],
    ],
  );
  const land = report.rows[0]!;
  assert.equal(formatPercent(land.shares.simple!, 1), "91,7%");
  assert.equal(formatPercent(land.shares.needs_fewer_papers!, 1), "3,0%");
  assert.equal(formatPercent(land.shares.complicated!, 1), "5,3%");
  assert.equal(report.total.ballots, 1993);
});

test("a rating off the scale is refused", () => {
  assert.throws(() => satisfactionReport([{ field: "A", rating: "simple" }]), RangeError);
});

test("stored ratings land on the report's scales: very satisfied counts as satisfied; unknown values count nowhere", () => {
  assert.equal(ratingOf("score", "very_satisfied"), "satisfied");
  assert.equal(ratingOf("score", "satisfied"), "satisfied");
  assert.equal(ratingOf("score", "neutral"), "neutral");
  assert.equal(ratingOf("score", "dissatisfied"), "dissatisfied");
  assert.equal(ratingOf("procedure_assessment", "simple"), "simple");
  assert.equal(ratingOf("procedure_assessment", "fewer_papers"), "needs_fewer_papers");
  assert.equal(ratingOf("procedure_assessment", "complicated"), "complicated");
  assert.equal(ratingOf("score", null), undefined);
  assert.equal(ratingOf("score", "simple"), undefined, "an assessment is not a score");
  assert.equal(ratingOf("procedure_assessment", "toString"), undefined);
});
