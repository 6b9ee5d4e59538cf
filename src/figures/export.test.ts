import { test } from "node:test";
import assert from "node:assert/strict";
import { resultsToCsv } from "./export-csv.ts";
import { RESULT_FIELDS } from "./results-fields.ts";
import { labelOf, screenOrder } from "./results-labels.ts";
import { document, marked } from "./test-results-sample.ts";

test("CSV: BOM, Vietnamese header in the screen's order, rows then Tổng cộng last, quoted where needed", () => {
  const csv = resultsToCsv(document);
  assert.ok(csv.startsWith("\uFEFFLĩnh vực,Kỳ trước chuyển qua,Mới tiếp nhận,"));
  const lines = csv.slice(1).trimEnd().split("\r\n");
  const order = screenOrder();
  assert.equal(lines[0], ["Lĩnh vực", ...order.map(labelOf)].join(","));
  assert.equal(lines.length, 1 + document.rows.length + 1);
  assert.equal(lines.at(-1), ["Tổng cộng", ...order.map((f) => document.total[f])].join(","));
  const land = document.rows.find((r) => r.key.startsWith("Đất đai"))!;
  assert.ok(lines.includes([`"Đất đai, ""cấp huyện"""`, ...order.map((f) => land[f])].join(",")));
  // The screen groups finished, then other (withdrawn, stopped, refused), then open.
  assert.ok(order.indexOf("finishedLate") < order.indexOf("withdrawn"));
  assert.ok(order.indexOf("refusedAtIntake") < order.indexOf("openWithinDeadline"));
  assert.equal(resultsToCsv({ ...document, by: "unit" }).split(",")[0], "\uFEFFĐơn vị tiếp nhận");
});

test("CSV with keys: the JSON field names in document order and total, for programs", () => {
  const lines = resultsToCsv(document, { keys: true }).slice(1).trimEnd().split("\r\n");
  assert.equal(lines[0], ["key", ...RESULT_FIELDS].join(","));
  assert.match(lines.at(-1)!, /^total,1,3,1,2,1,0,0,/);
  assert.equal(lines.at(-1), ["total", ...RESULT_FIELDS.map((f) => document.total[f])].join(","));
});

test("CSV: a row key a spreadsheet would evaluate is neutralised with a leading apostrophe", () => {
  const evil = { ...document, rows: [{ ...document.rows[0]!, key: '=HYPERLINK("http://x","y")' }] };
  for (const keys of [false, true]) {
    const lines = resultsToCsv(evil, { keys }).slice(1).trimEnd().split("\r\n");
    assert.ok(lines[1]!.startsWith(`"'=HYPERLINK(""http://x"",""y"")",`), lines[1]);
    for (const line of lines) assert.doesNotMatch(line, /(^|,)[=+\-@]/);
  }
});

test("figures typed in by hand are marked in the CSV: one more column, 1 on the rows they touch", () => {
  const lines = resultsToCsv(marked, { keys: true }).slice(1).trimEnd().split("\r\n");
  assert.equal(lines[0], ["key", ...RESULT_FIELDS, "manual"].join(","));
  assert.ok(resultsToCsv(marked).split("\r\n")[0]!.endsWith(",Có số liệu nhập tay"));
  assert.deepEqual(
    lines.slice(1).map((l) => [l.split(",")[0], l.split(",").at(-1)]),
    [
      ["Bảo trợ xã hội", ""],
      ["Chứng thực", "1"],
      ['"Đất đai', ""],
      ["total", "1"],
    ],
  );
});
