// Benchmark of counter intake (issue 4): POST /api/dossiers on a real server (buildApp + listen) with 50
// receiving units, each with its front-desk officer logged in, driven by 32 concurrent keep-alive clients
// (bench/intake-load.ts, in a worker thread), against a bare transaction writing the same rows with
// hand-written SQL (sequence upsert + dossier row + its first event) over 32 connections, on the same
// database in the same run. Prints dossiers/s for both and the ratio. Targets: ≥ 0.5× bare, ≥ 1,000/s.
//
//   node --import tsx bench/intake.ts [--engine postgres|pglite] [--seconds 10] [--rounds 2]
//   (postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL: an admin URL; a fresh database is created
//   and dropped; scripts/pg-cluster.sh start prints one)
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ChildProcess, spawn } from "node:child_process";
import type { Worker as Worker_ } from "node:cluster";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { createProcedureVersion } from "../src/db/repos/catalog.ts";
import { createUser } from "../src/db/repos/people.ts";
import { withDatabase } from "../src/db/testing.ts";
import { buildApp } from "../src/http/app.ts";
import { responseChecks } from "../src/http/schemas/check.ts";
import type { LoadInput, LoadResult } from "./intake-load.ts";
import { type CpuProfile, printSummary } from "./intake-profile.ts";
import { cpuMeter } from "./intake-measure.ts";
import { bareWriter } from "./intake-bare.ts";
import { startClients } from "./intake-clients.ts";
import { autogroup, parentOf, serviceGroups } from "./intake-groups.ts";
import { startServerProcesses } from "./intake-server.ts";
import { PROCEDURE as FIXTURE_PROCEDURE } from "../src/http/routes/dossiers.fixtures.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    units: { type: "string", default: "50" },
    clients: { type: "string", default: "32" },
    // statement (the headline, issue 20): the three writes as one INSERT … WITH, as intake itself issues them;
    // transaction: begin, sequence upsert, dossier insert, event insert, commit (5 round trips)
    bare: { type: "string", default: "statement" },
    // busy: this many CPU-bound processes run beside both sides (a machine shared with other work); both: each
    // round measured quiet and then busy, side by side
    busy: { type: "string", default: "0" },
    "quiet-and-busy": { type: "boolean", default: false },
    // own: each busy process in a session of its own, as another user's work is (see busy() below); same: in this
    // process's session, sharing the API server's scheduling group (the figures up to 2026-12-03)
    "busy-session": { type: "string", default: "own" },
    // plain: every process where it starts (the root scheduling group); services: the database, the application
    // and the busy processes in cgroups of their own, as services run (bench/intake-groups.ts; Linux, root)
    groups: { type: "string", default: "plain" },
    // comma-separated triggers to disable, [table.]trigger (default table dossiers): what a trigger costs, e.g.
    // quality_counts_insert,audit_log.audit_log_chain
    "disable-triggers": { type: "string", default: "" },
    // profile: only the API side, one phase of --seconds, with a CPU profile of the server thread written to this
    // file and summarized (bench/intake-profile.ts)
    profile: { type: "string" },
    // the server's pool (its PostgreSQL backends); default one per client
    "server-pool": { type: "string" },
    // the API served by this many processes (node:cluster workers, bench/intake-server.ts) sharing one port,
    // each with a pool of server-pool / N; 0: the server runs in this process
    "server-processes": { type: "string", default: "0" },
    // the clients (bench/intake-load.ts): raw, requests as bytes built once, as a load generator does (since
    // 2026-12-04); http, node:http with an Agent (the figures before that date)
    client: { type: "string", default: "raw" },
    // where the clients run: process, a process in a session of its own (since 2026-12-04); thread, a worker
    // thread of this process, in the server's scheduling group (the figures before)
    "clients-in": { type: "string", default: "process" },
  },
});
// the test fixture imported below turns on the tests' response-shape checks (src/http/testing.ts): production never
// runs them, and through 2026-12-03 the bench paid them on every API intake (~0.3 ms of the server thread)
responseChecks.enabled = false;
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const UNITS = Number(values.units);
const CLIENTS = Number(values.clients);
if (values.client !== "raw" && values.client !== "http") throw new Error("--client raw|http");
if (values["clients-in"] !== "process" && values["clients-in"] !== "thread")
  throw new Error("--clients-in process|thread");
if (values.groups !== "plain" && values.groups !== "services") throw new Error("--groups plain|services");
if (values["busy-session"] !== "own" && values["busy-session"] !== "same") throw new Error("--busy-session own|same");
const CLIENT_KIND = values.client;
const PASSWORD = "matkhau-bench-2026";
const PROVINCE = "BI";
const BUSY = Number(values.busy);

