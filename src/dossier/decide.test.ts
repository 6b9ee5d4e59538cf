import { test } from "node:test";
import assert from "node:assert/strict";
import type { Action, CommandOf, DossierCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import { ACTION_TABLE, ACTIONS } from "./table.ts";
import { type DossierStatus, PHASES, type Phase, ROLES, type Role } from "./status.ts";
import { actor, deps, hours, inPhase, run, UNIT } from "./test-fixtures.ts";

/** A command for each action that satisfies its requirements in the fixture dossiers. */
const VALID: { [K in Action]: CommandOf<K, number> } = {
  submit_online: { action: "submit_online", channel: "online_partial", unit: UNIT },
  receive: { action: "receive", channel: "postal", unit: UNIT, receiptNo: "R-1", limit: 8 },
  accept: { action: "accept", receiptNo: "R-1", limit: 8 },
  refuse: { action: "refuse", reason: "Thiếu giấy tờ bắt buộc", channel: "postal", unit: UNIT },
  request_supplement: { action: "request_supplement", missing: ["Tờ khai", "Ảnh 4x6"] },
  receive_supplement: { action: "receive_supplement" },
  assign: { action: "assign", assignee: "u-officer" },
  start_processing: { action: "start_processing" },
  transfer: { action: "transfer", toUnit: "H57.PTNMT", link: "across_levels" },
  propose_result: { action: "propose_result", attachments: [{ id: "f-1", sha256: "ab" }] },
  approve: { action: "approve" },
  request_payment: { action: "request_payment", amount: 30_000 },
  record_payment: { action: "record_payment", amount: 50_000, paidOnline: true },
  resolve: { action: "resolve", result: { document: { id: "f-result" } } },
  decline: { action: "decline", reason: "Không đủ điều kiện cấp phép theo điểm b khoản 2 Điều 9" },
  return: { action: "return", via: "postal", handover: { record: "Phiếu chuyển phát EMS 123" } },
  withdraw: { action: "withdraw", reason: "Xin rút" },
  stop: { action: "stop", reason: "Có tranh chấp" },
  extend: { action: "extend", reason: "Cần xác minh", dueAt: hours(400), apology: { document: { id: "f-apology" } } },
  rate: { action: "rate", score: 5 },
};

// Written out by hand from DOMAIN §3 (not read from ACTION_TABLE): phase → resulting state, and roles.
const F = "front_desk";
const EXPECTED: Record<Action, { from: Partial<Record<Phase, DossierStatus>>; roles: Role[] }> = {
  submit_online: { from: { initial: "submitted" }, roles: ["citizen", "system"] },
  receive: { from: { initial: "received" }, roles: [F] },
  accept: { from: { submitted: "received" }, roles: [F] },
  refuse: { from: { initial: "refused", submitted: "refused" }, roles: [F] },
  request_supplement: {
    from: { submitted: "awaiting_supplement", received: "awaiting_supplement", processing: "awaiting_supplement" },
    roles: [F, "officer"],
  },
  receive_supplement: { from: { awaiting_supplement: "received" }, roles: [F, "officer", "citizen", "system"] },
  assign: { from: { received: "received", processing: "processing" }, roles: [F, "leader"] },
  start_processing: { from: { received: "processing" }, roles: ["officer", "leader"] },
  transfer: { from: { received: "processing", processing: "processing" }, roles: [F, "officer", "leader"] },
  propose_result: { from: { processing: "processing" }, roles: ["officer"] },
  approve: { from: { processing: "processing" }, roles: ["leader"] },
  request_payment: { from: { received: "awaiting_payment", processing: "awaiting_payment" }, roles: [F, "officer"] },
  record_payment: { from: { awaiting_payment: "received" }, roles: [F, "citizen", "system"] },
  resolve: { from: { received: "resolved", processing: "resolved" }, roles: [F, "officer", "leader"] },
  decline: { from: { received: "declined", processing: "declined" }, roles: ["officer", "leader"] },
  return: { from: { resolved: "returned", declined: "returned" }, roles: [F, "system"] },
  withdraw: {
    from: {
      submitted: "withdrawn",
      received: "withdrawn",
      processing: "withdrawn",
      awaiting_supplement: "withdrawn",
      awaiting_payment: "withdrawn",
    },
    roles: ["citizen", F],
  },
  stop: {
    from: { received: "stopped", processing: "stopped", awaiting_supplement: "stopped", awaiting_payment: "stopped" },
    roles: ["officer", "leader"],
  },
  extend: {
    from: { received: "received", processing: "processing", awaiting_payment: "awaiting_payment" },
    roles: ["officer", "leader"],
  },
  rate: { from: { returned: "returned" }, roles: ["citizen"] },
};

const RECEIVED_PHASES = new Set<Phase>([
  "received",
  "processing",
  "awaiting_supplement",
  "awaiting_payment",
  "withdrawn",
  "stopped",
  "resolved",
  "declined",
  "returned",
]);

test("every phase × action × role: allowed, illegal-transition, refusal-after-receipt or role-not-allowed", () => {
  let allowed = 0;
  for (const phase of PHASES) {
    const fixture = inPhase(phase);
    assert.equal(fixture.state.status, phase);
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const who = actor(role);
        const now = hours(fixture.at + 1);
        const d = decide(fixture.state, VALID[action], who, now, deps);
        const expected = EXPECTED[action];
        const to = expected.from[phase];
        const where = `${phase} × ${action} × ${role}`;
        if (action === "refuse" && RECEIVED_PHASES.has(phase)) {
          assert.ok("error" in d && d.error.code === "refusal-after-receipt", where);
        } else if (to === undefined) {
          assert.ok("error" in d && d.error.code === "illegal-transition", where);
        } else if (!expected.roles.includes(role)) {
          assert.ok("error" in d && d.error.code === "role-not-allowed", where);
        } else {
          assert.ok("events" in d, `${where}: ${"error" in d ? d.error.code : ""}`);
          const [event] = d.events;
          assert.equal(d.events.length, 1);
          assert.equal(event!.fromState, phase, where);
          assert.equal(event!.toState, to, where);
          assert.equal(event!.at, now);
          assert.deepEqual(event!.actor, who);
          allowed++;
        }
        if ("error" in d)
          assert.match(
            d.error.message,
            /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/,
            "the message is Vietnamese",
          );
      }
    }
  }
  assert.ok(allowed > 40);
});

