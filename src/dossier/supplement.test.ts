import { test } from "node:test";
import assert from "node:assert/strict";
import { decide } from "./decide.ts";
import { evolve, project } from "./evolve.ts";
import { actor, deps, hours, inPhase, receive, run } from "./test-fixtures.ts";

test("a supplement pauses the clock and the resumption moves the deadline by the pause, keeping the original", () => {
  // received at +1h with a 24 h limit: due at +25h
  const r = run([
    [receive, "front_desk"],
    [{ action: "request_supplement", missing: ["Bản chính CCCD", "Tờ khai mẫu 01"] }, "officer"],
  ]);
  assert.equal(r.state.status, "awaiting_supplement");
  assert.equal(r.state.paused, true);
  assert.equal(r.state.pauseCounts, true);
  assert.deepEqual(r.state.pausedAt, hours(2));
  assert.equal(r.state.supplementCount, 1);
  const d = decide(r.state, { action: "receive_supplement" }, actor("citizen"), hours(12), deps);
  assert.ok("events" in d);
  const e = d.events[0]!;
  assert.ok(e.type === "supplement_received");
  assert.deepEqual(e.payload.dueAt, hours(35), "paused 10 h: 25 h + 10 h");
  const s = evolve(r.state, e);
  assert.equal(s.status, "received");
  assert.equal(s.paused, false);
  assert.deepEqual(s.dueAt, hours(35));
  assert.deepEqual(s.originalDueAt, hours(25), "the original appointment is kept");
});

test("the resumption goes through the injected arithmetic (a restart-from-zero procedure binds another)", () => {
  const r = run([
    [receive, "front_desk"],
    [{ action: "request_supplement", missing: ["Ảnh"] }, "officer"],
  ]);
  const restart = { ...deps, resume: (_due: Date, _paused: Date, resumed: Date) => deps.appointment(resumed, 24) };
  const d = decide(r.state, { action: "receive_supplement" }, actor("front_desk"), hours(12), restart);
  assert.ok("events" in d && d.events[0]!.type === "supplement_received");
  assert.deepEqual(project([...r.log, ...d.events]).dueAt, hours(36));
});

test("from processing the dossier goes back to processing, and a second request is counted", () => {
  const p = inPhase("processing");
  const again = run(
    [
      [{ action: "request_supplement", missing: ["A"] }, "officer"],
      [{ action: "receive_supplement" }, "front_desk"],
      [{ action: "request_supplement", missing: ["B"] }, "officer"],
      [{ action: "receive_supplement" }, "front_desk"],
    ],
    p,
  );
  assert.equal(again.state.status, "processing");
  assert.equal(again.state.supplementCount, 2);
  assert.deepEqual(again.state.originalDueAt, p.state.originalDueAt);
  // two pauses of 1 h each
  assert.deepEqual(again.state.dueAt, new Date(p.state.dueAt!.getTime() + 2 * 3_600_000));
});

test("a request made after the deadline does not stop an overdue clock", () => {
  const r = run([[receive, "front_desk"]]);
  const late = decide(r.state, { action: "request_supplement", missing: ["X"] }, actor("officer"), hours(30), deps);
  assert.ok("events" in late);
  const s = evolve(r.state, late.events[0]!);
  assert.equal(s.pauseCounts, false);
  const back = decide(s, { action: "receive_supplement" }, actor("front_desk"), hours(40), deps);
  assert.ok("events" in back);
  assert.deepEqual(evolve(s, back.events[0]!).dueAt, hours(25), "deadline unchanged");
});

test("asking an online submission once for everything missing: no clock, back to submitted, then accept or refuse", () => {
  const s = inPhase("submitted");
  const asked = run([[{ action: "request_supplement", missing: ["Bản scan giấy khai sinh"] }, "front_desk"]], s);
  assert.equal(asked.state.status, "awaiting_supplement");
  assert.equal(asked.state.paused, false);
  assert.equal(asked.state.supplementCount, 0, "intake requests are not processing supplements");
  const refused = run([[{ action: "refuse", reason: "Không bổ sung" }, "front_desk"]], asked);
  assert.equal(refused.state.status, "refused");
  const back = run([[{ action: "receive_supplement" }, "citizen"]], asked);
  assert.equal(back.state.status, "submitted");
  assert.equal(back.state.dueAt, null);
  const accepted = run([[{ action: "accept", receiptNo: "R-9", limit: 8 }, "front_desk"]], back);
  assert.equal(accepted.state.status, "received");
  assert.deepEqual(accepted.state.dueAt, hours(accepted.at + 8));
  const twice = decide(
    back.state,
    { action: "request_supplement", missing: ["Ảnh"] },
    actor("front_desk"),
    hours(back.at + 1),
    deps,
  );
  assert.ok("error" in twice && twice.error.code === "supplement-already-requested", "asked once before receipt");
  const afterReceipt = run([[{ action: "request_supplement", missing: ["Ảnh"] }, "officer"]], accepted);
  assert.equal(afterReceipt.state.supplementCount, 1, "after receipt a request is allowed, and counted");
});

test("payment waits go back to where they came from", () => {
  const p = inPhase("processing");
  const paid = run(
    [
      [{ action: "request_payment", amount: 100_000 }, "officer"],
      [{ action: "record_payment", amount: 100_000, paidOnline: true }, "system"],
    ],
    p,
  );
  assert.equal(paid.state.status, "processing");
  assert.equal(paid.state.paid, 100_000);
  assert.equal(paid.state.paymentDue, null);
});
