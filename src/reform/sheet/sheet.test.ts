// The 01b row catalogue, its assembly and its checks, against seed 001's sheet (Hoằng Hợp, 6 months 2024).
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkManualValue, checkSheet, checkSheetValues } from "./checks.ts";
import { isComputedRow, printedNumber, RECORD_CODES, SHEET_ROWS } from "./rows.ts";
import { assembleSheet } from "./sheet.ts";

/** Seed 001's STT column in order ("Trong đó" lines given the codes CONTRACTS.md §6 names, trailing dots dropped). */
const SEED_CODES = [
  "1",
  "1.1",
  "1.1.1",
  "1.1.2",
  "1.1.3",
  "1.2",
  "1.2.1",
  "1.2.2",
  "1.2.3",
  "1.3",
  "1.3.1",
  "1.3.2",
  "1.3.3",
  "1.4",
  "1.4.1",
  "1.4.2",
  "1.5",
  "2",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "2.5",
  "3",
  "3.1",
  "3.1.1",
  "3.1.2",
  "3.1.3",
  "3.2",
  "3.2.1",
  "3.2.2",
  "3.2.3",
  "3.2.4",
  "3.2.5",
  "3.2.6",
  "3.3",
  "3.3.1",
  "3.3.1.direct",
  "3.3.1.postal",
  "3.3.1.onlinePartial",
  "3.3.1.onlineFull",
  "3.3.2",
  "3.3.2.direct",
  "3.3.2.postal",
  "3.3.2.onlinePartial",
  "3.3.2.onlineFull",
  "3.3.3",
  "3.3.4",
  "3.4",
  "3.4.1",
  "3.4.2",
  "3.4.3",
  "3.5",
  "4",
  "4.1",
  "4.1.1",
  "4.1.2",
  "4.1.3",
  "5",
  "5.4",
  "5.4.1",
  "5.4.2",
  "5.4.5",
  "5.4.6",
  "6",
  "6.1",
  "6.2",
  "7",
  "7.1",
  "7.2",
  "7.2.1",
  "7.2.3",
  "7.2.3.electronic",
  "7.2.3.withPaper",
  "7.4",
  "7.4.1",
  "7.5",
  "7.5.1",
  "7.5.2",
  "7.6",
];

/** Seed 001's values as printed (group rows 4.1 and 5.4 carry one; 3.2.6 holds the dossier count). */
const SEED_VALUES: Record<string, number> = {
  "1.1.1": 38,
  "1.1.2": 19,
  "1.1.3": 16,
  "1.2.1": 6,
  "1.2.2": 0,
  "1.2.3": 0,
  "1.3.1": 38,
  "1.3.2": 19,
  "1.3.3": 0,
  "1.4.1": 28,
  "1.4.2": 1,
  "1.5": 1,
  "2.1": 0,
  "2.2": 0,
  "2.3": 0,
  "2.4": 0,
  "2.5": 0,
  "3.1.1": 207,
  "3.1.2": 0,
  "3.1.3": 207,
  "3.2.1": 128,
  "3.2.2": 2,
  "3.2.3": 79,
  "3.2.4": 100,
  "3.2.5": 100,
  "3.2.6": 494,
  "3.3.1": 494,
  "3.3.1.direct": 45,
  "3.3.1.postal": 5,
  "3.3.1.onlinePartial": 269,
  "3.3.1.onlineFull": 179,
  "3.3.2": 494,
  "3.3.2.direct": 45,
  "3.3.2.postal": 5,
  "3.3.2.onlinePartial": 269,
  "3.3.2.onlineFull": 179,
  "3.3.3": 0,
  "3.3.4": 0,
  "3.4.1": 0,
  "3.4.2": 0,
  "3.4.3": 0,
  "3.5": 4,
  "4.1": 17,
  "4.1.1": 17,
  "4.1.2": 17,
  "4.1.3": 0,
  "5.4": 0,
  "5.4.1": 1,
  "5.4.2": 100,
  "5.4.5": 0,
  "5.4.6": 0,
  "6.1": 1,
  "6.2": 1,
  "7.1": 2,
  "7.2.1": 1,
  "7.2.3": 371,
  "7.2.3.electronic": 100,
  "7.2.3.withPaper": 100,
  "7.4.1": 1,
  "7.5.1": 12,
  "7.5.2": 28,
  "7.6": 1,
};

test("the catalogue holds every row of seed 001's sheet in its order, codes unique", () => {
  assert.deepEqual(
    SHEET_ROWS.map((r) => r.code),
    SEED_CODES,
  );
  assert.equal(new Set(SEED_CODES).size, SEED_CODES.length);
  for (const row of SHEET_ROWS) {
    assert.ok(row.label.length > 0, row.code);
    assert.equal(row.label, row.label.normalize("NFC"));
    if (!row.group) assert.ok(row.unitOfMeasure.length > 0, `${row.code} has a unit of measure`);
  }
});