test("the action table agrees with the hand-written expectations", () => {
  for (const action of ACTIONS) {
    const rule = ACTION_TABLE[action];
    assert.deepEqual(new Set(rule.roles), new Set(EXPECTED[action].roles), `${action} roles`);
  }
});

test("requirements: each missing piece has its own code", () => {
  const received = inPhase("received");
  const processing = inPhase("processing");
  const cases: [Phase, DossierCommand<number>, Role, string][] = [
    ["initial", { ...VALID.refuse, reason: "  " }, F, "reason-required"],
    ["initial", { ...VALID.refuse, channel: undefined }, F, "invalid-channel"],
    ["initial", { ...VALID.refuse, unit: "" }, F, "unit-required"],
    ["initial", { ...VALID.receive, receiptNo: "" }, F, "receipt-required"],
    ["initial", { ...VALID.receive, channel: "online_full" }, F, "invalid-channel"],
    ["submitted", { ...VALID.accept, receiptNo: " " }, F, "receipt-required"],
    ["received", { action: "request_supplement", missing: ["", " "] }, F, "missing-list-required"],
    ["received", { action: "assign", assignee: "" }, "leader", "assignee-required"],
    ["received", { action: "transfer", toUnit: "", link: "same_level" }, "officer", "unit-required"],
    ["received", { action: "transfer", toUnit: UNIT, link: "same_level" }, "officer", "same-unit"],
    ["processing", { action: "propose_result" }, "officer", "draft-required"],
    ["received", { action: "request_payment", amount: 0 }, "officer", "invalid-amount"],
    ["awaiting_payment", { action: "record_payment", amount: 10_000, paidOnline: false }, F, "invalid-amount"],
    ["received", { action: "resolve", result: {} }, "officer", "result-required"],
    ["received", { action: "resolve", result: { record: " " } }, "officer", "result-required"],
    ["received", { action: "resolve", result: { record: "Số 1" }, eResult: true }, "officer", "result-file-required"],
    [
      "received",
      { action: "resolve", result: { record: "Số 1" }, resultDigitized: true },
      "officer",
      "result-file-required",
    ],
    ["resolved", { action: "return", via: "direct", handover: {} }, F, "handover-required"],
    ["received", { action: "withdraw" }, "citizen", "reason-required"],
    ["received", { action: "stop", reason: "" }, "leader", "reason-required"],
    ["received", { ...VALID.extend, reason: undefined }, "officer", "reason-required"],
    ["received", { ...VALID.extend, apology: {} }, "officer", "apology-required"],
    ["received", { ...VALID.extend, dueAt: received.state.dueAt! }, "officer", "due-not-later"],
    ["returned", { action: "rate", score: 6 }, "citizen", "invalid-rating"],
    ["returned", { action: "rate", score: 2.5 }, "citizen", "invalid-rating"],
  ];
  for (const [phase, command, role, code] of cases) {
    const f = inPhase(phase);
    const d = decide(f.state, command, actor(role), hours(f.at + 1), deps);
    assert.ok("error" in d, `${phase} ${command.action} should fail with ${code}`);
    assert.equal(d.error.code, code, `${phase} ${command.action}`);
  }
  const otherOfficer = decide(received.state, VALID.start_processing, actor("officer", "u-other"), hours(9), deps);
  assert.ok("events" in otherOfficer, "an unassigned dossier may be taken by any officer");
  const noProposal = decide(received.state, VALID.approve, actor("leader"), hours(9), deps);
  assert.ok("error" in noProposal, "approve is not allowed in received at all");
  const unproposed = { ...processing.state, proposed: false };
  const nothing = decide(unproposed, VALID.approve, actor("leader"), hours(processing.at + 1), deps);
  assert.ok("error" in nothing && nothing.error.code === "nothing-to-approve");
});

