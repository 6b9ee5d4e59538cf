import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/testing.ts";
import { checkResultsDocument, formatViolation, type Violation } from "./check.ts";

const root = new URL("../../", import.meta.url).pathname;
const seeds = join(root, "test/fixtures/seeds");

function load(name: string) {
  return JSON.parse(readFileSync(join(seeds, name), "utf8"));
}

function codes(violations: Violation[]): string[] {
  return violations.map((v) => `${v.code}@${v.row}`);
}

test("not-a-count: strings such as '5.783', negatives and fractions are violations", () => {
  const v = checkResultsDocument({ rows: [{ key: "A", received: "5.783", stopped: -1, withdrawn: 1.5, open: 0 }] });
  assert.deepEqual(codes(v), ["not-a-count@A", "not-a-count@A", "not-a-count@A"]);
  assert.deepEqual(
    v.map((x) => x.fields[0]),
    ["received", "withdrawn", "stopped"],
  );
  assert.equal(v[0]!.found, "5.783");
});

test("part-exceeds-whole: Saturday receipts above received", () => {
  const v = checkResultsDocument({ rows: [{ key: "A", received: 3, receivedSaturday: 4 }] });
  assert.deepEqual(v, [
    { code: "part-exceeds-whole", row: "A", fields: ["receivedSaturday", "received"], expected: "≤ 3", found: 4 },
  ]);
});

test("parts-do-not-sum: only where the aggregate and all its parts are present", () => {
  assert.deepEqual(checkResultsDocument({ rows: [{ key: "A", open: 3, openOverdue: 1 }] }), []);
  const v = checkResultsDocument({ rows: [{ key: "A", open: 3, openOverdue: 1, openWithinDeadline: 1 }] });
  assert.deepEqual(v, [
    {
      code: "parts-do-not-sum",
      row: "A",
      fields: ["open", "openWithinDeadline", "openOverdue"],
      expected: 3,
      found: 2,
    },
  ]);
});

test("identity: aggregates stand for absent parts; it is not checked while a term is missing", () => {
  const row = { key: "A", handled: 10, finished: 6, open: 3, withdrawn: 1 };
  assert.deepEqual(checkResultsDocument({ rows: [row] }), [], "stopped missing: not checkable");
  assert.deepEqual(checkResultsDocument({ rows: [{ ...row, stopped: 0 }] }), []);
  const v = checkResultsDocument({ rows: [{ ...row, stopped: 1 }] });
  assert.deepEqual(codes(v), ["identity@A"]);
  assert.equal(v[0]!.expected, 10);
  assert.equal(v[0]!.found, 11);
});

test("total-is-not-sum: only for fields present in every row and in the total", () => {
  const rows = [
    { key: "A", received: 2, stopped: 1 },
    { key: "B", received: 3 },
  ];
  assert.deepEqual(checkResultsDocument({ rows, total: { key: "total", received: 5, stopped: 7 } }), []);
  const v = checkResultsDocument({ rows, total: { key: "total", received: 6 } });
  assert.deepEqual(v, [{ code: "total-is-not-sum", row: "total", fields: ["received"], expected: 5, found: 6 }]);
});

test("a violation prints on one line with its code, row, fields, expected and found", () => {
  const line = formatViolation({
    code: "identity",
    row: "Đất đai",
    fields: ["handled", "open"],
    expected: 3248,
    found: 3247,
  });
  assert.match(line, /^identity row="Đất đai" fields=handled,open expected=3248 found=3247 — /);
  assert.ok(!line.includes("\n"));
});

const expectedBySeed: Record<string, string[]> = {
  "000-huong-xuan-2020-q3-phu-luc-4.json": [],
  "001-hoang-hop-2024-h1-text.json": ["parts-do-not-sum@total", "identity@total"],
  "001-hoang-hop-2024-h1-phu-luc-01b.json": ["parts-do-not-sum@total"],
  "002-chu-puh-2021-h1-by-level.json": [
    "part-exceeds-whole@Cấp xã",
    "parts-do-not-sum@total",
    "total-is-not-sum@total",
  ],
  "002-chu-puh-2021-h1-as-typed.json": [
    "not-a-count@Cấp xã",
    "not-a-count@Cấp xã",
    "not-a-count@Cấp xã",
    "not-a-count@total",
    "not-a-count@total",
    "not-a-count@total",
  ],
  "002-chu-puh-2021-h1-late-by-unit.json": [],
  "004-huong-tra-2021-h1-by-field.json": ["identity@Chứng thực", "identity@Đất đai", "identity@total"],
};

test("the seeds' own tables: inconsistent ones are flagged with the right codes, consistent ones pass", () => {
  assert.deepEqual(
    readdirSync(seeds)
      .filter((f) => f.endsWith(".json"))
      .sort(),
    Object.keys(expectedBySeed).sort(),
  );
  for (const [name, expected] of Object.entries(expectedBySeed)) {
    assert.deepEqual(codes(checkResultsDocument(load(name))), expected, name);
  }
  const seed004 = checkResultsDocument(load("004-huong-tra-2021-h1-by-field.json"));
  assert.deepEqual(
    seed004.map((v) => Number(v.expected) - Number(v.found)),
    [2, 1, 3],
    "off by 3 in total: withdrawn dossiers left out",
  );
});

/** `motcua …args` as bin/motcua.js runs it, in process (src/cli/testing.ts): its exit code and output. */
function motcua(...args: string[]) {
  return runCli(args);
}

test("motcua check: exit 1 with one line per violation, 0 when consistent, 2 for invalid JSON", async () => {
  const bad = await motcua("check", join(seeds, "002-chu-puh-2021-h1-by-level.json"));
  assert.equal(bad.status, 1, bad.stderr);
  const lines = bad.stdout.trim().split("\n");
  assert.deepEqual(
    lines.map((l) => l.split(" ")[0]),
    ["part-exceeds-whole", "parts-do-not-sum", "total-is-not-sum"],
  );
  const good = await motcua("check", join(seeds, "000-huong-xuan-2020-q3-phu-luc-4.json"));
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stdout, "");
  const dir = mkdtempSync(join(tmpdir(), "motcua-check-"));
  try {
    writeFileSync(join(dir, "broken.json"), "{ not json");
    writeFileSync(join(dir, "shape.json"), JSON.stringify({ rows: "none" }));
    const refusals: [args: string[], reason: RegExp][] = [
      [["check", join(dir, "broken.json")], /invalid JSON/],
      [["check", join(dir, "shape.json")], /"rows" must be an array of objects/],
      [["check", join(dir, "missing.json")], /cannot read .*missing\.json/],
      [["check"], /expected one file, got 0/],
    ];
    for (const [args, reason] of refusals) {
      const refused = await motcua(...args);
      assert.equal(refused.status, 2, args.join(" "));
      assert.match(refused.stderr, reason);
      assert.equal(refused.stdout, "");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
