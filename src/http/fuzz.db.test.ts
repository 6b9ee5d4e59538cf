// Every route of the OpenAPI document, driven with generated bad input (fast-check, seeded): path, query and
// body values shaped by the route's schemas and broken on purpose (wrong types, NUL bytes, impossible dates,
// markup, huge numbers), wrong content types and malformed JSON, anonymous and signed in. No answer may be a
// 5xx (docs/security.md). Slow answers are printed as warnings, never asserted (timings do not belong in tests).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { createUser } from "../db/repos/people.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "./testing.ts";

const SEED = Number(process.env.MOTCUA_FUZZ_SEED ?? 20261203);
const REQUESTS = Number(process.env.MOTCUA_FUZZ_REQUESTS ?? 3000);
const SLOW_MS = 1000;

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: "path" | "query";
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "2026-13-01",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "1989-12-31",
  "2026-03-09T25:61:00+07:00",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "true",
  "null",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "||</w:t></w:r><w:r><w:t>DA DUYET||",
  '=HYPERLINK("http://x")',
  "'; drop table dossiers; --",
  "../../../etc/passwd",
  "%00",
  "\uD800",
  "🙂".repeat(50),
  "x".repeat(5000),
  "P1",
  "P1.01",
  "P2",
  "P1.01-260309-0001",
  "1.009902",
  "00000000-0000-4000-8000-000000000000",
];
const nasty = fc.constantFrom(...NASTY);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A value shaped like the schema most of the time, broken some of the time. */
function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  const typed = typedValue(schema, depth);
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: junk });
}

function typedValue(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => valueFor(s, depth + 1)));
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), nasty);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return fc.oneof(
        nasty,
        nasty,
        fc.string({ maxLength: 30, unit: "binary" }),
        fc.string({ maxLength: 20 }).map((text) => `${text}\u0000${text}`),
        fc
          .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      );
    case "integer":
    case "number":
      return fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.constantFrom(-1, 0, 2 ** 53, 1e308, 0.5));
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      if (!properties.length) return fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 });
      // required members present most of the time, so the probes reach the handlers, not only validation
      const required = (schema.required ?? []).filter((name) => schema.properties?.[name]);
      return fc.oneof(
        { weight: 3, arbitrary: fc.record(members(properties, depth), { requiredKeys: required }) },
        { weight: 1, arbitrary: fc.record(members(properties, depth), { requiredKeys: [] }) },
      );
    }
    default:
      return junk;
  }
}

const members = (properties: [string, Schema][], depth: number) =>
  Object.fromEntries(properties.map(([name, s]) => [name, valueFor(s, depth + 1)]));

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A path segment (a URL cannot carry a lone surrogate: it becomes U+FFFD, as a browser sends it). */
const segment = (text: string) => encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"));

interface Probe {
  method: string;
  url: string;
  who: "anonymous" | "superuser" | "front_desk" | "admin";
  headers: Record<string, string>;
  payload?: string;
}

function probesFor(path: string, method: string, operation: Operation): fc.Arbitrary<Probe> {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === "path");
  const queryParams = parameters.filter((p) => p.in === "query");
  const content = operation.requestBody?.content ?? {};
  const types = Object.keys(content);
  const body: fc.Arbitrary<{ type?: string; payload?: string }> = types.length
    ? fc.oneof(
        { weight: 6, arbitrary: valueFor(content["application/json"]?.schema).map((v) => json(v)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ type: "application/json", payload: s })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...types, "text/plain", "application/x-www-form-urlencoded"), fc.string())
            .map(([type, payload]) => ({ type, payload })),
        },
      )
    : fc.constant({});
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => valueFor(p.schema))),
      query: fc.tuple(...queryParams.map((p) => fc.option(valueFor(p.schema), { nil: undefined }))),
      body,
      who: fc.constantFrom("anonymous", "superuser", "superuser", "front_desk", "admin"),
    })
    .map(({ path: values, query, body: sent, who }) => {
      let url = path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, segment(asText(values[i]) ?? "") || "x");
      });
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        if (query[i] !== undefined) search.append(p.name, asText(query[i]));
      });
      const qs = search.toString();
      return {
        method: method.toUpperCase(),
        url: qs ? `${url}?${qs}` : url,
        who: who as Probe["who"],
        headers: (sent.type ? { "content-type": sent.type } : {}) as Record<string, string>,
        ...(sent.payload !== undefined ? { payload: sent.payload } : {}),
      };
    });
}

const json = (value: unknown) => ({ type: "application/json", payload: JSON.stringify(value) ?? "null" });

let t: TestApp;
const cookies: Record<string, string> = {};
before(async () => {
  t = await startTestApp({ now: () => new Date("2026-03-09T02:00:00Z") });
  await t.addStaff("fuzz.motcua", "P1.01", ["front_desk"]);
  await t.addStaff("fuzz.quantri", "P1", ["admin"]);
  await createUser(
    t.database.db,
    { username: "fuzz.root", fullName: "Quản trị", password: TEST_PASSWORD, kind: "staff", isSuperuser: true },
    () => undefined,
  );
  cookies.superuser = await t.login("fuzz.root");
  cookies.front_desk = await t.login("fuzz.motcua");
  cookies.admin = await t.login("fuzz.quantri");
});
after(async () => t.close());

test(`every route of the OpenAPI document answers generated bad input without a 5xx (seed ${SEED})`, async () => {
  const document = (await t.request({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  assert.ok(operations.length > 40, `the document lists ${operations.length} operations`);
  const perRoute = Math.max(10, Math.ceil(REQUESTS / operations.length));
  const failures: string[] = [];
  const slow: string[] = [];
  const byStatus = new Map<number, number>();
  let sent = 0;
  for (const [index, { path, method, operation }] of operations.entries()) {
    const probes = fc.sample(probesFor(path, method, operation), { seed: SEED + index, numRuns: perRoute });
    for (const probe of probes) {
      // logging out would end the shared session the other probes use
      const who = path === "/api/auth/logout" ? "anonymous" : probe.who;
      const started = performance.now();
      const response = await t.request({
        method: probe.method as "GET",
        url: probe.url,
        headers: probe.headers,
        ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
        ...(who !== "anonymous" ? { cookie: cookies[who] } : {}),
      });
      const ms = performance.now() - started;
      sent++;
      byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
      const what = `${probe.method} ${probe.url.slice(0, 200)} as ${who} ${probe.headers["content-type"] ?? ""} ${(probe.payload ?? "").slice(0, 200)}`;
      if (response.statusCode >= 500)
        failures.push(`${response.statusCode} ${what}\n    ${response.body.slice(0, 300)}`);
      if (ms > SLOW_MS) slow.push(`${Math.round(ms)} ms ${what}`);
    }
  }
  if (slow.length) console.warn(`fuzz: ${slow.length} answers slower than ${SLOW_MS} ms:\n  ${slow.join("\n  ")}`);
  const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  console.log(`fuzz: ${sent} requests over ${operations.length} operations, seed ${SEED}: ${statuses.join(" ")}`);
  assert.deepEqual(failures, [], `${failures.length} answers ≥ 500 (seed ${SEED})`);
});
