import { test } from "node:test";
import assert from "node:assert/strict";
import { formatLocal, localDate, localWeekday, parseInstant, startOfLocalDate } from "./local-time.ts";

test("local dates differ from UTC dates between 00:00 and 07:00", () => {
  const at = parseInstant("2026-03-02T06:59:00+07:00")!;
  assert.equal(at.toISOString().slice(0, 10), "2026-03-01");
  assert.equal(localDate(at), "2026-03-02");
  assert.equal(localWeekday(at), 1);
});

test("formatLocal round-trips through parseInstant", () => {
  assert.equal(formatLocal(parseInstant("2026-03-05T02:00:00Z")!), "2026-03-05T09:00:00+07:00");
  assert.equal(formatLocal(startOfLocalDate("2026-01-01")), "2026-01-01T00:00:00+07:00");
});

test("an instant without an offset is refused", () => {
  assert.equal(parseInstant("2026-03-02T09:00:00"), undefined);
  assert.equal(parseInstant("2026-13-02T09:00:00+07:00"), undefined);
});
