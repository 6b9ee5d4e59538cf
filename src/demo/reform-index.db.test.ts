// The demo's reform records and index: last year's scorecard has automatic and appraised lost points, the
// province ranks its communes, this year is open for self-assessment, and a second run adds nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadRanking, loadScorecard } from "../db/repos/reform-index/scorecard.ts";
import { UnitDirectory } from "../db/repos/units.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing.ts";
import { seedTestUnits } from "../http/testing.ts";
import { seedDemoReform } from "./reform-index.ts";

let db: TestDatabase;
const today = new Date("2024-12-03T03:00:00Z");

before(async () => {
  db = await createTestDatabase();
  await seedTestUnits(db);
});
after(async () => db.drop());

test("demo reform: plans, reports, index years, assessments and survey; re-running adds nothing", async () => {
  const units = new UnitDirectory(db.db);
  await units.refresh();
  const first = await seedDemoReform(db.db, units, { today });
  assert.deepEqual([first.provinces, first.communes, first.skipped], [2, 3, []]);
  assert.equal(first.tasks, 3 * 2 * 8);
  assert.ok(first.reports > 0 && first.reports <= 2 * 2 * 2, "reports of the first two communes per province");

  const card = await loadScorecard(db.db, { unit: "P1.02", year: 2023, now: today });
  assert.equal(card.phase, "closed");
  const lost = card.lost.map((l) => l.code);
  for (const code of ["1.1.3", "1.5.4", "6.2"]) assert.ok(lost.includes(code), `${code} in ${lost}`);
  assert.ok(card.survey?.percent);
  const { ranking } = await loadRanking(db.db, { unit: "P1", year: 2023, now: today });
  assert.deepEqual(ranking.map((r) => r.unit).sort(), ["P1.01", "P1.02"]);
  const now = await loadScorecard(db.db, { unit: "P1.01", year: 2024, now: today });
  assert.equal(now.phase, "self");

  const again = await seedDemoReform(db.db, units, { today });
  assert.deepEqual([again.provinces, again.tasks, again.skipped], [0, 0, ["P1", "P2"]]);
});
