// The declared answers: published in the OpenAPI document, held to in tests (every startTestApp answer is
// checked, schemas/check.ts), and never a filter — a member the schema does not name still reaches the client.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openApiDocument } from "../openapi.ts";
import { routes } from "../routes/index.ts";
import { startTestApp, type TestApp } from "../testing.ts";
import { checkResponse } from "./check.ts";
import { DossierStock } from "./dossiers.ts";
import { SessionAnswer, Unit, UnitList } from "./people.ts";

let t: TestApp;
let cookie: string;

before(async () => {
  t = await startTestApp();
  await t.addStaff("motcua.xa", "P1.01", ["front_desk"]);
  cookie = await t.login("motcua.xa");
});
after(async () => t.close());

test("answers parse against the schema their route declares, and keep members it does not name", async () => {
  const session = await t.request({ method: "GET", url: "/api/auth/session", cookie });
  assert.equal(session.statusCode, 200, session.body);
  assert.equal(SessionAnswer.parse(session.json()).user?.username, "motcua.xa");

  const units = await t.request({ method: "GET", url: "/api/units", cookie });
  assert.equal(units.statusCode, 200, units.body);
  assert.ok(UnitList.parse(units.json()).units.some((u) => u.code === "P1.01"));

  const unit = await t.request({ method: "GET", url: "/api/units/P1.01", cookie });
  assert.equal(unit.statusCode, 200, unit.body);
  assert.equal(Unit.parse(unit.json()).parentCode, "P1");
  // officeHours is not named by the Unit schema: serialization does not go through it, so it is still sent
  assert.ok("officeHours" in unit.json(), "a member the schema does not name reaches the client");

  const stock = await t.request({ method: "GET", url: "/api/dossiers/stock", cookie });
  assert.equal(stock.statusCode, 200, stock.body);
  assert.deepEqual([DossierStock.parse(stock.json()).open, stock.json().unit], [0, null]);
});

test("an answer missing a declared member or with the wrong type is a 500 response-shape naming it", () => {
  const route = { method: "GET", url: "/api/dossiers/stock" };
  const good = { unit: null, at: new Date(), open: 3, overdue: 1, withinDeadline: 2, exact: true };
  checkResponse(route, DossierStock, good);
  const { overdue: _, ...missing } = good;
  for (const [bad, field] of [
    [missing, "overdue"],
    [{ ...good, open: "3" }, "open"],
  ] as const) {
    assert.throws(
      () => checkResponse(route, DossierStock, bad),
      (error: { status?: number; code?: string; detail?: string }) =>
        error.status === 500 &&
        error.code === "response-shape" &&
        Boolean(error.detail?.includes("GET /api/dossiers/stock")) &&
        Boolean(error.detail?.includes(`${field}:`)),
    );
  }
});

test("the OpenAPI document publishes each declared answer as the 200 JSON schema", () => {
  const document = openApiDocument(routes) as { paths: Record<string, Record<string, unknown>> };
  const ok = (path: string, method = "get") =>
    (
      document.paths[path]![method] as {
        responses: { "200": { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> } };
      }
    ).responses["200"].content;
  const declared = routes.filter((r) => r.response);
  assert.ok(declared.length >= 25, `routes with a declared answer: ${declared.length}`);
  for (const route of declared) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    assert.ok(ok(path, route.method.toLowerCase())["application/json"]?.schema, `${route.method} ${route.url}`);
  }
  const results = ok("/api/reports/results")["application/json"]!.schema!.properties!;
  assert.ok(results.rows, "results rows");
  // a results figure carries its Vietnamese label (figures/results-labels.ts) in the document
  assert.match(JSON.stringify(results), /"description":"Kỳ trước chuyển qua"/);
  // other types than JSON stay undescribed
  assert.deepEqual(ok("/api/reports/results")["text/csv"], {});
});