test("dossier rows are exactly those of CONTRACTS.md §6; group rows hold nothing", () => {
  const fromDossiers = SHEET_ROWS.filter((r) => r.source === "dossiers").map((r) => r.code);
  assert.deepEqual(
    fromDossiers,
    SEED_CODES.filter((c) => c.startsWith("3.3.") || c === "3.5"),
  );
  assert.ok(SHEET_ROWS.filter((r) => r.group).every((r) => !isComputedRow(r)));
  assert.ok(!RECORD_CODES.includes("4.1") && RECORD_CODES.includes("4.1.1"));
});

test("the printed STT: codes, 'Trong đó' on the first part line only", () => {
  const printed = SHEET_ROWS.map((r, i) => printedNumber(r, SHEET_ROWS[i - 1]));
  const at = (code: string) => printed[SEED_CODES.indexOf(code)];
  assert.equal(at("3.3.1"), "3.3.1");
  assert.equal(at("3.3.1.direct"), "Trong đó");
  assert.equal(at("3.3.1.postal"), "");
  assert.equal(at("7.2.3.electronic"), "Trong đó");
});

test("assembly: computed rows from their computation, records before hand entries, null where nothing", () => {
  const sheet = assembleSheet({
    unit: "H57.12",
    from: "2024-01-01",
    to: "2024-06-30",
    dossiers: { "3.3.1": 10, "3.3.2.direct": null },
    catalogue: { "3.1.3": 207 },
    records: { "1.1.1": 38 },
    manual: { "1.1.1": 40, "1.1.2": 21, "3.3.1": 99 },
  });
  const row = (code: string) => sheet.rows.find((r) => r.code === code)!;
  assert.deepEqual(row("3.3.1"), {
    code: "3.3.1",
    label: "Số lượng hồ sơ đã tiếp nhận",
    unitOfMeasure: "Số lượng hồ sơ",
    value: 10,
    source: "dossiers",
  });
  assert.equal(row("3.3.2.direct").value, null);
  assert.equal(row("3.1.3").value, 207);
  assert.deepEqual([row("1.1.1").value, row("1.1.1").source], [38, "records"]);
  assert.deepEqual([row("1.1.2").value, row("1.1.2").source], [21, "manual"]);
  assert.deepEqual([row("1.1.3").value, row("1.1.3").source], [null, "records"]);
  assert.equal(row("1").value, null);
  assert.equal(sheet.rows.length, SEED_CODES.length);
});

test("seed 001's own sheet breaks the checks where REFORM.md §5 says it does", () => {
  const violations = checkSheetValues(new Map(Object.entries(SEED_VALUES)));
  const codes = violations.map((v) => `${v.code} ${v.rows[0]}`).sort();
  assert.deepEqual(codes, [
    "exceeds-catalogue 3.2.6",
    "group-row-has-value 4.1",
    "group-row-has-value 5.4",
    "parts-do-not-sum 3.3.1",
    "parts-do-not-sum 3.3.2",
  ]);
  const sum = violations.find((v) => v.code === "parts-do-not-sum" && v.rows[0] === "3.3.1")!;
  assert.equal(sum.found, 498);
  assert.equal(sum.expected, "494");
});

test("value rules: counts, rates 0–100, coded answers, done ≤ planned", () => {
  const bad = checkSheetValues(
    new Map<string, number | null>([
      ["1.1.1", 38],
      ["1.1.2", 40],
      ["3.2.4", 120],
      ["1.4.2", 3],
      ["1.2.1", 2.5],
      ["1.3.1", 5],
      ["1.3.2", 4],
      ["1.3.3", 2],
    ]),
  );
  assert.deepEqual(bad.map((v) => `${v.code} ${v.rows.join("+")}`).sort(), [
    "not-a-choice 1.4.2",
    "not-a-value 1.2.1",
    "part-exceeds-whole 1.1.2+1.1.1",
    "part-exceeds-whole 1.3.2+1.3.3+1.3.1",
    "rate-out-of-range 3.2.4",
  ]);
  assert.deepEqual(
    checkSheet({
      rows: [
        { code: "3.2.4", value: 100 },
        { code: "1.1.2", value: null },
      ],
    }),
    [],
  );
});

test("a hand entry is checked with the sheet it joins", () => {
  const others = new Map<string, number | null>([["1.1.1", 38]]);
  assert.deepEqual(checkManualValue("1.1.2", 19, others), []);
  assert.equal(checkManualValue("1.1.2", 39, others)[0]?.code, "part-exceeds-whole");
  assert.equal(checkManualValue("6.1", 2, others)[0]?.code, "not-a-choice");
});