test("start_processing by an officer other than the assignee is not-assignee", () => {
  const f = inPhase("received");
  const a = decide(f.state, { action: "assign", assignee: "u-lan" }, actor("leader"), hours(2), deps);
  assert.ok("events" in a);
  const state = { ...f.state, assignee: "u-lan" };
  const d = decide(state, VALID.start_processing, actor("officer", "u-binh"), hours(3), deps);
  assert.ok("error" in d && d.error.code === "not-assignee");
  const leader = decide(state, VALID.start_processing, actor("leader"), hours(3), deps);
  assert.ok("events" in leader, "a leader may start it");
});

test("a command dated before the last event is refused", () => {
  const f = inPhase("received");
  const d = decide(f.state, VALID.assign, actor("leader"), hours(f.at - 1), deps);
  assert.ok("error" in d && d.error.code === "time-before-last-event");
});

test("approving twice, or without a proposal, is nothing-to-approve; rating twice is already-rated", () => {
  const p = inPhase("processing");
  const first = decide(p.state, VALID.approve, actor("leader"), hours(p.at + 1), deps);
  assert.ok("events" in first);
  const approved = { ...p.state, approved: true };
  const again = decide(approved, VALID.approve, actor("leader"), hours(p.at + 2), deps);
  assert.ok("error" in again && again.error.code === "nothing-to-approve");
  const r = inPhase("returned");
  const rated = { ...r.state, rating: 4 };
  const twice = decide(rated, VALID.rate, actor("citizen"), hours(r.at + 1), deps);
  assert.ok("error" in twice && twice.error.code === "already-rated");
});

test("resolve records whether the result is electronic and digitized, only when it says so", () => {
  const p = inPhase("processing");
  const flagged = decide(
    p.state,
    { action: "resolve", result: { document: { id: "kq" } }, eResult: true, resultDigitized: false },
    actor("officer"),
    hours(p.at + 1),
    deps,
  );
  assert.ok("events" in flagged);
  assert.deepEqual(flagged.events[0]!.payload, {
    result: { document: { id: "kq" } },
    eResult: true,
    resultDigitized: false,
  });
  const plain = decide(p.state, VALID.resolve, actor("officer"), hours(p.at + 1), deps);
  assert.ok("events" in plain);
  assert.deepEqual(plain.events[0]!.payload, { result: VALID.resolve.result });
});

test("a procedure with a leader-approval step: resolve needs an approval after the latest proposal", () => {
  const strict = { ...deps, approvalRequired: true };
  const p = inPhase("processing");
  const officer = actor("officer");
  const at = (n: number) => hours(p.at + n);
  const early = decide(p.state, VALID.resolve, officer, at(1), strict);
  assert.ok("error" in early && early.error.code === "approval-required");
  assert.equal(
    refusalOf(decide(inPhase("received").state, VALID.resolve, officer, at(1), strict)),
    "approval-required",
  );
  const proposed = run([[VALID.propose_result, "officer"]], p);
  assert.equal(refusalOf(decide(proposed.state, VALID.resolve, officer, at(2), strict)), "approval-required");
  const approved = run([[VALID.approve, "leader"]], proposed);
  assert.ok("events" in decide(approved.state, VALID.resolve, officer, hours(approved.at + 1), strict));
  // a new proposal after the approval needs its own approval
  const redrafted = run([[VALID.propose_result, "officer"]], approved);
  const stale = decide(redrafted.state, VALID.resolve, officer, hours(redrafted.at + 1), strict);
  assert.equal(refusalOf(stale), "approval-required");
  assert.ok("events" in decide(p.state, VALID.resolve, officer, at(1), deps), "without the step: as before");
});

function refusalOf(d: ReturnType<typeof decide>): string | undefined {
  return "error" in d ? d.error.code : undefined;
}
