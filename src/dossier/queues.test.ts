import { test } from "node:test";
import assert from "node:assert/strict";
import {
  type QueueDeps,
  classifyQueues,
  dossierFlags,
  isLate,
  lateWithoutApology,
  projectAt,
  queueOf,
} from "./queues.ts";
import { hours, inPhase, receive, run } from "./test-fixtures.ts";
import { logFromRecord } from "./history.ts";
import { project } from "./evolve.ts";

// Working time here is plain elapsed time; due soon = under 4 hours left.
const q: QueueDeps = { remaining: (at, due) => (due.getTime() - at.getTime()) / 60_000, dueSoonMinutes: 240 };

test("an open dossier is within, due soon, then overdue as time passes (received +1h, due +25h)", () => {
  const { state } = inPhase("received");
  assert.equal(queueOf(state, hours(10), q), "within");
  assert.equal(queueOf(state, hours(21), q), "within", "exactly 4 h left is not below the threshold");
  assert.equal(queueOf(state, hours(22), q), "due_soon");
  assert.equal(queueOf(state, hours(25), q), "due_soon", "at the appointment it is not yet overdue");
  assert.equal(queueOf(state, hours(26), q), "overdue");
  assert.equal(queueOf(inPhase("resolved").state, hours(30), q), undefined, "resolved is not open");
  assert.equal(queueOf(inPhase("submitted").state, hours(30), q), undefined, "not received: no clock");
});

test("a dossier waiting for a supplement requested in time is paused, not overdue", () => {
  const { state } = inPhase("awaiting_supplement");
  assert.equal(queueOf(state, hours(100), q), "paused");
  assert.equal(isLate(state, hours(100)), false);
  const late = run([
    [receive, "front_desk"],
    [{ action: "request_supplement", missing: ["X"] }, "officer"],
  ]);
  const afterDeadline = { ...late.state, pauseCounts: false };
  assert.equal(
    queueOf(afterDeadline, hours(100), q),
    "overdue",
    "a request after the deadline does not stop the clock",
  );
});

test("late without apology until an apology dated at or before the appointment exists", () => {
  const r = inPhase("processing"); // due +25h
  assert.equal(lateWithoutApology(r.state, hours(24)), false, "not late yet");
  assert.equal(lateWithoutApology(r.state, hours(26)), true);
  const apologized = run(
    [[{ action: "extend", reason: "Xác minh", dueAt: hours(60), apology: { record: "Thư xin lỗi số 3" } }, "officer"]],
    r,
  );
  assert.equal(lateWithoutApology(apologized.state, hours(26)), false);
  assert.equal(
    isLate(apologized.state, hours(26)),
    true,
    "still late: an extension does not change the classification",
  );
  const tooLate = { ...r, at: 30 };
  const afterwards = run(
    [[{ action: "extend", reason: "Xác minh", dueAt: hours(60), apology: { record: "Thư xin lỗi số 4" } }, "officer"]],
    tooLate,
  );
  assert.equal(afterwards.state.apology, true);
  assert.equal(
    lateWithoutApology(afterwards.state, hours(40)),
    true,
    "an apology after the appointment does not count",
  );
  const resolvedLate = run([[{ action: "resolve", result: { record: "QĐ 12" } }, "officer"]], { ...r, at: 40 });
  assert.equal(lateWithoutApology(resolvedLate.state, hours(100)), true, "a dossier resolved late stays flagged");
  const resolvedOnTime = run([[{ action: "resolve", result: { record: "QĐ 12" } }, "officer"]], r);
  assert.equal(isLate(resolvedOnTime.state, hours(100)), false);
});

test("classifyQueues sorts the unit's dossiers, earliest deadline first", () => {
  const a = { id: "a", state: inPhase("received").state }; // due +25h
  const b = { id: "b", state: { ...inPhase("processing").state, dueAt: hours(20) } };
  const c = { id: "c", state: { ...inPhase("received").state, dueAt: hours(40) } };
  const d = { id: "d", state: inPhase("returned").state };
  const queues = classifyQueues([a, b, c, d], hours(24), q);
  assert.deepEqual(
    queues.overdue.map((x) => x.id),
    ["b"],
  );
  assert.deepEqual(
    queues.dueSoon.map((x) => x.id),
    ["a"],
  );
  assert.deepEqual(
    queues.lateWithoutApology.map((x) => x.id),
    ["b"],
  );
});

test("projectAt folds only the events before the instant", () => {
  const r = inPhase("resolved");
  assert.equal(projectAt(r.log, hours(2)).status, "received");
  assert.equal(projectAt(r.log, hours(1)).status, "initial");
  assert.equal(projectAt(r.log, hours(3)).status, "resolved");
});

test("flags: a repeated supplement, and the extra extensions only imported history can carry", () => {
  const state = project(
    logFromRecord({
      code: "H57.12-200706-0001",
      unit: { code: "H57.12" },
      procedure: { code: "1" },
      channel: "direct",
      receivedAt: hours(0),
      dueAt: hours(10),
      events: [
        { type: "supplement_requested", at: hours(1) },
        { type: "supplement_received", at: hours(2), dueAt: hours(11) },
        { type: "supplement_requested", at: hours(3) },
        { type: "supplement_received", at: hours(4), dueAt: hours(12) },
        { type: "extended", at: hours(5), dueAt: hours(20), apology: true },
        { type: "extended", at: hours(6), dueAt: hours(30), apology: false },
      ],
    }),
  );
  // the apology (Monday 14:00) is on the due date itself (Monday 21:00): a late apology
  assert.deepEqual(dossierFlags(state), { repeatedSupplement: true, extraExtensions: true, lateApology: true });
  assert.deepEqual(state.dueAt, hours(12));
  assert.deepEqual(state.originalDueAt, hours(10));
  assert.deepEqual(dossierFlags(inPhase("processing").state), {
    repeatedSupplement: false,
    extraExtensions: false,
    lateApology: false,
  });
});
