// parseTimestamptz answers exactly what the driver's postgres-date answers, for every text: instants in the
// shape PostgreSQL writes them (any year, fraction of 0–6 digits, offsets of hours, minutes, seconds, BC) and
// arbitrary strings around that shape. Equal means the same getTime() (NaN included) or the same non-Date.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import fc from "fast-check";
import { driverParse, parseTimestamptz } from "./timestamptz.ts";

const postgresDate = createRequire(import.meta.url)("postgres-date") as (text: string) => Date | number | null;

function same(text: string): void {
  const expected = postgresDate(text);
  const actual = parseTimestamptz(text);
  if (expected instanceof Date) {
    assert.ok(actual instanceof Date, `${text}: a Date expected`);
    assert.ok(Object.is(actual.getTime(), expected.getTime()), `${text}: ${actual.getTime()} ≠ ${expected.getTime()}`);
  } else {
    assert.ok(Object.is(actual, expected), `${text}: ${String(actual)} ≠ ${String(expected)}`);
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A text in PostgreSQL's ISO output shape, with the parts drawn freely (out-of-range parts included). */
const pgText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 99_999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.oneof(fc.constant(""), fc.stringMatching(/^[0-9]{1,6}$/), fc.stringMatching(/^[0-9]{1,9}$/)),
    sign: fc.constantFrom("+", "-"),
    offset: fc.integer({ min: 0, max: 15 }),
    offsetMinutes: fc.oneof(fc.constant(""), fc.constantFrom(":30", ":45", ":06:40", ":00")),
    bc: fc.oneof(fc.constant(""), fc.constant(" BC")),
  })
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)} ${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}` +
      `${p.fraction ? `.${p.fraction}` : ""}${p.sign}${pad(p.offset, 2)}${p.offsetMinutes}${p.bc}`,
  );

test("the driver's parser is postgres-date (what the fast path is compared with)", () => {
  assert.equal(driverParse, postgresDate);
});

test("every text PostgreSQL could write: the same instant as postgres-date", () => {
  fc.assert(
    fc.property(pgText, (text) => same(text)),
    { numRuns: 20_000 },
  );
});

test("texts around the shape (one character changed, cut, or added): the same answer", () => {
  const mutated = fc
    .tuple(pgText, fc.nat(), fc.constantFrom("", "x", "0", " ", "-", "+", ".", ":", "Z", "\u0660"))
    .map(([text, at, ch]) => {
      const i = at % (text.length + 1);
      return [text.slice(0, i) + ch + text.slice(i + 1), text.slice(0, i), text + ch];
    });
  fc.assert(
    fc.property(mutated, (texts) => texts.forEach(same)),
    { numRuns: 20_000 },
  );
});

test("the common and the edge cases", () => {
  for (const text of [
    "2025-03-03 10:00:00+07",
    "2025-03-03 10:00:00.123+07",
    "2025-03-03 10:00:00.123789+07",
    "2025-03-03 10:00:00.029+07",
    "2025-03-03 10:00:00.9995+00",
    "1969-12-31 23:59:59.9995+00",
    "1970-01-01 06:59:59.999+07",
    "1906-06-30 23:59:59+07:06:40",
    "0099-01-01 00:00:00+00",
    "0100-01-01 00:00:00+00",
    "0001-01-01 00:00:00+00 BC",
    "12345-01-01 00:00:00+00",
    "2025-02-30 00:00:00+07",
    "2025-03-03 10:00:00-03",
    "2025-03-03 10:00:00-00",
    "2025-03-03 10:00:00.+07",
    "2025-03-03T10:00:00+07",
    "2025-03-03 10:00:00Z",
    "2025-03-03 10:00:00",
    "infinity",
    "-infinity",
    "",
  ]) {
    same(text);
  }
  assert.equal((parseTimestamptz("2025-03-03 10:00:00.123789+07") as Date).toISOString(), "2025-03-03T03:00:00.123Z");
});
