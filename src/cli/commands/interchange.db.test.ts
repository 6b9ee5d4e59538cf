// `motcua import` / `motcua export` on a test database of either engine, in process through runCli
// (src/cli/testing.ts): the CONTRACTS.md §1 contract — one JSON summary line on stdout, each rejected line on
// stderr with its line number and reason, exit 0 / 1 / 2, and the export's filters.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Procedure } from "../../catalog/procedure.ts";
import { createProcedureVersion } from "../../db/repos/catalog.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { runCli } from "../testing.ts";

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "motcua-interchange-"));

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  await createProcedureVersion(
    database.db,
    Procedure.parse({
      code: "1.001009",
      name: "Chứng thực bản sao từ bản chính",
      field: "Chứng thực",
      level: "commune",
      agency: "UBND cấp xã",
      timeLimit: { value: 1, unit: "working_days" },
      onlineLevel: "none",
      effectiveFrom: "2020-01-01",
    }),
  );
  await database.close(); // one process at a time on an embedded directory: the CLI opens it next
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** `motcua …` on the test database, in this process (runCli: what the binary prints, its exit code). */
function motcua(...args: string[]) {
  const postgres = testEngine === "postgres";
  const data = postgres ? [] : ["--data", database.target];
  return runCli([...args, ...data], {
    env: { DATABASE_URL: postgres ? database.target : undefined, MOTCUA_DATA: undefined },
  });
}

const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

const PROC = { code: "1.001009", name: "Chứng thực bản sao từ bản chính", field: "Chứng thực", limit: "same day" };
const dossier = (code: string, unit: string, receivedAt: string | null, events: unknown[] = []) =>
  JSON.stringify({
    code,
    unit: { code: unit },
    procedure: PROC,
    channel: "direct",
    receivedAt,
    events,
  });

const GOOD = [
  // 23:30 local on 2 March, 00:30 local on 3 March (still 2 March in UTC), 17:00 local on 3 March (10:00 UTC)
  dossier("P1.01-260302-0001", "P1.01", "2026-03-02T23:30:00+07:00"),
  dossier("P1.01-260303-0001", "P1.01", "2026-03-03T00:30:00+07:00"),
  dossier("P1.02-260303-0001", "P1.02", "2026-03-03T17:00:00+07:00", [
    { type: "resolved", at: "2026-03-04T08:00:00+07:00" },
  ]),
  // refused at intake: dated by the refusal (3 March local, 2 March UTC)
  dossier("P1.01-260303-0002", "P1.01", null, [
    { type: "refused", at: "2026-03-03T06:45:00+07:00", reason: "Không đủ thành phần hồ sơ" },
  ]),
  dossier("P2.01-260304-0001", "P2.01", "2026-03-04T09:00:00+07:00"),
];

const summaryOf = (stdout: string) => {
  const lines = stdout.split("\n").filter(Boolean);
  assert.equal(lines.length, 1, `one summary line on stdout: ${stdout}`);
  return JSON.parse(lines[0]!);
};

test("import: one JSON summary line; exit 1 with each rejected line on stderr; nothing of it stored", async () => {
  const path = file("mixed.jsonl", [
    GOOD[0]!,
    "{ not json",
    dossier("P1.01-260302-0002", "P1.01", "2026-03-02T09:00:00"),
    "",
    dossier("P9.01-260302-0001", "P9.01", "2026-03-02T09:00:00+07:00"),
  ]);
  const run = await motcua("import", path);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(summaryOf(run.stdout), { read: 4, imported: 1, unchanged: 0, rejected: 3 });
  const rejected = run.stderr.split("\n").filter((l) => l.startsWith("line "));
  assert.deepEqual(
    rejected.map((l) => l.split(":").slice(0, 2).join(":")),
    ["line 2: invalid-json", "line 3: instant-without-offset", "line 5: unknown-unit"],
  );
  assert.match(rejected[2]!, /P9\.01/);
  // not a terminal: no bar, one plain final line
  assert.match(run.stderr, /^nhập hồ sơ: 4 dòng trong .* dòng\/giây\)$/m);
  assert.ok(!run.stderr.includes("\r"));
});

test("import: the rest of the file, then the same file again: exit 0, unchanged", async () => {
  const path = file("good.jsonl", GOOD);
  const first = await motcua("import", path);
  assert.equal(first.status, 0, first.stderr);
  assert.deepEqual(summaryOf(first.stdout), { read: 5, imported: 4, unchanged: 1, rejected: 0 });
  const again = await motcua("import", path);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(summaryOf(again.stdout), { read: 5, imported: 0, unchanged: 5, rejected: 0 });
  const changed = file("changed.jsonl", [GOOD[1]!.replace('"direct"', '"postal"')]);
  const conflict = await motcua("import", changed);
  assert.equal(conflict.status, 1);
  assert.match(conflict.stderr, /^line 1: conflict: .*channel/m);
});

test("import: unknown option, missing or unreadable file, no file: exit 2", async () => {
  const good = file("one.jsonl", [GOOD[0]!]);
  for (const args of [
    ["import", "--frobnicate", good],
    ["import", join(dir, "missing.jsonl")],
    ["import"],
    ["import", good, good],
  ]) {
    const run = await motcua(...args);
    assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /motcua import: /);
  }
  const folder = join(dir, "a-folder.jsonl");
  mkdirSync(folder);
  const run = await motcua("import", folder);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /không đọc được/);
});

