// The SQL results report (from the counters, and by the full scan) equals the pure fold (computeResults) on thousands of random, legal dossier logs
// imported through the real importer, for random periods, units and groupings; the identity holds on every
// row; every drill-down cell lists exactly the fold's dossiers. Runs on PGlite and PostgreSQL.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { localDate } from "../../calendar/local-time.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { GROUPINGS, type Grouping } from "../../figures/grouping.ts";
import { computeResults, sumRows, TOTAL_KEY } from "../../figures/results.ts";
import { RESULT_FIELDS, checkIdentity } from "../../figures/results-fields.ts";
import { type DayRange, periodInRangeArb, sampleDossiers } from "../../figures/test-arbitraries.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { loadPeriodRecords } from "./reports-records.ts";
import { sqlDrillDown, sqlResultsReport, sqlResultsReportByScan } from "./reports-results.ts";
import { UnitDirectory } from "./units.ts";

const RANGE: DayRange = { from: "2024-01-01", days: 75 };
const COUNT = Number(process.env.FIGURES_TEST_DOSSIERS ?? 3000);
const UNITS = ["P1", "P1.01", "P1.02", "P2.01"];
const PROCEDURES = [
  { code: "1.001009", field: "Chứng thực", level: "commune" as const },
  { code: "1.000656", field: "Hộ tịch", level: "commune" as const },
  { code: "1.000894", field: "Hộ tịch", level: "district" as const },
  { code: "1.003003", field: "Đất đai", level: "district" as const },
  { code: "2.000033", field: "Bảo trợ xã hội", level: "district" as const },
  { code: "2.001157", field: "Bảo trợ xã hội" },
  { code: "1.004227", field: "An toàn thực phẩm", level: "province" as const },
];

let database: TestDatabase;
let units: UnitDirectory;
let imported: DossierRecord[];

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  units = new UnitDirectory(database.db);
  await units.refresh();
  const records = sampleDossiers({ range: RANGE, units: UNITS, procedures: PROCEDURES }, COUNT, 20240101);
  const rejected = new Set<number>();
  const summary = await importDossierRecords(database, units, records, {
    createMissing: true,
    onReject: (r) => {
      rejected.add(r.line);
      console.error(r);
    },
  });
  assert.equal(summary.rejected, 0, `rejected lines: ${[...rejected].slice(0, 5).join(", ")}`);
  assert.equal(summary.imported, records.length - rejected.size);
  // the fold runs on the same data as the SQL: the records rebuilt from the stored logs
  imported = await loadPeriodRecords(database.db, { from: "2000-01-01", to: "2100-12-31" });
  assert.equal(imported.length, summary.imported);
});

after(async () => {
  await database?.drop();
});

const queryArb = fc.record({
  period: periodInRangeArb(RANGE),
  unit: fc.constantFrom<string | null>(null, "P1", "P1.01", "P2", "P2.01"),
  by: fc.constantFrom<Grouping>(...GROUPINGS),
  cell: fc.record({ row: fc.nat(), field: fc.constantFrom(...RESULT_FIELDS) }),
});

const RUNS = Number(process.env.FIGURES_TEST_QUERIES ?? 120);

test("the SQL results report equals the fold for random periods, units and groupings", async () => {
  await fc.assert(
    fc.asyncProperty(queryArb, async ({ period, unit, by, cell }) => {
      const unitCodes = unit === null ? undefined : units.subtree(unit);
      const scope = unitCodes ? new Set(unitCodes) : undefined;
      const pure = computeResults(imported, { ...period, unit, scope, by });
      const fromSql = await sqlResultsReport(database.db, { ...period, unit, unitCodes, by });
      assert.deepEqual(fromSql, pure.document);
      // the report reads the counters (migration 0006); the full scan it replaced is the same document
      assert.deepEqual(await sqlResultsReportByScan(database.db, { ...period, unit, unitCodes, by }), fromSql);
      for (const row of [...fromSql.rows, fromSql.total]) {
        const identity = checkIdentity(row);
        assert.ok(identity.holds, `${row.key}: ${identity.left} ≠ ${identity.right}`);
      }
      const keys = [...fromSql.rows.map((r) => r.key), "total"];
      const rowKey = keys[cell.row % keys.length]!;
      const expected = pure.dossiersIn(rowKey, cell.field).sort();
      const page = await sqlDrillDown(database.db, {
        ...period,
        unitCodes,
        by,
        rowKey,
        field: cell.field,
        pageSize: 200,
      });
      assert.equal(page.total, expected.length);
      assert.deepEqual(
        page.dossiers.map((d) => d.code),
        expected.slice(0, 200),
      );
    }),
    { numRuns: RUNS },
  );
});

