// Runs the real command line (CONTRACTS.md §1, §5).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../../bin/motcua.js", import.meta.url));
// An unusable data directory proves the commands never open a database.
const motcua = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, MOTCUA_DATA: "/nonexistent/motcua" },
  });

test("motcua due prints the three appointments of CONTRACTS.md §5", () => {
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
    const run = motcua("due", ...args);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${expected}\n`);
  }
});

test("motcua due exits 2 on bad input", () => {
  for (const args of [
    ["--received", "2026-03-02 09:00", "--limit", "1 working day"],
    ["--received", "2026-03-02T09:00:00+07:00", "--limit", "soon"],
    ["--received", "2026-03-02T09:00:00+07:00"],
    ["--received", "2026-03-02T09:00:00+07:00", "--limit", "same day", "--cutoff", "3pm"],
    ["--bogus"],
  ]) {
    const run = motcua("due", ...args);
    assert.equal(run.status, 2, args.join(" "));
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /motcua due: /);
  }
});

test("motcua holidays prints the year's JSON", () => {
  const run = motcua("holidays", "2025");
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.year, 2025);
  assert.deepEqual(out.workingSaturdays, ["2025-04-26"]);
  assert.ok(out.daysOff.includes("2025-05-02"));
  assert.deepEqual(out.daysOff, [...out.daysOff].sort());
  assert.equal(JSON.parse(motcua("holidays", "1900").stdout).daysOff[0], "1900-01-01");
});

test("motcua holidays exits 2 outside 1900–2100 or without a year", () => {
  for (const args of [["1899"], ["2101"], ["abc"], []]) {
    const run = motcua("holidays", ...args);
    assert.equal(run.status, 2, args.join(" "));
    assert.equal(run.stdout, "");
  }
});
