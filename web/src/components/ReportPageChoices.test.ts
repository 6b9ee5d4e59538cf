import assert from "node:assert/strict";
import test from "node:test";
import { choice, choiceValues } from "./ReportPageChoices.ts";

const BY = choice("by", "Thống kê theo", 150, { field: "Lĩnh vực", unit: "Đơn vị" });
const SCALE = choice("scale", "Thang đánh giá", 300, {
  satisfaction: "Mức độ hài lòng",
  procedure: "Đánh giá thủ tục",
});

test("a choice's options keep the order they are written in; the first is the default", () => {
  assert.deepEqual(BY.options, [
    { value: "field", label: "Lĩnh vực" },
    { value: "unit", label: "Đơn vị" },
  ]);
  assert.deepEqual(choiceValues(new URLSearchParams(""), [BY, SCALE]), { by: "field", scale: "satisfaction" });
});

test("a choice in the URL is kept when it is one of the options", () => {
  const values = choiceValues(new URLSearchParams("by=unit&scale=procedure&unit=X"), [BY, SCALE]);
  assert.deepEqual(values, { by: "unit", scale: "procedure" });
});

test("an unknown or empty choice is the first option, never the URL's text", () => {
  assert.deepEqual(choiceValues(new URLSearchParams("by=%3Cscript%3E&scale="), [BY, SCALE]), {
    by: "field",
    scale: "satisfaction",
  });
});

test("only the page's own choices are read (the filters are not choices)", () => {
  assert.deepEqual(choiceValues(new URLSearchParams("from=2026-01-01&by=unit"), [BY]), { by: "unit" });
  assert.deepEqual(choiceValues(new URLSearchParams("by=unit"), []), {});
});
