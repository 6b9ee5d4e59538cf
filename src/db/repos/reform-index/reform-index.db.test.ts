// The index as stored: automatic nodes recompute from the current records; assessments follow the phases,
// refuse out-of-range scores and are audited; a province ranks its communes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedTestUnits } from "../../../http/testing.ts";
import { NO_DEADLINES, type PhaseDeadlines } from "../../../reform/index/phases.ts";
import { createTestDatabase, type TestDatabase } from "../../testing.ts";
import { createPlan } from "../reform/plans.ts";
import { createRecord } from "../reform/records.ts";
import { saveAssessment } from "./assessments.ts";
import { loadRanking, loadScorecard } from "./scorecard.ts";
import { saveCriteriaSet, saveIndexYear } from "./sets.ts";

let db: TestDatabase;
const now = new Date("2023-01-10T03:00:00Z");
const by = { userId: null, now };
const initiative = (unit: string, title: string, on: string) => ({
  unit,
  kind: "initiative" as const,
  on,
  data: { title, decision: `${title}/QĐ` },
  evidence: [],
});
const node = (card: { nodes: { code: string; score: number | null; children: unknown[] }[] }, code: string) => {
  const stack = [...card.nodes] as { code: string; score: number | null; formula?: string; children: unknown[] }[];
  while (stack.length) {
    const n = stack.pop() as (typeof stack)[number];
    if (n.code === code) return n;
    stack.push(...(n.children as typeof stack));
  }
  return undefined;
};

before(async () => {
  db = await createTestDatabase();
  await seedTestUnits(db);
});
after(async () => db.drop());

test("an automatic score changes when a record is added (recomputed on read)", async () => {
  const card0 = await loadScorecard(db.db, { unit: "P1.01", year: 2022, now });
  assert.equal(node(card0, "1.5.4")?.score ?? null, null);
  await createRecord(db.db, "P1", initiative("P1.01", "Sổ tay TTHC", "2022-10-01"), by);
  const card1 = await loadScorecard(db.db, { unit: "P1.01", year: 2022, now });
  assert.equal(node(card1, "1.5.4")?.score, 1);
  assert.deepEqual(
    card1.lost.find((l) => l.code === "1.5.4"),
    {
      code: "1.5.4",
      name: "Sáng kiến trong triển khai công tác CCHC",
      lost: 1,
      max: 2,
      reason: "Sáng kiến được công nhận = 1; còn thiếu 1",
    },
  );
  await createRecord(db.db, "P1", initiative("P1.01", "Zalo một cửa", "2022-11-01"), by);
  const card2 = await loadScorecard(db.db, { unit: "P1.01", year: 2022, now });
  assert.equal(node(card2, "1.5.4")?.score, 2);
  assert.equal(card2.total, card1.total + 1);
  // the review plan: none → 0 (a plan is recorded); in its own file → 2
  await createPlan(
    db.db,
    "P1",
    {
      unit: "P1.01",
      kind: "legal_review",
      number: "03/KH-UBND",
      title: "Kế hoạch rà soát VBQPPL",
      issuedOn: "2022-01-19",
      issuer: "UBND xã",
      year: 2022,
      periodFrom: "2022-01-01",
      periodTo: "2022-12-31",
      evidence: [],
    },
    by,
  );
  const card3 = await loadScorecard(db.db, { unit: "P1.01", year: 2022, now });
  assert.equal(node(card3, "2.2.1")?.score, 0);
  assert.match(card3.lost.find((l) => l.code === "2.2.1")?.reason ?? "", /chưa đính kèm tệp/);
});

/** P1's 2022 index year on the default set with the deadlines given. */
const p1Year2022 = (d: Partial<PhaseDeadlines>) => ({
  provinceCode: "P1",
  year: 2022,
  setId: "xa-default",
  setVersion: 1,
  ...NO_DEADLINES,
  ...d,
});

