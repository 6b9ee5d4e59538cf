// The replica routing rules (read-routing.ts): WAL positions, the lag clock, the per-user write marks, the choice.
import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseRead, formatLsn, isUnavailable, LagClock, parseLsn, WriteMarks } from "./read-routing.ts";

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("WAL positions parse as PostgreSQL orders them (high word first) and print back", () => {
  assert.equal(parseLsn("0/0"), 0n);
  assert.equal(parseLsn("16/B374D848"), (0x16n << 32n) + 0xb374d848n);
  assert.ok(parseLsn("1/0") > parseLsn("0/FFFFFFFF"));
  assert.ok(parseLsn("0/10") > parseLsn("0/F")); // hex, not text order
  for (const text of ["0/3000060", "16/B374D848", "FFFFFFFF/FFFFFFFF"]) assert.equal(formatLsn(parseLsn(text)), text);
  for (const bad of ["", "0", "0/", "/1", "G/1", "1/2/3", "123456789/0"]) assert.throws(() => parseLsn(bad), /pg_lsn/);
});

test("the lag clock: a standby at a sampled position lags by at most the time since that sample", () => {
  const clock = new LagClock(10_000);
  assert.equal(clock.lagMs(0, 0n), Number.POSITIVE_INFINITY, "nothing sampled: unknown");
  clock.record(1_000, 100n);
  clock.record(2_000, 200n);
  clock.record(3_000, 300n);
  assert.equal(clock.lagMs(3_500, 300n), 500, "caught up with the newest sample");
  assert.equal(clock.lagMs(3_500, 1_000n), 500, "past the newest sample");
  assert.equal(clock.lagMs(3_500, 250n), 1_500, "between samples: the older one bounds it");
  assert.equal(clock.lagMs(3_500, 99n), Number.POSITIVE_INFINITY, "older than every sample: unknown");
  clock.record(2_500, 400n); // out of order: ignored
  assert.equal(clock.lagMs(3_500, 300n), 500);
  clock.record(4_000, 300n); // nothing new written since 3 000: a standby at 300 is current as of 4 000
  assert.equal(clock.lagMs(4_000, 300n), 0);
  clock.record(20_000, 500n); // samples older than keepMs go
  assert.equal(clock.lagMs(20_000, 300n), Number.POSITIVE_INFINITY);
  assert.equal(clock.lagMs(20_000, 500n), 0);
});

test("property: the lag clock never understates the lag", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    const clock = new LagClock(5_000);
    const history: { at: number; lsn: bigint }[] = [];
    let at = 0;
    let lsn = 0n;
    for (let i = 0; i < 60; i++) {
      at += Math.floor(next() * 400);
      if (next() < 0.7) lsn += BigInt(Math.floor(next() * 1000));
      history.push({ at, lsn });
      if (next() < 0.5) clock.record(at, lsn);
    }
    const replay = BigInt(Math.floor(next() * Number(lsn + 1n)));
    const now = at + Math.floor(next() * 300);
    // the true lag: the standby holds everything up to `replay`, the primary went past it at the first such point
    const passed = history.find((h) => h.lsn > replay);
    const trueLag = passed ? now - passed.at : 0;
    const measured = clock.lagMs(now, replay);
    assert.ok(measured >= trueLag || measured === Number.POSITIVE_INFINITY, `seed ${seed}: ${measured} < ${trueLag}`);
  }
});

test("write marks: a user waits for their own write only, until the standby has replayed it", () => {
  const marks = new WriteMarks();
  marks.note("user:1", 500n);
  marks.note("user:1", 400n); // an older position never lowers the mark
  assert.equal(marks.needed("user:1"), 500n);
  assert.equal(marks.needed("user:2"), 0n);
  marks.settle(499n);
  assert.equal(marks.needed("user:1"), 500n);
  marks.settle(500n);
  assert.equal(marks.needed("user:1"), 0n);
  assert.equal(marks.size, 0);
});

test("property: whatever is noted, settled or evicted, a standby behind a user's write is never chosen for them", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    const marks = new WriteMarks(1 + Math.floor(next() * 4)); // tiny: evictions happen
    const newest = new Map<string, bigint>();
    let position = 0n;
    let replay = 0n; // the standby's replay position only moves forward, and never past the primary's
    for (let i = 0; i < 80; i++) {
      const key = `user:${Math.floor(next() * 8)}`;
      if (next() < 0.6) {
        position += BigInt(1 + Math.floor(next() * 50));
        marks.note(key, position);
        newest.set(key, position);
      } else {
        replay += BigInt(Math.floor(next() * Number(position - replay + 1n)));
        marks.settle(replay);
      }
      if (next() < 0.3) replay += BigInt(Math.floor(next() * Number(position - replay + 1n))); // unsettled progress
      for (const [who, written] of newest) {
        const reason = chooseRead({ up: true, replay, lagMs: 0 }, marks.needed(who), 5_000);
        if (replay < written) assert.equal(reason, "own-write", `seed ${seed}: ${who} would read before ${written}`);
      }
    }
  }
});

test("a read goes to the standby only when it is up, recent enough and past the reader's writes", () => {
  const up = { up: true, replay: 1_000n, lagMs: 100 };
  assert.equal(chooseRead(up, 0n, 5_000), "replica");
  assert.equal(chooseRead(up, 1_000n, 5_000), "replica");
  assert.equal(chooseRead(up, 1_001n, 5_000), "own-write");
  assert.equal(chooseRead({ ...up, up: false }, 0n, 5_000), "down");
  assert.equal(chooseRead({ ...up, lagMs: 5_001 }, 0n, 5_000), "lagging");
  assert.equal(chooseRead({ ...up, lagMs: Number.POSITIVE_INFINITY }, 0n, 5_000), "lagging");
  assert.equal(chooseRead({ ...up, lagMs: Number.NaN }, 0n, 5_000), "lagging");
});

test("a standby going away is told from a query the primary would refuse too", () => {
  for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03", "08006", "08001"]) {
    assert.ok(isUnavailable(Object.assign(new Error("x"), { code })), code);
  }
  assert.ok(isUnavailable(new Error("Connection terminated unexpectedly")));
  assert.ok(isUnavailable(new Error("timeout exceeded when trying to connect")));
  for (const code of ["22P02", "42P01", "40001", "25006", undefined]) {
    assert.equal(isUnavailable(Object.assign(new Error("x"), { code })), false, String(code));
  }
});
