// Issue 20: finding one dossier by its code reads a few index pages, whatever the code — also a code whose unit
// prefix is no unit (an imported code, a mistyped lookup), which used to run `where code = $1`: a walk of the
// whole primary key index. 30,000 generated dossiers in three provinces (bench/results-report-data.ts: their codes
// name no unit), analyzed; every statement of the lookups is EXPLAINed: every scan of a dossiers index has the
// province in its index condition, no sequential scan, and a handful of buffers. PostgreSQL only: the question is
// what PostgreSQL's planner does with statistics of this size.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type CompiledQuery, Kysely, PostgresDialect } from "kysely";
import { generateDossiers, seedBenchUnits } from "../../../../bench/results-report-data.ts";
import type { Database } from "../../schema.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../testing.ts";
import { UnitDirectory } from "../units.ts";
import { findByCredentials } from "./public.ts";
import { getDossier, getDossierView, provinceOfCode, type ServiceContext } from "./service.ts";

const skip = testEngine !== "postgres" ? "PostgreSQL only (MOTCUA_TEST_ENGINE=postgres): plans at 30,000 rows" : false;
const SIZE = 30_000;
const KNOWN = "B.007-230101-0001"; // a code naming its receiving unit
const FOREIGN_C = "B20001-230101-0001"; // codes naming no unit, in provinces C and B
const FOREIGN_B = "B20003-230101-0001";

let database: TestDatabase;
let captured: CompiledQuery[] = [];
let ctx: ServiceContext;

before(async () => {
  if (skip) return;
  database = await createTestDatabase();
  const { pool } = database;
  await seedBenchUnits(pool);
  await generateDossiers(pool, 1, SIZE);
  await pool.query(`update dossiers set code = '${KNOWN}' where code = 'B12345-230101-0001'`);
  // three provinces: the loose scan of the provinces has something to walk
  // the plans are the question, not the counters: the move skips the triggers (counter upkeep for 20,000 rows
  // took 80–100 s of the CI's PostgreSQL step)
  const client = await pool.connect();
  try {
    await client.query("set session_replication_role = replica");
    await client.query(`update dossiers set province_code = case when right(split_part(code, '-', 1), 1)::int % 3 = 1
      then 'C' else 'D' end where code <> '${KNOWN}' and right(split_part(code, '-', 1), 1)::int % 3 <> 0`);
    await client.query("reset session_replication_role");
  } finally {
    client.release();
  }
  await pool.query("vacuum analyze dossiers");
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  const units = new UnitDirectory(db);
  await units.refresh();
  ctx = { db, units, now: () => new Date("2024-12-20T10:00:00+07:00") };
});
after(async () => {
  if (!skip) await database.drop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

/** What is wrong with a plan: a sequential scan of dossiers, or a scan of its indexes not bounded by province. */
function problems(node: PlanNode): string[] {
  const own: string[] = [];
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "dossiers") own.push("Seq Scan on dossiers");
  const index = node["Index Name"];
  if (index?.startsWith("dossiers") && !node["Index Cond"]?.includes("province_code")) {
    own.push(`${node["Node Type"]} using ${index} without the province: ${node["Index Cond"] ?? "no condition"}`);
  }
  return [...own, ...(node.Plans ?? []).flatMap(problems)];
}

/** EXPLAIN ANALYZE of one statement: its problems and the buffers it touched. */
async function explain(sql: string, parameters: readonly unknown[]) {
  const { rows } = await database.pool.query(`explain (analyze, buffers, format json) ${sql}`, [...parameters]);
  const plan = rows[0]["QUERY PLAN"][0].Plan as PlanNode;
  const blocks = (plan["Shared Hit Blocks"] ?? 0) + (plan["Shared Read Blocks"] ?? 0);
  return { problems: problems(plan), blocks, text: JSON.stringify(plan).slice(0, 3000) };
}

/** Runs `path` and EXPLAINs every statement it issued. */
async function statementsOf(path: () => Promise<unknown>) {
  captured = [];
  await path();
  const statements = captured.slice();
  return Promise.all(statements.map(async (q) => ({ sql: q.sql, ...(await explain(q.sql, q.parameters)) })));
}

test("the check catches the old lookup: `where code = $1` walks the whole primary key index", { skip }, async () => {
  const old = await explain("select province_code from dossiers where code = $1", [FOREIGN_C]);
  assert.ok(old.problems.length > 0, old.text);
  assert.ok(old.blocks > 50, `the old lookup touched ${old.blocks} buffers`);
});

const paths: [string, () => Promise<unknown>][] = [
  ["getDossier, a code naming its unit", () => getDossier(ctx, KNOWN)],
  ["getDossier, a code naming no unit (province C)", () => getDossier(ctx, FOREIGN_C)],
  ["getDossier, a code naming no unit (province B)", () => getDossier(ctx, FOREIGN_B)],
  ["the detail view: row, log, names, files", () => getDossierView(ctx, FOREIGN_C, { names: true, files: true })],
  ["provinceOfCode, a code naming no unit", () => provinceOfCode(ctx, FOREIGN_C)],
  ["the public lookup, a code naming no unit", () => findByCredentials(ctx, FOREIGN_B, { secret: "AAAAAAAA" })],
  ["the public lookup, a code nobody holds", () => findByCredentials(ctx, "Q1-230101-0001", { phone: "0905123456" })],
];

for (const [name, path] of paths) {
  test(`one statement, a few index pages: ${name}`, { skip }, async () => {
    const statements = await statementsOf(() => path().catch(() => undefined));
    assert.equal(statements.length, 1, statements.map((s) => s.sql).join("\n---\n"));
    for (const s of statements) {
      assert.deepEqual(s.problems, [], `${s.sql}\n${s.text}`);
      assert.ok(s.blocks < 40, `${s.blocks} buffers: ${s.sql}\n${s.text}`);
    }
  });
}

test("the generated data is what the lookups are about", { skip }, async () => {
  assert.equal((await getDossier(ctx, FOREIGN_C)).row.province_code, "C");
  assert.equal((await getDossier(ctx, FOREIGN_B)).row.province_code, "B");
  assert.equal((await getDossier(ctx, KNOWN)).row.province_code, "B");
  assert.equal(await provinceOfCode(ctx, "Q1-230101-0001"), undefined);
  const { rows } = await database.pool.query("select province_code, count(*)::int as n from dossiers group by 1");
  assert.equal(rows.length, 3);
});
