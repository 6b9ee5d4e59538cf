// The 01b sheet from the database equals the results report's figures for the same unit and period (and the
// pure fold over the same dossiers for the per-channel lines and the apologies), on either engine; catalogue
// rows from the versions in force; hand entries stored, audited, refused on computed rows.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { importProceduresJson } from "../../../catalog/procedure-json.ts";
import type { ProcedureInput } from "../../../catalog/procedure.ts";
import { CHANNELS, type DossierRecord } from "../../../dossier/record.ts";
import { periodBounds } from "../../../figures/period.ts";
import { resultsReport as foldResults } from "../../../figures/results.ts";
import { sampleDossiers } from "../../../figures/test-arbitraries.ts";
import { sheetValue } from "../../../reform/sheet/sheet.ts";
import { seedTestUnits } from "../../../http/testing.ts";
import { createTestDatabase, type TestDatabase } from "../../testing.ts";
import { createProcedureVersion } from "../catalog.ts";
import { importDossierRecords } from "../dossier-import.ts";
import { resultsReport, UnknownUnitError } from "../reports.ts";
import { createPlan } from "../reform/plans.ts";
import { loadRecordFigures } from "../reform/sheet-figures.ts";
import { createTask } from "../reform/tasks.ts";
import { UnitDirectory } from "../units.ts";
import { deleteManualValue, type ManualValueError, manualEntries, setManualValue } from "./manual.ts";
import { computeSheet } from "./sheet.ts";

let t: TestDatabase;
let units: UnitDirectory;
let records: DossierRecord[];
const PERIOD = { from: "2024-03-10", to: "2024-04-05" };

before(async () => {
  t = await createTestDatabase();
  await seedTestUnits(t);
  units = new UnitDirectory(t.db);
  await units.refresh();
  records = sampleDossiers(
    {
      range: { from: "2024-03-01", days: 40 },
      units: ["P1.01", "P1.02", "P2.01"],
      procedures: [
        { code: "1.001009", field: "Chứng thực", level: "commune" },
        { code: "1.003003", field: "Đất đai", level: "commune" },
        { code: "1.009972", field: "Hoạt động xây dựng", level: "commune" },
      ],
    },
    240,
    11,
  );
  await importDossierRecords(t, units, records, { createMissing: true });
  await units.refresh();
});
after(async () => t.drop());

const inSubtree = (d: DossierRecord) => d.unit.code.startsWith("P1.");

test("dossier rows = the results report's figures for the same unit and period", async () => {
  const { sheet, results } = await computeSheet(t.db, units, { unit: "P1", ...PERIOD });
  const report = await resultsReport(t.db, units, { ...PERIOD, unit: "P1", by: "field" });
  assert.deepEqual(results, report);
  const total = report.total;
  assert.ok(total.received > 20, "the sample gives the period something to count");
  assert.equal(sheetValue(sheet, "3.3.1"), total.received);
  assert.equal(sheetValue(sheet, "3.3.1.direct"), total.receivedDirect);
  assert.equal(sheetValue(sheet, "3.3.1.postal"), total.receivedPostal);
  assert.equal(sheetValue(sheet, "3.3.1.onlinePartial"), total.receivedOnlinePartial);
  assert.equal(sheetValue(sheet, "3.3.1.onlineFull"), total.receivedOnlineFull);
  assert.equal(sheetValue(sheet, "3.3.2"), total.finishedEarly + total.finishedOnTime);
  const land = report.rows.find((r) => r.key === "Đất đai")!;
  const building = report.rows.find((r) => r.key === "Hoạt động xây dựng")!;
  assert.equal(sheetValue(sheet, "3.3.3"), land.finishedEarly + land.finishedOnTime);
  assert.equal(sheetValue(sheet, "3.3.4"), building.finishedEarly + building.finishedOnTime);
  for (const row of sheet.rows.filter((r) => r.code.startsWith("3.3.") || r.code === "3.5")) {
    assert.equal(row.source, "dossiers", row.code);
  }
});

test("per-channel finished lines and apologies equal the pure fold over the same dossiers", async () => {
  const { sheet } = await computeSheet(t.db, units, { unit: "P1", ...PERIOD });
  const mine = records.filter(inSubtree);
  const suffix = { direct: "direct", postal: "postal", online_partial: "onlinePartial", online_full: "onlineFull" };
  let sum = 0;
  for (const channel of CHANNELS) {
    const fold = foldResults(
      mine.filter((d) => d.channel === channel),
      PERIOD,
    ).total;
    const value = sheetValue(sheet, `3.3.2.${suffix[channel]}`);
    assert.equal(value, fold.finishedEarly + fold.finishedOnTime, channel);
    sum += value!;
  }
  assert.equal(sum, sheetValue(sheet, "3.3.2"), "the channel lines sum to 3.3.2");
  const { start, end } = periodBounds(PERIOD);
  const apologies = mine
    .flatMap((d) => d.events)
    .filter((e) => e.type === "extended" && e.apology === true && e.at >= start && e.at < end).length;
  assert.ok(apologies > 0, "the sample has apologies in the period");
  assert.equal(sheetValue(sheet, "3.5"), apologies);
});

const base: ProcedureInput = {
  code: "2.000001",
  name: "Thủ tục thử nghiệm",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  timeLimit: { value: 3, unit: "working_days" },
  onlineLevel: "partial",
  effectiveFrom: "2023-01-01",
};

