// Opens motcua's database: PostgreSQL when a URL is given, otherwise the embedded PGlite directory,
// served from a worker thread over the wire protocol so both engines share one `pg` + Kysely code path.
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir, protectDataDir, SOCKET_PORT, socketPlace } from "./pglite-files.ts";
import type { Database as Schema } from "./schema.ts";
import { parseTimestamptz } from "./timestamptz.ts";

export { DatabaseBusyError } from "./pglite-files.ts";

// Dates stay `YYYY-MM-DD` strings; bigint counts become numbers (they never exceed 2^53 here).
pg.types.setTypeParser(1082, (value) => value);
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));
// timestamptz: postgres-date's answer, its common shape parsed without regular expressions (timestamptz.ts)
pg.types.setTypeParser(1184, parseTimestamptz);

export type Engine = "pglite" | "postgres";

export interface Database {
  engine: Engine;
  db: Kysely<Schema>;
  pool: pg.Pool;
  /** Where the data lives, for messages: a directory or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when set, dataDir is ignored. */
  databaseUrl?: string;
  /** Embedded database directory. */
  dataDir?: string;
  /** Pool size for PostgreSQL (PGlite serves one session at a time). */
  poolSize?: number;
  /** PostgreSQL: the application_name its sessions show in pg_stat_activity. */
  applicationName?: string;
  /** PostgreSQL: give up connecting after this many ms (default: wait as long as the OS does). */
  connectTimeoutMs?: number;
  /** PostgreSQL: do not check the connection when opening (a standby may be down; it is probed later). */
  lazy?: boolean;
}

/** Resolves the options every command shares: --data, MOTCUA_DATA, DATABASE_URL. */
export function databaseOptionsFromEnv(dataFlag?: string): OpenOptions {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return { databaseUrl };
  return { dataDir: resolve(dataFlag ?? process.env.MOTCUA_DATA ?? "data") };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20, options);
  return openPglite(resolve(options.dataDir ?? "data"));
}

function wrap(engine: Engine, pool: pg.Pool, location: string, release: () => Promise<void>): Database {
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine,
    db,
    pool,
    location,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await release();
    },
  };
}

async function openPostgres(url: string, max: number, extra: OpenOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: "-c timezone=Asia/Ho_Chi_Minh",
    ...(extra.applicationName ? { application_name: extra.applicationName } : {}),
    ...(extra.connectTimeoutMs ? { connectionTimeoutMillis: extra.connectTimeoutMs } : {}),
  });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead of crashing
  // a server going away while a client is checked out between queries (a standby stopped, a primary restarted)
  // emits on the client, which the pool does not listen to then: without this the process would crash; the
  // client is no longer queryable, so the pool drops it when it is released
  pool.on("connect", (client) => client.on("error", () => {}));
  if (!extra.lazy) await pool.query("select 1");
  return wrap("postgres", pool, url.replace(/:[^:@/]*@/, ":***@"), async () => {});
}

async function openPglite(dataDir: string): Promise<Database> {
  protectDataDir(dataDir);
  const unlock = await lockDataDir(dataDir);
  const socket = socketPlace(dataDir);
  const worker = new Worker(new URL("./pglite-host.mjs", import.meta.url), {
    workerData: { dataDir, socketPath: socket.path },
  });
  try {
    await new Promise<string>((resolvePromise, reject) => {
      worker.once("error", reject);
      worker.once("message", (message: { address: string }) => resolvePromise(message.address));
    });
  } catch (error) {
    await worker.terminate();
    socket.cleanup();
    await unlock();
    throw error;
  }
  const pool = new pg.Pool({
    // a Unix socket in a directory only this OS user may enter: no TCP port, nothing for other users to reach
    host: socket.dir,
    port: SOCKET_PORT,
    user: "postgres",
    database: "postgres",
    max: 1,
    idleTimeoutMillis: 0,
    // one session: a request that waits this long for it fails instead of hanging
    connectionTimeoutMillis: 60_000,
  });
  pool.on("error", () => {});
  return wrap("pglite", pool, dataDir, async () => {
    await new Promise<void>((resolveClose) => {
      worker.once("message", () => resolveClose());
      worker.postMessage("close");
    });
    await worker.terminate();
    socket.cleanup();
    protectDataDir(dataDir); // files the database created while open: 0600 at rest
    await unlock();
  });
}
