import { test } from "node:test";
import assert from "node:assert/strict";
import { availableActions, unavailableReason } from "./available.ts";
import type { DossierCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import { type Phase, PHASES, ROLES } from "./status.ts";
import { ACTIONS } from "./table.ts";
import { actor, deps, hours, inPhase, run } from "./test-fixtures.ts";

test("decide refuses exactly with the reason availableActions gives, for every phase × action × role", () => {
  for (const phase of PHASES as readonly Phase[]) {
    const f = inPhase(phase);
    for (const role of ROLES) {
      for (const a of availableActions(f.state, { roleFor: role })) {
        if (a.allowed) continue; // the command's own requirements are decide.test.ts's
        const d = decide(f.state, { action: a.action } as DossierCommand<number>, actor(role), hours(f.at + 1), deps);
        assert.ok("error" in d, `${phase} ${a.action} ${role}`);
        assert.equal(d.error.code, a.reason.code, `${phase} ${a.action} ${role}`);
      }
    }
  }
});

test("the reasons that follow from the state: the leader's approval, one extension, one proposal to approve, one rating", () => {
  const p = inPhase("processing");
  assert.equal(unavailableReason(p.state, "resolve", "officer", true)?.code, "approval-required");
  assert.equal(unavailableReason(p.state, "resolve", "officer", false), undefined);
  assert.equal(unavailableReason(p.state, "approve", "leader"), undefined, "the fixture proposed a result");
  const started = run([[{ action: "start_processing" }, "leader"]], inPhase("received"));
  assert.equal(unavailableReason(started.state, "approve", "leader")?.code, "nothing-to-approve");
  assert.equal(unavailableReason(started.state, "approve", "officer")?.code, "role-not-allowed", "the role first");
  const extended = run(
    [[{ action: "extend", reason: "x", dueAt: hours(400), apology: { record: "Thư 1" } }, "officer"]],
    p,
  );
  assert.equal(unavailableReason(extended.state, "extend", "leader")?.code, "second-extension");
  const received = inPhase("received");
  assert.equal(unavailableReason(received.state, "refuse", "front_desk")?.code, "refusal-after-receipt");
  const byAction = new Map(
    availableActions(received.state, { roleFor: (a) => (a === "decline" ? "officer" : undefined) }).map((a) => [
      a.action,
      a,
    ]),
  );
  assert.equal(byAction.get("decline")!.allowed, true);
  const resolve = byAction.get("resolve")!;
  assert.ok(!resolve.allowed && resolve.reason.code === "role-not-allowed");
  assert.equal(ACTIONS.length, byAction.size);
});
