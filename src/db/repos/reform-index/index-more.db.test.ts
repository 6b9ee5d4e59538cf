// The index's later parts as stored: report timeliness, apology compliance and published procedures recompute
// when the register, dossiers or catalogue change; the survey is weighted into the total; the fix plan creates
// tasks once; the trend over years; the year's taking-part units; sets listed with the shipped default.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedTestUnits } from "../../../http/testing.ts";
import { type CriteriaNode, walk } from "../../../reform/index/criteria.ts";
import { DEFAULT_COMMUNE_SET } from "../../../reform/index/default-commune-set.ts";
import { NO_DEADLINES } from "../../../reform/index/phases.ts";
import { createTestDatabase, type TestDatabase } from "../../testing.ts";
import { importDossierLines } from "../dossier-import.ts";
import { listPlans, tasksOfPlans } from "../reform/plans.ts";
import { UnitDirectory } from "../units.ts";
import { createFixPlan } from "./fix-plan.ts";
import { loadRanking, loadScorecard, loadTrend } from "./scorecard.ts";
import { listCriteriaSets, saveCriteriaSet, saveIndexYear } from "./sets.ts";
import { saveSurveys } from "./surveys.ts";

let db: TestDatabase;
const now = new Date("2024-12-31T03:00:00Z");
const by = { userId: null, now };

/** The default set with maxima on the automatic nodes it leaves open, and a survey worth 10 points. */
const provinceSet = (() => {
  const set = structuredClone(DEFAULT_COMMUNE_SET);
  for (const n of walk(set.fields) as Generator<CriteriaNode>)
    if (["1.2", "3.1", "3.3", "3.5", "3.14"].includes(n.code)) n.max = 1;
  return { ...set, id: "p1-2024", province: "P1", year: 2024, survey: { optional: true, max: 10 } };
})();

const node = (card: Awaited<ReturnType<typeof loadScorecard>>, code: string) => {
  for (const n of walk(card.nodes as never) as Generator<{ code: string; score: number | null; formula: string }>)
    if (n.code === code) return n;
  return undefined;
};

const year = {
  provinceCode: "P1",
  year: 2024,
  setId: "p1-2024",
  setVersion: 1,
  ...NO_DEADLINES,
};

function lateDossier(n: number, apology: boolean) {
  return JSON.stringify({
    code: `P1.01-240304-000${n}`,
    unit: { code: "P1.01" },
    procedure: { code: "X.1", name: "Chứng thực bản sao", field: "Chứng thực", level: "commune" },
    channel: "direct",
    receivedAt: "2024-03-04T08:00:00+07:00",
    dueAt: "2024-03-06T17:00:00+07:00",
    events: [
      ...(apology
        ? [{ type: "extended", at: "2024-03-04T10:00:00+07:00", dueAt: "2024-03-12T17:00:00+07:00", apology: true }]
        : []),
      { type: "resolved", at: "2024-03-08T09:00:00+07:00" },
    ],
  });
}

before(async () => {
  db = await createTestDatabase();
  await seedTestUnits(db);
  await saveCriteriaSet(db.db, provinceSet, by);
  await saveIndexYear(db.db, year, by);
});
after(async () => db.drop());

test("apology compliance and published procedures recompute when dossiers are added", async () => {
  const units = new UnitDirectory(db.db);
  await units.refresh();
  const card0 = await loadScorecard(db.db, { unit: "P1.01", year: 2024, now });
  assert.equal(node(card0, "3.5")?.score ?? null, null, "no dossier: no value");
  await importDossierLines(db, units, [lateDossier(1, false)], { createMissing: true });
  const card1 = await loadScorecard(db.db, { unit: "P1.01", year: 2024, now });
  assert.equal(node(card1, "3.5")?.score, 0);
  assert.match(card1.lost.find((l) => l.code === "3.5")?.reason ?? "", /P1\.01-240304-0001 chưa xin lỗi đúng hạn/);
  assert.match(node(card1, "3.3")?.formula ?? "", /trước hạn, đúng hạn\/hồ sơ đã giải quyết = 0\/1 = 0%/);
  // the importer created X.1 as a placeholder: in force, not published in full
  assert.equal(node(card1, "3.1")?.score, 0);
  assert.match(node(card1, "3.1")?.formula ?? "", /TTHC cấp xã công khai đầy đủ\/TTHC cấp xã đang áp dụng = 0\/1/);
  await importDossierLines(db, units, [lateDossier(2, true)], { createMissing: true });
  const card2 = await loadScorecard(db.db, { unit: "P1.01", year: 2024, now });
  assert.equal(node(card2, "3.5")?.score, 0.5);
  assert.equal(card2.total, card1.total + 0.5);
});

