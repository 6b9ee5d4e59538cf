// What counters' triggers cost a write: single-row intakes (insertWithNextCode, the statement live intake
// issues) and single-dossier lifecycle commands (appendEvents: the projection UPDATE and the events), one at a
// time on one connection, and the importer (500-row batches), with the triggers enabled and disabled in
// alternating rounds on the same database. Prints the median µs per write for both and the difference.
// --set results: the results counters' triggers (migration 0006); --set requests: the 766 counters of the
// dossiers with supplement requests (migration 0020: on dossier_events and dossiers). On PostgreSQL started
// with track_functions=pl, also the mean time of each trigger function per call (pg_stat_user_functions).
//
//   node --import tsx bench/figure-counts-triggers.ts [--engine postgres|pglite] [--count 1000] [--rounds 3]
//     [--set results|requests]
//   (postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL: an admin URL; a fresh database is created and dropped)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import {
  appendEvents,
  type DossierHeader,
  headerOf,
  insertWithNextCode,
  loadDossier,
} from "../src/db/repos/dossier-store.ts";
import { importDossierRecords } from "../src/db/repos/dossier-import.ts";
import { UnitDirectory } from "../src/db/repos/units.ts";
import { withDatabase } from "../src/db/testing.ts";
import { logFromRecord } from "../src/dossier/history.ts";
import { sampleDossiers } from "../src/figures/test-arbitraries.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    count: { type: "string", default: "1000" },
    // dossiers imported per round and mode (at most 9,999 / (2 × rounds): codes stay unique)
    "import-count": { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
    set: { type: "string", default: "results" },
  },
});
/** The triggers toggled, as [table, trigger]. */
const TRIGGERS: Record<string, [string, string][]> = {
  results: [
    ["dossiers", "figure_counts_insert"],
    ["dossiers", "figure_counts_update"],
  ],
  requests: [
    ["dossier_events", "quality_request_events"],
    ["dossiers", "quality_request_update"],
  ],
};
const toggled = TRIGGERS[values.set];
if (!toggled) throw new Error(`--set: one of ${Object.keys(TRIGGERS).join(", ")}`);
const count = Number(values.count);
const rounds = Number(values.rounds);
const UNITS = ["T.01", "T.02", "T.03", "T.04"];

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (values.engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "motcua-bench-counters-"));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("set BENCH_DATABASE_URL (an admin URL; scripts/pg-cluster.sh start prints one)");
  const name = `motcua_bench_counters_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(admin, name), poolSize: 2 });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const { database, cleanup } = await open();
const { pool, db } = database;
await migrate(pool);
await pool.query(
  "insert into units (code, name, kind, parent_code, province_code) values ('T', 'Tỉnh', 'province', null, 'T')",
);
for (const u of UNITS) {
  await pool.query(
    "insert into units (code, name, kind, parent_code, province_code) values ($1, $1, 'commune', 'T', 'T')",
    [u],
  );
}
const procedures = [
  { code: "1.001009", field: "Chứng thực", level: "commune" as const },
  { code: "1.003003", field: "Đất đai", level: "district" as const },
];
const records = sampleDossiers(
  { range: { from: "2026-01-01", days: 60 }, units: UNITS, procedures },
  count * rounds * 3,
  7,
).filter((r) => r.receivedAt !== null && r.events.length > 0);

const importCount = Number(values["import-count"]);
const toImport = sampleDossiers(
  { range: { from: "2025-01-01", days: 300 }, units: UNITS, procedures },
  importCount * rounds * 2,
  11,
);
const units = new UnitDirectory(db);
await units.refresh();

function headerFor(record: (typeof records)[number]): Omit<DossierHeader, "code"> {
  return {
    provinceCode: "T",
    unitCode: record.unit.code,
    procedureCode: record.procedure.code,
    procedureVersion: null,
    procedureName: null,
    field: record.procedure.field ?? "",
    level: record.procedure.level ?? null,
    applicant: { name: "Nguyễn Văn An" },
    digitized: false,
    eResult: false,
    feeAmount: 0,
    feePaidOnline: false,
    lookupSecret: null,
    source: "live",
    contentHash: null,
  };
}

async function setTriggers(on: boolean): Promise<void> {
  for (const [table, trigger] of toggled!)
    await pool.query(`alter table ${table} ${on ? "enable" : "disable"} trigger ${trigger}`);
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = {
  on: { insert: [] as number[], update: [] as number[], import: [] as number[] },
  off: { insert: [] as number[], update: [] as number[], import: [] as number[] },
};
let nextImport = 0;
let next = 0;
for (let round = 0; round < rounds; round++) {
  for (const mode of round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const)) {
    await setTriggers(mode === "on");
    const batch = records.slice(next, next + count);
    next += count;
    const stored: { code: string; record: (typeof records)[number] }[] = [];
    let t = performance.now();
    for (const record of batch) {
      const log = logFromRecord({ ...record, events: [] });
      const row = await insertWithNextCode(db, headerFor(record), record.receivedAt!, log);
      if (row) stored.push({ code: row.code, record });
    }
    results[mode].insert.push(((performance.now() - t) * 1000) / batch.length);
    t = performance.now();
    for (const { code, record } of stored) {
      await db.transaction().execute(async (trx) => {
        const loaded = (await loadDossier(trx, "T", code, true))!;
        const events = logFromRecord(record).slice(loaded.log.length);
        await appendEvents(trx, headerOf(loaded.row), loaded.log, loaded.row.revision, events);
      });
    }
    results[mode].update.push(((performance.now() - t) * 1000) / stored.length);
    const lines = toImport.slice(nextImport, nextImport + importCount);
    nextImport += importCount;
    t = performance.now();
    const summary = await importDossierRecords(database, units, lines, { createMissing: true });
    if (summary.imported !== lines.length) throw new Error(`imported ${summary.imported} of ${lines.length}`);
    results[mode].import.push(((performance.now() - t) * 1000) / lines.length);
  }
}
await setTriggers(true);
const withRequests = await pool.query(
  "select count(distinct (province_code, dossier_code))::int as n from dossier_events where type = 'supplement_requested'",
);
console.log(
  `engine ${database.engine}, --set ${values.set}, ${count} writes per round, ${rounds} rounds (median µs per write; ${withRequests.rows[0].n} dossiers with requests stored)`,
);
const LABELS = {
  insert: "intake (insertWithNextCode)",
  update: "lifecycle (appendEvents)   ",
  import: "import (per line, batches) ",
};
for (const kind of ["insert", "update", "import"] as const) {
  const on = median(results.on[kind]);
  const off = median(results.off[kind]);
  console.log(
    `${LABELS[kind]}  with counters ${on.toFixed(0).padStart(6)} µs   without ${off.toFixed(0).padStart(6)} µs   cost ${(on - off).toFixed(0).padStart(5)} µs (${(((on - off) / off) * 100).toFixed(0)}%)`,
  );
}
if (database.engine === "postgres") {
  await new Promise((resolve) => setTimeout(resolve, 2000)); // idle backends flush their statistics
  const { rows } = await pool.query(`select funcname, calls, total_time, self_time from pg_stat_user_functions
    where funcname like 'quality_%' or funcname like 'figure_counts_%' order by funcname`);
  if (!rows.length) console.log("(no function statistics: start PostgreSQL with -c track_functions=pl)");
  for (const r of rows)
    console.log(
      `${r.funcname.padEnd(32)} ${String(r.calls).padStart(7)} calls  mean ${(r.total_time / r.calls).toFixed(3)} ms (self ${(r.self_time / r.calls).toFixed(3)} ms)`,
    );
}
await cleanup();
