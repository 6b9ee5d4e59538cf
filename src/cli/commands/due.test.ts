// Runs the command line (CONTRACTS.md §1, §5) in process: runCli (src/cli/testing.ts) calls main() as
// bin/motcua.js does and returns what it prints and its exit code (src/cli/testing.test.ts compares it with the
// binary byte for byte).
import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../testing.ts";

// An unusable data directory proves the commands never open a database.
const motcua = (...args: string[]) =>
  runCli(args, { env: { MOTCUA_DATA: "/nonexistent/motcua", DATABASE_URL: undefined } });

test("motcua due prints the three appointments of CONTRACTS.md §5", async () => {
  const cases: [string[], string][] = [
    [["--received", "2026-03-02T09:00:00+07:00", "--limit", "3 working days"], "2026-03-05T09:00:00+07:00"],
    [["--received", "2026-03-02T12:00:00+07:00", "--limit", "1 working day"], "2026-03-03T11:30:00+07:00"],
    [
      ["--received", "2026-03-02T15:30:00+07:00", "--limit", "same day", "--cutoff", "15:00"],
      "2026-03-03T17:00:00+07:00",
    ],
    [["--received", "2026-03-02T02:00:00Z", "--limit", "0,5 Working Days"], "2026-03-02T14:45:00+07:00"],
  ];
  for (const [args, expected] of cases) {
    const run = await motcua("due", ...args);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${expected}\n`);
  }
});

test("motcua due reads Vietnamese limits as the English ones", async () => {
  const at = "2026-03-02T09:00:00+07:00";
  const pairs: [string, string, string][] = [
    ["3 ngày làm việc", "3 working days", "2026-03-05T09:00:00+07:00"],
    ["4 giờ làm việc", "4 working hours", "2026-03-02T15:00:00+07:00"],
    ["15 ngày", "15 calendar days", "2026-03-17T17:00:00+07:00"],
    ["2 ngày theo lịch", "2 calendar days", "2026-03-04T17:00:00+07:00"],
    ["trong ngày", "same day", "2026-03-02T17:00:00+07:00"],
  ];
  for (const [vi, en, expected] of pairs) {
    const a = await motcua("due", "--received", at, "--limit", vi);
    const b = await motcua("due", "--received", at, "--limit", en);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(a.stdout, `${expected}\n`, vi);
    assert.equal(b.stdout, a.stdout, en);
  }
  const late = await motcua(
    "due",
    "--received",
    "2026-03-02T15:30:00+07:00",
    "--limit",
    "trong ngày",
    "--cutoff",
    "15:00",
  );
  assert.equal(late.stdout, "2026-03-03T17:00:00+07:00\n");
});

test("--help of due, holidays and check: usage and bilingual examples on stdout, exit 0, no database", async () => {
  for (const [command, ...args] of [
    ["due", "--help"],
    ["holidays", "-h"],
    ["check", "--help"],
    ["report", "--help"],
  ]) {
    const run = await motcua(command!, ...args);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "");
    assert.match(run.stdout, /^Usage: motcua /);
    assert.match(run.stdout, /Ví dụ \/ Examples:\n {2}# .+ \/ .+\n {2}motcua /);
  }
  assert.match((await motcua("due", "--help")).stdout, /"3 ngày làm việc" += "3 working days"/);
});

test("motcua due exits 2 on bad input", async () => {
  for (const args of [
    ["--received", "2026-03-02 09:00", "--limit", "1 working day"],
    ["--received", "2026-03-02T09:00:00+07:00", "--limit", "soon"],
    ["--received", "2026-03-02T09:00:00+07:00"],
    ["--received", "2026-03-02T09:00:00+07:00", "--limit", "same day", "--cutoff", "3pm"],
    ["--bogus"],
  ]) {
    const run = await motcua("due", ...args);
    assert.equal(run.status, 2, args.join(" "));
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /motcua due: /);
  }
});

test("motcua holidays prints the year's JSON", async () => {
  const run = await motcua("holidays", "2025");
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.year, 2025);
  assert.deepEqual(out.workingSaturdays, ["2025-04-26"]);
  assert.ok(out.daysOff.includes("2025-05-02"));
  assert.deepEqual(out.daysOff, [...out.daysOff].sort());
  assert.equal(JSON.parse((await motcua("holidays", "1900")).stdout).daysOff[0], "1900-01-01");
});

test("motcua holidays --format table: dates, weekdays and names; JSON stays the default", async () => {
  const run = await motcua("holidays", "2026", "--format", "table");
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split("\n");
  assert.match(lines[0]!, /^Năm 2026: 13 ngày nghỉ/);
  assert.ok(
    lines.some((l) => /^17\/02\/2026 +Thứ Ba +Nghỉ +Tết Âm lịch \(mùng 1\)$/.test(l)),
    run.stdout,
  );
  assert.ok(lines.some((l) => /^27\/04\/2026 +Thứ Hai +Nghỉ +Nghỉ bù Giỗ Tổ Hùng Vương/.test(l)));
  assert.ok(lines.some((l) => /^22\/08\/2026 +Thứ Bảy +Làm việc +Làm việc bù/.test(l)));
  assert.match(run.stdout, /Căn cứ:\n {2}.*12729\/VPCP-KGVX/);
  // Every date of the JSON is a row of the table, in the same order.
  const json = JSON.parse((await motcua("holidays", "2026")).stdout);
  const dates = [...json.daysOff, ...json.workingSaturdays].sort().map((d: string) => d.split("-").reverse().join("/"));
  assert.deepEqual(
    lines.filter((l) => /^\d{2}\/\d{2}\/\d{4} /.test(l)).map((l) => l.slice(0, 10)),
    dates,
  );
  const law = await motcua("holidays", "2040", "--format", "table");
  assert.match(law.stdout, /Bộ luật Lao động 2019 \(45\/2019\/QH14\), Điều 112/);
  assert.equal(
    (await motcua("holidays", "2026", "--format", "json")).stdout,
    (await motcua("holidays", "2026")).stdout,
  );
});

test("motcua holidays exits 2 outside 1900–2100 or without a year", async () => {
  for (const args of [["1899"], ["2101"], ["abc"], [], ["2026", "--format", "xml"]]) {
    const run = await motcua("holidays", ...args);
    assert.equal(run.status, 2, args.join(" "));
    assert.equal(run.stdout, "");
  }
});
