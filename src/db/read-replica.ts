// Reads sent to a hot standby (DATABASE_READ_URL), with the rules of read-routing.ts fed by what is measured:
// the standby's replay position and lag (probed at most every probeMs, on demand, one probe at a time), and the
// primary's WAL position after each write, per user. docs/deploy-replicas.md explains the guarantees.
import type { Database } from "./engine.ts";
import {
  chooseRead,
  isUnavailable,
  LagClock,
  parseLsn,
  type ReadReason,
  type StandbyState,
  WriteMarks,
} from "./read-routing.ts";

export interface ReplicaOptions {
  /** A standby further behind than this (ms) is not read from (DATABASE_READ_MAX_LAG, default 5 s). */
  maxLagMs?: number;
  /** How old a measurement of the standby may be before the next read measures again (ms). */
  probeMs?: number;
  now?: () => number;
}

/** A probe of the standby that takes longer than this counts as the standby being down (it is hung or far). */
const PROBE_TIMEOUT_MS = 1_000;

/** More than any WAL position (pg_lsn is 64 bits): a reader who needs it reads from the primary. */
const BEYOND_ANY_WAL = 1n << 64n;

export type ReadCounts = Record<ReadReason | "retried", number>;

export class ReadReplica {
  readonly maxLagMs: number;
  private readonly probeMs: number;
  private readonly now: () => number;
  private readonly clock: LagClock;
  private readonly marks = new WriteMarks();
  /** Writers whose write position could not be read: held on the primary until the next probe measures it. */
  private readonly unmeasured = new Set<string>();
  private state: StandbyState = { up: false, replay: 0n, lagMs: Number.POSITIVE_INFINITY };
  private probedAt = Number.NEGATIVE_INFINITY;
  private probing: Promise<void> | undefined;
  private replaying: Promise<void> | undefined;
  /** How many reads went where, and why (for tests, logs and the health route). */
  readonly counts: ReadCounts = { replica: 0, down: 0, lagging: 0, "own-write": 0, retried: 0 };

  constructor(
    readonly primary: Database,
    readonly replica: Database,
    options: ReplicaOptions = {},
  ) {
    this.maxLagMs = options.maxLagMs ?? 5_000;
    this.probeMs = options.probeMs ?? 500;
    this.now = options.now ?? (() => performance.now());
    this.clock = new LagClock(Math.max(2 * this.maxLagMs, 10_000));
  }

  /**
   * The database one read of `reader` (a user, or an anonymous address) goes to; `atLeast`: a WAL position the
   * client says its last write reached (written by another server process: the motcua_wal cookie).
   */
  async choose(reader: string, atLeast = 0n): Promise<Database> {
    if (this.now() - this.probedAt >= this.probeMs) await this.probe();
    const own = this.unmeasured.has(reader) ? BEYOND_ANY_WAL : this.marks.needed(reader);
    const needed = own > atLeast ? own : atLeast;
    let reason = chooseRead(this.state, needed, this.maxLagMs);
    if (reason === "own-write") {
      await this.refreshReplay(); // one short query on the standby, shared by the readers waiting on it
      reason = chooseRead(this.state, needed, this.maxLagMs);
    }
    this.counts[reason]++;
    return reason === "replica" ? this.replica : this.primary;
  }

  /**
   * Called after `writer`'s request may have written and before its answer leaves: the writer's reads wait for
   * the standby to replay the primary's WAL insert position, read now (after the commit). Never throws: when
   * the primary cannot say, the writer reads from the primary until the next probe reads the position.
   * Returns the position noted, if any.
   */
  async noteWrite(writer: string): Promise<bigint | undefined> {
    try {
      const { inserted, flushed } = await this.primaryPosition();
      this.clock.record(this.now(), flushed);
      this.marks.note(writer, inserted);
      return inserted;
    } catch {
      this.unmeasured.add(writer);
      return undefined;
    }
  }

  /**
   * A read on the standby failed. When the standby is unreachable it is marked down until the next probe;
   * the caller runs the read again on the primary either way (a read changes nothing, so it may run twice).
   */
  failed(error: unknown): void {
    this.counts.retried++;
    if (isUnavailable(error)) {
      this.state = { ...this.state, up: false };
      this.probedAt = this.now();
    }
  }

  /** The last measurement, for the health route and the tests. */
  get standby(): Readonly<StandbyState> & { pendingWriters: number } {
    return { ...this.state, pendingWriters: this.marks.size };
  }

  /** Measures the standby now (one probe at a time; concurrent callers share it). */
  probe(): Promise<void> {
    this.probing ??= this.measure().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async measure(): Promise<void> {
    const pending = [...this.unmeasured]; // writes already answered: the position read next is past them
    try {
      const { inserted, flushed } = await this.primaryPosition();
      this.clock.record(this.now(), flushed);
      for (const writer of pending) {
        this.marks.note(writer, inserted);
        this.unmeasured.delete(writer);
      }
      const row = await this.standbyPosition();
      this.observe(row.recovering, row.replay);
    } catch {
      this.state = { up: false, replay: this.state.replay, lagMs: Number.POSITIVE_INFINITY };
    } finally {
      this.probedAt = this.now();
    }
  }

  private refreshReplay(): Promise<void> {
    this.replaying ??= this.standbyPosition()
      .then(
        (row) => this.observe(row.recovering, row.replay),
        (error: unknown) => {
          if (isUnavailable(error)) this.state = { ...this.state, up: false };
        },
      )
      .finally(() => {
        this.replaying = undefined;
      });
    return this.replaying;
  }

  /**
   * The primary's WAL positions: inserted (≥ the end of every commit already returned, whatever
   * synchronous_commit says: what a writer waits for) and flushed (what a standby can have received: the lag
   * clock's samples; at a page boundary the insert position counts the next page's header, which an idle
   * primary would leave unreplayed and the clock would read as a growing lag).
   */
  private async primaryPosition(): Promise<{ inserted: bigint; flushed: bigint }> {
    const result = await this.primary.pool.query<{ inserted: string; flushed: string }>(
      "select pg_current_wal_insert_lsn()::text as inserted, pg_current_wal_flush_lsn()::text as flushed",
    );
    const row = result.rows[0]!;
    return { inserted: parseLsn(row.inserted), flushed: parseLsn(row.flushed) };
  }

  /** The standby's replay position, or an error after PROBE_TIMEOUT_MS (a hung standby must not hang reads). */
  private async standbyPosition(): Promise<{ recovering: boolean; replay: string | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error("standby probe timed out"), { code: "ETIMEDOUT" })),
        PROBE_TIMEOUT_MS,
      );
    });
    try {
      const query = this.replica.pool.query<{ recovering: boolean; replay: string | null }>(
        "select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as replay",
      );
      query.catch(() => {}); // settled late after a timeout: nobody is waiting for it any more
      return (await Promise.race([query, timeout])).rows[0]!;
    } finally {
      clearTimeout(timer);
    }
  }

  private observe(recovering: boolean, replayText: string | null): void {
    // not in recovery: a promoted or misconfigured server, whose data may have parted from the primary's
    if (!recovering || replayText === null) {
      this.state = { up: false, replay: 0n, lagMs: Number.POSITIVE_INFINITY };
      return;
    }
    const replay = parseLsn(replayText);
    this.state = { up: true, replay, lagMs: this.clock.lagMs(this.now(), replay) };
    this.marks.settle(replay);
  }
}
