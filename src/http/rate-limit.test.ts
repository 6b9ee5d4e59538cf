// The per-account slow-down: failures past the free ones wait longer each time, capped; never a lock-out.
import assert from "node:assert/strict";
import { test } from "node:test";
import { SlowDown } from "./rate-limit.ts";

test("after the free failures each attempt waits twice as long, capped at the maximum, then is allowed", () => {
  let now = 0;
  const slow = new SlowDown(5, 60_000, 15 * 60_000, () => now);
  for (let i = 0; i < 5; i++) {
    assert.equal(slow.wait("an"), 0);
    slow.fail("an");
  }
  assert.equal(slow.wait("an"), 1);
  assert.equal(slow.wait("binh"), 0, "another account is not slowed");
  const waits: number[] = [];
  for (let i = 0; i < 12; i++) {
    const wait = slow.wait("an");
    waits.push(wait);
    now += wait * 1000; // the attacker waits exactly as told, then fails again
    assert.equal(slow.wait("an"), 0, "after the wait one attempt is allowed: never locked");
    slow.fail("an");
  }
  assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60]);
});

test("forgotten after the quiet period; reset by a success", () => {
  let now = 0;
  const slow = new SlowDown(2, 60_000, 15 * 60_000, () => now);
  slow.fail("an");
  slow.fail("an");
  assert.ok(slow.wait("an") > 0);
  now += 15 * 60_000;
  assert.equal(slow.wait("an"), 0);
  slow.fail("an");
  slow.fail("an");
  slow.reset("an");
  assert.equal(slow.wait("an"), 0);
});
