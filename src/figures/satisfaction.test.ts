import { test } from "node:test";
import assert from "node:assert/strict";
import { formatPercent } from "./ratio.ts";
import { type RatingRecord, type Rating, satisfactionReport, SURVEY_SCALE_004 } from "./satisfaction.ts";

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
