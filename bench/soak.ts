// The soak of issue 20: mixed traffic at a set rate against a real server for a while — intake at the counter,
// lifecycle actions (assign, start processing), lists and queues, the results report, dossier lookups — then
// 0 errors, p95 per route, and the server's RSS sampled every 10 s and flat (growth < 10 % from the first
// sample after warm-up to the last). The clients run in this process (light next to the server; the RSS
// includes them). PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a database is created and
// dropped), else PGlite in a temporary directory: CI runs it at a small size.
//
//   node --expose-gc --import tsx bench/soak.ts [--minutes 10] [--rate 60] [--units 5]
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { createProcedureVersion } from "../src/db/repos/catalog.ts";
import { createUser } from "../src/db/repos/people.ts";
import { withDatabase } from "../src/db/testing.ts";
import { buildApp } from "../src/http/app.ts";
import { PROCEDURE as FIXTURE_PROCEDURE } from "../src/http/routes/dossiers.fixtures.ts";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rate: { type: "string", default: "60" },
    units: { type: "string", default: "5" },
    concurrency: { type: "string", default: "32" },
  },
});
const SECONDS = Number(values.minutes) * 60;
const RATE = Number(values.rate);
const UNITS = Number(values.units);
const CONCURRENCY = Number(values.concurrency);
const PASSWORD = "matkhau-soak-2026";
const PROVINCE = "SK";
const PROCEDURE = { ...FIXTURE_PROCEDURE, code: "9.000002", name: "Đăng ký khai sinh (chạy bền)" };
const units = Array.from({ length: UNITS }, (_, i) => `${PROVINCE}.${String(i + 1).padStart(2, "0")}`);

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) {
    const dir = mkdtempSync(join(tmpdir(), "motcua-soak-"));
    const database = await openDatabase({ dataDir: dir });
    return { database, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `motcua_soak_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(admin, name), poolSize: CONCURRENCY });
  return {
    database,
    cleanup: async () => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const { database, cleanup } = await open();
await migrate(database.pool);
await database.pool.query(
  `insert into units (code, name, kind, parent_code, province_code) values ($1, 'Tỉnh Chạy Bền', 'province', null, $1)`,
  [PROVINCE],
);
for (const [i, code] of units.entries())
  await database.pool.query(
    `insert into units (code, name, kind, parent_code, province_code) values ($1, $2, 'commune', $3, $3)`,
    [code, `Xã Bền ${i + 1}`, PROVINCE],
  );
await createProcedureVersion(database.db, PROCEDURE);
const { app, ctx } = await buildApp({ database, sealAuditEveryMs: 1000 });
await ctx.units.refresh();
const people: [string, string, "front_desk" | "officer" | "leader"][] = [
  ["soak.ld", PROVINCE, "leader"],
  ...units.flatMap((u, i): [string, string, "front_desk" | "officer"][] => [
    [`soak.md.${i}`, u, "front_desk"],
    [`soak.cv.${i}`, u, "officer"],
  ]),
];
for (const [username, unitCode, role] of people)
  await createUser(
    database.db,
    { username, fullName: username, password: PASSWORD, kind: "staff", unitCode, grants: [{ role, unitCode }] },
    () => PROVINCE,
  );
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const cookie: Record<string, string> = {};
for (const [username] of people) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  cookie[username] = r.headers
    .getSetCookie()
    .find((c) => c.startsWith("motcua_session="))!
    .split(";")[0]!;
}

const latencies = new Map<string, number[]>();
let errors = 0;
let firstError = "";
async function call(route: string, path: string, who: string, body?: unknown): Promise<Record<string, unknown>> {
  const t = performance.now();
  const r = await fetch(`${base}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { cookie: cookie[who]!, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (r.status >= 300) {
    errors++;
    firstError ||= `${route} ${r.status} ${text.slice(0, 200)}`;
    return {};
  }
  const list = latencies.get(route) ?? [];
  list.push(performance.now() - t);
  latencies.set(route, list);
  return JSON.parse(text);
}

/** Dossiers taken in and not yet moved on: code, unit index, revision, next action. */
const work: { code: string; unit: number; revision: number; next: "assign" | "start_processing" }[] = [];
const codes: string[] = [];
let n = 0;
async function one(): Promise<void> {
  const i = n++ % UNITS;
  const roll = n % 10;
  if (roll < 3) {
    const d = await call("POST /api/dossiers (intake)", "/api/dossiers", `soak.md.${i}`, {
      unitCode: units[i],
      procedureCode: PROCEDURE.code,
      channel: "direct",
      applicant: { name: `Nguyễn Văn Bền ${n}`, phone: "0905123456" },
      components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
    });
    if (d.code) {
      work.push({ code: String(d.code), unit: i, revision: Number(d.revision), next: "assign" });
      codes.push(String(d.code));
    }
  } else if (roll < 5 && work.length) {
    const w = work.shift()!;
    const body =
      w.next === "assign" ? { revision: w.revision, assignee: `soak.cv.${w.unit}` } : { revision: w.revision };
    const who = w.next === "assign" ? `soak.ld` : `soak.cv.${w.unit}`;
    const d = await call(`POST actions/${w.next}`, `/api/dossiers/${w.code}/actions/${w.next}`, who, body);
    if (w.next === "assign" && d.revision) work.push({ ...w, revision: Number(d.revision), next: "start_processing" });
  } else if (roll < 7) {
    await call("GET /api/dossiers (list)", `/api/dossiers?unit=${units[i]}`, "soak.ld");
    await call("GET /api/dossiers?queue=overdue", "/api/dossiers?queue=overdue", "soak.ld");
  } else if (roll < 8) {
    const month = new Date().toISOString().slice(0, 7);
    await call("GET /api/reports/results", `/api/reports/results?period=${month}&by=unit`, "soak.ld");
  } else if (codes.length) {
    await call("GET /api/dossiers/:code", `/api/dossiers/${codes[n % codes.length]}`, "soak.ld");
  }
}

// with --expose-gc, each sample follows a full collection, so the heap figure is what is retained
const gc = (globalThis as { gc?: () => void }).gc;
const rss: number[] = [];
const heap: number[] = [];
const sample = () => {
  gc?.();
  const m = process.memoryUsage();
  rss.push(m.rss);
  heap.push(m.heapUsed);
};
const sampler = setInterval(sample, 10_000);
const started = performance.now();
let inFlight = 0;
let skipped = 0;
await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    if (performance.now() - started > SECONDS * 1000) {
      clearInterval(tick);
      const wait = setInterval(() => {
        if (inFlight === 0) {
          clearInterval(wait);
          resolve();
        }
      }, 50);
      return;
    }
    if (inFlight >= CONCURRENCY) {
      skipped++; // the server is behind: the rate is not met, said below
      return;
    }
    inFlight++;
    one()
      .catch((e: Error) => {
        errors++;
        firstError ||= e.message;
      })
      .finally(() => inFlight--);
  }, 1000 / RATE);
});
clearInterval(sampler);
sample();
const elapsed = (performance.now() - started) / 1000;
const total = [...latencies.values()].reduce((s, l) => s + l.length, 0);
console.log(
  `soak ${database.engine}: ${elapsed.toFixed(0)} s at ${RATE}/s asked — ${(total / elapsed).toFixed(1)} requests/s done, ${errors} errors${firstError ? ` (first: ${firstError})` : ""}, ${skipped} ticks skipped (32 in flight)`,
);
for (const [route, list] of [...latencies].sort()) {
  list.sort((a, b) => a - b);
  const p = (q: number) => list[Math.min(list.length - 1, Math.floor(list.length * q))]!.toFixed(0);
  console.log(
    `  ${route.padEnd(34)} ${String(list.length).padStart(6)}  p50 ${p(0.5).padStart(5)} ms  p95 ${p(0.95).padStart(5)} ms`,
  );
}
// warm-up: the first sample after a minute (or the first) against the last
const growthOf = (series: number[]) => {
  const first = series[Math.min(series.length - 1, 6)] ?? series[0]!;
  return (series.at(-1)! - first) / first;
};
const growth = growthOf(rss);
const mb = (series: number[]) => series.map((b) => (b / 2 ** 20).toFixed(0)).join(" ");
console.log(`RSS every 10 s (MB): ${mb(rss)}; growth ${(growth * 100).toFixed(1)} % (target < 10 %)`);
console.log(
  `heap used${gc ? " after a full GC" : " (run with --expose-gc for the retained heap)"} (MB): ${mb(heap)}; growth ${(growthOf(heap) * 100).toFixed(1)} %`,
);
await app.close();
await database.close();
await cleanup();
process.exit(errors === 0 && growth < 0.1 ? 0 : 1);
