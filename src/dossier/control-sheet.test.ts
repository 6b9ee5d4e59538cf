import { test } from "node:test";
import assert from "node:assert/strict";
import { classify, controlSheet, planFromDeadlines, planFromShares } from "./control-sheet.ts";
import { deps, hours, receive, run, UNIT } from "./test-fixtures.ts";

const HOUR = 3_600_000;

// T0 = Mon 2026-03-02 09:00 +07:00; run() spaces commands one hour apart, so +1h … +9h.
const journey = () =>
  run([
    [receive, "front_desk"], // +1 received by u-front_desk, due +25h
    [{ action: "assign", assignee: "u-officer" }, "leader"], // +2 handed to u-officer
    [{ action: "start_processing" }, "officer"], // +3 u-officer receives it
    [{ action: "request_supplement", missing: ["Bản chính"] }, "officer"], // +4 paused
    [{ action: "receive_supplement" }, "front_desk"], // +5 resumed: 1 h pause
    [{ action: "propose_result", attachments: [{ id: "draft" }] }, "officer"], // +6 handed to the leader
    [{ action: "approve" }, "leader"], // +7 leader receives and approves: handed back to the unit
    [{ action: "resolve", result: { document: { id: "kq" } } }, "officer"], // +8 to the front desk
    [{ action: "return", via: "direct", handover: { record: "ký nhận" } }, "front_desk"], // +9 to the applicant
  ]);

test("the control sheet lists each hand-off, who received it and when", () => {
  const { log } = journey();
  const sheet = controlSheet(log);
  assert.deepEqual(
    sheet.rows.map((r) => [
      r.type,
      r.step,
      r.to.kind === "staff" ? (r.to.user ?? r.to.role) : "applicant",
      r.receivedBy,
    ]),
    [
      ["received", 0, "u-front_desk", "u-front_desk"],
      ["assigned", 1, "u-officer", "u-officer"],
      ["result_proposed", 2, "leader", "u-leader"],
      ["result_approved", 3, null, "u-officer"],
      ["resolved", 4, "front_desk", "u-front_desk"],
      ["returned", null, "applicant", null],
    ],
  );
  assert.deepEqual(sheet.rows[0]!.from, { kind: "applicant" });
  assert.deepEqual(sheet.rows[1]!.from, { kind: "staff", unit: UNIT, user: "u-front_desk", role: "front_desk" });
  assert.deepEqual(sheet.rows[1]!.receivedAt, hours(3), "received when the officer started");
  assert.deepEqual(sheet.rows[1]!.stepEnd, hours(6));
  assert.deepEqual(sheet.rows[1]!.pauses, [{ from: hours(4), to: hours(5) }]);
  assert.equal(sheet.rows[0]!.outcome, null, "no plan, no judgement");
  assert.equal(sheet.outcome, "early", "resolved Mon 17:00, due Tue 11:00 (10:00 + 24 h + the 1 h pause)");
});

test("step outcomes against given deadlines, with the pause added to the step that had it", () => {
  const { log } = journey();
  const plan = planFromDeadlines([hours(1), hours(4), hours(7), hours(7), hours(30)], deps.resume);
  const rows = controlSheet(log, plan).rows;
  // step 0: +1 → +2 against +1: late
  assert.equal(rows[0]!.outcome, "late");
  // step 1: +2 → +6 against +4 moved by the 1 h pause to +5: late; without the pause it would be late too
  assert.deepEqual(rows[1]!.stepDeadline, hours(5));
  assert.equal(rows[1]!.outcome, "late");
  // step 2: +6 → +7 against +7: on time (same day)
  assert.equal(rows[2]!.outcome, "on_time");
  // step 3: +7 → +8 against +7: late
  assert.equal(rows[3]!.outcome, "late");
  // step 4: +8 (Mon 17:00) → +9 (Mon 18:00) against +30 (Tue 15:00): an earlier day, early
  assert.equal(rows[4]!.outcome, "early");
  assert.equal(rows[5]!.outcome, null);
});

test("step deadlines from shares of the limit, computed from each step's start", () => {
  const { log } = journey();
  const limitHours = 24;
  const stepDue = (start: Date, share: number) => new Date(start.getTime() + share * limitHours * HOUR);
  const rows = controlSheet(log, planFromShares([0.1, 0.5, 0.1, 0.1, 0.2], stepDue, deps.resume)).rows;
  assert.deepEqual(rows[0]!.stepDeadline, new Date(hours(1).getTime() + 2.4 * HOUR));
  assert.equal(rows[0]!.outcome, "on_time");
  assert.deepEqual(rows[1]!.stepDeadline, hours(2 + 12 + 1), "12 h share plus the 1 h pause");
  assert.equal(rows[1]!.outcome, "early", "ended Mon, due Tue");
});

test("a step still running has its deadline but no outcome; the dossier outcome waits for resolution", () => {
  const r = run([
    [receive, "front_desk"],
    [{ action: "transfer", toUnit: "H57.STNMT", link: "across_levels" }, "officer"],
  ]);
  const sheet = controlSheet(r.log, planFromDeadlines([hours(3), hours(20)], deps.resume));
  const last = sheet.rows.at(-1)!;
  assert.deepEqual(last.to, { kind: "staff", unit: "H57.STNMT", user: null, role: null });
  assert.equal(last.receivedBy, null, "nobody at the other agency has acted yet");
  assert.deepEqual(last.stepDeadline, hours(20));
  assert.equal(last.stepEnd, null);
  assert.equal(last.outcome, null);
  assert.equal(sheet.outcome, null);
});

test("classify: early on an earlier local day, on time up to the instant, late after it", () => {
  const due = new Date("2026-03-05T09:00:00+07:00");
  assert.equal(classify(new Date("2026-03-04T23:59:00+07:00"), due), "early");
  assert.equal(classify(new Date("2026-03-05T00:30:00+07:00"), due), "on_time", "same local day, UTC day before");
  assert.equal(classify(due, due), "on_time");
  assert.equal(classify(new Date("2026-03-05T09:00:01+07:00"), due), "late");
});
