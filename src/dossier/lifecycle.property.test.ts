import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { DossierCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import type { LifecycleEvent } from "./events.ts";
import { type DossierState, INITIAL_STATE, evolve, project } from "./evolve.ts";
import { logFromRecord, recordTimeline } from "./history.ts";
import { parseDossierLine } from "./interchange/parse.ts";
import { sameDossier, serializeDossier } from "./interchange/serialize.ts";
import type { DossierRecord } from "./record.ts";
import { type Phase, ROLES, type Role } from "./status.ts";
import { ACTION_TABLE } from "./table.ts";
import { actor, deps, T0, UNIT } from "./test-fixtures.ts";

const HOUR = 3_600_000;

/** Commands with random parameters; most are valid in some state, so random sequences go far. */
const command: fc.Arbitrary<DossierCommand<number>> = fc.oneof(
  fc.constantFrom<DossierCommand<number>>(
    { action: "submit_online", channel: "online_full", unit: UNIT },
    { action: "refuse", reason: "Không thuộc thẩm quyền", channel: "direct", unit: UNIT },
    { action: "request_supplement", missing: ["Tờ khai"] },
    { action: "receive_supplement" },
    { action: "assign", assignee: "u-officer" },
    { action: "start_processing" },
    { action: "transfer", toUnit: "H57", link: "across_levels" },
    { action: "transfer", toUnit: UNIT, link: "same_level" },
    { action: "propose_result", attachments: [{ id: "draft" }] },
    { action: "approve" },
    { action: "request_payment", amount: 20_000 },
    { action: "record_payment", amount: 20_000, paidOnline: false },
    { action: "resolve", result: { document: { id: "kq" } } },
    { action: "return", via: "online", handover: { record: "gửi kết quả điện tử" } },
    { action: "withdraw", reason: "Xin rút" },
    { action: "stop", reason: "Dừng" },
    { action: "rate", score: 4 },
  ),
  fc.integer({ min: 1, max: 80 }).map(
    (limit): DossierCommand<number> => ({
      action: "receive",
      channel: "postal",
      unit: UNIT,
      receiptNo: "R",
      limit,
    }),
  ),
  fc.integer({ min: 1, max: 80 }).map((limit): DossierCommand<number> => ({ action: "accept", receiptNo: "R", limit })),
  fc.integer({ min: 1, max: 200 }).map(
    (h): DossierCommand<number> => ({
      action: "extend",
      reason: "Chậm",
      dueAt: new Date(T0.getTime() + h * HOUR),
      apology: { record: "Văn bản xin lỗi số 1" },
    }),
  ),
);

interface Step {
  command: DossierCommand<number>;
  role: Role;
  gap: number;
}

/** Mostly a role the table allows for the action (so sequences go far), sometimes any role. */
const step: fc.Arbitrary<Step> = fc
  .record({
    command,
    pick: fc.nat(),
    anyRole: fc.integer({ min: 0, max: 4 }),
    gap: fc.integer({ min: 0, max: 30 * 60 }).map((m) => m * 60_000),
  })
  .map(({ command, pick, anyRole, gap }): Step => {
    const allowed: readonly Role[] = anyRole === 0 ? ROLES : ACTION_TABLE[command.action].roles;
    return { command, role: allowed[pick % allowed.length]!, gap };
  });
const steps = fc.array(step, { minLength: 1, maxLength: 60, size: "max" });

function play(steps: Step[]) {
  let state: DossierState = INITIAL_STATE;
  let now = T0.getTime();
  const log: LifecycleEvent[] = [];
  for (const s of steps) {
    now += s.gap;
    const d = decide(state, s.command, actor(s.role), new Date(now), deps);
    if ("error" in d) {
      assert.ok(d.error.code.length > 0 && d.error.message.length > 0);
      continue;
    }
    for (const e of d.events) {
      log.push(e);
      state = evolve(state, e);
    }
  }
  return { state, log };
}

test("any legal command sequence: the fold of the log is the state, in time order, and invariants hold", () => {
  const reached = new Set<Phase>();
  fc.assert(
    fc.property(steps, (steps) => {
      const { state, log } = play(steps);
      for (const e of log) reached.add(e.toState);
      assert.deepEqual(project(log), state);
      assert.equal(state.version, log.length);
      let prev: LifecycleEvent | undefined;
      let original: Date | null = null;
      for (const [i, e] of log.entries()) {
        assert.equal(e.fromState, prev === undefined ? "initial" : prev.toState, `event ${i} chains`);
        if (prev !== undefined) assert.ok(e.at.getTime() >= prev.at.getTime(), "time order");
        const s = project(log.slice(0, i + 1));
        if (original !== null) assert.deepEqual(s.originalDueAt, original, "the original appointment is kept");
        original = s.originalDueAt;
        assert.ok(s.extensionCount <= 1, "at most one extension");
        if (e.type === "refused") assert.equal(project(log.slice(0, i)).receivedAt, null, "no refusal after receipt");
        prev = e;
      }
      const endings = log.filter((e) => ["refused", "withdrawn", "stopped", "returned"].includes(e.type));
      assert.ok(endings.length <= 1);
      if (endings.length === 1) assert.ok(log.slice(log.indexOf(endings[0]!) + 1).every((e) => e.type === "rated"));
    }),
    { numRuns: 400 },
  );
  assert.equal(reached.size, 10, `every state is reached: ${[...reached].join(", ")}`);
});

test("the export of any live log is a valid interchange line, and importing it gives back the same clock", () => {
  let exported = 0;
  fc.assert(
    fc.property(steps, (steps) => {
      const { state, log } = play(steps);
      const timeline = recordTimeline(log);
      if (timeline === undefined) {
        assert.ok(state.receivedAt === null && state.status !== "refused");
        return;
      }
      exported++;
      const record: DossierRecord = {
        code: "H57.12-260302-0001",
        unit: { code: UNIT },
        procedure: { code: "1.0" },
        ...timeline,
      };
      const parsed = parseDossierLine(serializeDossier(record));
      assert.ok("ok" in parsed, `${serializeDossier(record)}\n${JSON.stringify(parsed)}`);
      assert.ok(sameDossier(parsed.ok, record));
      const imported = project(logFromRecord(parsed.ok));
      for (const key of [
        "receivedAt",
        "originalDueAt",
        "dueAt",
        "extensionCount",
        "supplementCount",
        "paused",
        "resolvedAt",
        "endedAt",
        "apologyInTime",
        "currentUnit",
      ] as const) {
        assert.deepEqual(imported[key], state[key], key);
      }
    }),
    { numRuns: 400 },
  );
  assert.ok(exported > 100, `only ${exported} runs reached receipt`);
});
