import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findDossierCode, formatDossierCode } from "./code.ts";
import { checkIdNumber, isMobilePhone, normalizePhone } from "./identity.ts";

test("the code uses the local receipt date, also between 00:00 and 07:00 local time", () => {
  const at = new Date("2020-07-06T06:30:00+07:00"); // 2020-07-05 in UTC
  assert.equal(formatDossierCode("H57.12", at, 1), "H57.12-200706-0001");
  assert.equal(formatDossierCode("000.00.12.H57", at, 9999), "000.00.12.H57-200706-9999");
});

test("formatting refuses a bad unit or sequence", () => {
  assert.throws(() => formatDossierCode("H57 12", new Date(), 1), RangeError);
  assert.throws(() => formatDossierCode("H57-12", new Date(), 1), RangeError);
  assert.throws(() => formatDossierCode("H57", new Date(), 0), RangeError);
  assert.throws(() => formatDossierCode("H57", new Date(), 10_000), RangeError);
});

test("parsing: units with dots, real dates only, sequence 0001–9999", () => {
  assert.deepEqual(findDossierCode("H57.12-200706-0001"), { unit: "H57.12", date: "2020-07-06", sequence: 1 });
  assert.equal(findDossierCode("H57.12-200230-0001"), undefined);
  assert.equal(findDossierCode("H57.12-200706-0000"), undefined);
  assert.equal(findDossierCode("H57.12-200706-001"), undefined);
  assert.equal(findDossierCode("-200706-0001"), undefined);
  assert.equal(findDossierCode("H57..12-200706-0001"), undefined);
});

test("format then parse gives back the parts (property)", () => {
  const unit = fc.stringMatching(/^[A-Z0-9]{1,4}(\.[A-Z0-9]{1,3}){0,3}$/);
  const instant = fc.date({
    min: new Date("2000-01-01T00:00:00+07:00"),
    max: new Date("2099-12-31T23:59:59+07:00"),
    noInvalidDate: true,
  });
  fc.assert(
    fc.property(unit, instant, fc.integer({ min: 1, max: 9999 }), (u, at, seq) => {
      const parsed = findDossierCode(formatDossierCode(u, at, seq));
      assert.ok(parsed);
      assert.equal(parsed.unit, u);
      assert.equal(parsed.sequence, seq);
      assert.equal(parsed.date, new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
    }),
  );
});

test("citizen ID: 12 digits with province, century/sex digit and birth year", () => {
  const now = new Date("2026-03-02T09:00:00+07:00");
  assert.deepEqual(checkIdNumber("046090001234", { now }), {
    ok: { kind: "citizen_id", birthProvince: "046", sex: "male", birthYear: 1990 },
  });
  const f = checkIdNumber("079305001234", { now });
  assert.ok("ok" in f && f.ok.sex === "female" && f.ok.birthYear === 2005);
  const problem = (t: string, o = {}) => {
    const r = checkIdNumber(t, { now, ...o });
    return "problem" in r ? r.problem : "ok";
  };
  assert.equal(problem("04609000123"), "id-format");
  assert.equal(problem("04609000123a"), "id-format");
  assert.equal(problem("003090001234"), "id-province", "003 is not a province code");
  assert.equal(problem("097090001234"), "id-province");
  assert.equal(problem("000090001234"), "id-province");
  assert.equal(problem("046490001234"), "id-century");
  assert.equal(problem("046230001234"), "id-birth-year", "born 2030");
  assert.equal(problem("046226001234"), "ok", "born 2026");
  assert.equal(problem("191234567"), "id-old-format");
  assert.equal(problem("191234567", { allowOld: true }), "ok");
});

test("phones: Vietnamese mobile numbers, normalized", () => {
  assert.equal(normalizePhone("0905123456"), "0905123456");
  assert.equal(normalizePhone("+84 905 123 456"), "0905123456");
  assert.equal(normalizePhone("84905123456"), "0905123456");
  assert.equal(normalizePhone("0905.123.456"), "0905123456");
  assert.equal(normalizePhone("0234123456"), undefined, "landline");
  assert.equal(normalizePhone("090512345"), undefined);
  assert.equal(normalizePhone("09051234567"), undefined);
  assert.ok(isMobilePhone("0387654321"));
  assert.ok(!isMobilePhone("+84905123456"));
});