const codesIn = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l).code);

test("export: --from/--to on the local date of receivedAt (of the refusal when refused), --unit", async () => {
  const all = join(dir, "all.jsonl");
  const run = await motcua("export", all);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, "");
  assert.deepEqual(codesIn(all), [
    "P1.01-260302-0001",
    "P1.01-260303-0001",
    "P1.01-260303-0002",
    "P1.02-260303-0001",
    "P2.01-260304-0001",
  ]);
  const march3 = join(dir, "march3.jsonl");
  assert.equal((await motcua("export", "--from", "2026-03-03", "--to", "2026-03-03", march3)).status, 0);
  assert.deepEqual(codesIn(march3), ["P1.01-260303-0001", "P1.01-260303-0002", "P1.02-260303-0001"]);
  const march2 = join(dir, "march2.jsonl");
  assert.equal((await motcua("export", "--to", "2026-03-02", march2)).status, 0);
  assert.deepEqual(codesIn(march2), ["P1.01-260302-0001"]);
  const unit = join(dir, "unit.jsonl");
  assert.equal((await motcua("export", "--unit", "P1.01", "--from", "2026-03-03", unit)).status, 0);
  assert.deepEqual(codesIn(unit), ["P1.01-260303-0001", "P1.01-260303-0002"]);
  const province = join(dir, "province.jsonl");
  assert.equal((await motcua("export", "--unit", "P1", province)).status, 0);
  assert.equal(codesIn(province).length, 4);
  // what export writes, import reads back unchanged
  const back = await motcua("import", all);
  assert.equal(back.status, 0, back.stderr);
  assert.deepEqual(summaryOf(back.stdout), { read: 5, imported: 0, unchanged: 5, rejected: 0 });
});

test("export: unknown unit, bad dates, unknown option, unwritable file: exit 2", async () => {
  const out = join(dir, "x.jsonl");
  for (const args of [
    ["export", "--unit", "P9", out],
    ["export", "--from", "3/3/2026", out],
    ["export", "--from", "2026-03-05", "--to", "2026-03-01", out],
    ["export", "--frobnicate", out],
    ["export"],
    ["export", join(dir, "no-such-dir", "x.jsonl")],
  ]) {
    const run = await motcua(...args);
    assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.match(run.stderr, /motcua export: /);
  }
});

test("declined (trả lại hồ sơ): import → export round trip, the report counts it; declined with resolved is rejected", async () => {
  const REASON = "Không đủ điều kiện giải quyết: bản chính không hợp lệ";
  const declined = dossier("P2.01-260310-0001", "P2.01", "2026-03-10T09:00:00+07:00", [
    { type: "declined", at: "2026-03-11T10:00:00+07:00", reason: REASON },
    { type: "returned", at: "2026-03-12T09:00:00+07:00", via: "direct" },
  ]);
  const path = file("declined.jsonl", [
    declined,
    dossier("P2.01-260310-0002", "P2.01", "2026-03-10T09:30:00+07:00", [
      { type: "declined", at: "2026-03-10T10:00:00+07:00", reason: REASON },
      { type: "resolved", at: "2026-03-10T11:00:00+07:00" },
    ]),
    dossier("P2.01-260310-0003", "P2.01", "2026-03-10T09:45:00+07:00", [
      { type: "declined", at: "2026-03-10T10:00:00+07:00", reason: REASON },
      { type: "stopped", at: "2026-03-10T11:00:00+07:00" },
    ]),
    dossier("P2.01-260310-0004", "P2.01", "2026-03-10T09:50:00+07:00", [
      { type: "declined", at: "2026-03-10T10:00:00+07:00" },
    ]),
  ]);
  const run = await motcua("import", path);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(summaryOf(run.stdout), { read: 4, imported: 1, unchanged: 0, rejected: 3 });
  assert.deepEqual(
    run.stderr
      .split("\n")
      .filter((l) => l.startsWith("line "))
      .map((l) => l.split(":").slice(0, 2).join(":")),
    ["line 2: declined-and-resolved", "line 3: event-after-end", "line 4: reason-required"],
  );
  const out = join(dir, "declined-out.jsonl");
  const exported = await motcua("export", "--unit", "P2.01", "--from", "2026-03-10", out);
  assert.equal(exported.status, 0, exported.stderr);
  const lines = readFileSync(out, "utf8").split("\n").filter(Boolean);
  assert.equal(lines.length, 1);
  assert.deepEqual(JSON.parse(lines[0]!).events, [
    { type: "declined", at: "2026-03-11T10:00:00+07:00", reason: REASON },
    { type: "returned", at: "2026-03-12T09:00:00+07:00", via: "direct" },
  ]);
  const back = await motcua("import", out);
  assert.equal(back.status, 0, back.stderr);
  assert.deepEqual(summaryOf(back.stdout), { read: 1, imported: 0, unchanged: 1, rejected: 0 });
  // same day: due 10 March 17:00, declined the next day → late, and counted in declined
  const report = await motcua("report", "results", "--unit", "P2.01", "--from", "2026-03-10", "--to", "2026-03-31");
  assert.equal(report.status, 0, report.stderr);
  const total = JSON.parse(report.stdout).total;
  assert.deepEqual([total.received, total.finishedLate, total.declined], [1, 1, 1]);
});
