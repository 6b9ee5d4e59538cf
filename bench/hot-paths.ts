// Benchmark of the screens staff use all day at a province's size (issue 20): a database of N imported
// dossiers (bench/hot-paths-data.ts: the import bench's generator, made once and kept in a named cluster under
// /tmp), a real server (buildApp + listen), and every hot call through the HTTP API timed against its bare
// query (hand-written SQL for the same answer, over a pg pool in the same process) and its target (p95 < 50 ms).
// Then 32 clients (a worker thread) mixing reads: lists, search, details, reports (≥ 150 req/s, p95 < 300 ms,
// 0 errors), with the server's RSS before and after. --explain prints the plan of each bare query.
//
//   node --import tsx bench/hot-paths.ts [--size 1000000] [--runs 40] [--seconds 30] [--clients 32] [--explain]
//   (BENCH_DATABASE_URL: an admin URL to use instead of the kept cluster /tmp/motcua-hotpaths-pg on port 54361)
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { createUser } from "../src/db/repos/people.ts";
import { buildApp } from "../src/http/app.ts";
import { benchCluster, hotPathsDatabase } from "./hot-paths-data.ts";
import { type Call, countersBare, drillDowns, LISTED, YEAR } from "./hot-paths-766.ts";
import type { MixInput, MixResult } from "./hot-paths-load.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000000" },
    runs: { type: "string", default: "40" },
    seconds: { type: "string", default: "30" },
    clients: { type: "string", default: "32" },
    /** Server connections to PostgreSQL (default: the server's own default, as `motcua serve` runs). */
    pool: { type: "string", default: "" },
    dir: { type: "string", default: "/tmp/motcua-hotpaths-pg" },
    port: { type: "string", default: "54361" },
    explain: { type: "boolean", default: false },
    "skip-mix": { type: "boolean", default: false },
    /** Only the calls whose name contains this text (the mix keeps all its calls). */
    only: { type: "string", default: "" },
  },
});
const SIZE = Number(values.size);
const RUNS = Number(values.runs);
const CLIENTS = Number(values.clients);
const TARGET_MS = 50;
const PASSWORD = "matkhau-bench-2026";

const admin = benchCluster(values.dir!, Number(values.port));
const database = await hotPathsDatabase(
  admin,
  `motcua_hot_${SIZE}`,
  SIZE,
  values.pool ? Number(values.pool) : undefined,
);
const { pool } = database;
const one = async (text: string, params: unknown[] = []) => (await pool.query(text, params)).rows[0];

// the largest province and its busiest receiving unit: the worst case for a list
const { province } = await one(
  "select province_code as province from dossiers group by 1 order by count(*) desc limit 1",
);
const { unit } = await one(
  "select unit_code as unit from dossiers where province_code = $1 group by 1 order by count(*) desc limit 1",
  [province],
);
const { rare } = await one(
  `select lower(f_unaccent(applicant ->> 'name')) as rare from dossiers where province_code = $1
   group by 1 having count(*) <= 40 order by 1 limit 1`,
  [province],
);
const { code: someCode } = await one(
  "select code from dossiers where province_code = $1 and unit_code = $2 order by received_at desc limit 1",
  [province, unit],
);
const prefix = someCode.slice(0, someCode.lastIndexOf("-") - 2); // unit-YYMM: a month of one unit
const details = (
  await pool.query("select code from dossiers where province_code = $1 order by hashtext(code) limit 1000", [province])
).rows.map((r) => r.code as string);
console.log(
  `${SIZE.toLocaleString("en")} dossiers; province ${province}, unit ${unit}; rare name "${rare}", code prefix ${prefix}`,
);

