import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { TestDatabase } from "../testing.ts";
import type { TimeLimit } from "../../calendar/index.ts";
import type { DossierCommand } from "../../dossier/commands.ts";
import type { Actor } from "../../dossier/status.ts";
import { exportDossierLines, exportRecordOf } from "./dossier-export.ts";
import { eventFromRow } from "./dossier-store.ts";
import { type IntakeInput, intake } from "./dossiers/intake.ts";
import { executeCommand, type ServiceContext } from "./dossiers/service.ts";
import { importTestDatabase, line, runImport } from "./dossier-import.testing.ts";
import type { UnitDirectory } from "./units.ts";

let t: TestDatabase;
let units: UnitDirectory;
const clock = { now: new Date("2026-03-04T14:00:00+07:00") };
let service: ServiceContext;
before(async () => {
  ({ t, units } = await importTestDatabase());
  service = { db: t.db, units, now: () => clock.now };
});
after(async () => t.drop());

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

const run = (input: string[], createMissing = true, batchSize = 7, onProgress?: (n: number) => void) =>
  runImport(t, units, input, { createMissing, batchSize, onProgress });

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

const FRONT: Actor = { id: "1", role: "front_desk", unit: "P1.02" };
const OFFICER: Actor = { id: "2", role: "officer", unit: "P1.02" };
const APPLICANT = {
  kind: "person" as const,
  name: "Trần Thị Bích",
  idNumber: "046190001234",
  phone: "0905 123 456",
  address: "Xã An Hòa",
};

async function liveIntake(unitCode: string, mode: IntakeInput["mode"] = "receive", reason?: string) {
  const outcome = await intake(
    service,
    { ...FRONT, unit: unitCode },
    {
      mode,
      unitCode,
      procedureCode: "1.001009",
      channel: "direct",
      applicant: APPLICANT,
      components: ["Bản chính"],
      ...(reason ? { reason } : {}),
    },
  );
  return outcome.row;
}

async function command(code: string, actor: Actor, cmd: DossierCommand<TimeLimit>, at: string) {
  clock.now = new Date(at);
  const current = await t.db
    .selectFrom("dossiers")
    .select("revision")
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return executeCommand(service, code, cmd, { revision: current.revision, authorize: () => actor });
}

test("live intake continues after the highest imported sequence of the day", async () => {
  const imported = await t.db
    .selectFrom("dossiers")
    .select("code")
    .where("unit_code", "=", "P1.01")
    .where("code", "like", "P1.01-260304-%")
    .execute();
  assert.equal(imported.length, 10);
  clock.now = new Date("2026-03-04T14:00:00+07:00");
  const row = await liveIntake("P1.01");
  assert.equal(row.code, "P1.01-260304-0031", "the next number after the highest imported one (0030)");
  assert.ok(!imported.some((d) => d.code === row.code));
  const next = await liveIntake("P1.01");
  assert.equal(next.code, "P1.01-260304-0032");
  const sequence = await t.db
    .selectFrom("dossier_sequences")
    .select("last")
    .where("unit_code", "=", "P1.01")
    .where("day", "=", "2026-03-04")
    .executeTakeFirstOrThrow();
  assert.equal(sequence.last, 32);
});

/** A supplement asked and received, processing, an extension with an apology, the result and its return. */
async function fullLife(code: string) {
  await command(code, FRONT, { action: "request_supplement", missing: ["Bản chính"] }, "2026-03-10T09:00:00+07:00");
  await command(code, FRONT, { action: "receive_supplement" }, "2026-03-11T08:30:00+07:00");
  await command(code, OFFICER, { action: "start_processing" }, "2026-03-11T09:00:00+07:00");
  await command(
    code,
    OFFICER,
    {
      action: "extend",
      dueAt: new Date("2026-03-20T17:00:00+07:00"),
      apology: { record: "Thư xin lỗi số 3" },
      reason: "Cần xác minh thêm",
    },
    "2026-03-12T09:00:00+07:00",
  );
  await command(code, OFFICER, { action: "resolve", result: { record: "Bản sao số 12" } }, "2026-03-13T09:00:00+07:00");
  await command(
    code,
    FRONT,
    { action: "return", via: "direct", handover: { record: "Ký sổ số 12" } },
    "2026-03-13T10:00:00+07:00",
  );
}

