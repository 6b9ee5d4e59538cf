// Every route says what it answers (issue 12): a JSON answer declared as `response` (src/http/schemas), or,
// for a route that answers only files (.docx, .xlsx, PDF, CSV, NDJSON, a stored upload), the types it
// `produces`. The OpenAPI document then describes every 200 answer, and the test app checks every JSON one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openApiDocument } from "../openapi.ts";
import { routes } from "../routes/index.ts";

const label = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

test("every route declares its JSON answer or answers only the file types it produces", () => {
  const undeclared = routes.filter((r) => !r.response && !r.produces?.length).map(label);
  assert.deepEqual(undeclared, [], `routes without a response schema:\n${undeclared.join("\n")}`);
  // a route that lists JSON among what it produces answers JSON too: it names the shape
  const jsonWithout = routes.filter((r) => !r.response && r.produces?.includes("application/json")).map(label);
  assert.deepEqual(jsonWithout, []);
});

test("the OpenAPI document lists JSON only for routes that answer it, with its schema", () => {
  const document = openApiDocument(routes) as {
    paths: Record<string, Record<string, { responses: { "200": { content: Record<string, { schema?: unknown }> } } }>>;
  };
  let json = 0;
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const content = document.paths[path]![route.method.toLowerCase()]!.responses["200"].content;
    if (route.response) {
      json++;
      assert.ok(content["application/json"]?.schema, `${label(route)}: JSON schema published`);
    } else {
      assert.equal(content["application/json"], undefined, `${label(route)} answers files only`);
      assert.ok(Object.keys(content).length > 0, `${label(route)} names what it produces`);
    }
  }
  // the reform, plan and index routes were the last without a declared answer
  assert.ok(json >= 99, `routes with a declared JSON answer: ${json} of ${routes.length}`);
  const sheet = document.paths["/api/reform/sheet"]!.get!.responses["200"].content["application/json"]!;
  assert.match(JSON.stringify(sheet.schema), /"violations"/);
});
