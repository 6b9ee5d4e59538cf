// A fixed-window limiter in process memory: enough for one server per office; a province running
// several instances behind a balancer also limits at the proxy (docs/deployment.md).
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.sweep(now);
      return 0;
    }
    window.count += 1;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  /** Whether the key is currently over the limit, without counting a hit. */
  blocked(key: string): number {
    const window = this.windows.get(key);
    const now = this.now();
    if (!window || now - window.start >= this.windowMs) return 0;
    return window.count >= this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/**
 * Slows guessing against one key (an account) from any number of addresses: after `free` failures each
 * further attempt waits twice as long as the previous one, up to `maxDelayMs` after the last failure. It never
 * locks the key for good (a stranger can only slow the owner down), and forgets it `forgetMs` after the last failure.
 */
export class SlowDown {
  private readonly entries = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly free: number,
    private readonly maxDelayMs: number,
    private readonly forgetMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds before the key may be tried again, 0 when it may be tried now. */
  wait(key: string): number {
    const entry = this.live(key);
    if (!entry || entry.failures < this.free) return 0;
    const delay = Math.min(1000 * 2 ** (entry.failures - this.free), this.maxDelayMs);
    const remaining = entry.last + delay - this.now();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  fail(key: string): void {
    const entry = this.live(key) ?? { failures: 0, last: 0 };
    entry.failures += 1;
    entry.last = this.now();
    this.entries.set(key, entry);
    if (this.entries.size > 50_000) this.sweep();
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.last >= this.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep() {
    const now = this.now();
    for (const [key, entry] of this.entries) if (now - entry.last >= this.forgetMs) this.entries.delete(key);
  }
}
