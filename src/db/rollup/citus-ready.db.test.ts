// Distributed-PostgreSQL readiness over the live schema (every migration applied): each table is a reference
// table, ready to distribute by province_code (its primary and unique keys and its foreign keys between
// distributed tables carry it) or a known gap named in docs/deploy-national.md; `motcua schema citus-ddl`
// distributes each ready table once. And the roll-up's publications name every column of what they publish,
// published or withheld, so a new column (personal or not) cannot cross to the national level unseen.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { citusDdl, classifyTables, KNOWN_GAPS, REFERENCE_TABLES, type TableFact } from "./citus.ts";
import { loadSchemaFacts } from "./schema-facts.ts";
import { ROLLUP_LOG_TABLES, ROLLUP_TABLES } from "./tables.ts";

let database: TestDatabase;
let facts: TableFact[];

before(async () => {
  database = await createTestDatabase();
  facts = await loadSchemaFacts(database.db);
});

after(async () => {
  await database?.drop();
});

test("every table is reference, distributable by province_code, or a known gap", (t) => {
  const c = classifyTables(facts);
  assert.ok(c.distributed.includes("dossiers") && c.distributed.includes("figure_counts"));
  assert.deepEqual(
    Object.fromEntries(c.unclassified.map((name) => [name, c.problems[name]])),
    {},
    "tables to decide: add province_code to their keys, or list them in REFERENCE_TABLES or KNOWN_GAPS (src/db/rollup/citus.ts)",
  );
  const names = new Set(facts.map((f) => f.table));
  for (const name of Object.keys(REFERENCE_TABLES)) assert.ok(names.has(name), `reference table ${name} exists`);
  for (const name of Object.keys(KNOWN_GAPS)) {
    // a gap another migration closed: say so (the list and the doc are then out of date), without failing
    if (names.has(name) && !c.problems[name]) t.diagnostic(`${name} is ready now: drop it from KNOWN_GAPS`);
  }
  // a reference table never points at a distributed one (Citus refuses it)
  for (const name of c.reference) assert.equal(c.problems[name], undefined, `${name}: ${c.problems[name]}`);
});

test("no table is left on the coordinator: the last seven tenant tables are keyed by province (0019)", () => {
  const c = classifyTables(facts);
  const pending = Object.keys(c.problems).filter((name) => !c.reference.includes(name));
  assert.deepEqual(
    Object.fromEntries(pending.map((name) => [name, c.problems[name]])),
    {},
    "every tenant table is distributable",
  );
  const keyed = [
    "audit_log",
    "audit_chain",
    "audit_chain_heads",
    "document_counters",
    "document_numbers",
    "reform_reports",
    "reform_sheet_manual",
    "reform_index_surveys",
    "reform_index_fix_tasks",
  ];
  for (const name of keyed) assert.ok(c.distributed.includes(name), `${name} is distributed`);
  const numbers = facts.find((f) => f.table === "document_numbers")!;
  assert.deepEqual(
    numbers.foreignKeys.filter((fk) => fk.references === "document_counters").map((fk) => fk.columns),
    [["province_code", "unit_code", "form", "year"]],
    "a number's register is joined on the province",
  );
  assert.doesNotMatch(citusDdl(facts, c), /not ready to distribute/);
});

test("the generated Citus DDL distributes each ready table once, after the reference tables", () => {
  const c = classifyTables(facts);
  const ddl = citusDdl(facts, c);
  const distributed = [...ddl.matchAll(/^select create_distributed_table\('(\w+)', 'province_code'/gm)].map(
    (m) => m[1],
  );
  const reference = [...ddl.matchAll(/^select create_reference_table\('(\w+)'\)/gm)].map((m) => m[1]);
  assert.deepEqual([...distributed].sort(), c.distributed);
  assert.deepEqual(reference, c.reference);
  assert.equal(distributed[0], "dossiers");
  assert.ok(ddl.lastIndexOf("create_reference_table") < ddl.indexOf("create_distributed_table"));
});

test("what the roll-up publishes is keyed by province_code, and every column is published or withheld", async () => {
  const c = classifyTables(facts);
  const defaults = await sql<{ table: string; column: string; nullable: boolean; has_default: boolean }>`
    select c.relname as table, a.attname as column, not a.attnotnull as nullable, a.atthasdef as has_default
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public'`.execute(database.db);
  for (const spec of [...ROLLUP_TABLES, ...ROLLUP_LOG_TABLES]) {
    const fact = facts.find((f) => f.table === spec.table);
    assert.ok(fact, `${spec.table} exists`);
    if (spec.table !== "units")
      assert.ok(c.distributed.includes(spec.table), `${spec.table} is keyed by province_code`);
    if (!spec.columns) continue;
    const live = Object.keys(fact.columns).sort();
    const named = [...spec.columns, ...Object.keys(spec.withheld ?? {})].sort();
    assert.deepEqual(
      live,
      named,
      `${spec.table}: a column is neither published nor withheld (src/db/rollup/tables.ts)`,
    );
    for (const column of Object.keys(spec.withheld ?? {})) {
      const row = defaults.rows.find((r) => r.table === spec.table && r.column === column)!;
      assert.ok(row.nullable || row.has_default, `${spec.table}.${column} is withheld, so it needs a default or null`);
    }
    // the replica identity (the primary key) must be published for updates and deletes to apply
    const key = fact.keys.find((k) => k.kind === "primary")!;
    for (const column of key.columns) assert.ok(spec.columns.includes(column), `${spec.table}.${column} (key)`);
  }
});
