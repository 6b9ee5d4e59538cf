// The registered timestamptz parser on what the server really writes (both engines): 20,000 instants from 1890
// to 2110 with microseconds, in session time zones with whole-hour, half-hour, 45-minute and historic offsets,
// parsed through the driver equal postgres-date's reading of the same text.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { parseTimestamptz } from "./timestamptz.ts";

const postgresDate = createRequire(import.meta.url)("postgres-date") as (text: string) => Date;
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
});
after(async () => database.drop());

test("the driver reads timestamptz with parseTimestamptz (engine.ts)", () => {
  assert.equal(pg.types.getTypeParser(1184, "text"), parseTimestamptz);
});

// whole hours (the fast path, beside LMT before 1906), then offsets with minutes (postgres-date itself)
for (const [zone, wholeHours] of [
  ["Asia/Ho_Chi_Minh", true],
  ["UTC", true],
  ["America/St_Johns", false],
  ["Asia/Kathmandu", false],
] as const) {
  test(`every instant read in ${zone} equals postgres-date's`, async () => {
    const client = await database.pool.connect();
    try {
      await client.query(`set time zone '${zone}'`);
      const { rows } = await client.query<{ at: Date; text: string }>(
        `select t as at, t::text as text from (select timestamptz '1890-01-01 00:00:00+00'
           + (g * 347017.123457) * interval '1 second' as t from generate_series(0, 19999) g) s`,
      );
      assert.equal(rows.length, 20_000);
      let fast = 0;
      for (const { at, text } of rows) {
        assert.equal(at.getTime(), postgresDate(text).getTime(), text);
        if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d$/.test(text)) fast++;
      }
      assert.equal(fast > 0, wholeHours, `${fast} texts in the fast path's shape`);
    } finally {
      client.release();
    }
  });
}
