import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvSyntaxError, parseCsv, stringifyCsv } from "./csv.ts";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

test("plain rows, CRLF and LF, trailing newline, blank lines skipped", () => {
  assert.deepEqual(fields("a,b\r\n1,2\n\n3,4\n"), [
    ["a", "b"],
    ["1", "2"],
    ["3", "4"],
  ]);
});

test("quoted fields keep commas, doubled quotes and newlines; records know their first line", () => {
  const records = parseCsv('x,y\n"Hà Nội, Việt Nam","nói ""có""\ndòng hai"\nz,w');
  assert.deepEqual(records[1]!.fields, ["Hà Nội, Việt Nam", 'nói "có"\ndòng hai']);
  assert.equal(records[2]!.line, 4);
});

test("a UTF-8 BOM is skipped and empty fields are kept", () => {
  assert.deepEqual(fields("\uFEFFmã,tên,\n,Xã A,"), [
    ["mã", "tên", ""],
    ["", "Xã A", ""],
  ]);
});

test("an unterminated quote or a stray quote is a syntax error with its line", () => {
  assert.throws(
    () => parseCsv('a\n"open'),
    (e: unknown) => e instanceof CsvSyntaxError && e.line === 2,
  );
  assert.throws(() => parseCsv('a\nab"c'), CsvSyntaxError);
  assert.throws(() => parseCsv('"a"b'), CsvSyntaxError);
});

test("stringify quotes what needs quoting and round-trips", () => {
  const rows = [
    ["mã", "ghi chú"],
    ["1", 'có "ngoặc", phẩy\nvà xuống dòng'],
    ["2", " khoảng trắng "],
  ];
  const text = stringifyCsv(rows, { bom: true });
  assert.ok(text.startsWith("\uFEFF"));
  assert.deepEqual(fields(text), rows);
});
