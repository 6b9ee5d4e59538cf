import { test } from "node:test";
import assert from "node:assert/strict";
import { deadlineInForce, endEventOf, isPausedAndCounting } from "./dossier-clock.ts";
import { dossier, vn } from "./test-dossiers.ts";

test("the end event is the first resolved, withdrawn or stopped; returned only without resolved", () => {
  const resolvedThenReturned = dossier({
    received: "2024-03-04 08:00",
    events: [
      ["returned", "2024-03-04 09:00"],
      ["resolved", "2024-03-05 10:00"],
    ],
  });
  assert.equal(endEventOf(resolvedThenReturned)?.at.getTime(), vn("2024-03-05 10:00").getTime());
  const returnedOnly = dossier({ received: "2024-03-04 08:00", events: [["returned", "2024-03-06 10:00"]] });
  assert.equal(endEventOf(returnedOnly)?.kind, "finished");
  const withdrawn = dossier({ received: "2024-03-04 08:00", events: [["withdrawn", "2024-03-05 10:00"]] });
  assert.equal(endEventOf(withdrawn)?.kind, "withdrawn");
  assert.equal(
    endEventOf(dossier({ received: "2024-03-04 08:00", events: [["extended", "2024-03-05 10:00"]] })),
    undefined,
  );
});

test("the deadline in force follows supplement_received strictly before the instant, never extended", () => {
  const d = dossier({
    received: "2024-03-04 08:00",
    due: "2024-03-07 08:00",
    events: [
      ["supplement_requested", "2024-03-05 08:00"],
      ["supplement_received", "2024-03-08 08:00", { dueAt: vn("2024-03-11 08:00") }],
      ["extended", "2024-03-11 07:00", { dueAt: vn("2024-03-14 08:00"), apology: true }],
    ],
  });
  assert.equal(deadlineInForce(d, vn("2024-03-08 08:00"))?.getTime(), vn("2024-03-07 08:00").getTime());
  assert.equal(deadlineInForce(d, vn("2024-03-08 08:01"))?.getTime(), vn("2024-03-11 08:00").getTime());
  assert.equal(deadlineInForce(d, vn("2024-03-20 08:00"))?.getTime(), vn("2024-03-11 08:00").getTime());
});

test("a pause counts only when requested at or before the deadline in force", () => {
  const inTime = dossier({
    received: "2024-03-04 08:00",
    due: "2024-03-07 08:00",
    events: [["supplement_requested", "2024-03-07 08:00"]],
  });
  assert.equal(isPausedAndCounting(inTime, vn("2024-03-07 08:00")), false, "not yet requested");
  assert.equal(isPausedAndCounting(inTime, vn("2024-03-20 08:00")), true);
  const late = dossier({
    received: "2024-03-04 08:00",
    due: "2024-03-07 08:00",
    events: [["supplement_requested", "2024-03-07 08:01"]],
  });
  assert.equal(isPausedAndCounting(late, vn("2024-03-20 08:00")), false);
  const resumed = dossier({
    received: "2024-03-04 08:00",
    due: "2024-03-07 08:00",
    events: [
      ["supplement_requested", "2024-03-05 08:00"],
      ["supplement_received", "2024-03-06 08:00", { dueAt: vn("2024-03-08 08:00") }],
    ],
  });
  assert.equal(isPausedAndCounting(resumed, vn("2024-03-05 12:00")), true);
  assert.equal(isPausedAndCounting(resumed, vn("2024-03-06 12:00")), false);
});
