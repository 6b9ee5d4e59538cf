import { test } from "node:test";
import assert from "node:assert/strict";
import type { DossierCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import { evolve, project } from "./evolve.ts";
import { classifyQueues, lateWithLateApology, lateWithoutApology } from "./queues.ts";
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

test("an apology is timely only on a local date at least one day before the due date; later ones are late apologies", () => {
  const r = inPhase("received"); // received Monday 2 March 10:00, due Tuesday 3 March 10:00 (+25h)
  const at = (h: number) => {
    const d = decide(r.state, extend(60), actor("officer"), hours(h), deps);
    assert.ok("events" in d, `extend at +${h}h`);
    return evolve(r.state, d.events[0]!);
  };
  for (const h of [26, 25, 24, 15.5]) {
    // after the deadline; on the dot; Tuesday 09:00; Tuesday 00:30 — all on the due date: recorded, late
    const s = at(h);
    assert.equal(s.apology, true);
    assert.equal(s.apologyInTime, false, `+${h}h`);
    assert.equal(s.lateApology, true, `+${h}h`);
    assert.equal(s.extensionCount, 1, "recorded: the letter is owed all the same");
  }
  for (const h of [14.9, 3]) {
    // Monday 23:54, Monday 12:00: the day before the due date
    const s = at(h);
    assert.equal(s.apologyInTime, true, `+${h}h`);
    assert.equal(s.lateApology, false);
  }
  const late = run([[extend(60), "officer"]], { ...r, at: 26 });
  assert.equal(lateWithoutApology(project(late.log), hours(80)), true, "a late apology never removes it");
  assert.equal(lateWithLateApology(project(late.log), hours(80)), true);
  const q = classifyQueues([{ state: project(late.log) }], hours(80), { remaining: () => 0, dueSoonMinutes: 900 });
  assert.equal(q.lateApology.length, 1);
  assert.equal(q.lateWithoutApology.length, 1);
});

test("the new appointment must still be ahead when the extension is made", () => {
  const r = inPhase("received");
  const d = decide(r.state, extend(60), actor("officer"), hours(70), deps);
  assert.ok("error" in d && d.error.code === "due-not-later");
});

test("the new appointment must be later than the deadline in force", () => {
  const r = inPhase("received");
  const d = decide(r.state, extend(20), actor("officer"), hours(r.at + 1), deps);
  assert.ok("error" in d && d.error.code === "due-not-later");
});