const PROCESSES = Number(values["server-processes"]);
const SERVER_POOL = Number(values["server-pool"] ?? CLIENTS);

// the test fixture's procedure under a code of its own, so the bench never meets a test's rows
const PROCEDURE = { ...FIXTURE_PROCEDURE, code: "9.000001", name: "Đăng ký khai sinh (đo hiệu năng)" };
const BODY = {
  procedureCode: PROCEDURE.code,
  channel: "direct",
  applicant: { name: "Nguyễn Thị Hoà", idNumber: "046190001234", phone: "0905 123 456", address: "Thôn Đông" },
  components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
};
const unitCodes = Array.from({ length: UNITS }, (_, i) => `${PROVINCE}.${String(i + 1).padStart(2, "0")}`);

/** The database: a fresh PostgreSQL database (dropped at the end) or a PGlite directory in /tmp. */
async function open(): Promise<{
  database: Database;
  url: string;
  connect(): Promise<pg.Pool>;
  cleanup(): Promise<void>;
}> {
  if (values.engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "motcua-bench-intake-"));
    const database = await openDatabase({ dataDir: dir });
    // PGlite serves one session: the bare side shares the app's single connection
    return {
      database,
      url: "",
      connect: async () => database.pool,
      cleanup: async () => rmSync(dir, { recursive: true }),
    };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("set BENCH_DATABASE_URL (an admin URL; scripts/pg-cluster.sh start prints one)");
  const name = `motcua_bench_intake_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = withDatabase(admin, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: PROCESSES ? 2 : SERVER_POOL });
  // keep the app's connections open between phases, so the backends measured below stay the same processes
  database.pool.options.idleTimeoutMillis = 0;
  const pools: pg.Pool[] = [];
  return {
    database,
    url,
    async connect() {
      const pool = new pg.Pool({
        connectionString: url,
        max: CLIENTS,
        idleTimeoutMillis: 0,
        options: "-c timezone=Asia/Ho_Chi_Minh",
      });
      pool.on("error", () => {}); // the drop at the end ends its idle connections
      pools.push(pool);
      return pool;
    },
    async cleanup() {
      for (const pool of pools) await pool.end();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const { database, url, connect, cleanup } = await open();
const servers: Worker_[] = [];
try {
  await migrate(database.pool);
  for (const entry of values["disable-triggers"]!.split(",").filter(Boolean)) {
    const [table, trigger] = entry.includes(".") ? entry.split(".") : ["dossiers", entry];
    await database.pool.query(`alter table ${table} disable trigger ${trigger}`);
  }
  await database.pool.query(
    `insert into units (code, name, kind, parent_code, province_code) values ($1, 'Tỉnh Đo Hiệu Năng', 'province', null, $1)`,
    [PROVINCE],
  );
  for (const [i, code] of unitCodes.entries()) {
    await database.pool.query(
      `insert into units (code, name, kind, parent_code, province_code) values ($1, $2, 'commune', $3, $3)`,
      [code, `Xã Thử ${i + 1}`, PROVINCE],
    );
  }
  await createProcedureVersion(database.db, PROCEDURE);

  const { app, ctx } = await buildApp({ database, sealAuditEveryMs: 1000 });
  await ctx.units.refresh();
  await Promise.all(
    unitCodes.map((code, i) =>
      createUser(
        database.db,
        {
          username: `motcua.${i + 1}`,
          fullName: `Cán bộ một cửa ${i + 1}`,
          password: PASSWORD,
          kind: "staff",
          unitCode: code,
          grants: [{ role: "front_desk", unitCode: code }],
        },
        () => PROVINCE,
      ),
    ),
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  if (PROCESSES > 0) {
    if (database.engine !== "postgres") throw new Error("--server-processes needs PostgreSQL");
    await app.close(); // its port goes to the cluster's workers
    servers.push(...(await startServerProcesses(PROCESSES, url, Math.ceil(SERVER_POOL / PROCESSES), port)));
  }
  const serverPids = servers.map((w) => w.process.pid!);
  const desks: LoadInput["desks"] = [];
  for (const [i, unitCode] of unitCodes.entries()) {
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: `motcua.${i + 1}`, password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login motcua.${i + 1}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("motcua_session="))!;
    desks.push({ unitCode, cookie: cookie.split(";")[0]! });
  }

  // Where the CPU goes: bench/intake-measure.ts
  const backends = async () =>
    database.engine === "postgres"
      ? (await database.pool.query("select pid from pg_stat_activity where datname = current_database()")).rows.map(
          (r) => r.pid as number,
        )
      : [];
  let pids: number[] = [];
  let lastCpu = { node: 0, postgres: 0, thread: "" };
  // With --server-processes, the API side's main threads are the server processes' (their mean is printed).
  const { now: cpuNow, since: cpuSince } = cpuMeter(serverPids, () => pids);

  function apiRun(runSeconds: number): Promise<LoadResult> {
    const input: LoadInput = {
      port,
      desks,
      body: BODY,
      concurrency: CLIENTS,
      seconds: runSeconds,
      client: CLIENT_KIND,
    };
    const clients = startClients(input, values["clients-in"] === "process" ? "process" : "thread");
    return new Promise((resolve, reject) => {
      clients.once("error", reject);
      clients.once("message", () => {
        // the clients' CPU is counted with the API side's Node CPU, wherever they run
        const before = cpuNow(serverPids.length ? serverPids : [process.pid], clients.pid ? [clients.pid] : []);
        clients.once("message", (result: LoadResult) => {
          lastCpu = cpuSince(before);
          resolve(result);
        });
        clients.send("go");
      });
    });
  }

  // One dossier the API stored is the template of the bare rows: the same columns, the same values, a new code.
  await apiRun(1);
  const bareWrite = await bareWriter(
    database.pool,
    PROVINCE,
    values.bare === "statement" ? "statement" : "transaction",
  );

  const barePool = await connect();
  async function bareRun(runSeconds: number): Promise<{ created: number; seconds: number }> {
    const before = cpuNow();
    const started = performance.now();
    const until = started + runSeconds * 1000;
    let created = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          const client = await barePool.connect();
          try {
            await bareWrite(client, unitCodes[next++ % unitCodes.length]!);
            created++;
          } finally {
            client.release();
          }
        }
      }),
    );
    lastCpu = cpuSince(before);
    return { created, seconds: (performance.now() - started) / 1000 };
  }

  // What the backends wait on: this database's active backends sampled every 50 ms during a side (pg_stat_activity;
  // "CPU" = active and not waiting), as shares of the samples. (Every 10 ms until 2026-12-03: a query 100 times a
  // second on the server's own thread, ~6 % of that thread's time under load.)
  const waits = new Map<string, number>();
  let sampling = false;
  const sampler = await connect();
  const samplerPid =
    database.engine === "postgres"
      ? ((await sampler.query("select pg_backend_pid() as pid")).rows[0].pid as number)
      : 0;
  async function sample(): Promise<void> {
    while (sampling) {
      const { rows } = await sampler.query(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w, count(*)::int as n from pg_stat_activity
         where datname = current_database() and state = 'active' and pid <> pg_backend_pid() group by 1`,
      );
      for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + r.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  async function sampled<T>(run: () => Promise<T>): Promise<{ result: T; waits: string }> {
    if (database.engine !== "postgres") return { result: await run(), waits: "" };
    waits.clear();
    sampling = true;
    const done = sample();
    const result = await run();
    sampling = false;
    await done;
    const all = [...waits.values()].reduce((a, b) => a + b, 0) || 1;
    const top = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 4);
    return { result, waits: top.map(([w, n]) => `${w} ${((n / all) * 100).toFixed(0)}%`).join(", ") };
  }
  // the busy machine: CPU-bound processes beside the run (niceness 0, like another session's test suite), each in a
  // session of its own (detached: setsid) unless --busy-session same, as up to 2026-12-03 (measured alike on this
  // VM: the server's share is decided by the backends' sessions, see bench/intake-groups.ts); with --groups
  // services, in the group of other work
  let burners: ChildProcess[] = [];
  const busy = (n: number) => {
    for (const b of burners) b.kill();
    burners = Array.from({ length: n }, () => {
      const burner = spawn(process.execPath, ["-e", "for (;;) { Math.sqrt(Math.random()); }"], {
        stdio: "ignore",
        detached: values["busy-session"] === "own",
      });
      groups?.other(burner.pid!);
      return burner;
    });
  };
  process.once("exit", () => busy(0));

  const groups =
    values.groups === "services" && database.engine === "postgres"
      ? serviceGroups(parentOf((await database.pool.query("select pg_backend_pid() as pid")).rows[0].pid))
      : undefined;
  await bareRun(1); // warm-up
  await apiRun(1); // every app connection opened
  pids = (await backends()).filter((pid) => pid !== samplerPid);
  if (values.profile) {
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    const result = await apiRun(seconds);
    const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    session.disconnect();
    writeFileSync(values.profile, JSON.stringify(profile));
    const rate = result.created / result.seconds;
    console.log(
      `API only, ${seconds} s: ${rate.toFixed(0)} dossiers/s (${result.created}, ${result.failed} failed; p50 ${result.p50.toFixed(1)} ms); node ${(lastCpu.node / result.created).toFixed(2)} ms, postgres ${(lastCpu.postgres / result.created).toFixed(2)} ms CPU per dossier; ${lastCpu.thread}; profile in ${values.profile}`,
    );
    printSummary(profile, result.created);
  }
  const modes = values.profile ? [] : values["quiet-and-busy"] ? [0, BUSY || 2] : [BUSY];
  console.log(
    `engine ${database.engine}, ${UNITS} receiving units, ${CLIENTS} concurrent clients (${CLIENT_KIND}, in a ${values["clients-in"]}), ${PROCESSES ? `${PROCESSES} server processes, pool ${Math.ceil(SERVER_POOL / PROCESSES)} each` : `server pool ${database.engine === "postgres" ? database.pool.options.max : 1}`}, ${rounds} × ${seconds} s each side, bare = one ${values.bare}; ${modes.map((n) => (n ? `busy (${n} CPU-bound processes, ${values["busy-session"]} session)` : "quiet")).join(" and ")}; scheduling: ${groups?.describe ?? `plain (autogroup ${autogroup()})`}`,
  );
  const side = () => ({ created: 0, seconds: 0, failed: 0, node: 0, postgres: 0 });
  const results: { mode: number; api: ReturnType<typeof side>; bare: ReturnType<typeof side> }[] = [];
  let firstFailure: string | undefined;
  try {
    for (const mode of modes) {
      busy(mode);
      const totals = { mode, api: side(), bare: side() };
      results.push(totals);
      for (let round = 0; round < rounds; round++) {
        // alternate, so neither side always meets the bigger table
        const bare = await sampled(() => bareRun(seconds));
        totals.bare.node += lastCpu.node;
        totals.bare.postgres += lastCpu.postgres;
        const bareThread = lastCpu.thread;
        const api = await sampled(() => apiRun(seconds));
        totals.api.node += lastCpu.node;
        totals.api.postgres += lastCpu.postgres;
        const apiThread = lastCpu.thread;
        totals.bare.created += bare.result.created;
        totals.bare.seconds += bare.result.seconds;
        totals.api.created += api.result.created;
        totals.api.seconds += api.result.seconds;
        totals.api.failed += api.result.failed;
        firstFailure ??= api.result.firstFailure;
        const b = bare.result.created / bare.result.seconds;
        const a = api.result.created / api.result.seconds;
        console.log(
          `  ${mode ? "busy " : "quiet"} round ${round + 1}: bare ${b.toFixed(0)}/s, API ${a.toFixed(0)}/s, ratio ${(a / b).toFixed(2)} (API p50 ${api.result.p50.toFixed(1)} ms, p99 ${api.result.p99.toFixed(1)} ms)`,
        );
        if (bare.waits) console.log(`      waits: bare ${bare.waits} | API ${api.waits}`);
        if (apiThread) console.log(`      bare: ${bareThread} | API (the server): ${apiThread}`);
      }
    }
  } finally {
    busy(0);
  }
  const total = Number((await database.pool.query("select count(*) as n from dossiers")).rows[0].n);
  const cpu = (s: ReturnType<typeof side>) =>
    `CPU per dossier: node ${(s.node / s.created).toFixed(2)} ms` +
    (database.engine === "postgres" ? `, postgres ${(s.postgres / s.created).toFixed(2)} ms` : "");
  for (const { mode, api, bare } of results) {
    const apiRate = api.created / api.seconds;
    const bareRate = bare.created / bare.seconds;
    const label = mode ? `busy (${mode})` : "quiet";
    console.log(`${label}:`);
    console.log(
      `  bare ${values.bare.padEnd(11)} ${bareRate.toFixed(0).padStart(6)} dossiers/s  (${bare.created} dossiers; ${cpu(bare)})`,
    );
    console.log(
      `  HTTP API intake:  ${apiRate.toFixed(0).padStart(6)} dossiers/s  (${api.created} dossiers; ${cpu(api)})`,
    );
    console.log(`  ratio API / bare: ${(apiRate / bareRate).toFixed(2)}   (target ≥ 0.5)`);
    if (api.failed) console.log(`WARNING: ${api.failed} API requests failed, first: ${firstFailure}`);
    if (apiRate / bareRate < 0.5) console.log(`WARNING: ${label} below the 0.5 × bare target`);
  }
  console.log(`(${total} dossiers in the table at the end)`);
  if (!PROCESSES) await app.close();
} finally {
  for (const w of servers) w.send("close");
  await Promise.all(servers.map((w) => new Promise((resolve) => (w.isDead() ? resolve(0) : w.once("exit", resolve)))));
  await database.close();
  await cleanup();
}
