// The SQL results report (from the counters, and by the full scan) equals the pure fold (computeResults) on thousands of random, legal dossier logs
// imported through the real importer, for random periods, units and groupings; the identity holds on every
// row; every drill-down cell lists exactly the fold's dossiers. Runs on PGlite and PostgreSQL.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import type { DossierRecord } from "../../dossier/record.ts";
import { GROUPINGS, type Grouping } from "../../figures/grouping.ts";
import { computeResults } from "../../figures/results.ts";
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
