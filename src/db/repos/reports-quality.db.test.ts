// The Decision 766 indicators computed in SQL (reports-quality.ts) equal the pure fold of src/figures/quality.ts
// (2.1's end of processing and on-time rule, 2.2, 3.3, 3.6, 4.1, 4.2, 5.4 with complaints) over the records the
// route used to load (loadPeriodRecords), on generated demo dossiers (supplements,
// transfers, extensions, late, withdrawn, online, fees, digitized and electronic results) imported as a
// province would: every count, every code list, the average processing time — for several periods and scopes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getCalendar } from "../../calendar/index.ts";
import { generateDemo } from "../../demo/generate.ts";
import { qualityIndicators } from "../../figures/quality.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { exportProcedures, seedReferenceData } from "./catalog.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { CODES_LIMIT, complaintCodes, sqlQualityIndicators } from "./reports-quality.ts";
import { loadPeriodRecords } from "./reports-records.ts";
import { UnitDirectory, unitFromRow } from "./units.ts";

let database: TestDatabase;
let directory: UnitDirectory;
const calendar = getCalendar();
const workingMinutes = (from: Date, to: Date) => calendar.workingMinutesBetween(from, to);

before(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  const units = (await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute()).map(
    unitFromRow,
  );
  const procedures = await exportProcedures(database.db);
  const demo = generateDemo({
    seed: 7,
    today: new Date("2026-03-02T17:00:00+07:00"),
    units,
    procedures,
    dossiers: 1200,
  });
  directory = new UnitDirectory(database.db);
  await directory.refresh();
  const summary = await importDossierRecords(database, directory, demo.records, {
    createMissing: false,
    batchSize: 500,
    onReject: (r) => {
      throw new Error(`${r.reason}: ${r.message}`);
    },
  });
  assert.equal(summary.imported, 1200);
});
after(async () => database.drop());

const periods = [
  { from: "2025-01-01", to: "2025-12-31" },
  { from: "2025-10-01", to: "2025-12-31" },
  { from: "2024-03-01", to: "2026-03-02" },
];

test("SQL indicators = the pure fold, for every period and scope", async () => {
  const busiest = (
    await database.pool.query("select unit_code from dossiers group by 1 order by count(*) desc limit 1")
  ).rows[0].unit_code as string;
  const scopes: (string[] | undefined)[] = [undefined, directory.subtree(directory.provinceOf(busiest)!), [busiest]];
  let compared = 0;
  for (const period of periods) {
    for (const unitCodes of scopes) {
      const records = await loadPeriodRecords(database.db, { ...period, ...(unitCodes ? { unitCodes } : {}) });
      // 5.4: the stored complaints of the period plus every 7th loaded dossier, so the exclusion is exercised
      const stored = await complaintCodes(database.db, { ...period, ...(unitCodes ? { unitCodes } : {}) });
      const complaints = [...stored, ...records.filter((_, i) => i % 7 === 0).map((r) => r.code)];
      const pure = qualityIndicators(records, { ...period, workingMinutes, complaintCodes: complaints });
      const fromSql = await sqlQualityIndicators(database.db, {
        ...period,
        ...(unitCodes ? { unitCodes } : {}),
        workingMinutes,
        complaintCodes: complaints,
      });
      const label = `${period.from}..${period.to} ${unitCodes ? unitCodes.length : "all"} units`;
      assert.deepEqual(
        fromSql.map((i) => i.id),
        pure.map((i) => i.id),
        label,
      );
      for (const [i, expected] of pure.entries()) {
        const actual = fromSql[i]!;
        if (expected.kind === "rate" && actual.kind === "rate") {
          assert.deepEqual(
            [actual.numerator, actual.denominator, actual.value],
            [expected.numerator, expected.denominator, expected.value],
            `${label} ${expected.id}`,
          );
          // the codes: the first CODES_LIMIT in code order
          const first = (codes: string[]) => [...codes].sort().slice(0, CODES_LIMIT);
          assert.deepEqual(actual.numeratorCodes, first(expected.numeratorCodes), `${label} ${expected.id}`);
          assert.deepEqual(actual.denominatorCodes, first(expected.denominatorCodes), `${label} ${expected.id}`);
          if (expected.denominator > 0) compared++;
        } else if (expected.kind === "average" && actual.kind === "average") {
          assert.equal(actual.count, expected.count, label);
          assert.ok(Math.abs(actual.totalDays - expected.totalDays) < 1e-6, `${label} ${actual.totalDays}`);
          if (expected.count <= CODES_LIMIT) assert.deepEqual(actual.codes, [...expected.codes].sort(), label);
          else {
            assert.equal(actual.codes.length, CODES_LIMIT);
            assert.ok(actual.codes.every((c) => expected.codes.includes(c)));
          }
        } else assert.fail(`${label}: ${expected.id} kinds differ`);
      }
    }
  }
  assert.ok(compared > 20, `only ${compared} non-empty rates compared`);
});
