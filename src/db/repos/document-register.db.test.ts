// The document register on the real engine: numbers per unit, form and year from 01, one per document, kept on
// reprint, never reused, and no gap or duplicate when many documents are issued at once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { documentNumber, type NumberRequest, officeNamesOf, setOfficeName } from "./document-register.ts";

let t: TestDatabase;

before(async () => {
  t = await createTestDatabase();
  await t.db
    .insertInto("units")
    .values([
      { code: "R9", name: "Tỉnh Thử", kind: "province", parent_code: null, province_code: "R9" },
      { code: "R9.01", name: "Xã Một", kind: "commune", parent_code: "R9", province_code: "R9" },
      { code: "R9.02", name: "Xã Hai", kind: "commune", parent_code: "R9", province_code: "R9" },
    ])
    .execute();
});
after(() => t.drop());

const request = (subject: string, o: Partial<NumberRequest> = {}): NumberRequest => ({
  unitCode: "R9.01",
  form: "receipt",
  issuedOn: "2025-10-06",
  subject,
  text: (n) => `${String(n).padStart(2, "0")}/GTN-TTPVHCC`,
  ...o,
});

test("20 documents issued at once get 01…20, each once; a reprint keeps its number", async () => {
  const issued = await Promise.all(Array.from({ length: 20 }, (_, i) => documentNumber(t.db, request(`D-${i}#1`))));
  assert.deepEqual(
    issued.map((x) => x.number).sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.equal(issued.find((x) => x.number === 1)!.text, "01/GTN-TTPVHCC");
  const again = await Promise.all([documentNumber(t.db, request("D-7#1")), documentNumber(t.db, request("D-7#1"))]);
  assert.deepEqual(again[0], issued[7]);
  assert.deepEqual(again[1], issued[7]);
  const next = await documentNumber(t.db, request("D-new#1"));
  assert.equal(next.number, 21, "never reused, no gap");
});

test("the same document issued concurrently gets one number and burns none", async () => {
  const twins = await Promise.all(Array.from({ length: 6 }, () => documentNumber(t.db, request("TWIN#1"))));
  assert.equal(new Set(twins.map((x) => x.number)).size, 1);
  const after = await documentNumber(t.db, request("AFTER-TWIN#1"));
  assert.equal(after.number, twins[0]!.number + 1);
});

test("registers are per unit, per form and per year", async () => {
  assert.equal((await documentNumber(t.db, request("Y#1", { issuedOn: "2026-01-01" }))).number, 1, "a new year");
  assert.equal((await documentNumber(t.db, request("F#1", { form: "refusal" }))).number, 1, "another form");
  assert.equal((await documentNumber(t.db, request("U#1", { unitCode: "R9.02" }))).number, 1, "another unit");
  const rows = await t.db.selectFrom("document_numbers").selectAll().where("unit_code", "=", "R9.01").execute();
  const keys = rows.map((r) => `${r.form}/${r.year}/${r.number}`);
  assert.equal(new Set(keys).size, keys.length, "no number twice in a register");
});

test("a register's rows carry the unit's province (migration 0019); an unknown unit has no register", async () => {
  await documentNumber(t.db, request("P#1", { unitCode: "R9.02", form: "province" }));
  await documentNumber(t.db, request("P#2", { unitCode: "R9.02", form: "province", provinceCode: "R9" }));
  const counters = await t.db.selectFrom("document_counters").selectAll().where("form", "=", "province").execute();
  assert.deepEqual(
    counters.map((c) => [c.province_code, c.unit_code, c.last_number]),
    [["R9", "R9.02", 2]],
  );
  const numbers = await t.db.selectFrom("document_numbers").select("province_code").distinct().execute();
  assert.deepEqual(numbers, [{ province_code: "R9" }]);
  await assert.rejects(documentNumber(t.db, request("X#1", { unitCode: "R9.99" })), /unknown unit R9\.99/);
});

test("office names from dates: the latest on or before a day, replaced on the same day", async () => {
  await setOfficeName(t.db, "R9.02", { validFrom: "2025-07-01", name: "Trung tâm PVHCC xã Hai", symbol: "TTHC" });
  await setOfficeName(t.db, "R9.02", { validFrom: "2026-01-01", name: "Trung tâm Phục vụ hành chính công xã Hai" });
  await setOfficeName(t.db, "R9.02", { validFrom: "2025-07-01", name: "Trung tâm xã Hai", symbol: "TTXH" });
  assert.deepEqual(await officeNamesOf(t.db, "R9.02"), [
    { validFrom: "2025-07-01", name: "Trung tâm xã Hai", symbol: "TTXH" },
    { validFrom: "2026-01-01", name: "Trung tâm Phục vụ hành chính công xã Hai", symbol: null },
  ]);
});
