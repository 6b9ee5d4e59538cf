import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { exportDossierLines } from "./dossier-export.ts";
import { importDossierLines, type Rejection } from "./dossier-import.ts";
import { UnitDirectory } from "./units.ts";

let t: TestDatabase;
let units: UnitDirectory;
before(async () => {
  t = await createTestDatabase();
  await seedTestUnits(t);
  units = new UnitDirectory(t.db);
});
after(async () => t.drop());

const PROC = {
  code: "1.001009",
  name: "Chứng thực bản sao từ bản chính",
  field: "Chứng thực",
  level: "commune",
  limit: "same day",
};
const line = (code: string, receivedAt: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    code,
    unit: { code: "P1.01" },
    procedure: PROC,
    channel: "direct",
    receivedAt,
    events: [],
    ...extra,
  });
const day = (n: number) => `2026-03-${String(n).padStart(2, "0")}`;
const lines = Array.from({ length: 30 }, (_, i) =>
  line(
    `P1.01-2603${String(2 + (i % 3)).padStart(2, "0")}-${String(i + 1).padStart(4, "0")}`,
    `${day(2 + (i % 3))}T09:00:00+07:00`,
    {
      events: [{ type: "resolved", at: `${day(2 + (i % 3))}T10:00:00+07:00` }],
    },
  ),
);

async function run(input: string[], createMissing = true, batchSize = 7, onProgress?: (n: number) => void) {
  const rejected: Rejection[] = [];
  const summary = await importDossierLines(t, units, input, {
    createMissing,
    batchSize,
    onReject: (r) => rejected.push(r),
    onProgress,
  });
  return { summary, rejected };
}

test("an import interrupted half-way and re-run finishes the job without duplicates", async () => {
  await assert.rejects(
    run(lines, true, 7, (read) => {
      if (read >= 14) throw new Error("power cut");
    }),
    /power cut/,
  );
  const stored = await t.db
    .selectFrom("dossiers")
    .select(({ fn }) => fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  assert.equal(Number(stored.n), 14, "the two committed batches survive, nothing of the third");
  const { summary } = await run(lines);
  assert.deepEqual(summary, { read: 30, imported: 16, unchanged: 14, rejected: 0 });
  const { summary: again } = await run(lines);
  assert.deepEqual(again, { read: 30, imported: 0, unchanged: 30, rejected: 0 });
});

test("bad lines are rejected with their line number and reason; the others are imported", async () => {
  const input = [
    line("P1.01-260310-0001", "2026-03-10T09:00:00+07:00"),
    "{ not json",
    line("P1.01-260310-0002", "2026-03-10T09:00:00"), // no offset
    line("P1.01-260310-0003", "2026-03-10T09:00:00+07:00", { unit: { code: "P1.99" } }), // code of another unit
    JSON.stringify({
      ...JSON.parse(line("P9.01-260310-0001", "2026-03-10T09:00:00+07:00")),
      unit: { code: "P9.01", parent: "P9" },
    }),
    line("P1.01-260310-0004", "2026-03-10T09:00:00+07:00", {
      events: [{ type: "refused", at: "2026-03-10T09:30:00+07:00", reason: "x" }],
    }),
  ];
  const { summary, rejected } = await run(input, false);
  assert.deepEqual(summary, { read: 6, imported: 1, unchanged: 0, rejected: 5 });
  assert.deepEqual(rejected.map((r) => [r.line, r.reason]).sort(), [
    [2, "invalid-json"],
    [3, "instant-without-offset"],
    [4, "code-unit-mismatch"],
    [5, "unknown-unit"],
    [6, "refused-after-receipt"],
  ]);
  const ghost = await t.db.selectFrom("units").select("code").where("code", "in", ["P9", "P9.01"]).execute();
  assert.equal(ghost.length, 0, "a rejected line stores nothing, not even its units");
});

test("--create-missing makes placeholder units and procedures; a changed line is a conflict", async () => {
  const input = [
    JSON.stringify({
      code: "Q7.01-260311-0001",
      unit: { code: "Q7.01", name: "Xã Mới", parent: "Q7" },
      procedure: { code: "9.999999", name: "Thủ tục thử", field: "Hộ tịch", limit: "3 working days" },
      channel: "postal",
      receivedAt: "2026-03-11T09:00:00+07:00",
      events: [{ type: "transferred", at: "2026-03-11T10:00:00+07:00", toUnit: "AGENCY-X" }],
    }),
  ];
  const { summary } = await run(input, true);
  assert.equal(summary.imported, 1);
  const created = await t.db
    .selectFrom("units")
    .select(["code", "placeholder", "province_code"])
    .where("code", "in", ["Q7", "Q7.01", "AGENCY-X"])
    .orderBy("code")
    .execute();
  assert.deepEqual(
    created.map((u) => [u.code, u.placeholder, u.province_code]),
    [
      ["AGENCY-X", true, "AGENCY-X"],
      ["Q7", true, "Q7"],
      ["Q7.01", false, "Q7"],
    ],
  );
  const row = await t.db
    .selectFrom("dossiers")
    .selectAll()
    .where("code", "=", "Q7.01-260311-0001")
    .executeTakeFirstOrThrow();
  assert.equal(
    row.due_at?.toISOString(),
    new Date("2026-03-16T09:00:00+07:00").toISOString(),
    "dueAt computed: 3 working days",
  );
  assert.equal(row.province_code, "Q7");
  const changed = input[0]!.replace('"postal"', '"direct"');
  const { summary: conflict, rejected } = await run([changed], true);
  assert.equal(conflict.rejected, 1);
  assert.equal(rejected[0]!.reason, "conflict");
});

test("export writes what import reads: re-importing the export changes nothing", async () => {
  const exported: string[] = [];
  for await (const text of exportDossierLines(t, units, {})) exported.push(text);
  assert.ok(exported.length >= 32);
  const { summary, rejected } = await run(exported, false);
  assert.deepEqual(rejected, []);
  assert.deepEqual(summary, { read: exported.length, imported: 0, unchanged: exported.length, rejected: 0 });
  const march3: string[] = [];
  for await (const text of exportDossierLines(t, units, { unit: "P1", from: "2026-03-03", to: "2026-03-03" }))
    march3.push(text);
  assert.equal(march3.length, 10);
  assert.ok(march3.every((text) => JSON.parse(text).receivedAt.startsWith("2026-03-03")));
});

test("live intake continues after the highest imported sequence of the day", async () => {
  const row = await t.db
    .selectFrom("dossier_sequences")
    .select("last")
    .where("unit_code", "=", "P1.01")
    .where("day", "=", "2026-03-04")
    .executeTakeFirstOrThrow();
  assert.equal(row.last, 30);
});
