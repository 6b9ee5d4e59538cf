// Trả lại hồ sơ (decline → `declined`, state 9b): the command, the fold, the views and the interchange bridge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkResultsDocument } from "../figures/check.ts";
import { resultsReport } from "../figures/results.ts";
import type { DossierCommand } from "./commands.ts";
import { controlSheet } from "./control-sheet.ts";
import { decide } from "./decide.ts";
import { project } from "./evolve.ts";
import { logFromRecord, recordTimeline } from "./history.ts";
import { isLate, lateWithoutApology } from "./queues.ts";
import type { DossierRecord } from "./record.ts";
import { ACTIONS } from "./table.ts";
import { actor, deps, hours, inPhase, run, UNIT } from "./test-fixtures.ts";

const decline = (reason: string): DossierCommand<number> => ({ action: "decline", reason });

test("decline needs a reason and appends `declined` with { reason, notice? }", () => {
  const p = inPhase("processing");
  const none = decide(p.state, decline("  "), actor("officer"), hours(p.at + 1), deps);
  assert.ok("error" in none && none.error.code === "reason-required");
  const d = decide(
    p.state,
    { action: "decline", reason: " Không đủ điều kiện ", notice: { document: { id: "f-tb", sha256: "ab" } } },
    actor("officer"),
    hours(p.at + 1),
    deps,
  );
  assert.ok("events" in d);
  const [e] = d.events;
  assert.equal(e!.type, "declined");
  assert.deepEqual(e!.payload, { reason: "Không đủ điều kiện", notice: { document: { id: "f-tb", sha256: "ab" } } });
  assert.equal(e!.reason, "Không đủ điều kiện");
  assert.equal(e!.toState, "declined");
  const bare = decide(p.state, decline("Thiếu điều kiện"), actor("leader"), hours(p.at + 1), deps);
  assert.ok("events" in bare);
  assert.deepEqual(bare.events[0]!.payload, { reason: "Thiếu điều kiện" }, "no empty notice is stored");
});

test("only the competent unit's officer or leader declines, and only from received or processing", () => {
  const p = inPhase("received");
  const desk = decide(p.state, decline("x"), actor("front_desk"), hours(p.at + 1), deps);
  assert.ok("error" in desk && desk.error.code === "role-not-allowed");
  for (const phase of ["submitted", "awaiting_supplement", "awaiting_payment", "resolved", "stopped"] as const) {
    const f = inPhase(phase);
    const d = decide(f.state, decline("x"), actor("officer"), hours(f.at + 1), deps);
    assert.ok("error" in d && d.error.code === "illegal-transition", phase);
  }
});

test("after declined only return is possible; return hands the papers and the notice back", () => {
  const declined = inPhase("declined");
  assert.equal(declined.state.status, "declined");
  assert.deepEqual(declined.state.endedAt, declined.state.declinedAt);
  for (const action of ACTIONS.filter((a) => a !== "return")) {
    for (const role of ["front_desk", "officer", "leader", "citizen", "system"] as const) {
      const d = decide(declined.state, { action } as DossierCommand<number>, actor(role), hours(50), deps);
      assert.ok("error" in d, `${action} by ${role} after declined`);
      const refusal = ["illegal-transition", "role-not-allowed", "refusal-after-receipt"];
      assert.ok(refusal.includes(d.error.code), `${action}: ${d.error.code}`);
    }
  }
  const back = run(
    [[{ action: "return", via: "direct", handover: { record: "Ký nhận thông báo số 5" } }, "front_desk"]],
    declined,
  );
  assert.equal(back.state.status, "returned");
  assert.deepEqual(back.state.endedAt, declined.state.declinedAt, "the end stays the declining");
});

test("a declined dossier is late when declined after the deadline in force, and needs an apology then", () => {
  const r = inPhase("received"); // due at +25h
  const inTime = run([[decline("Không đủ điều kiện"), "officer"]], r);
  assert.equal(isLate(inTime.state, hours(100)), false);
  const late = decide(r.state, decline("Không đủ điều kiện"), actor("officer"), hours(30), deps);
  assert.ok("events" in late);
  const log = [...r.log, ...late.events];
  const after = project(log);
  assert.equal(isLate(after, hours(100)), true);
  assert.equal(lateWithoutApology(after, hours(100)), true);
  assert.equal(controlSheet(log).outcome, "late");
  assert.equal(controlSheet([...r.log, ...inTime.log.slice(r.log.length)]).outcome, "early");
});

