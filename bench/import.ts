// Benchmark of dossier import (issue 4: "import 1M dossiers in minutes, not hours"; issue 12: overlap preparing
// and storing). Writes N interchange lines to a temp file (bench/import-lines.ts: demo dossiers, codes
// renumbered), then per round: times importDossierLines reading that file the way `motcua import` does, once
// with batches prepared one after the other (overlap: false) and once overlapped (the default), then times a
// bare baseline writing the very rows the import stored with hand-written multi-row INSERTs (no COPY), the same
// batch per transaction, into the same emptied tables of the same database. Prints lines/s, times and the
// ratios per round, and the median ratios over the rounds (rounds interleave the three, so a machine whose load
// drifts weighs on all of them alike).
//
//   node --import tsx bench/import.ts [--engine postgres|pglite] [--lines 1000000] [--batch 500] [--rounds 1]
//   (postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL: an admin URL; a fresh database is created
//   and dropped; scripts/pg-cluster.sh start prints one)
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { exportProcedures, seedReferenceData } from "../src/db/repos/catalog-import.ts";
import { importDossierLines } from "../src/db/repos/dossier-import.ts";
import { UnitDirectory, unitFromRow } from "../src/db/repos/units.ts";
import { writeDemoLines } from "./import-lines.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    lines: { type: "string", default: "1000000" },
    batch: { type: "string", default: "500" },
    rounds: { type: "string", default: "1" },
  },
});
const N = Number(values.lines);
const BATCH = Number(values.batch);
const ROUNDS = Number(values.rounds);
const JSON_COLUMNS = new Set(["applicant", "time_limit", "components", "payload", "attachments"]);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (values.engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "motcua-bench-import-"));
    const database = await openDatabase({ dataDir: dir });
    return { database, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("set BENCH_DATABASE_URL (an admin URL; scripts/pg-cluster.sh start prints one)");
  const name = `motcua_bench_import_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    database,
    cleanup: async () => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const { database, cleanup } = await open();
const dir = mkdtempSync(join(tmpdir(), "motcua-bench-lines-"));
try {
  const { pool } = database;
  await migrate(pool);
  await seedReferenceData(database.db);
  const units = (await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute()).map(
    unitFromRow,
  );
  const procedures = await exportProcedures(database.db);

  const file = join(dir, "dossiers.jsonl");
  const t = performance.now();
  const written = await writeDemoLines(file, N, { units, procedures });
  console.log(
    `engine ${database.engine}: ${N.toLocaleString("en")} lines (${(statSync(file).size / 1e6).toFixed(0)} MB, ` +
      `${written.templates.toLocaleString("en")} demo dossiers renumbered ×${written.copies}) written in ${seconds(performance.now() - t)}`,
  );

  const directory = new UnitDirectory(database.db);
  const emptyTables = () => truncateDossierTables(pool);

  /** The importer reading the file as `motcua import` does; returns its time in ms. */
  async function timeImport(overlap: boolean): Promise<number> {
    const started = performance.now();
    let lastShown = 0;
    const summary = await importDossierLines(
      database,
      directory,
      createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY }),
      {
        createMissing: false,
        batchSize: BATCH,
        overlap,
        onReject: (r) => {
          throw new Error(`line ${r.line} rejected: ${r.reason}: ${r.message}`);
        },
        onProgress: (read) => {
          if (read - lastShown >= 100_000) {
            lastShown = read;
            process.stderr.write(`  imported ${read.toLocaleString("en")} (${seconds(performance.now() - started)})\n`);
          }
        },
      },
    );
    const ms = performance.now() - started;
    if (summary.imported !== N) throw new Error(`imported ${summary.imported} of ${N}: ${JSON.stringify(summary)}`);
    return ms;
  }

  const rate = (ms: number) => N / (ms / 1000);
  const rounds: { sequential: number; overlapped: number; bare: number }[] = [];
  let events = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    // alternate which import goes first, so a drifting load does not always favour the same one
    let sequential = 0;
    let overlapped = 0;
    if (round % 2 === 1) {
      sequential = await timeImport(false);
      await emptyTables();
      overlapped = await timeImport(true);
    } else {
      overlapped = await timeImport(true);
      await emptyTables();
      sequential = await timeImport(false);
    }
    const staged = await stageStoredRows(pool);
    events = staged.events;
    const bare = await timeBare(pool);
    await pool.query("drop table bench_dossiers, bench_events, bench_sequences");
    await emptyTables();
    rounds.push({ sequential, overlapped, bare });
    console.log(
      `round ${round}: sequential ${seconds(sequential)} (${rate(sequential).toFixed(0)} lines/s), ` +
        `overlapped ${seconds(overlapped)} (${rate(overlapped).toFixed(0)} lines/s), ` +
        `bare ${seconds(bare)} (${rate(bare).toFixed(0)} lines/s); ratios ${(bare / sequential).toFixed(2)} → ${(bare / overlapped).toFixed(2)}`,
    );
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const overlappedMs = median(rounds.map((r) => r.overlapped));
  const sequentialMs = median(rounds.map((r) => r.sequential));
  const bareMs = median(rounds.map((r) => r.bare));
  console.log(`(${events.toLocaleString("en")} events, ${(events / N).toFixed(2)} per dossier; batches of ${BATCH})`);
  console.log(`medians over ${ROUNDS} round(s):`);
  for (const [name, ms] of [
    ["importDossierLines, overlapped:", overlappedMs],
    ["importDossierLines, sequential:", sequentialMs],
    ["bare multi-row INSERTs:", bareMs],
  ] as const) {
    console.log(`${name.padEnd(33)}${seconds(ms).padStart(9)}  ${rate(ms).toFixed(0).padStart(7)} lines/s`);
  }
  console.log(
    `ratio import / bare rate:         ${median(rounds.map((r) => r.bare / r.overlapped)).toFixed(2)} ` +
      `(sequential: ${median(rounds.map((r) => r.bare / r.sequential)).toFixed(2)})`,
  );
  console.log(`projected for 1,000,000 lines at the import rate: ${(1e6 / rate(overlappedMs) / 60).toFixed(1)} min`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
  await cleanup();
}

/** Empties the dossiers, their events and sequences, and every table kept beside them (dossier_*: triggers'). */
async function truncateDossierTables(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename like 'dossier%'",
  );
  await pool.query(`truncate ${rows.map((r) => `"${r.name}"`).join(", ")} cascade`);
}

/** Sets the rows the import stored aside (bench_*), for the baseline to write back. */
async function stageStoredRows(pool: pg.Pool): Promise<{ events: number }> {
  await pool.query("create unlogged table bench_dossiers as select * from dossiers");
  await pool.query("create unlogged table bench_events as select * from dossier_events");
  await pool.query("create index on bench_dossiers (code)");
  await pool.query("create index on bench_events (dossier_code)");
  await pool.query("create unlogged table bench_sequences as select * from dossier_sequences");
  const events = Number((await pool.query("select count(*) as n from bench_events")).rows[0].n);
  await truncateDossierTables(pool);
  await pool.query("vacuum analyze bench_dossiers");
  return { events };
}

/** `insert into table (cols) values (…), (…)` for these rows, in as few statements as the 65,535-parameter cap allows. */
async function insertRows(client: pg.PoolClient, table: string, rows: Record<string, unknown>[], conflict = "") {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const per = Math.floor(65_535 / columns.length);
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = columns.map((c) => {
        const v = row[c];
        params.push(JSON_COLUMNS.has(c) && v !== null ? JSON.stringify(v) : v);
        return `$${params.length}`;
      });
      return `(${slots.join(", ")})`;
    });
    await client.query(`insert into ${table} (${columns.join(", ")}) values ${tuples.join(", ")} ${conflict}`, params);
  }
}

/** Writes the staged rows back, BATCH dossiers per transaction with their events and the sequence upsert; ms. */
async function timeBare(pool: pg.Pool): Promise<number> {
  let bareMs = 0;
  const reader = await pool.connect();
  try {
    let after = "";
    for (;;) {
      // reading the staged rows is not timed: the baseline is the writing
      const dossiers = (
        await reader.query("select * from bench_dossiers where code > $1 order by code limit $2", [after, BATCH])
      ).rows;
      if (!dossiers.length) break;
      after = dossiers.at(-1)!.code;
      const codes = dossiers.map((d) => d.code);
      const log = (
        await reader.query("select * from bench_events where dossier_code = any($1) order by dossier_code, seq", [
          codes,
        ])
      ).rows;
      // the importer's sequence upsert: per unit and day, the highest number the batch used
      const sequences = new Map<string, { province_code: string; unit_code: string; day: string; last: number }>();
      for (const d of dossiers) {
        const [, yy, mm, dd, n] = /-(\d{2})(\d{2})(\d{2})-(\d{4})$/.exec(d.code)!;
        const day = `20${yy}-${mm}-${dd}`;
        const key = `${d.province_code}|${d.unit_code}|${day}`;
        const last = Math.max(sequences.get(key)?.last ?? 0, Number(n));
        sequences.set(key, { province_code: d.province_code, unit_code: d.unit_code, day, last });
      }
      const started = performance.now();
      await reader.query("begin");
      await insertRows(reader, "dossiers", dossiers);
      await insertRows(reader, "dossier_events", log);
      await insertRows(
        reader,
        "dossier_sequences",
        [...sequences.values()],
        "on conflict (province_code, unit_code, day) do update set last = greatest(dossier_sequences.last, excluded.last)",
      );
      await reader.query("commit");
      bareMs += performance.now() - started;
    }
  } finally {
    reader.release();
  }
  const stored = Number((await pool.query("select count(*) as n from dossiers")).rows[0].n);
  if (stored !== N) throw new Error(`baseline stored ${stored} of ${N}`);
  return bareMs;
}
