import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { formatLimit, parseLimit } from "./limits.ts";
import { CalendarError } from "./errors.ts";

test("working days and hours: decimals with a point or a comma, singular or plural, any case", () => {
  assert.deepEqual(parseLimit("3 working days"), { value: 3, unit: "working_days" });
  assert.deepEqual(parseLimit("1 working day"), { value: 1, unit: "working_days" });
  assert.deepEqual(parseLimit("0,5 Working Days"), { value: 0.5, unit: "working_days" });
  assert.deepEqual(parseLimit("0.5 WORKING HOURS"), { value: 0.5, unit: "working_hours" });
  assert.deepEqual(parseLimit("1 working hour"), { value: 1, unit: "working_hours" });
  assert.deepEqual(parseLimit("15 calendar days"), { value: 15, unit: "calendar_days" });
});

test("same day, with a cut-off given apart or in the text", () => {
  assert.deepEqual(parseLimit("same day"), { value: 0, unit: "same_day" });
  assert.deepEqual(parseLimit("Same Day", "15:00"), { value: 0, unit: "same_day", cutoff: "15:00" });
  assert.deepEqual(parseLimit("same day, cutoff 15:00"), { value: 0, unit: "same_day", cutoff: "15:00" });
});

test("the catalogue's Vietnamese wording", () => {
  assert.deepEqual(parseLimit("3 ngày làm việc"), { value: 3, unit: "working_days" });
  assert.deepEqual(parseLimit("4 giờ làm việc"), { value: 4, unit: "working_hours" });
  assert.deepEqual(parseLimit("15 ngày"), { value: 15, unit: "calendar_days" });
  assert.deepEqual(parseLimit("Trong ngày"), { value: 0, unit: "same_day" });
  assert.deepEqual(parseLimit("15 ngày theo lịch"), { value: 15, unit: "calendar_days" });
  assert.deepEqual(parseLimit("0,5 ngày làm việc"), { value: 0.5, unit: "working_days" });
  assert.deepEqual(parseLimit("trong ngày, giờ chốt 15:00"), { value: 0, unit: "same_day", cutoff: "15:00" });
  // Decomposed diacritics (as some keyboards and terminals send them) read the same.
  assert.deepEqual(parseLimit("3 ngày làm việc".normalize("NFD")), { value: 3, unit: "working_days" });
});

test("bad limits throw CalendarError invalid-limit", () => {
  for (const bad of [
    "",
    "3",
    "three working days",
    "0 working days",
    "-1 working days",
    "1.5 calendar days",
    "2 weeks",
  ]) {
    assert.throws(
      () => parseLimit(bad),
      (e: unknown) => e instanceof CalendarError && e.code === "invalid-limit",
      bad,
    );
  }
  assert.throws(
    () => parseLimit("same day", "25:00"),
    (e: unknown) => e instanceof CalendarError && e.code === "invalid-limit",
  );
});

test("formatLimit is canonical English and parses back to the same limit", () => {
  assert.equal(formatLimit({ value: 3, unit: "working_days" }), "3 working days");
  assert.equal(formatLimit({ value: 1, unit: "working_hours" }), "1 working hour");
  assert.equal(formatLimit({ value: 0, unit: "same_day" }), "same day");
  const limit = fc.oneof(
    fc.record({
      value: fc.integer({ min: 1, max: 4000 }).map((n) => n / 4),
      unit: fc.constantFrom("working_days" as const, "working_hours" as const),
    }),
    fc.record({ value: fc.integer({ min: 1, max: 365 }), unit: fc.constant("calendar_days" as const) }),
  );
  fc.assert(
    fc.property(limit, (l) => assert.deepEqual(parseLimit(formatLimit(l)), { ...l })),
    { numRuns: 2000 },
  );
});
