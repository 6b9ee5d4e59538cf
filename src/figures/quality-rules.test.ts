// 2.1 of "Mô tả công thức tính chỉ số 766": the end of processing, the period rule and the on-time test; and
// the scoring note (full points from the threshold, below it proportional).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { DossierEvent } from "../dossier/record.ts";
import { inPeriod766, onTime766, processingEnd766, scoreOf } from "./quality-rules.ts";
import { dossier, vn } from "./test-dossiers.ts";

const marchEnd = vn("2026-04-01 00:00");
const marchStart = vn("2026-03-01 00:00");

test("2.1: an open dossier ends at the period's end; on time only if still within its appointment", () => {
  const within = dossier({ received: "2026-03-25 09:00", due: "2026-04-03 17:00" });
  const overdue = dossier({ received: "2026-03-02 09:00", due: "2026-03-20 17:00" });
  const end = processingEnd766(within, marchEnd)!;
  assert.deepEqual([end.kind, end.at], ["open", marchEnd]);
  assert.equal(onTime766(within, end), true);
  assert.equal(onTime766(overdue, processingEnd766(overdue, marchEnd)!), false);
  // resolved after the period's end: still open for March
  const later = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-20 17:00",
    events: [["resolved", "2026-04-02 09:00"]],
  });
  assert.equal(processingEnd766(later, marchEnd)!.kind, "open");
  // not received before the end: not in the period at all
  assert.equal(processingEnd766(dossier({ received: "2026-04-01 08:00" }), marchEnd), undefined);
});

test("2.1: an unanswered single supplement request ends processing at the request", () => {
  const d = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-10 17:00",
    events: [["supplement_requested", "2026-03-05 10:00"]],
  });
  const end = processingEnd766(d, marchEnd)!;
  assert.deepEqual([end.kind, end.at, end.requests], ["awaiting-supplement", vn("2026-03-05 10:00"), 1]);
  assert.equal(onTime766(d, end), true);
  // a request made in February ends processing in February: not counted in March
  const feb = dossier({
    received: "2026-02-02 09:00",
    due: "2026-02-20 17:00",
    events: [["supplement_requested", "2026-02-05 10:00"]],
  });
  assert.equal(inPeriod766(processingEnd766(feb, marchEnd), marchStart), false);
  // stopped while awaiting: the request still ends processing (no "Đã xử lý xong")
  const stopped = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-10 17:00",
    events: [
      ["supplement_requested", "2026-03-05 10:00"],
      ["stopped", "2026-03-25 10:00"],
    ],
  });
  assert.equal(processingEnd766(stopped, marchEnd)!.kind, "awaiting-supplement");
});

test("2.1: the supplement wait is subtracted; the new appointment is not used on top of it", () => {
  // appointment 10/3 17:00; 4 days waiting (5/3 → 9/3); resolved 13/3 16:00 − 4 days = 9/3 16:00 ≤ 10/3: on time
  const d = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-10 17:00",
    events: [
      ["supplement_requested", "2026-03-05 10:00"],
      ["supplement_received", "2026-03-09 10:00", { dueAt: vn("2026-03-16 17:00") }],
      ["resolved", "2026-03-13 16:00"],
    ],
  });
  const end = processingEnd766(d, marchEnd)!;
  assert.equal(end.waitMs, 4 * 86_400_000);
  assert.equal(onTime766(d, end), true);
  // resolved on 15/3: 11/3 after subtracting → late although before the new appointment of 16/3
  const late = {
    ...d,
    events: d.events.map((e) => (e.type === "resolved" ? { ...e, at: vn("2026-03-15 09:00") } : e)),
  };
  assert.equal(onTime766(late, processingEnd766(late, marchEnd)!), false);
});

test("2.1: more than one supplement request is late, even resolved early", () => {
  const d = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-30 17:00",
    events: [
      ["supplement_requested", "2026-03-03 09:00"],
      ["supplement_received", "2026-03-04 09:00"],
      ["supplement_requested", "2026-03-05 09:00"],
      ["supplement_received", "2026-03-06 09:00"],
      ["resolved", "2026-03-07 09:00"],
    ],
  });
  const end = processingEnd766(d, marchEnd)!;
  assert.equal(end.requests, 2);
  assert.equal(onTime766(d, end), false);
});

test("2.1: resolved before returned; declined, stopped and withdrawn received dossiers count", () => {
  const resolvedThenReturned = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-10 17:00",
    events: [
      ["resolved", "2026-03-10 16:00"],
      ["returned", "2026-03-12 09:00"],
    ],
  });
  const end = processingEnd766(resolvedThenReturned, marchEnd)!;
  assert.deepEqual([end.kind, end.at], ["resolved", vn("2026-03-10 16:00")]);
  assert.equal(onTime766(resolvedThenReturned, end), true);
  for (const type of ["declined", "stopped", "withdrawn"] as const) {
    const d = dossier({ received: "2026-03-02 09:00", due: "2026-03-10 17:00", events: [[type, "2026-03-11 09:00"]] });
    const e = processingEnd766(d, marchEnd)!;
    assert.equal(e.kind, type);
    assert.equal(inPeriod766(e, marchStart), true);
    assert.equal(onTime766(d, e), false, type);
  }
  // refused at intake (never received): not counted
  assert.equal(
    processingEnd766(dossier({ received: null, events: [["refused", "2026-03-02 09:00"]] }), marchEnd),
    undefined,
  );
});

const eventArb = fc.record({
  type: fc.constantFrom<DossierEvent["type"]>(
    "supplement_requested",
    "supplement_received",
    "resolved",
    "returned",
    "declined",
    "stopped",
    "withdrawn",
  ),
  hours: fc.integer({ min: 1, max: 24 * 60 }),
});

test("property: the end lies between receipt and the period's end, and the wait never exceeds the elapsed time", () => {
  fc.assert(
    fc.property(fc.array(eventArb, { maxLength: 6 }), fc.integer({ min: 0, max: 24 * 40 }), (evs, dueHours) => {
      const received = vn("2026-03-02 09:00");
      const d = dossier({ received: "2026-03-02 09:00" });
      d.dueAt = new Date(received.getTime() + dueHours * 3_600_000);
      let at = received.getTime();
      d.events = evs.map((e) => {
        at += e.hours * 3_600_000;
        return { type: e.type, at: new Date(at) };
      });
      const end = processingEnd766(d, marchEnd)!;
      assert.ok(end.at >= received && end.at <= marchEnd);
      assert.ok(end.waitMs >= 0 && end.waitMs <= end.at.getTime() - received.getTime());
      if (end.requests > 1) assert.equal(onTime766(d, end), false);
    }),
  );
});

test("property: 0 ≤ share ≤ 1, points ≤ max, full points from the threshold up", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0.5, 0.8, 0.9),
      fc.integer({ min: 1, max: 20 }),
      (value, threshold, maxPoints) => {
        const s = scoreOf(value, { threshold, maxPoints });
        assert.ok(s.share! >= 0 && s.share! <= 1);
        assert.ok(s.points! <= maxPoints + 1e-9);
        if (value >= threshold) assert.equal(s.points, maxPoints);
        else assert.ok(Math.abs(s.points! - (value * maxPoints) / threshold) < 1e-9);
      },
    ),
  );
  assert.deepEqual(scoreOf(null, { threshold: 0.8, maxPoints: null }), {
    threshold: 0.8,
    maxPoints: null,
    share: null,
    points: null,
  });
  assert.equal(scoreOf(0.4, { threshold: 0.8, maxPoints: null }).share, 0.5);
});
