import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { decodeList, encodeList } from "./compact.ts";
import { exportProceduresCsv, importProceduresCsv, PROCEDURE_CSV_COLUMNS } from "./procedure-csv.ts";
import { CatalogFile, exportProceduresJson, importProceduresJson } from "./procedure-json.ts";

const header = PROCEDURE_CSV_COLUMNS.join(",");
const good =
  '2.000815,1,"Chứng thực bản sao từ bản chính giấy tờ, văn bản",Chứng thực,commune,UBND cấp xã,1,same_day,15:00,' +
  '"Phí chứng thực bản sao|2.000|trang|Thông tư 226/2016/TT-BTC",' +
  '"Bản chính giấy tờ|original|1;Bản sao cần chứng thực|copy|1",' +
  '"Tiếp nhận|front_desk|20;Thực hiện|officer|50;Ký|leader|20;Trả kết quả|front_desk|10",' +
  "partial,true,false,,2025-07-01,Nghị định 23/2015/NĐ-CP,";
const badUnit =
  "1.001193,1,Thủ tục đăng ký khai sinh,Hộ tịch,commune,UBND cấp xã,1,business_days,,,,,full,false,false,,2025-07-01,,";
const badSteps =
  '1.000894,1,Thủ tục đăng ký kết hôn,Hộ tịch,commune,UBND cấp xã,1,same_day,,,,"Tiếp nhận|front_desk|30;Ký|leader|30",partial,false,false,,2025-07-01,,';
const good2 =
  "1.000656,1,Thủ tục đăng ký khai tử,Hộ tịch,commune,UBND cấp xã,1,same_day,15:00,,,,full,false,false,,2025-07-01,,";

test("a bad row is reported with its row, column and a Vietnamese message; the other rows are imported", () => {
  const { ok, errors } = importProceduresCsv(["\uFEFF" + header, good, badUnit, badSteps, good2].join("\r\n"));
  assert.deepEqual(
    ok.map((p) => p.code),
    ["2.000815", "1.000656"],
  );
  assert.equal(ok[0]!.fees[0]!.amount, 2000);
  assert.deepEqual(ok[0]!.components[1], { name: "Bản sao cần chứng thực", form: "copy", count: 1 });
  assert.equal(errors.length, 2);
  const [unitError, stepsError] = errors;
  assert.equal(unitError!.row, 3);
  assert.equal(unitError!.field, "limit_unit");
  assert.equal(unitError!.code, "invalid_value");
  assert.match(unitError!.message, /Đơn vị thời hạn/);
  assert.equal(stepsError!.row, 4);
  assert.equal(stepsError!.field, "steps");
  assert.equal(stepsError!.code, "steps_share_sum");
  assert.match(stepsError!.message, /100%.*60%/);
});

test("missing required columns, a wrong column count, a non-number and a duplicate version are reported", () => {
  const missing = importProceduresCsv("code,name\n1.001193,Khai sinh");
  assert.equal(missing.ok.length, 0);
  assert.ok(missing.errors.some((e) => e.code === "missing_column" && e.field === "limit_unit"));
  const short = importProceduresCsv(`${header}\n1.001193,1,Khai sinh`);
  assert.equal(short.errors[0]!.code, "column_count");
  const nan = importProceduresCsv(`${header}\n${good.replace(",1,same_day,", ",một,same_day,")}`);
  assert.equal(nan.errors[0]!.field, "limit_value");
  const dup = importProceduresCsv(`${header}\n${good}\n${good}`);
  assert.equal(dup.ok.length, 1);
  assert.deepEqual([dup.errors[0]!.row, dup.errors[0]!.code], [3, "duplicate_version"]);
  const broken = importProceduresCsv(`${header}\n"unterminated`);
  assert.equal(broken.errors[0]!.code, "csv_syntax");
});

test("JSON import reports the position of a bad element and keeps the rest", () => {
  const { ok, errors } = importProceduresJson(
    JSON.stringify([
      { code: "x y" },
      { ...JSON.parse(exportProceduresJson(importProceduresCsv(`${header}\n${good}`).ok))[0] },
    ]),
  );
  assert.equal(ok.length, 1);
  assert.ok(errors.every((e) => e.row === 1));
  assert.ok(errors.some((e) => e.field === "code"));
  assert.ok(errors.some((e) => e.code === "required" && e.field === "name"));
  assert.equal(importProceduresJson("{nope").errors[0]!.code, "invalid_json");
});

test("the shipped catalogue round-trips through CSV and JSON unchanged", () => {
  const raw = JSON.parse(readFileSync(new URL("./data/procedures.json", import.meta.url), "utf8"));
  const procedures = importProceduresJson(CatalogFile.parse(raw).procedures).ok;
  const csv = exportProceduresCsv(procedures);
  assert.ok(csv.startsWith("\uFEFF"));
  const back = importProceduresCsv(csv);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.ok, procedures);
  assert.deepEqual(importProceduresJson(exportProceduresJson(procedures)).ok, procedures);
});

test("compact list encoding escapes separators", () => {
  const items = [["a;b", "c|d", "e\\f"], ["g"]];
  assert.deepEqual(decodeList(encodeList(items)), items);
  assert.deepEqual(decodeList(""), []);
});
