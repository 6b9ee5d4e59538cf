import assert from "node:assert/strict";
import { test } from "node:test";
import { digitizedForIndex } from "./digitized.ts";

test("a live dossier counts only with its components digitized and its result recorded as digitized", () => {
  assert.equal(digitizedForIndex({ digitized: true, resultDigitized: true, source: "live" }), true);
  assert.equal(digitizedForIndex({ digitized: true, resultDigitized: false, source: "live" }), false);
  assert.equal(digitizedForIndex({ digitized: true, resultDigitized: null, source: "live" }), false);
  assert.equal(digitizedForIndex({ digitized: true, source: "live" }), false, "result not recorded yet");
  assert.equal(digitizedForIndex({ digitized: false, resultDigitized: true, source: "live" }), false);
});

test("an imported dossier carries the index's flag itself, unless its log recorded the result", () => {
  assert.equal(digitizedForIndex({ digitized: true, source: "import" }), true);
  assert.equal(digitizedForIndex({ digitized: true, resultDigitized: null, source: "import" }), true);
  assert.equal(digitizedForIndex({ digitized: false, source: "import" }), false);
  assert.equal(digitizedForIndex({ digitized: true, resultDigitized: false, source: "import" }), false);
  assert.equal(digitizedForIndex({ digitized: false, resultDigitized: true, source: "import" }), false);
});