test("the load covers the §3 boundaries", () => {
  const midnightEvents = imported
    .flatMap((d) => d.events)
    .filter((e) => (e.at.getTime() + 7 * 3_600_000) % 86_400_000 === 0);
  const lateSameDay = imported.filter((d) => {
    const end = d.events.find((e) => e.type === "resolved" || e.type === "returned");
    return end && d.dueAt && end.at > d.dueAt && end.at.getTime() - d.dueAt.getTime() < 5 * 3_600_000;
  });
  const refused = imported.filter((d) => d.receivedAt === null);
  const saturdays = imported.filter(
    (d) => d.receivedAt && new Date(d.receivedAt.getTime() + 7 * 3_600_000).getUTCDay() === 6,
  );
  const pausedOpen = imported.filter((d) => d.events.at(-1)?.type === "supplement_requested");
  for (const [name, list] of Object.entries({ midnightEvents, lateSameDay, refused, saturdays, pausedOpen })) {
    assert.ok(list.length >= 10, `${name}: ${list.length}`);
  }
});

/** The SQL report (counters and scan) equals the fold for one query; identity checked inside both. */
async function assertSqlEqualsFold(period: { from: string; to: string }, unit: string | null, by: Grouping) {
  const unitCodes = unit === null ? undefined : units.subtree(unit);
  const pure = computeResults(imported, { ...period, unit, scope: unitCodes ? new Set(unitCodes) : undefined, by });
  const fromSql = await sqlResultsReport(database.db, { ...period, unit, unitCodes, by });
  assert.deepEqual(fromSql, pure.document, `${period.from}..${period.to} ${unit} ${by}`);
  assert.deepEqual(await sqlResultsReportByScan(database.db, { ...period, unit, unitCodes, by }), fromSql);
  return fromSql;
}

test("queried at the boundaries themselves: a period starting at an event's 00:00, a period ending inside a supplement", async () => {
  const atMidnight = imported
    .flatMap((d) => d.events.map((e) => e.at.getTime()))
    .filter((at) => (at + 7 * 3_600_000) % 86_400_000 === 0);
  // supplement requests whose next event (if any) comes on a later local day: still awaited at that midnight
  const spanning = imported.flatMap((d) => {
    const i = d.events.findIndex((e) => e.type === "supplement_requested");
    if (i < 0) return [];
    const requested = d.events[i]!.at.getTime();
    const next = d.events[i + 1]?.at.getTime();
    return next === undefined || localDate(next) > localDate(requested) ? [{ requested }] : [];
  });
  assert.ok(
    atMidnight.length >= 10 && spanning.length >= 10,
    `${atMidnight.length} midnights, ${spanning.length} pauses`,
  );
  const DAY_MS = 86_400_000;
  for (const at of atMidnight.slice(0, 12)) {
    const day = localDate(at);
    // the event opens the period, and the period before ends just before it
    await assertSqlEqualsFold({ from: day, to: localDate(at + 6 * DAY_MS) }, null, "field");
    await assertSqlEqualsFold({ from: localDate(at - 5 * DAY_MS), to: localDate(at - DAY_MS) }, "P1", "unit");
  }
  for (const { requested } of spanning.slice(0, 12)) {
    // the period ends at the midnight after the request, while the supplement is still awaited
    const report = await assertSqlEqualsFold(
      { from: localDate(requested - 3 * DAY_MS), to: localDate(requested) },
      null,
      "procedure",
    );
    assert.ok(report.total.openWithinDeadline + report.total.openOverdue > 0);
  }
});

test("up the tree the sum equals the parts: a province is its own receipts plus its communes', the whole is the provinces", async () => {
  const periods = [
    { from: RANGE.from, to: "2024-01-31" },
    { from: "2024-02-01", to: "2024-02-29" },
    { from: "2024-01-15", to: "2024-03-14" },
  ];
  for (const period of periods) {
    const all = await assertSqlEqualsFold(period, null, "unit");
    const provinces = [];
    for (const province of ["P1", "P2"]) {
      const report = await assertSqlEqualsFold(period, province, "unit");
      // every row of the province's by-unit report is that unit's own figures
      for (const row of report.rows) {
        const children = units.subtree(row.key).filter((code) => code !== row.key);
        const own = await assertSqlEqualsFold(period, row.key, "unit");
        const expected = children.length === 0 ? own.total : own.rows.find((r) => r.key === row.key);
        assert.deepEqual({ ...row, key: "x" }, { ...expected!, key: "x" }, `${province} / ${row.key}`);
      }
      assert.deepEqual(report.total, sumRows(TOTAL_KEY, report.rows));
      provinces.push(report.total);
    }
    assert.deepEqual(all.total, sumRows(TOTAL_KEY, provinces));
    assert.ok(all.total.received > 0);
  }
});
