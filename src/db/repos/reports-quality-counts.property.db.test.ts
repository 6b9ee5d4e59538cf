// The counted 766 indicators (migrations 0017, 0020) against the pure fold on adversarial legal logs
// (src/figures/test-arbitraries.ts: instants crowding around local midnights, the appointment and each other;
// supplements requested and answered several times, extensions, transfers, every kind of end), for random
// periods whose bounds fall where the instants crowd, and random scopes — on both engines.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { type DayRange, periodInRangeArb, sampleDossiers } from "../../figures/test-arbitraries.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { compareWithFold, countersDiffer } from "./reports-quality-counts.testing.ts";
import { UnitDirectory } from "./units.ts";

const UNITS = ["T.01", "T.02", "T.03"];
const RANGE: DayRange = { from: "2025-12-01", days: 75 };
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await database.pool.query(
    "insert into units (code, name, kind, parent_code, province_code) values ('T', 'Tỉnh', 'province', null, 'T')",
  );
  for (const u of UNITS)
    await database.pool.query(
      "insert into units (code, name, kind, parent_code, province_code) values ($1, $1, 'commune', 'T', 'T')",
      [u],
    );
  const procedures = [
    { code: "1.001009", field: "Chứng thực", level: "commune" as const },
    { code: "1.003003", field: "Đất đai", level: "district" as const },
  ];
  const records = sampleDossiers({ range: RANGE, units: UNITS, procedures }, 600, 29);
  const directory = new UnitDirectory(database.db);
  await directory.refresh();
  const summary = await importDossierRecords(database, directory, records, { createMissing: true, batchSize: 150 });
  assert.equal(summary.imported, records.length);
});
after(async () => database.drop());

test("counted indicators = the pure fold on adversarial logs, random periods and scopes", async () => {
  assert.deepEqual(await countersDiffer(database), [], "the import's triggers");
  const { rows } = await database.pool.query(`select
    (select count(distinct dossier_code) from dossier_events where type = 'supplement_requested')::int as asked,
    (select coalesce(sum(resumed), 0) from quality_request_resumes where span = 'd')::int as reopened`);
  assert.ok(rows[0].asked > 100 && rows[0].reopened > 20, JSON.stringify(rows[0]));
  const scope = fc.oneof(fc.constant(undefined), fc.subarray(UNITS, { minLength: 1 }));
  let handled = 0;
  await fc.assert(
    fc.asyncProperty(periodInRangeArb(RANGE), scope, fc.integer({ min: 2, max: 7 }), async (period, units, extra) => {
      handled += await compareWithFold(database, period, units, extra);
    }),
    { numRuns: 60, seed: 41 },
  );
  assert.ok(handled > 1000, `${handled} handled dossiers compared`);
});
