// Sessions remembered between requests, on PostgreSQL: reading the session is one of the two round trips of
// a counter intake. A cached session is exactly as good as reading it, because every change that could end or
// narrow it (migration 0007: a session deleted or cut short, a user changed, a grant added or revoked) notifies
// channel motcua_sessions when it commits, and this process, LISTENing on its own connection, forgets that
// user's sessions. Without a live LISTEN connection nothing is cached, so a lost connection cannot leave a
// logged-out session usable; an entry also lives at most MAX_AGE_MS, a bound on the unforeseen.
//
// Behind PgBouncer in transaction mode a LISTEN is lost with its server connection: the listener then needs a
// direct connection (DATABASE_LISTEN_URL, docs/deploy-replicas.md), or "off" to read every session.
//
// The race "read the session, logout commits and notifies, then store what was read" is closed by a
// generation: a read is stored only if no notification arrived while it ran.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Database } from "../db/engine.ts";
import { sessionOf } from "../db/repos/people.ts";
import type { Actor } from "../people/policy.ts";

const CHANNEL = "motcua_sessions";
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = 1_000;

interface Entry {
  actor: Actor;
  expiresAt: number;
  storedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listener: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  /**
   * @param listenUrl where the LISTEN connection goes (default: the database's own settings); "off": no
   *   caching, every request reads its session (for a pooler in transaction mode with no direct connection).
   */
  constructor(
    private readonly database: Database,
    private readonly listenUrl?: string,
  ) {}

  /** Starts listening (PostgreSQL only; on the embedded engine every request reads its session). */
  async start(): Promise<void> {
    if (this.database.engine !== "postgres" || this.listenUrl === "off") return;
    await this.listen().catch(() => this.reconnectLater());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.forgetAll();
    await this.listener?.end().catch(() => {});
  }

  /** Whether sessions are being cached now (a LISTEN connection is up). */
  get active(): boolean {
    return this.listening;
  }

  async actorOf(token: string): Promise<Actor | undefined> {
    const tokenHash = createHash("sha256").update(token).digest("hex");
    const now = Date.now();
    const hit = this.entries.get(tokenHash);
    if (hit && this.listening && hit.expiresAt > now && now - hit.storedAt < MAX_AGE_MS) return hit.actor;
    if (hit) this.entries.delete(tokenHash);
    const generation = this.generation;
    const session = await sessionOf(this.database.db, tokenHash);
    if (session && this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(tokenHash, { actor: session.actor, expiresAt: session.expiresAt.getTime(), storedAt: now });
    }
    return session?.actor;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(
      this.listenUrl
        ? { connectionString: this.listenUrl, options: "-c timezone=Asia/Ho_Chi_Minh" }
        : this.database.pool.options,
    );
    client.on("notification", (message) => this.forget(message.payload ?? "*"));
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
    this.forgetAll(); // nothing read before the LISTEN began may be trusted
    this.listening = true;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.forgetAll();
    client.end().catch(() => {});
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.listen().catch(() => this.reconnectLater()), RECONNECT_MS);
    this.retry.unref();
  }

  /** Forgets a user's sessions ("*": everyone's), and any read in flight. */
  forget(userId: string): void {
    this.generation++;
    if (userId === "*") {
      this.entries.clear();
      return;
    }
    for (const [hash, entry] of this.entries) if (String(entry.actor.userId) === userId) this.entries.delete(hash);
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}