test("catalogue rows from the versions in force of the unit's competent levels", async () => {
  const add = (p: Partial<ProcedureInput>) =>
    createProcedureVersion(t.db, importProceduresJson([{ ...base, ...p }]).ok[0]!);
  await add({ code: "2.000001", links: [{ agency: "Công an", kind: "between_levels" }] });
  await add({
    code: "2.000001",
    effectiveFrom: "2024-03-20",
    onlineLevel: "full",
    links: [{ agency: "Công an", kind: "between_levels" }],
  });
  await add({ code: "2.000002", boundaryFree: true, onlineLevel: "none" });
  await add({
    code: "2.000003",
    effectiveFrom: "2024-04-01",
    links: [{ agency: "Phòng Tư pháp", kind: "same_level" }],
  });
  await add({ code: "2.000004", effectiveFrom: "2024-05-01" }); // not yet in force
  await add({ code: "2.000005", level: "province", onlineLevel: "full" }); // another level
  const { sheet } = await computeSheet(t.db, units, { unit: "P1.01", ...PERIOD });
  const values = Object.fromEntries(
    ["3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.2.2", "3.2.3", "3.2.6", "7.5.1", "7.5.2"].map((c) => [
      c,
      sheetValue(sheet, c),
    ]),
  );
  assert.deepEqual(values, {
    "3.1.1": 2,
    "3.1.2": 1,
    "3.1.3": 3,
    "3.2.1": 1,
    "3.2.2": 1,
    "3.2.3": 1,
    "3.2.6": 1,
    "7.5.1": 1,
    "7.5.2": 1,
  });
});

test("hand entries: stored for the unit and period, marked manual, audited; refused on computed rows", async () => {
  const key = { province: "P1", unit: "P1.01", ...PERIOD };
  const by = { userId: null, now: new Date("2024-04-06T09:00:00+07:00") };
  const before = await computeSheet(t.db, units, { unit: "P1.01", ...PERIOD });
  const values = new Map(before.sheet.rows.map((r) => [r.code, r.value]));
  await setManualValue(t.db, key, { code: "1.1.1", value: 38 }, values, by);
  await setManualValue(
    t.db,
    key,
    { code: "1.1.2", value: 21, note: "Báo cáo số 01" },
    new Map([...values, ["1.1.1", 38]]),
    by,
  );
  const { sheet } = await computeSheet(t.db, units, { unit: "P1.01", ...PERIOD });
  const row = sheet.rows.find((r) => r.code === "1.1.2")!;
  assert.deepEqual([row.value, row.source], [21, "manual"]);
  const other = await computeSheet(t.db, units, { unit: "P1.01", from: PERIOD.from, to: "2024-04-06" });
  assert.equal(sheetValue(other.sheet, "1.1.2"), null, "an entry belongs to its period");
  await assert.rejects(
    setManualValue(t.db, key, { code: "3.3.1", value: 1 }, values, by),
    (e: ManualValueError) => e.code === "computed-row",
  );
  await assert.rejects(
    setManualValue(t.db, key, { code: "3.1.3", value: 1 }, values, by),
    (e: ManualValueError) => e.code === "computed-row",
  );
  await assert.rejects(
    setManualValue(t.db, key, { code: "4.1", value: 17 }, values, by),
    (e: ManualValueError) => e.code === "group-row",
  );
  await assert.rejects(
    setManualValue(t.db, key, { code: "9.9", value: 1 }, values, by),
    (e: ManualValueError) => e.code === "unknown-row",
  );
  await assert.rejects(
    setManualValue(t.db, key, { code: "1.1.2", value: 40 }, new Map([...values, ["1.1.1", 38]]), by),
    (e: ManualValueError) => e.code === "part-exceeds-whole",
  );
  assert.equal((await manualEntries(t.db, key)).find((e) => e.code === "1.1.2")?.value, 21, "a refusal stores nothing");
  const audit = await t.db
    .selectFrom("audit_log")
    .select(["action", "subject"])
    .where("action", "like", "reform.sheet.%")
    .execute();
  assert.equal(audit.length, 2);
  assert.ok(await deleteManualValue(t.db, key, "1.1.2", by));
  assert.equal((await manualEntries(t.db, key)).length, 1);
});

test("an unknown unit is refused", async () => {
  await assert.rejects(computeSheet(t.db, units, { unit: "NOPE", ...PERIOD }), UnknownUnitError);
});

test("rows the reform records hold come from them (loadRecordFigures), before any hand entry", async () => {
  const by = { userId: null, now: new Date("2024-03-12T09:00:00+07:00") };
  const plan = await createPlan(
    t.db,
    "P1",
    {
      unit: "P1.01",
      kind: "annual",
      number: "01/KH-UBND",
      title: "Kế hoạch CCHC năm 2024",
      issuedOn: "2024-01-02",
      issuer: "UBND xã",
      year: 2024,
      periodFrom: "2024-01-01",
      periodTo: "2024-12-31",
      evidence: [],
    },
    by,
  );
  for (const content of ["Ban hành kế hoạch tuyên truyền", "Rà soát TTHC"]) {
    await createTask(
      t.db,
      plan,
      "P1",
      {
        area: "direction",
        content,
        outputKind: "plan",
        lead: "Văn phòng",
        supporting: [],
        kind: "one_off",
        source: "own",
        progress: 0,
        deadline: "2024-03-31",
        evidence: [],
      },
      by,
    );
  }
  const recorded = await loadRecordFigures(t.db, { unit: "P1.01", ...PERIOD });
  assert.ok(recorded["1.1.1"] !== undefined, "the records count the plan's tasks");
  const { sheet } = await computeSheet(t.db, units, { unit: "P1.01", ...PERIOD });
  const row = sheet.rows.find((r) => r.code === "1.1.1")!;
  assert.deepEqual([row.value, row.source], [recorded["1.1.1"], "records"], "records win over the hand entry of 38");
  for (const [code, value] of Object.entries(recorded)) {
    const r = sheet.rows.find((x) => x.code === code);
    if (r) assert.deepEqual([r.value, r.source], [value, "records"], code);
  }
});
