// Every tenant query names its province (issue 19): over the live schema's distributed tables, no function of
// src/db/repos names one of them without province_code (itself or through a condition builder), except the
// functions SPANS_PROVINCES allows with a reason — and every allowance still points at such a function.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { classifyTables } from "./citus.ts";
import { SPANS_PROVINCES, scanAll } from "./query-scan.ts";
import { loadSchemaFacts } from "./schema-facts.ts";

const REPOS = fileURLToPath(new URL("../repos/", import.meta.url));

let database: TestDatabase;
let distributed: string[];

before(async () => {
  database = await createTestDatabase();
  distributed = classifyTables(await loadSchemaFacts(database.db)).distributed;
});

after(async () => {
  await database?.drop();
});

test("every repository query of a distributed table filters or joins on province_code", () => {
  assert.ok(distributed.includes("dossiers") && distributed.includes("role_grants"));
  const unscoped = scanAll(REPOS, distributed).filter((q) => !q.allowed);
  assert.deepEqual(
    unscoped.map((q) => `${q.file} ${q.name} (${q.tables.join(", ")})`),
    [],
    "filter on the caller's province (src/db/repos/unit-scope.ts inUnits), or, when the query spans provinces on purpose, add it to SPANS_PROVINCES in src/db/rollup/query-scan.ts with the reason",
  );
});

test("each allowance names a function that still spans provinces", () => {
  const allowed = new Set(
    scanAll(REPOS, distributed)
      .filter((q) => q.allowed)
      .map((q) => `${q.file} ${q.name}`),
  );
  const stale = Object.keys(SPANS_PROVINCES).filter((key) => !allowed.has(key));
  assert.deepEqual(stale, [], "these functions are gone or name province_code now: drop them from SPANS_PROVINCES");
});
