// The results report from the counters (figure_counts, migration 0006) equals the full scan and the pure fold,
// while the counters are written by the triggers on every path: the importer's batch inserts, then the
// lifecycle write path (appendEvents) completing the logs of dossiers imported with only part of their events,
// then multi-row UPDATEs of every column the counters read, INSERT … SELECT, DELETE and TRUNCATE. After each
// step the counters equal their recomputation from scratch (verifyFigureCounts). Runs on PGlite and PostgreSQL.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { logFromRecord } from "../../dossier/history.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { GROUPINGS, type Grouping } from "../../figures/grouping.ts";
import { computeResults } from "../../figures/results.ts";
import { checkIdentity } from "../../figures/results-fields.ts";
import { type DayRange, periodInRangeArb, sampleDossiers } from "../../figures/test-arbitraries.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { appendEvents, headerOf, loadDossier } from "./dossier-store.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { rebuildFigureCounts, verifyFigureCounts } from "./figure-counts.ts";
import { loadPeriodRecords } from "./reports-records.ts";
import { sqlResultsReport, sqlResultsReportByScan } from "./reports-results.ts";
import { UnitDirectory } from "./units.ts";

const RANGE: DayRange = { from: "2024-01-01", days: 75 };
const COUNT = Number(process.env.FIGURES_TEST_DOSSIERS ?? 2000);
const RUNS = Number(process.env.FIGURES_TEST_QUERIES ?? 80);
const UNITS = ["P1", "P1.01", "P1.02", "P2.01"];
const PROCEDURES = [
  { code: "1.001009", field: "Chứng thực", level: "commune" as const },
  { code: "1.000656", field: "Hộ tịch", level: "commune" as const },
  { code: "1.003003", field: "Đất đai", level: "district" as const },
  { code: "2.000033", field: "Bảo trợ xã hội", level: "district" as const },
  { code: "2.001157", field: "Bảo trợ xã hội" },
  { code: "1.004227", field: "An toàn thực phẩm", level: "province" as const },
];

let database: TestDatabase;
let units: UnitDirectory;
let full: DossierRecord[];
/** Codes imported with only a prefix of their events (the rest appended through appendEvents). */
const partial = new Map<string, number>();

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  units = new UnitDirectory(database.db);
  await units.refresh();
  full = sampleDossiers({ range: RANGE, units: UNITS, procedures: PROCEDURES }, COUNT, 20240301);
  // every other received dossier with events is imported with a random prefix of its log (maybe none)
  const first = full.map((record, i) => {
    if (record.receivedAt === null || record.events.length === 0 || i % 2 === 1) return record;
    const keep = (i * 7919) % record.events.length;
    partial.set(record.code, keep);
    return { ...record, events: record.events.slice(0, keep) };
  });
  const summary = await importDossierRecords(database, units, first, {
    createMissing: true,
    onReject: (r) => console.error(r),
  });
  assert.equal(summary.rejected, 0);
  assert.ok(partial.size > COUNT / 5, `partial: ${partial.size}`);
});

after(async () => {
  await database?.drop();
});

const queryArb = fc.record({
  period: periodInRangeArb(RANGE),
  unit: fc.constantFrom<string | null>(null, "P1", "P1.01", "P2", "P2.01"),
  by: fc.constantFrom<Grouping>(...GROUPINGS),
});

/** For random queries: the counters' report deep-equals the full scan's (and the fold's when given). */
async function assertReportsAgree(runs: number, fold?: readonly DossierRecord[]): Promise<void> {
  await fc.assert(
    fc.asyncProperty(queryArb, async ({ period, unit, by }) => {
      const unitCodes = unit === null ? undefined : units.subtree(unit);
      const query = { ...period, unit, unitCodes, by };
      const counted = await sqlResultsReport(database.db, query);
      const scanned = await sqlResultsReportByScan(database.db, query);
      assert.deepEqual(counted, scanned);
      if (fold) {
        const scope = unitCodes ? new Set(unitCodes) : undefined;
        assert.deepEqual(counted, computeResults(fold, { ...period, unit, scope, by }).document);
        for (const row of [...counted.rows, counted.total]) assert.ok(checkIdentity(row).holds, row.key);
      }
    }),
    { numRuns: runs },
  );
}

test("after the import (batch inserts) the counters equal their recomputation and the report the scan", async () => {
  assert.deepEqual(await verifyFigureCounts(database.db), []);
  await assertReportsAgree(Math.ceil(RUNS / 4));
});

