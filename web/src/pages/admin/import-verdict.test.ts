import assert from "node:assert/strict";
import test from "node:test";
import { importVerdict } from "./import-verdict.ts";

test("the verdict never says 'Đã nhập' when nothing was imported", () => {
  const none = [
    { read: 0, imported: 0, unchanged: 0, rejected: 0 },
    { read: 5, imported: 0, unchanged: 5, rejected: 0 },
    { read: 5, imported: 0, unchanged: 2, rejected: 3 },
  ];
  for (const r of none) assert.doesNotMatch(importVerdict(r).title, /Đã nhập/, JSON.stringify(r));
  assert.equal(importVerdict(none[2]!).type, "error");
});

test("imports are counted, and rejected lines make it a warning", () => {
  assert.deepEqual(importVerdict({ read: 1200, imported: 1200, unchanged: 0, rejected: 0 }), {
    type: "success",
    title: "Đã nhập 1.200 hồ sơ",
  });
  assert.equal(importVerdict({ read: 3, imported: 2, unchanged: 0, rejected: 1 }).type, "warning");
});