test("report timeliness recomputes from the register", async () => {
  const report = (to: string, due: string, submitted: string | null) =>
    db.db
      .insertInto("reform_reports")
      .values({
        province_code: "P1",
        unit_code: "P1.01",
        from: "2023-12-15",
        to,
        version: 1,
        kind: "quarter",
        due_on: due,
        status: submitted ? "submitted" : "issued",
        figures: "{}",
        submitted_at: submitted ? new Date(submitted) : null,
      })
      .execute();
  assert.equal(node(await loadScorecard(db.db, { unit: "P1.01", year: 2024, now }), "1.2")?.score ?? null, null);
  await report("2024-03-14", "2024-03-20", "2024-03-18T09:00:00+07:00");
  assert.equal(node(await loadScorecard(db.db, { unit: "P1.01", year: 2024, now }), "1.2")?.score, 1);
  await report("2024-06-14", "2024-06-20", null);
  const card = await loadScorecard(db.db, { unit: "P1.01", year: 2024, now });
  assert.equal(node(card, "1.2")?.score, 0.5);
  assert.match(card.lost.find((l) => l.code === "1.2")?.reason ?? "", /hạn 2024-06-20, chưa gửi \(trễ\)/);
});

test("survey: weighted into the total; an import with a bad row writes nothing", async () => {
  const before = await loadScorecard(db.db, { unit: "P1.02", year: 2024, now });
  await assert.rejects(
    saveSurveys(
      db.db,
      {
        provinceCode: "P1",
        year: 2024,
        rows: [
          { unit: "P1.02", percent: 80 },
          { unit: "P2.01", percent: 50 },
          { unit: "P1.01", percent: 120 },
        ],
      },
      by,
    ),
    (e: { code: string; fields: unknown[] }) => e.code === "survey-invalid",
  );
  assert.equal((await loadScorecard(db.db, { unit: "P1.02", year: 2024, now })).survey?.points ?? null, null);
  await saveSurveys(
    db.db,
    { provinceCode: "P1", year: 2024, rows: [{ unit: "P1.02", percent: 80, respondents: 150 }] },
    by,
  );
  const card = await loadScorecard(db.db, { unit: "P1.02", year: 2024, now });
  assert.equal(card.survey?.points, 8);
  assert.equal(card.total, before.total + 8);
  assert.equal(card.max, before.max + 10);
});

test("the fix plan creates one task per lost criterion, once", async () => {
  const card = await loadScorecard(db.db, { unit: "P1.01", year: 2024, now });
  assert.ok(card.lost.length >= 3);
  const first = await createFixPlan(db.db, { unit: "P1.01", year: 2024 }, by);
  assert.equal(first.planCreated, true);
  assert.equal(first.plan?.kind, "index_improvement");
  assert.equal(first.plan?.year, 2025);
  assert.deepEqual(
    first.created.map((c) => c.code),
    card.lost.map((l) => l.code),
  );
  assert.match(first.created.find((c) => c.code === "3.5")?.task.content ?? "", /Khắc phục tiêu chí 3\.5/);
  const again = await createFixPlan(db.db, { unit: "P1.01", year: 2024 }, by);
  assert.deepEqual([again.planCreated, again.created.length, again.existing.length], [false, 0, card.lost.length]);
  assert.equal(again.plan?.id, first.plan?.id);
  const plans = await listPlans(db.db, { units: ["P1.01"], from: "2025-01-01", to: "2025-12-31" });
  assert.equal(plans.length, 1);
  assert.equal((await tasksOfPlans(db.db, [plans[0]!])).length, card.lost.length);
});

test("trend over years; the year's units; the sets listed", async () => {
  const trend = await loadTrend(db.db, { unit: "P1.01", from: 2023, to: 2024, now });
  assert.deepEqual(
    trend.years.map((y) => [y.year, y.setId]),
    [
      [2023, "xa-default"],
      [2024, "p1-2024"],
    ],
  );
  assert.equal(trend.years[1]?.total, (await loadScorecard(db.db, { unit: "P1.01", year: 2024, now })).total);
  await assert.rejects(loadTrend(db.db, { unit: "P1.01", from: 2010, to: 2024, now }), { code: "trend-range-invalid" });
  await assert.rejects(saveIndexYear(db.db, { ...year, units: ["P2.01"] }, by), { code: "index-unit-invalid" });
  await saveIndexYear(db.db, { ...year, units: ["P1.02"] }, by);
  const { ranking } = await loadRanking(db.db, { unit: "P1", year: 2024, now });
  assert.deepEqual(
    ranking.map((r) => r.unit),
    ["P1.02"],
  );
  const sets = await listCriteriaSets(db.db);
  assert.deepEqual(
    sets.map((s) => [s.setId, s.version, s.shipped]),
    [
      ["p1-2024", 1, false],
      ["xa-default", 1, true],
    ],
  );
});