test("the lifecycle write path (appendEvents) keeps the counters: the report equals the scan and the fold", async () => {
  const pending = full.filter((r) => partial.has(r.code));
  for (let i = 0; i < pending.length; i += 40) {
    // several dossiers per transaction, one UPDATE each (as the service does, one command at a time)
    await database.db.transaction().execute(async (trx) => {
      for (const record of pending.slice(i, i + 40)) {
        const province = record.unit.code.split(".")[0]!;
        const loaded = await loadDossier(trx, province, record.code, true);
        assert.ok(loaded, record.code);
        const log = logFromRecord({ ...record, dueAt: record.dueAt ?? loaded.row.due_at });
        assert.deepEqual(
          loaded.log.map((e) => [e.type, e.at.getTime()]),
          log.slice(0, loaded.log.length).map((e) => [e.type, e.at.getTime()]),
        );
        await appendEvents(trx, headerOf(loaded.row), loaded.log, loaded.row.revision, log.slice(loaded.log.length));
      }
    });
  }
  assert.deepEqual(await verifyFigureCounts(database.db), []);
  const fold = await loadPeriodRecords(database.db, { from: "2000-01-01", to: "2100-12-31" });
  assert.equal(fold.length, full.length);
  const ended = fold.filter((d) => partial.has(d.code) && d.events.length > partial.get(d.code)!);
  assert.ok(ended.length > COUNT / 5, `completed: ${ended.length}`);
  await assertReportsAgree(RUNS, fold);
});

test("multi-row UPDATE, INSERT … SELECT, DELETE and TRUNCATE keep the counters", async () => {
  const db = database.db;
  const check = async (step: string) => {
    assert.deepEqual(await verifyFigureCounts(db), [], step);
    await assertReportsAgree(Math.ceil(RUNS / 8));
  };
  // copies without a log (so they can be deleted: the log is append-only), in one statement
  await sql`insert into dossiers (province_code, code, unit_code, current_unit_code, procedure_code, field, level,
      channel, state, received_at, due_at, supplement_requests, end_type, end_at, finish_class, source)
    select province_code, regexp_replace(code, '^([^-]*)-', '\\1X-'), unit_code, current_unit_code, procedure_code, field, level,
      channel, state, received_at, due_at, supplement_requests, end_type, end_at, finish_class, source
    from dossiers where right(code, 1) in ('1', '4', '7')`.execute(db);
  await check("insert … select");
  // every column the counters read, on many rows per statement
  await sql`update dossiers set unit_code = case when unit_code = 'P1.01' then 'P1.02' else 'P1.01' end
    where right(code, 1) in ('2', '4')`.execute(db);
  await sql`update dossiers set channel = case channel when 'direct' then 'online_full' when 'postal' then 'direct'
    else 'postal' end where right(code, 1) in ('3', '7')`.execute(db);
  await sql`update dossiers set level = null where right(code, 1) in ('2', '7')`.execute(db);
  await sql`update dossiers set field = 'Tư pháp', procedure_code = '2.001157' where right(code, 1) = '5'`.execute(db);
  await sql`update dossiers set received_at = received_at - interval '1 day 7 hours', due_at = due_at + interval '2 days'
    where received_at is not null and right(code, 2) in ('05', '17', '29', '41')`.execute(db);
  await sql`update dossiers set supplement_requests = case when supplement_requests = 0 then 1 else 0 end
    where right(code, 1) = '6'`.execute(db);
  await sql`update dossiers set end_type = 'stopped', finish_class = null, state = 'stopped'
    where end_type = 'resolved' and right(code, 1) = '8'`.execute(db);
  await sql`update dossiers set end_at = null, end_type = null, finish_class = null, state = 'processing'
    where end_type = 'withdrawn' and right(code, 1) in ('0', '9')`.execute(db);
  // received → refused at intake (an online submission refused), on copies without a log
  await sql`update dossiers set received_at = null, state = 'refused', end_type = 'refused',
      end_at = coalesce(end_at, received_at), finish_class = null
    where code like '%X-%' and right(code, 1) = '1'`.execute(db);
  // a statement touching no column the counters read, and one touching no row
  await sql`update dossiers set flags = '{}', revision = revision + 1`.execute(db);
  await sql`update dossiers set channel = 'postal' where false`.execute(db);
  await check("updates");
  await sql`delete from dossiers where code like '%X-%' and right(code, 1) in ('4', '7')`.execute(db);
  await check("delete");
  // a corrupted counter is found, and the rebuild repairs it
  await sql`update figure_counts set ended = ended + 1
    where (span, day, province_code, unit_code, procedure_code, field, level)
      in (select span, day, province_code, unit_code, procedure_code, field, level from figure_counts limit 1)`.execute(
    db,
  );
  assert.equal((await verifyFigureCounts(db)).length, 1);
  assert.ok((await rebuildFigureCounts(db)) > 0);
  assert.deepEqual(await verifyFigureCounts(db), []);
  await sql`truncate dossier_events, dossiers cascade`.execute(db);
  const left = await sql<{ n: number }>`select count(*)::int as n from figure_counts`.execute(db);
  assert.equal(left.rows[0]!.n, 0);
});
