import assert from "node:assert/strict";
import test from "node:test";
import { credentialOf } from "./credential.ts";

test("a mobile number in any usual spelling is looked up as a phone", () => {
  for (const text of ["0905123456", " 0905 123 456 ", "+84905123456", "0905.123.456", "84905123456"]) {
    assert.deepEqual(credentialOf(text), { phone: text.trim() }, text);
  }
});

test("anything else is the receipt's secret (8 letters and digits, never 10 digits)", () => {
  assert.deepEqual(credentialOf("7KQ2M9HP"), { secret: "7KQ2M9HP" });
  assert.deepEqual(credentialOf("23456789"), { secret: "23456789" });
  assert.deepEqual(credentialOf("090512345"), { secret: "090512345" }, "nine digits is not a mobile number");
});
