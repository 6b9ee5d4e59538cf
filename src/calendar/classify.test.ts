import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { classifyFinished, classifyOpen } from "./classify.ts";
import { parseInstant } from "./local-time.ts";

const at = (iso: string) => parseInstant(`${iso}+07:00`)!;
const deadline = at("2026-03-05T09:00:00");

test("early is an earlier local calendar day, on time is the deadline day up to the instant, late is after", () => {
  assert.equal(classifyFinished(at("2026-03-04T23:59:00"), deadline), "early");
  assert.equal(classifyFinished(at("2026-03-05T00:30:00"), deadline), "on_time"); // 2026-03-04T17:30Z: local day counts
  assert.equal(classifyFinished(at("2026-03-05T09:00:00"), deadline), "on_time");
  assert.equal(classifyFinished(at("2026-03-05T09:00:01"), deadline), "late");
  assert.equal(classifyFinished(at("2026-03-06T08:00:00"), deadline), "late");
});

test("an open dossier is within the deadline up to and including its instant", () => {
  assert.equal(classifyOpen(deadline, deadline), "within");
  assert.equal(classifyOpen(at("2026-03-05T09:00:01"), deadline), "overdue");
});

test("finished classification is monotonic in the finishing instant", () => {
  const rank = { early: 0, on_time: 1, late: 2 };
  fc.assert(
    fc.property(fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }), fc.nat(86_400_000), (d, e) => {
      const a = new Date(deadline.getTime() + d);
      const b = new Date(a.getTime() + e);
      assert.ok(rank[classifyFinished(a, deadline)] <= rank[classifyFinished(b, deadline)]);
    }),
    { numRuns: 2000 },
  );
});