test("the control sheet hands a declined dossier to the receiving unit's front desk", () => {
  const d = inPhase("declined");
  const rows = controlSheet(d.log).rows;
  const last = rows.at(-1)!;
  assert.equal(last.type, "declined");
  assert.deepEqual(last.to, { kind: "staff", unit: UNIT, user: null, role: "front_desk" });
});

test("export writes declined with its reason; import folds it back to the same timeline", () => {
  const d = run(
    [[{ action: "return", via: "postal", handover: { record: "EMS 123" } }, "front_desk"]],
    inPhase("declined"),
  );
  const timeline = recordTimeline(d.log)!;
  assert.deepEqual(
    timeline.events.map((e) => [e.type, e.reason]),
    [
      ["declined", "Không đủ điều kiện giải quyết"],
      ["returned", undefined],
    ],
  );
  const record: DossierRecord = {
    code: "H57.12-260302-0001",
    unit: { code: UNIT },
    procedure: { code: "1.001009" },
    ...timeline,
  };
  const log = logFromRecord(record);
  const declined = log.find((e) => e.type === "declined");
  assert.ok(declined && declined.type === "declined");
  assert.equal(declined.payload.reason, "Không đủ điều kiện giải quyết");
  assert.deepEqual(recordTimeline(log), timeline);
});

test("the results report times declined like resolved and counts it apart, outside the identity", () => {
  const base = {
    unit: { code: UNIT },
    procedure: { code: "1.001009", field: "Chứng thực" },
    channel: "direct" as const,
  };
  const at = (s: string) => new Date(`${s}+07:00`);
  const make = (code: string, declinedAt: string): DossierRecord => ({
    ...base,
    code,
    receivedAt: at("2025-06-02T09:00:00"),
    dueAt: at("2025-06-05T09:00:00"),
    events: [{ type: "declined", at: at(declinedAt), reason: "Không đủ điều kiện" }],
  });
  // both sides of 1 July 2025 (Decree 61/2018, then Decree 118/2025): the same rule
  for (const [from, to, july] of [
    ["2025-06-01", "2025-06-30", false],
    ["2025-07-01", "2025-07-31", true],
  ] as const) {
    const m = (s: string) => (july ? s.replace("2025-06", "2025-07") : s);
    const dossiers = [
      make("A", m("2025-06-03T10:00:00")),
      make("B", m("2025-06-05T08:00:00")),
      make("C", m("2025-06-06T08:00:00")),
    ].map((d) => ({ ...d, receivedAt: at(m("2025-06-02T09:00:00")), dueAt: at(m("2025-06-05T09:00:00")) }));
    const total = resultsReport(dossiers, { from, to }).total;
    assert.equal(total.received, 3);
    assert.deepEqual([total.finishedEarly, total.finishedOnTime, total.finishedLate], [1, 1, 1]);
    assert.equal(total.declined, 3);
    assert.deepEqual(checkResultsDocument(resultsReport(dossiers, { from, to })), []);
  }
});

test("the checker: declined never exceeds the finished dossiers", () => {
  const row = { key: "x", finishedEarly: 1, finishedOnTime: 0, finishedLate: 1, declined: 3 };
  const violations = checkResultsDocument({ rows: [row] });
  assert.deepEqual(
    violations.map((v) => [v.code, v.fields.join(","), v.expected, v.found]),
    [["part-exceeds-whole", "declined,finishedEarly,finishedOnTime,finishedLate", "≤ 2", 3]],
  );
  const withAggregate = checkResultsDocument({ rows: [{ key: "y", finished: 2, declined: 3 }] });
  assert.deepEqual(
    withAggregate.map((v) => v.fields.join(",")),
    ["declined,finished"],
  );
  assert.deepEqual(checkResultsDocument({ rows: [{ ...row, declined: 2 }] }), []);
});
