// The password policy (docs/security.md): length, letters and digits, not the account name, not a common one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { COMMON_PASSWORDS, hashPassword, passwordWeakness, verifyAgainstNobody, verifyPassword } from "./passwords.ts";

test("at least 12 characters, letters and digits", () => {
  assert.match(passwordWeakness("ngan-2026")!, /12 ký tự/);
  assert.match(passwordWeakness("chi-co-chu-cai-thoi")!, /chữ và số/);
  assert.equal(passwordWeakness("Hoa-sen-nở-2026"), undefined);
});

test("not the account name, nor containing it", () => {
  assert.match(passwordWeakness("hue.quantri2026", "hue.quantri")!, /tên đăng nhập/);
  assert.match(passwordWeakness("HUE.QUANTRI-2026", "hue.quantri")!, /tên đăng nhập/);
  assert.equal(passwordWeakness("hue.quantri2026", "motcua.an"), undefined);
});

test("not a listed common password, whatever its case; the demo password passes", () => {
  assert.ok(COMMON_PASSWORDS.size > 100);
  for (const common of ["matkhau123456", "Password1234", "QWERTY123456", "motcua123456"]) {
    assert.match(passwordWeakness(common)!, /phổ biến/, common);
  }
  assert.equal(passwordWeakness("motcua-demo-2026", "hue.quantri"), undefined);
  for (const listed of COMMON_PASSWORDS) assert.ok(!listed.startsWith("#") && listed === listed.toLowerCase());
});

test("an unknown account is hashed too, and never matches", async () => {
  assert.equal(await verifyAgainstNobody("bat-ky-mat-khau-1"), false);
  const stored = await hashPassword("Hoa-sen-nở-2026");
  assert.equal(await verifyPassword("Hoa-sen-nở-2026", stored), true);
  assert.equal(await verifyPassword("Hoa-sen-no-2026", stored), false);
});
