import { test } from "node:test";
import assert from "node:assert/strict";
import type { DossierCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import { evolve } from "./evolve.ts";
import { actor, deps, hours, inPhase, run } from "./test-fixtures.ts";

const extend = (dueHours: number): DossierCommand<number> => ({
  action: "extend",
  reason: "Phải xác minh thực địa",
  dueAt: hours(dueHours),
  apology: { document: { id: "f-thu-xin-loi", sha256: "9f" } },
});

test("an extension records the apology and the new appointment without touching the deadline in force", () => {
  const p = inPhase("processing");
  const due = p.state.dueAt!;
  const e = run([[extend(60), "officer"]], p);
  assert.equal(e.state.extensionCount, 1);
  assert.deepEqual(e.state.extendedDueAt, hours(60));
  assert.deepEqual(e.state.dueAt, due, "the deadline in force is unchanged (CONTRACTS §2)");
  assert.deepEqual(e.state.originalDueAt, due, "the original appointment is kept");
  assert.equal(e.state.apology, true);
  assert.equal(e.state.apologyInTime, true);
  const last = e.log.at(-1)!;
  assert.ok(last.type === "extended" && last.payload.apology && last.payload.letter?.document?.id === "f-thu-xin-loi");
});

test("a second extension is refused with second-extension", () => {
  const e = run([[extend(60), "officer"]], inPhase("processing"));
  const second = decide(e.state, extend(90), actor("leader"), hours(e.at + 1), deps);
  assert.ok("error" in second);
  assert.equal(second.error.code, "second-extension");
  assert.match(second.error.message, /một lần/);
});

test("an apology issued after the deadline is recorded but not in time", () => {
  const r = inPhase("received"); // due at +25h
  const late = decide(r.state, extend(60), actor("officer"), hours(26), deps);
  assert.ok("events" in late);
  const s = evolve(r.state, late.events[0]!);
  assert.equal(s.apology, true);
  assert.equal(s.apologyInTime, false);
  const onTheDot = decide(r.state, extend(60), actor("officer"), hours(25), deps);
  assert.ok("events" in onTheDot);
  assert.equal(evolve(r.state, onTheDot.events[0]!).apologyInTime, true, "at the appointment counts");
});

test("the new appointment must be later than the deadline in force", () => {
  const r = inPhase("received");
  const d = decide(r.state, extend(20), actor("officer"), hours(r.at + 1), deps);
  assert.ok("error" in d && d.error.code === "due-not-later");
});
