import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { searchProcedures } from "./fold.ts";
import { CatalogFile, importProceduresJson } from "./procedure-json.ts";
import { isNationalCode } from "./procedure.ts";

const raw = readFileSync(new URL("./data/procedures.json", import.meta.url), "utf8");
const file = CatalogFile.parse(JSON.parse(raw));
const { ok, errors } = importProceduresJson(file.procedures);

test("the shipped starter catalogue validates row by row", () => {
  assert.deepEqual(errors, []);
  assert.equal(ok.length, file.procedures.length);
  assert.ok(file.sources.length >= 3);
});

test("it holds at least 40 commune-level procedures across at least 6 fields", () => {
  const commune = ok.filter((p) => p.level === "commune");
  assert.ok(commune.length >= 40, `${commune.length} commune procedures`);
  const fields = new Set(commune.map((p) => p.field));
  assert.ok(fields.size >= 6, [...fields].join(", "));
  for (const f of ["Chứng thực", "Hộ tịch", "Đất đai", "Bảo trợ xã hội", "Hoạt động xây dựng"])
    assert.ok(fields.has(f), f);
  assert.ok(fields.has("Thành lập và hoạt động của hộ kinh doanh"));
});

test("text is NFC and every code is either national or marked unconfirmed", () => {
  assert.equal(raw, raw.normalize("NFC"));
  for (const p of ok) {
    if (!isNationalCode(p.code)) assert.ok(p.unconfirmed.includes("code"), p.code);
  }
  assert.equal(new Set(ok.map((p) => p.code)).size, ok.length);
});

test("certified copy: same day with a 15:00 cut-off, 2.000 đồng a page, boundary-free", () => {
  const copy = ok.find((p) => p.code === "2.000815")!;
  assert.deepEqual(copy.timeLimit, { value: 1, unit: "same_day", cutoff: "15:00" });
  assert.equal(copy.fees[0]?.amount, 2000);
  assert.equal(copy.fees[0]?.per, "trang");
  assert.equal(copy.boundaryFree, true);
  assert.equal(copy.restartOnSupplement, false);
});

test("searching the shipped catalogue without diacritics finds the certified copy first", () => {
  const [first] = searchProcedures(ok, "chung thuc ban sao");
  assert.match(first!.procedure.name, /^Chứng thực bản sao từ bản chính/);
  assert.equal(searchProcedures(ok, "dang ky khai sinh")[0]?.procedure.code, "1.001193");
  assert.equal(searchProcedures(ok, "HOA GIAI tranh chap dat dai")[0]?.procedure.code, "1.012812");
});
