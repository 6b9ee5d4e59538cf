// The counted 766 indicators (migrations 0017, 0020) while dossiers are acted on through the store's own path
// (appendEvents: the projection row rewritten, then the events appended, in one transaction): after each kind of
// step — supplement requested, answered, asked again, resolved, returned, stopped, declined, transferred — the
// counters equal their recomputation and the figures equal the pure fold over the logs, for fixed and random
// periods and scopes, on both engines.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { generateDemo } from "../../demo/generate.ts";
import type { LifecycleEvent } from "../../dossier/events.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { exportProcedures, seedReferenceData } from "./catalog.ts";
import { appendEvents, headerOf, insertWithNextCode, loadDossier } from "./dossier-store.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { compareWithFold, countersDiffer, dayAfter2024 } from "./reports-quality-counts.testing.ts";
import { UnitDirectory, unitFromRow } from "./units.ts";

let database: TestDatabase;
let directory: UnitDirectory;
/** Open received dossiers without requests, in code order: the subjects of the steps. */
let open: { province: string; code: string; unit: string }[] = [];
const DAY = 86_400_000;

before(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  const units = (await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute()).map(
    unitFromRow,
  );
  const demo = generateDemo({
    seed: 5,
    today: new Date("2026-03-02T17:00:00+07:00"),
    units,
    procedures: await exportProcedures(database.db),
    dossiers: 500,
  });
  // 30 received dossiers cut back to their intake (open again), with codes of their own
  const keep = new Set(["submitted", "received", "accepted", "assigned", "processing_started"]);
  const cut = demo.records.filter((r) => r.receivedAt && r.dueAt).slice(0, 30);
  for (const [n, r] of cut.entries())
    demo.records.push({
      ...r,
      code: `${r.code.slice(0, -4)}${9900 + n}`,
      events: r.events.filter((e) => keep.has(e.type)),
    });
  directory = new UnitDirectory(database.db);
  await directory.refresh();
  const summary = await importDossierRecords(database, directory, demo.records, {
    createMissing: false,
    batchSize: 200,
    onReject: (r) => {
      throw new Error(`${r.reason}: ${r.message}`);
    },
  });
  assert.equal(summary.imported, demo.records.length);
  const { rows } = await database.pool.query(`select province_code, code, unit_code from dossiers
    where end_at is null and received_at is not null and due_at is not null and supplement_requests = 0
    order by code limit 24`);
  open = rows.map((r) => ({ province: r.province_code, code: r.code, unit: r.unit_code }));
  assert.equal(open.length, 24, "open dossiers to act on");
});
after(async () => database.drop());

/** Appends one event `days` after the dossier's last one, through the store (projection, then the event). */
async function act(
  subject: (typeof open)[number],
  days: number,
  type: LifecycleEvent["type"],
  toState: string,
  payload: unknown,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const loaded = (await loadDossier(trx, subject.province, subject.code, true))!;
    const last = loaded.log.at(-1)!.at.getTime();
    const event = {
      type,
      at: new Date(last + days * DAY),
      actor: { id: "1", role: "officer", unit: subject.unit },
      fromState: loaded.row.state,
      toState,
      attachments: [],
      payload,
    } as unknown as LifecycleEvent;
    await appendEvents(trx, headerOf(loaded.row), loaded.log, loaded.row.revision, [event]);
  });
}

/** The counters equal their recomputation, and the figures the pure fold, for fixed and random periods. */
async function checkAll(step: string): Promise<void> {
  try {
    await checkFigures(step);
  } catch (error) {
    if (error instanceof assert.AssertionError) error.message = `${step}: ${error.message}`;
    throw error;
  }
}

async function checkFigures(step: string): Promise<void> {
  assert.deepEqual(await countersDiffer(database), [], step);
  const units = [...new Set(open.map((o) => o.unit))];
  const province = directory.provinceOf(units[0]!)!;
  let handled = 0;
  for (const period of [
    { from: "2025-01-01", to: "2026-12-31" },
    { from: "2026-01-01", to: "2026-06-30" },
    { from: "2026-03-01", to: "2026-03-31" },
  ])
    for (const scope of [undefined, directory.subtree(province), [units[0]!]])
      handled += await compareWithFold(database, period, scope, 4);
  assert.ok(handled > 0, step);
  const day = fc.integer({ min: 600, max: 1000 }).map(dayAfter2024);
  await fc.assert(
    fc.asyncProperty(day, day, fc.subarray(units, { minLength: 1 }), async (a, b, scope) => {
      await compareWithFold(database, a <= b ? { from: a, to: b } : { from: b, to: a }, scope, 3);
    }),
    { numRuns: 6, seed: 3 },
  );
}

