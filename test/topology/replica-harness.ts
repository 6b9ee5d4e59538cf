// The replica and PgBouncer tests' harness: a topology from scripts/pg-topology.sh (a primary, a streaming hot
// standby, PgBouncer in transaction mode), a migrated motcua database on it with a few staff, and a real server
// listening on a free port, driven over HTTP with fetch.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { createProcedureVersion } from "../../src/db/repos/catalog.ts";
import { type Database, type OpenOptions, openDatabase } from "../../src/db/engine.ts";
import { migrate } from "../../src/db/migrate.ts";
import type { ReadReplica } from "../../src/db/read-replica.ts";
import { buildApp } from "../../src/http/app.ts";
import type { AppContext } from "../../src/http/context.ts";
import { APPLICANT, PROCEDURE } from "../../src/http/routes/dossiers.fixtures.ts";
import { addStaffUser, seedTestUnits } from "../../src/http/testing.ts";
import type { StaffRole } from "../../src/people/policy.ts";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PASSWORD = "matkhau-topo-2026";

export interface Topology {
  primaryUrl: string;
  standbyUrl: string;
  bouncerUrl: string;
  standbyStop(): Promise<void>;
  standbyStart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts primary + standby + PgBouncer in their own directory and ports (PGTOPO_DIR, PGTOPO_PORT…+2). */
export async function startTopology(dir: string, port: number, options: { standby?: boolean } = {}): Promise<Topology> {
  const env = {
    ...process.env,
    PGTOPO_DIR: dir,
    PGTOPO_PORT: String(port),
    PGTOPO_STANDBY: options.standby === false ? "off" : "on",
  };
  const script = (action: string) => run("bash", [path.join(root, "scripts/pg-topology.sh"), action], { env });
  await script("stop"); // a run killed half-way leaves its clusters: start from nothing
  const { stdout } = await script("start");
  const urls = Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((line) => line.split("=", 2) as [string, string]),
  );
  return {
    primaryUrl: urls.PRIMARY_URL!,
    standbyUrl: urls.STANDBY_URL!,
    bouncerUrl: urls.BOUNCER_URL!,
    standbyStop: async () => void (await script("standby-stop")),
    standbyStart: async () => void (await script("standby-start")),
    stop: async () => void (await script("stop")),
  };
}

/** The same server, another database name. */
export function onDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs one statement as the superuser on a server (e.g. pause replay on the standby) and returns its rows. */
export async function admin<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the primary, migrated (through `via`, e.g. PgBouncer, when given), with the test
 * units and the test procedure.
 */
export async function createMotcuaDatabase(primaryUrl: string, name: string, via = primaryUrl): Promise<void> {
  await admin(primaryUrl, `drop database if exists ${name}`);
  await admin(primaryUrl, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: onDatabase(via, name), poolSize: 2 });
  try {
    await migrate(database.pool);
    await seedTestUnits({ ...database, target: name, drop: () => database.close() });
    await createProcedureVersion(database.db, PROCEDURE);
  } finally {
    await database.close();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields one by one
export type Reply = { status: number; body: any; cookies: string[] };

export interface Server {
  url: string;
  ctx: AppContext;
  addStaff(username: string, unitCode: string, roles: StaffRole[]): Promise<void>;
  /** Logs in over HTTP; the cookie for `call`. */
  login(username: string): Promise<string>;
  call(method: string, url: string, options?: { cookie?: string; body?: unknown }): Promise<Reply>;
  /** A counter intake at P1.01 by `cookie`'s front desk; the new dossier. */
  intake(cookie: string): Promise<Reply>;
  close(): Promise<void>;
}

/** A real server on a free port over `database` (and its standby, when `reads` is given). */
export async function startServer(options: {
  database: Database;
  reads?: ReadReplica;
  listenUrl?: string;
}): Promise<Server> {
  const { app, ctx } = await buildApp({
    database: options.database,
    ...(options.reads ? { reads: options.reads } : {}),
    ...(options.listenUrl ? { listenUrl: options.listenUrl } : {}),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const call: Server["call"] = async (method, target, { cookie, body } = {}) => {
    const response = await fetch(url + target, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    return {
      status: response.status,
      body: type.includes("json") && text ? JSON.parse(text) : text,
      cookies: response.headers.getSetCookie().map((c) => c.split(";")[0]!),
    };
  };
  return {
    url,
    ctx,
    call,
    async addStaff(username, unitCode, roles) {
      await addStaffUser(options.database.db, ctx, { username, unitCode, roles, password: PASSWORD });
    },
    async login(username) {
      const response = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("motcua_session="));
      return cookie!.split(";")[0]!;
    },
    intake(cookie) {
      return call("POST", "/api/dossiers", {
        cookie,
        body: {
          unitCode: "P1.01",
          procedureCode: PROCEDURE.code,
          channel: "direct",
          applicant: APPLICANT,
          components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
        },
      });
    },
    close: () => app.close(),
  };
}

/** The staff the topology tests and benches sign in as: a front desk, an officer, leaders of P1.01 and P1. */
export const STAFF: Record<string, readonly [unitCode: string, roles: StaffRole[]]> = {
  "motcua.01": ["P1.01", ["front_desk"]],
  "cv.01": ["P1.01", ["officer"]],
  "ld.01": ["P1.01", ["leader"]],
  "ld.p1": ["P1", ["leader"]],
};

/** Creates `names` of STAFF on `server` and logs each in; their session cookies by name. */
export async function signIn(server: Server, names: (keyof typeof STAFF)[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const name of names) {
    const [unitCode, roles] = STAFF[name]!;
    await server.addStaff(name, unitCode, roles);
  }
  for (const name of names) cookies[name] = await server.login(name);
  return cookies;
}

/** Opens the motcua database on the server at `url` (the primary, the standby or PgBouncer). */
export function openMotcua(url: string, options: Omit<OpenOptions, "databaseUrl" | "dataDir"> = {}) {
  return openDatabase({ poolSize: 8, ...options, databaseUrl: onDatabase(url, "motcua") });
}

/**
 * The start every topology test and bench makes: the topology in `dir` on `port`, database motcua migrated on
 * its primary (through PgBouncer when `migrateVia` is "bouncer").
 */
export async function startMotcuaTopology(
  dir: string,
  port: number,
  options: { standby?: boolean; migrateVia?: "primary" | "bouncer" } = {},
): Promise<Topology> {
  const topology = await startTopology(dir, port, { standby: options.standby ?? true });
  try {
    const via = options.migrateVia === "bouncer" ? topology.bouncerUrl : topology.primaryUrl;
    await createMotcuaDatabase(topology.primaryUrl, "motcua", via);
    return topology;
  } catch (error) {
    await topology.stop();
    throw error;
  }
}

/** Today's date in Vietnam (UTC+7), YYYY-MM-DD. */
export const localToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Waits until `check` holds (polling every 50 ms), or fails after `ms`. */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
