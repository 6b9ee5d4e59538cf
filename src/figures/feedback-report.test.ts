import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  FEEDBACK_FIELDS,
  type FeedbackRecord,
  feedbackIdentityHolds,
  feedbackReport,
  type FeedbackTopic,
} from "./feedback-report.ts";
import { periodBounds, splitPeriod } from "./period.ts";
import { vn } from "./test-dossiers.ts";

const march = { from: "2026-03-01", to: "2026-03-31" };

function item(
  id: number,
  received: string,
  due: string,
  answered: string | null,
  extra: Partial<FeedbackRecord> = {},
): FeedbackRecord {
  return {
    id,
    unit: "H57.12",
    topic: "dossier",
    receivedAt: vn(received),
    dueAt: vn(due),
    answeredAt: answered ? vn(answered) : null,
    published: answered !== null,
    ...extra,
  };
}

test("each case lands in its cell: carried over, received, answered in time or late, open within or past due", () => {
  const items = [
    item(1, "2026-02-20 09:00", "2026-03-06 09:00", "2026-03-05 10:00"), // carried over, answered in time
    item(2, "2026-02-10 09:00", "2026-02-24 09:00", "2026-03-02 08:00"), // carried over, answered late
    item(3, "2026-02-01 09:00", "2026-02-14 09:00", "2026-02-20 08:00"), // answered before the period: no part
    item(4, "2026-03-01 00:00", "2026-03-13 00:00", "2026-03-13 00:00"), // at 00:00 of the start; answered at due
    item(5, "2026-03-20 09:00", "2026-04-03 09:00", null), // open at end, within due
    item(6, "2026-03-02 09:00", "2026-03-16 09:00", null), // open at end, past due
    item(7, "2026-03-25 09:00", "2026-04-08 09:00", "2026-04-02 09:00"), // answered after the period: open
    item(8, "2026-04-01 00:00", "2026-04-14 09:00", null), // received at 00:00 of the next day: no part
    item(9, "2026-03-03 09:00", "2026-03-17 09:00", "2026-03-10 09:00", { published: false, unit: "H57.13" }),
    item(10, "2026-03-10 09:00", "2026-03-31 23:59", null, { topic: "procedure" }), // due before the end
  ];
  const report = feedbackReport(items, { ...march, unit: "H57" });
  assert.equal(report.report, "feedback");
  assert.equal(report.unit, "H57");
  const t = report.total;
  assert.deepEqual(Object.fromEntries(FEEDBACK_FIELDS.map((f) => [f, t[f]])), {
    carriedOver: 2,
    received: 6,
    answered: 4,
    answeredInTime: 3,
    answeredLate: 1,
    openWithinDue: 2,
    openOverdue: 2,
    published: 3,
  });
  assert.ok(feedbackIdentityHolds(t));
  assert.deepEqual(report.ids, { answeredLate: [2], openOverdue: [6, 10] });
  assert.deepEqual(t.inTimeRate, { numerator: 3, denominator: 4, value: 0.75 });
  assert.deepEqual(
    report.rows.map((r) => [r.key, r.received, r.answered]),
    [
      ["H57.12", 5, 3],
      ["H57.13", 1, 1],
    ],
  );
  const byTopic = feedbackReport(items, { ...march, by: "topic" });
  assert.deepEqual(
    byTopic.rows.map((r) => [r.key, r.label, r.received]),
    [
      ["dossier", "Về hồ sơ cụ thể", 5],
      ["procedure", "Về thủ tục hành chính", 1],
    ],
  );
  assert.ok(report.formulas.identity.length > 0);
});

test("no feedback: zero rows, no rate", () => {
  const report = feedbackReport([], march);
  assert.deepEqual(report.rows, []);
  assert.equal(report.total.inTimeRate.value, null);
  assert.ok(feedbackIdentityHolds(report.total));
});

const HOUR = 3_600_000;
const base = periodBounds({ from: "2026-01-01", to: "2026-01-01" }).start.getTime();
const arbitraryItem = fc
  .record({
    received: fc.integer({ min: 0, max: 24 * 120 }),
    dueAfter: fc.integer({ min: 1, max: 24 * 20 }),
    answerAfter: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
    unit: fc.constantFrom("A", "B", "C"),
    topic: fc.constantFrom<FeedbackTopic>("dossier", "procedure", "other"),
  })
  .map(
    (r): Omit<FeedbackRecord, "id"> => ({
      unit: r.unit,
      topic: r.topic,
      receivedAt: new Date(base + r.received * HOUR),
      dueAt: new Date(base + (r.received + r.dueAfter) * HOUR),
      answeredAt: r.answerAfter === null ? null : new Date(base + (r.received + r.answerAfter) * HOUR),
      published: r.answerAfter !== null,
    }),
  );

test("property: identity on every row, rows sum to the total, split periods chain (end stock = next start)", () => {
  fc.assert(
    fc.property(
      fc.array(arbitraryItem, { maxLength: 60 }),
      fc.integer({ min: 1, max: 88 }),
      fc.constantFrom<"unit" | "topic">("unit", "topic"),
      (list, splitAt, by) => {
        const items = list.map((x, i) => ({ ...x, id: i + 1 }));
        const period = { from: "2026-01-15", to: "2026-04-15" };
        const report = feedbackReport(items, { ...period, by });
        for (const row of [...report.rows, report.total]) assert.ok(feedbackIdentityHolds(row), row.key);
        for (const f of FEEDBACK_FIELDS) {
          assert.equal(
            report.rows.reduce((s, r) => s + r[f], 0),
            report.total[f],
            f,
          );
        }
        const last = new Date(Date.parse("2026-01-15") + splitAt * 86_400_000).toISOString().slice(0, 10);
        const [a, b] = splitPeriod(period, last);
        const first = feedbackReport(items, a).total;
        const second = feedbackReport(items, b).total;
        assert.equal(first.openWithinDue + first.openOverdue, second.carriedOver);
        assert.equal(first.carriedOver, report.total.carriedOver);
        assert.equal(first.received + second.received, report.total.received);
        assert.equal(first.answered + second.answered, report.total.answered);
        assert.equal(first.answeredLate + second.answeredLate, report.total.answeredLate);
        assert.equal(second.openOverdue, report.total.openOverdue);
      },
    ),
  );
});
