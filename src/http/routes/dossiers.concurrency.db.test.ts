// Concurrency on PostgreSQL (PGlite serves one session at a time, so these prove nothing there and are skipped):
// two officers acting at once on one dossier — exactly one wins, the other gets 409 concurrent-update; a retried
// command racing itself appends once; 50 parallel intakes on one unit get codes 0001..0050, no gap, no duplicate.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { testEngine } from "../../db/testing.ts";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

const skip = testEngine !== "postgres" ? "concurrency is tested on PostgreSQL" : false;
let f: Fixture;

before(async () => {
  if (!skip) f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => {
  if (!skip) await f.t.close();
});

test("two simultaneous actions on one dossier: exactly one wins, the other is 409 concurrent-update", {
  skip,
}, async () => {
  for (let round = 0; round < 10; round++) {
    const d = await f.intake(f.cookies["motcua.01"]!);
    const [a, b] = await Promise.all([
      f.act(f.cookies["motcua.01"]!, d.body.code, "assign", { revision: 1, assignee: "cv.01" }),
      f.act(f.cookies["cv.01"]!, d.body.code, "start_processing", { revision: 1 }),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 409], JSON.stringify([a.body, b.body]));
    const loser = a.status === 409 ? a : b;
    assert.equal(loser.body.code, "concurrent-update");
    const view = await f.get(f.cookies["ld.01"]!, d.body.code);
    assert.equal(view.body.events.length, 2);
  }
});

test("the same command sent twice at once (same Idempotency-Key) is applied once", { skip }, async () => {
  const d = await f.intake(f.cookies["motcua.01"]!);
  const send = () =>
    f.act(f.cookies["cv.01"]!, d.body.code, "start_processing", { revision: 1 }, `retry-${d.body.code}`);
  const replies = await Promise.all([send(), send(), send()]);
  assert.deepEqual(
    replies.map((r) => r.status),
    [200, 200, 200],
  );
  assert.equal(replies.filter((r) => r.body.replayed).length, 2);
  const view = await f.get(f.cookies["ld.01"]!, d.body.code);
  assert.equal(view.body.events.length, 2);
});

test("50 parallel intakes on one unit: codes 0001..0050, no gap, no duplicate", { skip }, async () => {
  f.clock.now = new Date("2026-03-10T09:00:00+07:00");
  const replies = await Promise.all(
    Array.from({ length: 50 }, (_, i) => f.intake(f.cookies["motcua.02"]!, { unitCode: "P1.02" }, `bulk-intake-${i}`)),
  );
  assert.ok(
    replies.every((r) => r.status === 201),
    JSON.stringify(replies.find((r) => r.status !== 201)?.body),
  );
  const codes = replies.map((r) => r.body.code as string).sort();
  assert.deepEqual(
    codes,
    Array.from({ length: 50 }, (_, i) => `P1.02-260310-${String(i + 1).padStart(4, "0")}`),
  );
  const seq = await f.t.database.db
    .selectFrom("dossier_sequences")
    .select("last")
    .where("unit_code", "=", "P1.02")
    .where("day", "=", "2026-03-10")
    .executeTakeFirstOrThrow();
  assert.equal(seq.last, 50);
  // the same 50 keys again: the same 50 dossiers, nothing new
  const again = await Promise.all(
    Array.from({ length: 50 }, (_, i) => f.intake(f.cookies["motcua.02"]!, { unitCode: "P1.02" }, `bulk-intake-${i}`)),
  );
  assert.deepEqual(again.map((r) => r.body.code).sort(), codes);
});

test("a code already used by an import is skipped, not duplicated", { skip }, async () => {
  f.clock.now = new Date("2026-03-11T09:00:00+07:00");
  const first = await f.intake(f.cookies["motcua.01"]!);
  assert.equal(first.body.code, "P1.01-260311-0001");
  // an import that wrote 0002 without bumping the sequence
  await f.t.database.db
    .insertInto("dossiers")
    .values({
      province_code: "P1",
      code: "P1.01-260311-0002",
      unit_code: "P1.01",
      current_unit_code: "P1.01",
      procedure_code: "1.009902",
      field: "Hộ tịch",
      channel: "direct",
      state: "received",
      received_at: f.clock.now,
      source: "import",
    })
    .execute();
  const next = await f.intake(f.cookies["motcua.01"]!);
  assert.equal(next.body.code, "P1.01-260311-0003");
});
