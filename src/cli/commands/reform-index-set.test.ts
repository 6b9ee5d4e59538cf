// The survey CSV of `motcua reform index import-survey`: English or Vietnamese headers, ; with decimal commas.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readSurveyCsv } from "./reform-index-set.ts";

test("survey CSV: headers in English or Vietnamese, decimal commas after ;, bad numbers named by line", () => {
  assert.deepEqual(readSurveyCsv("unit,percent,respondents\nP1.01,86.5,120\n\nP1.02,90,\n"), [
    { unit: "P1.01", percent: 86.5, respondents: 120 },
    { unit: "P1.02", percent: 90 },
  ]);
  assert.deepEqual(
    readSurveyCsv("\uFEFFMã đơn vị;Tỷ lệ hài lòng (%);Số phiếu;Nguồn\r\nP1.01;86,5;120;SIPAS 2024\r\n"),
    [{ unit: "P1.01", percent: 86.5, respondents: 120, source: "SIPAS 2024" }],
  );
  assert.throws(() => readSurveyCsv("unit,percent\nP1.01,cao\n"), /dòng 2: "cao" không phải số/);
  assert.throws(() => readSurveyCsv("ma,diem\nP1.01,80\n"), /cần dòng tiêu đề/);
});
