// Where a read goes when a hot standby is configured (DATABASE_READ_URL; docs/deploy-replicas.md): the pure
// rules, no I/O. read-replica.ts feeds them what it measures on the two servers.
//
// - A log sequence number (LSN) is a byte position in the primary's write-ahead log; the standby reports how far
//   it has replayed (pg_last_wal_replay_lsn). Everything committed before position X is visible on the standby
//   once its replay position is ≥ X.
// - Read-your-writes: after a user's write commits, the primary's WAL insert position (pg_current_wal_insert_lsn,
//   read after the commit, so ≥ the end of the commit record even with synchronous_commit off) is noted for that
//   user; the user's reads go to the standby only once its replay position has reached it.
// - Lag in seconds: the primary's WAL position is sampled with the time it was seen; a standby that has replayed
//   up to a sample taken at time t holds everything the primary had at t, so it lags by at most now − t. No such
//   sample: the lag is unknown and counts as too much.

/** Parses PostgreSQL's `pg_lsn` text form (`16/B374D848`) into a number of bytes. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) throw new Error(`not a WAL position (pg_lsn): ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The primary's WAL position at known instants, newest last; answers "how far behind is a replay position". */
export class LagClock {
  private readonly samples: { at: number; lsn: bigint }[] = [];

  /** @param keepMs how long samples are kept: a lag longer than this reads as unknown (too much). */
  constructor(private readonly keepMs: number) {}

  /** The primary was at `lsn` (or further) at `at` (ms). Samples out of order are ignored. */
  record(at: number, lsn: bigint): void {
    const last = this.samples.at(-1);
    if (last && (at < last.at || lsn < last.lsn)) return;
    if (last && lsn === last.lsn)
      last.at = at; // nothing new was written: the newest time is the tighter bound
    else this.samples.push({ at, lsn });
    while (this.samples.length > 1 && this.samples[0]!.at < at - this.keepMs) this.samples.shift();
  }

  /** Milliseconds the standby lags at `now` at most, given its replay position; Infinity when unknown. */
  lagMs(now: number, replay: bigint): number {
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const sample = this.samples[i]!;
      if (sample.lsn <= replay) return Math.max(0, now - sample.at);
    }
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The WAL positions each user must see before their reads may go to the standby. Bounded: when full, the
 * entries dropped raise a floor that then applies to everyone (more reads go to the primary, none read stale).
 */
export class WriteMarks {
  private readonly marks = new Map<string, bigint>();
  private floor = 0n;

  constructor(private readonly maxEntries = 100_000) {}

  note(key: string, lsn: bigint): void {
    const previous = this.marks.get(key);
    if (previous !== undefined && previous >= lsn) return;
    this.marks.delete(key); // re-inserted last: the map's order is the order of the newest writes
    if (this.marks.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.marks.entries().next().value as [string, bigint];
      this.marks.delete(oldestKey);
      if (oldest > this.floor) this.floor = oldest;
    }
    this.marks.set(key, lsn);
  }

  /** The position the standby must have replayed before `key`'s reads may go there (0 when nothing). */
  needed(key: string): bigint {
    const own = this.marks.get(key) ?? 0n;
    return own > this.floor ? own : this.floor;
  }

  /** Forgets the marks a standby at `replay` already satisfies. */
  settle(replay: bigint): void {
    for (const [key, lsn] of this.marks) if (lsn <= replay) this.marks.delete(key);
    if (this.floor <= replay) this.floor = 0n;
  }

  get size(): number {
    return this.marks.size;
  }
}

/** What was last measured on the standby. */
export interface StandbyState {
  /** The standby answered the last probe and is in recovery (a hot standby, not a promoted primary). */
  up: boolean;
  replay: bigint;
  lagMs: number;
}

export type ReadTarget = "replica" | "primary";
export type ReadReason = "replica" | "down" | "lagging" | "own-write";

/** Where one read goes: the standby only when up, within the lag limit, and past the reader's own writes. */
export function chooseRead(state: StandbyState, needed: bigint, maxLagMs: number): ReadReason {
  if (!state.up) return "down";
  if (!(state.lagMs <= maxLagMs)) return "lagging";
  if (state.replay < needed) return "own-write";
  return "replica";
}

/**
 * Whether an error met on the standby says the standby is unreachable or going away (as opposed to a query
 * the primary would refuse just the same): connection errors, SQLSTATE class 08 (connection exception) and
 * 57P0x (shut down, crashed, not accepting connections yet).
 */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && (/^08/.test(code) || /^57P0[1-4]$/.test(code))) return true;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, ETIMEDOUT…
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message);
}
