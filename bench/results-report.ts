// Benchmark of the results report (issue 5): generates N dossiers inside the database (generate_series,
// bench/results-report-data.ts), then times the report as motcua computes it (sqlResultsReport: prefix sums of
// the counters of migration 0006 + key mapping + Vietnamese sort) against a bare hand-written SQL aggregate of
// the same fifteen columns over the dossiers on the same data in the same run, and the full-scan report
// (sqlResultsReportByScan) as well; checks the counters' document equals the scan's and the bare totals.
// Prints absolute ms and the ratio report / bare SQL.
//
//   node --import tsx bench/results-report.ts [--engine postgres|pglite] [--size 1000000] [--runs 5]
//   (postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL: an admin URL; a fresh database is created)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import {
  resultsAggregateSql,
  resultsCountsSql,
  sqlResultsReport,
  sqlResultsReportByScan,
} from "../src/db/repos/reports-results.ts";
import { withDatabase } from "../src/db/testing.ts";
import type { Grouping } from "../src/figures/grouping.ts";
import { nextDate } from "../src/figures/period.ts";
import { RESULT_FIELDS } from "../src/figures/results-fields.ts";
import { generateDossiers, generateSupplementEvents, seedBenchUnits } from "./results-report-data.ts";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    size: { type: "string", default: "1000000" },
    runs: { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    // do not time the full-scan report (seconds per run at 10M)
    "skip-scan": { type: "boolean", default: false },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (values.engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "motcua-bench-"));
    const database = await openDatabase({ dataDir: dir });
    return { database, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("set BENCH_DATABASE_URL (an admin URL; scripts/pg-cluster.sh start prints one)");
  const name = `motcua_bench_${size}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const exists = (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount;
  if (!exists) await client.query(`create database ${name}`);
  // JIT compiles the bare query (its subplans raise the cost estimate) for ~0.7 s and not the report's: a
  // reporting database should run without it (docs/figures.md); both sides of the comparison run without.
  await client.query(`alter database ${name} set jit = off`);
  const database = await openDatabase({ databaseUrl: withDatabase(admin, name), poolSize: 4 });
  return {
    database,
    cleanup: async () => {
      if (!values.keep) await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const { database, cleanup } = await open();
const { pool } = database;
const migrating = performance.now();
const applied = await migrate(pool);
if (applied.length)
  console.log(`migrations ${applied.join(", ")} applied in ${((performance.now() - migrating) / 1000).toFixed(1)} s`);
const have = Number((await pool.query("select count(*) as n from dossiers where province_code = 'B'")).rows[0].n);
if (have !== size) {
  const started = performance.now();
  await pool.query("delete from dossier_events where province_code = 'B'").catch(() => {});
  await pool.query("truncate dossier_events, dossiers cascade");
  await seedBenchUnits(pool);
  const chunk = 1_000_000;
  for (let first = 1; first <= size; first += chunk) {
    await generateDossiers(pool, first, Math.min(size, first + chunk - 1));
    process.stderr.write(`  generated ${Math.min(size, first + chunk - 1).toLocaleString("en")} dossiers\n`);
  }
  await generateSupplementEvents(pool);
  await pool.query("vacuum analyze dossiers");
  await pool.query("vacuum analyze dossier_events");
  await pool.query("vacuum analyze figure_counts");
  console.log(
    `generated ${size.toLocaleString("en")} dossiers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
const facts = (
  await pool.query(`select count(*) filter (where supplement_requests > 0) as supplements,
    count(*) filter (where end_at is null and received_at is not null) as open, count(*) filter (where received_at is null) as refused
    from dossiers where province_code = 'B'`)
).rows[0];
const counters = (
  await pool.query(`select count(*) filter (where span = 'd') as days, count(*) filter (where span = 'm') as months
    from figure_counts`)
).rows[0];
console.log(
  `engine ${database.engine}, ${size.toLocaleString("en")} dossiers: ${facts.supplements} with supplements, ${facts.open} open now, ${facts.refused} refused at intake; counters: ${counters.days} day rows, ${counters.months} month rows`,
);

/** The bare aggregate a person would write by hand for the same columns (no functions, literal bounds). */
function bareSql(from: string, to: string, group: string): string {
  const S = `timestamptz '${from} 00:00 Asia/Ho_Chi_Minh'`;
  const E = `timestamptz '${nextDate(to)} 00:00 Asia/Ho_Chi_Minh'`;
  const open = `received_at is not null and (end_at is null or end_at >= ${E})`;
  // the deadline in force and the counting pause at E, read from the log only for dossiers with supplements
  const resumedDue = (before: string) => `(select (y.payload->>'dueAt')::timestamptz from dossier_events y
    where y.province_code = d.province_code and y.dossier_code = d.code and y.type = 'supplement_received'
      and y.payload->>'dueAt' is not null and y.at < ${before} order by y.seq desc limit 1)`;
  const overdue = `case when not (${open}) then false when supplement_requests = 0 then coalesce(${E} > due_at, false) else (
    select not coalesce(l.type = 'supplement_requested' and coalesce(l.at <= coalesce(${resumedDue("l.at")}, d.due_at), true), false)
      and coalesce(${E} > coalesce(${resumedDue(E)}, d.due_at), false)
    from (select 1) one left join lateral (select x.type, x.at from dossier_events x
      where x.province_code = d.province_code and x.dossier_code = d.code and x.at < ${E}
        and ((x.type = 'supplement_requested' and (x.payload->>'clockPaused')::boolean)
          or (x.type = 'supplement_received' and x.payload->>'dueAt' is not null))
      order by x.seq desc limit 1) l on true) end`;
  const fin = `end_type in ('resolved', 'declined', 'returned') and end_at < ${E}`;
  const cols = {
    carriedOver: `received_at < ${S}`,
    received: `received_at >= ${S}`,
    receivedSaturday: `received_at >= ${S} and extract(isodow from received_at at time zone 'Asia/Ho_Chi_Minh') = 6`,
    receivedDirect: `received_at >= ${S} and channel = 'direct'`,
    receivedPostal: `received_at >= ${S} and channel = 'postal'`,
    receivedOnlinePartial: `received_at >= ${S} and channel = 'online_partial'`,
    receivedOnlineFull: `received_at >= ${S} and channel = 'online_full'`,
    finishedEarly: `${fin} and finish_class = 'early'`,
    finishedOnTime: `${fin} and finish_class = 'on_time'`,
    finishedLate: `${fin} and finish_class = 'late'`,
    withdrawn: `end_type = 'withdrawn' and end_at < ${E}`,
    stopped: `end_type = 'stopped' and end_at < ${E}`,
    openWithinDeadline: `${open} and not (${overdue})`,
    openOverdue: `${open} and (${overdue})`,
    refusedAtIntake: "received_at is null",
    declined: `end_type = 'declined' and end_at < ${E}`,
  };
  return `select ${group}, ${RESULT_FIELDS.map((f) => `count(*) filter (where ${cols[f]}) as "${f}"`).join(", ")}
    from dossiers d
    where (received_at < ${E} and (end_at is null or end_at >= ${S}))
       or (received_at is null and end_type = 'refused' and end_at >= ${S} and end_at < ${E})
    group by ${group}`;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const cases: { name: string; from: string; to: string; by: Grouping; group: string }[] = [
  { name: "quarter by field", from: "2024-07-01", to: "2024-09-30", by: "field", group: "field" },
  { name: "year by unit", from: "2024-01-01", to: "2024-12-31", by: "unit", group: "unit_code" },
  {
    name: "month by procedure (open at end)",
    from: "2024-12-01",
    to: "2024-12-31",
    by: "procedure",
    group: "procedure_code",
  },
];
for (const c of cases) {
  if (values.explain) {
    const compiled = resultsCountsSql({ from: c.from, to: c.to, by: c.by }).compile(database.db);
    const scan = resultsAggregateSql({ from: c.from, to: c.to, by: c.by }).compile(database.db);
    for (const [label, text, params] of [
      ["report (counters)", compiled.sql, compiled.parameters],
      ["report (scan)", scan.sql, scan.parameters],
      ["bare", bareSql(c.from, c.to, c.group), []],
    ] as const) {
      const plan = await pool.query(`explain (analyze, costs off) ${text}`, [...params]);
      console.log(`--- ${c.name}: ${label}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  const report = await sqlResultsReport(database.db, { from: c.from, to: c.to, by: c.by });
  const scanned = await sqlResultsReportByScan(database.db, { from: c.from, to: c.to, by: c.by });
  if (JSON.stringify(scanned) !== JSON.stringify(report)) throw new Error(`${c.name}: counters ≠ full scan`);
  const bare = (await pool.query(bareSql(c.from, c.to, c.group))).rows;
  for (const f of RESULT_FIELDS) {
    const sum = bare.reduce((s, r) => s + Number(r[f]), 0);
    if (sum !== report.total[f]) throw new Error(`${c.name}: ${f} report ${report.total[f]} ≠ bare ${sum}`);
  }
  const tReport = await time(() => sqlResultsReport(database.db, { from: c.from, to: c.to, by: c.by }));
  const tBare = await time(() => pool.query(bareSql(c.from, c.to, c.group)));
  const tScan = !values["skip-scan"]
    ? await time(() => sqlResultsReportByScan(database.db, { from: c.from, to: c.to, by: c.by }))
    : Number.NaN;
  console.log(
    `${c.name.padEnd(34)} report ${tReport.toFixed(0).padStart(6)} ms   bare SQL ${tBare.toFixed(0).padStart(6)} ms   ratio ${(tReport / tBare).toFixed(3)}×   full-scan report ${tScan.toFixed(0).padStart(6)} ms   (total handled ${report.total.carriedOver + report.total.received})`,
  );
}
await database.close();
await cleanup();