test("assessments: phases and locking, range, audit; a province ranks its communes", async () => {
  const a = await saveAssessment(db.db, { unit: "P1.01", year: 2022, code: "6.2", change: { selfScore: 2 } }, by);
  assert.equal(a.selfScore, 2);
  let card = await loadScorecard(db.db, { unit: "P1.01", year: 2022, now });
  assert.deepEqual(
    card.warnings.map((w) => w.code),
    ["6.2"],
  );
  await assert.rejects(
    saveAssessment(db.db, { unit: "P1.01", year: 2022, code: "6.2", change: { selfScore: 3 } }, by),
    { code: "score-out-of-range" },
  );
  await assert.rejects(
    saveAssessment(db.db, { unit: "P1.01", year: 2022, code: "6.2", change: { appraisal1: 0 } }, by),
    { code: "phase-closed" },
  );
  await assert.rejects(
    saveAssessment(db.db, { unit: "P1.01", year: 2022, code: "3.13.3", change: { selfScore: 1 } }, by),
    { code: "criteria-max-missing" },
  );
  // self-assessment closed on 31/12/2022: on 10/01/2023 appraisal round 1 is open
  await saveIndexYear(
    db.db,
    p1Year2022({
      self: "2022-12-31",
      appraisal1: "2023-01-15",
      explanation: "2023-01-20",
      appraisal2: "2023-01-25",
      final: "2023-01-31",
    }),
    by,
  );
  await assert.rejects(
    saveAssessment(db.db, { unit: "P1.01", year: 2022, code: "6.2", change: { selfScore: 1 } }, by),
    { code: "phase-closed" },
  );
  await saveAssessment(
    db.db,
    {
      unit: "P1.01",
      year: 2022,
      code: "6.2",
      change: { appraisal1: 0, appraiserNote: "Chưa có tài liệu kiểm chứng" },
      expectedVersion: 1,
    },
    by,
  );
  card = await loadScorecard(db.db, { unit: "P1.01", year: 2022, now });
  assert.equal(card.phase, "appraisal1");
  assert.deepEqual(card.lost.find((l) => l.code === "6.2")?.reason, "Chưa có tài liệu kiểm chứng");
  const audit = await db.db
    .selectFrom("audit_log")
    .select("action")
    .where("subject", "=", "reform.index.assessment:P1.01:2022:6.2")
    .execute();
  assert.deepEqual(
    audit.map((r) => r.action),
    ["reform.index.assessment.create", "reform.index.assessment.update"],
  );
  // locked: nothing changes
  await saveIndexYear(db.db, p1Year2022({ self: "2022-12-31", appraisal1: "2023-01-15", locked: true }), by);
  await assert.rejects(
    saveAssessment(db.db, { unit: "P1.01", year: 2022, code: "6.2", change: { appraisal1: 1 } }, by),
    { code: "phase-closed" },
  );
  await createRecord(db.db, "P1", initiative("P1.02", "Một sáng kiến", "2022-05-01"), by);
  const { ranking } = await loadRanking(db.db, { unit: "P1", year: 2022, now });
  assert.deepEqual(
    ranking.map((r) => [r.unit, r.rank, r.of]),
    [
      ["P1.01", 1, 2],
      ["P1.02", 2, 2],
    ],
  );
  assert.ok(ranking.every((r) => r.band !== null));
  // each with the scorecard's own self total; a commune ranks itself alone
  assert.equal(ranking[0]?.selfTotal, card.selfTotal);
  const alone = await loadRanking(db.db, { unit: "P1.02", year: 2022, now });
  assert.deepEqual(
    alone.ranking.map((r) => [r.unit, r.rank, r.of]),
    [["P1.02", 1, 1]],
  );
});

test("criteria sets: stored as versions, refused when invalid or taken", async () => {
  const { DEFAULT_COMMUNE_SET } = await import("../../../reform/index/default-commune-set.ts");
  const v2 = { ...DEFAULT_COMMUNE_SET, id: "qt-2022", version: 1, province: "P1", year: 2022 };
  await saveCriteriaSet(db.db, v2, by);
  await assert.rejects(saveCriteriaSet(db.db, v2, by), { code: "set-version-exists" });
  await assert.rejects(saveCriteriaSet(db.db, { ...v2, version: 2, fields: [] }, by), { code: "criteria-set-invalid" });
});