// users: a province leader, a leader and an officer of the unit
const users: [string, string, "leader" | "officer"][] = [
  ["bench.ld.province", province, "leader"],
  ["bench.ld.unit", unit, "leader"],
  ["bench.cv.unit", unit, "officer"],
];
const { app, ctx } = await buildApp({ database, sealAuditEveryMs: 1000 });
await ctx.units.refresh();
for (const [username, unitCode, role] of users) {
  const exists = await one("select 1 as x from users where username = $1", [username]);
  if (!exists)
    await createUser(
      database.db,
      { username, fullName: username, password: PASSWORD, kind: "staff", unitCode, grants: [{ role, unitCode }] },
      (u) => ctx.units.provinceOf(u),
    );
}
await app.listen({ port: 0, host: "127.0.0.1" });
const port = (app.server.address() as AddressInfo).port;
const cookies: Record<string, string> = {};
for (const [username] of users) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  cookies[username] = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("motcua_session="))!
    .split(";")[0]!;
}
const PROVINCE_LEADER = cookies["bench.ld.province"]!;
const UNIT_LEADER = cookies["bench.ld.unit"]!;
const OFFICER = cookies["bench.cv.unit"]!;

async function api(path: string, cookie: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

// page 200 of the province's list: walk the cursors once (not timed)
let cursor = "";
for (let page = 1; page < 200; page++)
  cursor = String(
    (await api(`/api/dossiers?pageSize=20${cursor ? `&cursor=${cursor}` : ""}`, PROVINCE_LEADER)).nextCursor,
  );
const page200 = (await api(`/api/dossiers?pageSize=20&cursor=${cursor}`, PROVINCE_LEADER)).items as { code: string }[];
const last199 = await one(
  `select coalesce(received_at, submitted_at, created_at) as t, code from dossiers where province_code = $1
   order by 1 desc, code desc offset ${199 * 20 - 1} limit 1`,
  [province],
);

const OPEN = "end_at is null and state in ('received', 'processing', 'awaiting_supplement', 'awaiting_payment')";
const enc = encodeURIComponent;
const calls: Call[] = [
  {
    name: "list: all dossiers, unit",
    path: "/api/dossiers?pageSize=20",
    cookie: UNIT_LEADER,
    bare: `select * from dossiers where province_code = $1 and (unit_code = $2 or current_unit_code = $2)
      order by ${LISTED} desc, code desc limit 21`,
    params: [province, unit],
    mix: true,
  },
  {
    name: "list: all dossiers, province",
    path: "/api/dossiers?pageSize=20",
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 order by ${LISTED} desc, code desc limit 21`,
    params: [province],
    mix: true,
  },
  {
    name: "list: province, page 200 (cursor)",
    path: `/api/dossiers?pageSize=20&cursor=${cursor}`,
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 and (${LISTED}, code) < ($2, $3)
      order by ${LISTED} desc, code desc limit 21`,
    params: [province, last199.t, last199.code],
    mix: true,
  },
  {
    name: "queue: mine (officer)",
    path: "/api/dossiers?queue=mine",
    cookie: OFFICER,
    bare: `select * from dossiers where province_code = $1 and assignee_id = 0 and end_at is null
      order by ${LISTED} desc limit 21`,
    params: [province],
  },
  {
    name: "queue: overdue, province",
    path: "/api/dossiers?queue=overdue",
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 and ${OPEN} and deadline_at < now()
      order by deadline_at, code limit 21`,
    params: [province],
    mix: true,
  },
  {
    name: "queue: due soon, province",
    path: "/api/dossiers?queue=due_soon",
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 and ${OPEN} and deadline_at >= now()
      and deadline_at <= now() + interval '14 days' order by deadline_at, code limit 21`,
    params: [province],
  },
  {
    name: "queue: submitted online, province",
    path: "/api/dossiers?queue=submitted",
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 and state = 'submitted' and end_at is null
      order by ${LISTED} desc limit 21`,
    params: [province],
  },
  {
    name: "queue: late without apology, province",
    path: "/api/dossiers?queue=late_without_apology",
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 and end_type in ('resolved', 'declined', 'returned')
      and finish_class = 'late' and (apology_at is null or apology_at > coalesce(end_deadline_at, deadline_at))
      order by ${LISTED} desc, code desc limit 21`,
    params: [province],
    mix: true,
  },
  {
    name: "queue: late without apology, unit",
    path: "/api/dossiers?queue=late_without_apology",
    cookie: UNIT_LEADER,
    bare: `select * from dossiers where province_code = $1 and unit_code = $2
      and end_type in ('resolved', 'declined', 'returned') and finish_class = 'late'
      and (apology_at is null or apology_at > coalesce(end_deadline_at, deadline_at))
      order by ${LISTED} desc, code desc limit 21`,
    params: [province, unit],
  },
  ...(
    [
      ["search: rare name", rare],
      ["search: common name", "nguyen van"],
    ] as const
  ).map(
    ([name, q]): Call => ({
      name,
      path: `/api/dossiers?q=${enc(q)}`,
      cookie: PROVINCE_LEADER,
      bare: `select * from dossiers where province_code = $1
        and lower(f_unaccent(applicant ->> 'name')) like '%' || $2 || '%' order by ${LISTED} desc, code desc limit 21`,
      params: [province, q],
      mix: true,
    }),
  ),
  {
    name: "search: code prefix",
    path: `/api/dossiers?q=${enc(prefix)}`,
    cookie: PROVINCE_LEADER,
    bare: `select * from dossiers where province_code = $1 and lower(code) collate "C" like $2
      order by lower(code) collate "C", code limit 21`,
    params: [province, `${prefix.toLowerCase()}%`],
    mix: true,
  },
  {
    name: "dossier detail",
    path: `/api/dossiers/${someCode}`,
    cookie: PROVINCE_LEADER,
    bare: `select d.*, (select json_agg(e order by e.seq) from dossier_events e
      where e.province_code = d.province_code and e.dossier_code = d.code) as log
      from dossiers d where d.province_code = $1 and d.code = $2`,
    params: [province, someCode],
  },
  {
    name: "dashboard: stock now, province",
    path: "/api/dossiers/stock",
    cookie: PROVINCE_LEADER,
    bare: `select count(*), count(*) filter (where deadline_at < now()) from dossiers
      where province_code = $1 and ${OPEN}`,
    params: [province],
    mix: true,
  },
  {
    name: "results report, unit filter, 2025",
    path: `/api/reports/results?${YEAR}&unit=${unit}&by=field`,
    cookie: PROVINCE_LEADER,
    bare: `select field, sum(received_direct + received_postal + received_online_partial + received_online_full),
      sum(finished_early), sum(finished_on_time), sum(finished_late), sum(withdrawn), sum(stopped), sum(refused)
      from figure_counts where span = 'm' and day >= '2025-01-01' and day < '2026-01-01' and unit_code = $1
      group by field`,
    params: [unit],
    mix: true,
  },
  {
    // the dashboard's call: the figures from the counters (migration 0017), no codes behind them
    name: "766 indicators, unit, 2025 (counters)",
    path: `/api/reports/indicators?${YEAR}&unit=${unit}&codes=false`,
    cookie: PROVINCE_LEADER,
    bare: countersBare("and unit_code = $2"),
    params: [province, unit],
    mix: true,
  },
  ...drillDowns({ province, unit, cookie: PROVINCE_LEADER }),
  {
    name: "766 indicators, unit, 2025, with codes",
    path: `/api/reports/indicators?${YEAR}&unit=${unit}`,
    cookie: PROVINCE_LEADER,
    bare: `select count(*), count(*) filter (where supplement_requests <= 1 and finish_class <> 'late'),
      count(*) filter (where digitized), count(*) filter (where e_result) from dossiers
      where province_code = $1 and unit_code = $2 and end_type in ('resolved', 'declined', 'returned')
      and end_at >= '2025-01-01 00:00+07' and end_at < '2026-01-01 00:00+07'`,
    params: [province, unit],
    // every code behind every figure (at most 1,000 per list) in one answer, for API clients: no screen asks it
    // since the drill-down reads one part a page at a time (the calls "766 dossiers: …")
    untargeted: "API clients only",
  },
  {
    name: "766 indicators, province, 2025 (counters)",
    path: `/api/reports/indicators?${YEAR}&codes=false`,
    cookie: PROVINCE_LEADER,
    bare: countersBare(""),
    params: [province],
  },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<{ p50: number; p95: number }> {
  const first = performance.now();
  await fn(); // warm
  const n = performance.now() - first > 2000 ? 3 : runs; // a call of seconds: a few runs say enough
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const ms = (x: number) => x.toFixed(1).padStart(8);
console.log(
  `\n${"call".padEnd(40)}  API p50 / p95 ms      bare p50 / p95 ms   ratio p95   target p95 < ${TARGET_MS} ms`,
);
let misses = 0;
for (const call of calls.filter((c) => c.name.includes(values.only!))) {
  let d = 0;
  const api_ = await timeIt(
    () =>
      api(call.name === "dossier detail" ? `/api/dossiers/${details[d++ % details.length]}` : call.path, call.cookie),
    RUNS,
  );
  const bare = await timeIt(() => pool.query(call.bare, call.params), RUNS);
  const met = api_.p95 < TARGET_MS;
  if (!met && !call.untargeted) misses++;
  const verdict = call.untargeted ? `— (${call.untargeted})` : met ? "met" : "MISSED";
  console.log(
    `${call.name.padEnd(40)} ${ms(api_.p50)} / ${ms(api_.p95)}  ${ms(bare.p50)} / ${ms(bare.p95)}  ${(api_.p95 / bare.p95).toFixed(2).padStart(8)}×   ${verdict}`,
  );
  if (values.explain) {
    const plan = await pool.query(`explain (analyze, costs off) ${call.bare}`, call.params);
    console.log(plan.rows.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"));
  }
}
if (page200.length !== 20) throw new Error(`page 200 has ${page200.length} rows`);

if (!values["skip-mix"]) {
  const requests = calls
    .filter((c) => c.mix)
    .flatMap((c) =>
      c.name === "list: all dossiers, unit"
        ? [
            c,
            ...details.slice(0, 3).map((code) => ({
              ...c,
              name: "dossier detail",
              path: `/api/dossiers/${code}`,
              cookie: PROVINCE_LEADER,
            })),
          ]
        : [c],
    )
    .map((c) => ({ name: c.name, path: c.path, cookie: c.cookie }));
  const entry = new URL("./hot-paths-load.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const rssBefore = process.memoryUsage().rss;
  const worker = new Worker(boot, {
    eval: true,
    workerData: { port, requests, concurrency: CLIENTS, seconds: Number(values.seconds) } satisfies MixInput,
  });
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 1000);
  const result = await new Promise<MixResult>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", () => {
      worker.once("message", resolve);
      worker.postMessage("go");
    });
  });
  clearInterval(sampler);
  const all = Object.values(result.latencies)
    .flat()
    .sort((a, b) => a - b);
  const rate = result.done / result.seconds;
  console.log(
    `\nmixed reads, ${CLIENTS} clients, ${result.seconds.toFixed(0)} s: ${rate.toFixed(0)} req/s (target ≥ 150), p50 ${percentile(all, 0.5).toFixed(0)} ms, p95 ${percentile(all, 0.95).toFixed(0)} ms (target < 300), ${result.failed} errors${result.firstFailure ? ` (first: ${result.firstFailure})` : ""}; process RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(rssPeak / 2 ** 20).toFixed(0)} MB (server + clients)`,
  );
  for (const [name, list] of Object.entries(result.latencies).sort()) {
    list.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(40)} ${String(list.length).padStart(6)} requests  p50 ${percentile(list, 0.5).toFixed(0).padStart(5)} ms  p95 ${percentile(list, 0.95).toFixed(0).padStart(5)} ms`,
    );
  }
  if (result.failed || rate < 150 || percentile(all, 0.95) >= 300) misses++;
}
await app.close();
await database.close();
console.log(misses ? `\n${misses} target(s) missed` : "\nall targets met");