test("every kind of step keeps the counted figures equal to the fold", async () => {
  await checkAll("after the import");
  const subjects = (from: number, to: number) => open.slice(from, to);
  const record = { result: { record: "Sổ theo dõi số 1" } };
  for (const s of subjects(0, 20))
    await act(s, 1, "supplement_requested", "awaiting_supplement", { missing: ["Tờ khai"], clockPaused: true });
  await checkAll("supplement requested");
  for (const [i, s] of subjects(0, 12).entries())
    await act(s, i % 3, "supplement_received", "processing", { dueAt: new Date(Date.now() + 30 * DAY) });
  await checkAll("supplement received");
  for (const s of subjects(0, 5))
    await act(s, 2, "supplement_requested", "awaiting_supplement", { missing: ["Bản sao"], clockPaused: true });
  await checkAll("asked again");
  for (const s of [...subjects(0, 2), ...subjects(6, 9), ...subjects(12, 14), ...subjects(20, 22)])
    await act(s, 5, "resolved", "resolved", record);
  await checkAll("resolved");
  for (const s of [...subjects(6, 8), ...subjects(20, 21)])
    await act(s, 1, "returned", "returned", { via: "counter", handover: { record: "Ký nhận" } });
  await checkAll("returned");
  for (const s of [...subjects(14, 16), open[2]!]) await act(s, 10, "stopped", "stopped", {});
  await act(open[16]!, 3, "declined", "declined", { reason: "Không đủ điều kiện" });
  await checkAll("stopped and declined");
  const other = [...new Set(open.map((o) => o.unit))].find((u) => u !== open[17]!.unit) ?? open[17]!.unit;
  for (const s of subjects(17, 20)) await act(s, 1, "transferred", "processing", { toUnit: other });
  await checkAll("transferred");
});

test("online submissions asked for a supplement before receipt (the intake round-trip), then after it", async () => {
  const { rows } = await database.pool.query(
    "select * from dossiers where channel = 'online_full' and received_at is not null order by code limit 1",
  );
  const header = { ...headerOf(rows[0]), source: "live" as const };
  const unit = header.unitCode;
  const submitted: (typeof open)[number][] = [];
  for (let n = 0; n < 6; n++) {
    const at = new Date(Date.parse("2026-02-02T09:00:00+07:00") + n * 1.5 * DAY);
    const log = [
      {
        type: "submitted",
        at,
        actor: { id: "", role: "citizen", unit: "" },
        fromState: "initial",
        toState: "submitted",
        attachments: [],
        payload: { channel: "online_full", unit },
      },
    ] as unknown as LifecycleEvent[];
    const row = await insertWithNextCode(database.db, header, at, log);
    submitted.push({ province: row!.province_code, code: row!.code, unit });
  }
  for (const [i, s] of submitted.entries()) {
    await act(s, 0.1, "supplement_requested", "awaiting_supplement", { missing: ["Tờ khai"], clockPaused: false });
    await act(s, 1 + i, "supplement_received", "submitted", { dueAt: null });
    await act(s, 0.2, "accepted", "received", { receiptNo: s.code, dueAt: new Date(Date.now() - 200 * DAY) });
  }
  await checkAll("received after a supplement before receipt");
  for (const s of submitted.slice(0, 4))
    await act(s, 1, "supplement_requested", "awaiting_supplement", { missing: ["Bản sao"], clockPaused: true });
  await checkAll("asked again after receipt");
  for (const s of submitted.slice(0, 2)) await act(s, 2, "supplement_received", "processing", { dueAt: null });
  for (const s of [submitted[0]!, submitted[4]!])
    await act(s, 3, "resolved", "resolved", { result: { record: "Số 2" } });
  await checkAll("answered and resolved");
  const { rows: members } = await database.pool.query(
    "select count(*)::int as n from dossiers where code = any($1) and supplement_requests > 0",
    [submitted.map((s) => s.code)],
  );
  assert.equal(members[0].n, 4, "only the requests after receipt make a request dossier");
});