test("live dossiers, and imported ones that got events since, re-import from their export as unchanged", async () => {
  clock.now = new Date("2026-03-10T08:00:00+07:00");
  // live: a plain receipt, a refusal at the counter, a full life with a supplement, an extension and a return
  const plain = await liveIntake("P1.02");
  const refused = await liveIntake("P1.02", "refuse", "Thiếu bản chính để đối chiếu");
  const full = await liveIntake("P1.02");
  const withdrawn = await liveIntake("P1.02");
  await fullLife(full.code);
  await command(
    withdrawn.code,
    FRONT,
    { action: "withdraw", reason: "Người nộp rút hồ sơ" },
    "2026-03-10T10:00:00+07:00",
  );
  // imported, still open, then processed live: its stored hash is the original line's
  const openLine = line("P1.01-260305-0001", "2026-03-05T09:00:00+07:00", { dueAt: "2026-03-09T17:00:00+07:00" });
  assert.equal((await run([openLine], false)).summary.imported, 1);
  await command(
    "P1.01-260305-0001",
    { ...OFFICER, unit: "P1.01" },
    { action: "resolve", result: { record: "Đã giải quyết" } },
    "2026-03-06T09:00:00+07:00",
  );
  const live = [plain.code, refused.code, full.code, withdrawn.code];
  const stored = await t.db.selectFrom("dossiers").select(["code", "content_hash"]).where("code", "in", live).execute();
  assert.ok(
    stored.every((d) => d.content_hash === null),
    "live intake stores no content hash",
  );

  const exported: string[] = [];
  for await (const text of exportDossierLines(t, units, {})) exported.push(text);
  for (const code of [...live, "P1.01-260305-0001"]) {
    assert.ok(
      exported.some((text) => JSON.parse(text).code === code),
      `${code} is exported`,
    );
  }
  const { summary, rejected } = await run(exported, false);
  assert.deepEqual(rejected, []);
  assert.deepEqual(summary, { read: exported.length, imported: 0, unchanged: exported.length, rejected: 0 });

  // one field changed in a line → a conflict, naming what differs; the stored dossier is untouched
  const fullLine = exported.find((text) => JSON.parse(text).code === full.code)!;
  const changed = JSON.stringify({ ...JSON.parse(fullLine), channel: "postal" });
  const refusedLine = exported.find((text) => JSON.parse(text).code === refused.code)!;
  const otherReason = JSON.stringify({
    ...JSON.parse(refusedLine),
    events: [{ ...JSON.parse(refusedLine).events[0], reason: "Lý do khác" }],
  });
  const resolvedLater = exported.find((text) => JSON.parse(text).code === "P1.01-260305-0001")!;
  const conflicts = await run([changed, otherReason, openLine, resolvedLater], false);
  assert.deepEqual(
    conflicts.rejected.map((r) => [r.line, r.reason]),
    [
      [1, "conflict"],
      [2, "conflict"],
    ],
  );
  assert.match(conflicts.rejected[0]!.message, /channel/);
  assert.match(conflicts.rejected[1]!.message, /events\[0\]/);
  assert.deepEqual(conflicts.summary, { read: 4, imported: 0, unchanged: 2, rejected: 2 });
  const row = await t.db
    .selectFrom("dossiers")
    .select("channel")
    .where("code", "=", full.code)
    .executeTakeFirstOrThrow();
  assert.equal(row.channel, "direct");
});

test("the exported digitized flag is the index's: a live dossier's components and its result, an import's own flag", async () => {
  const plain = await liveIntake("P1.02");
  const row = await t.db.selectFrom("dossiers").selectAll().where("code", "=", plain.code).executeTakeFirstOrThrow();
  const log = (
    await t.db.selectFrom("dossier_events").selectAll().where("dossier_code", "=", plain.code).execute()
  ).map(eventFromRow);
  const flag = (overrides: Partial<typeof row>) => exportRecordOf({ ...row, ...overrides }, log, units)?.digitized;
  assert.equal(flag({ digitized: true, result_digitized: null, source: "live" }), false, "result not digitized yet");
  assert.equal(flag({ digitized: true, result_digitized: false, source: "live" }), false);
  assert.equal(flag({ digitized: true, result_digitized: true, source: "live" }), true);
  assert.equal(flag({ digitized: false, result_digitized: true, source: "live" }), false, "components on paper");
  assert.equal(flag({ digitized: true, result_digitized: null, source: "import" }), true, "the line's own flag");
});
