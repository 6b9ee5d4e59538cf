import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openApiDocument } from "./openapi.ts";
import { routes } from "./routes/index.ts";

test("docs/openapi.json is the document the routes generate (regenerate: node --import tsx scripts/gen-openapi.ts)", () => {
  const committed = JSON.parse(readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8"));
  assert.deepEqual(openApiDocument(routes), committed);
});

test("every route is documented with a summary, and path parameters are declared", () => {
  const document = openApiDocument(routes);
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(
      operations as Record<string, { summary: string; parameters?: { in: string; name: string }[] }>,
    )) {
      assert.ok(operation.summary, `${method} ${path} has no summary`);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        const declared = operation.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name);
        assert.ok(declared, `${method} ${path} does not declare ${name}`);
      }
    }
  }
});
