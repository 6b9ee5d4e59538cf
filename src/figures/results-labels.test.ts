// The CSV header's labels and order are the screen's: checked against the web's results table.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { RESULT_FIELDS } from "./results-fields.ts";
import { RESULT_FIELD_LABELS, screenOrder } from "./results-labels.ts";

const table = readFileSync(new URL("../../web/src/components/ResultsTable.tsx", import.meta.url), "utf8");
const webColumns = [...table.matchAll(/\{ key: "(\w+)", label: "([^"]+)", group: "([^"]+)" \}/g)].map((m) => ({
  key: m[1]!,
  label: m[2]!,
  group: m[3]!,
}));

test("every field of the report has a label and a group, and the web table shows the same", () => {
  assert.ok(webColumns.length >= 15, "the web table's columns are readable");
  for (const field of RESULT_FIELDS) {
    const label = RESULT_FIELD_LABELS[field];
    assert.ok(label, `a label for ${field}`);
    assert.deepEqual(
      webColumns.find((c) => c.key === field),
      { key: field, ...label },
      field,
    );
  }
});

test("screen order: the web table's grouping (groups by first field, fields in list order)", () => {
  const present = webColumns.filter((c) => (RESULT_FIELDS as readonly string[]).includes(c.key));
  const groups = [...new Set(present.map((c) => c.group))];
  const web = groups.flatMap((g) => present.filter((c) => c.group === g).map((c) => c.key));
  assert.deepEqual(screenOrder(), web);
  assert.equal(screenOrder().length, RESULT_FIELDS.length);
});
