import assert from "node:assert/strict";
import { test } from "node:test";
import { totalText } from "./cursor-total.ts";

test("an exact total is shown as is; an estimate says khoảng with two significant digits", () => {
  assert.equal(totalText(undefined), "");
  assert.match(totalText({ total: 987 }), /^987 hồ sơ$/);
  assert.match(totalText({ total: 1000, totalExact: true }), /^1[.,]000 hồ sơ$/);
  assert.match(totalText({ total: 12_345, totalExact: false }), /^khoảng 12[.,]000 hồ sơ$/);
  assert.match(totalText({ total: 553_240, totalExact: false }), /^khoảng 550[.,]000 hồ sơ$/);
  assert.match(totalText({ total: 1_001, totalExact: false }), /^khoảng 1[.,]000 hồ sơ$/);
});
