// Issue 20: no request path reads the whole dossier table. 40,000 generated dossiers (one province, 100
// communes; bench/results-report-data.ts) with Vietnamese names, analyzed; every statement each path issues
// (lists for a commune and the province, every queue, page 2 by cursor, search by a name without diacritics
// common and rare and by a code prefix, the lookup, the dashboard's stock figures, a page of each part of each
// Decision 766 indicator) is captured and EXPLAINed:
// no Seq Scan of `dossiers` anywhere in its plan. PostgreSQL only: PGlite's planner has no statistics of this
// size to plan with, and the question is what PostgreSQL does at a province's size.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Kysely, PostgresDialect, type CompiledQuery, sql } from "kysely";
import { generateDossiers, seedBenchUnits } from "../../../../bench/results-report-data.ts";
import type { Database } from "../../schema.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../testing.ts";
import { UnitDirectory } from "../units.ts";
import { listDossiers, type ListQuery } from "./list.ts";
import { getDossier, type ServiceContext } from "./service.ts";
import { stockFigures } from "./stock.ts";
import { COMPUTED_766 } from "../../../figures/quality-catalog.ts";
import { INDICATOR_PARTS, indicatorPageSql } from "../reports-quality-dossiers.ts";
import { scopeOf } from "./list-sql.ts";

const skip = testEngine !== "postgres" ? "PostgreSQL only (MOTCUA_TEST_ENGINE=postgres): plans at 40,000 rows" : false;
const SIZE = 40_000;
const NOW = new Date("2024-12-20T10:00:00+07:00");
const CODE = "B.007-230101-0001";

let database: TestDatabase;
let captured: CompiledQuery[] = [];
let ctx: ServiceContext;

before(async () => {
  if (skip) return;
  database = await createTestDatabase();
  const { pool } = database;
  await seedBenchUnits(pool);
  await generateDossiers(pool, 1, SIZE);
  // names: a common family and middle name, and one rare name; open dossiers assigned to user 7
  await pool.query(`update dossiers set applicant = jsonb_build_object('name',
      (array['Nguyễn Văn', 'Trần Thị', 'Lê Văn', 'Phạm Thị', 'Hoàng Văn'])[abs(hashtext(code)) % 5 + 1]
      || ' ' || (array['An', 'Bình', 'Cường', 'Dũng', 'Hòa', 'Lan', 'Minh'])[abs(hashtext(code || $$x$$)) % 7 + 1]),
    assignee_id = case when end_at is null then 7 end,
    -- a fee on 3 % of them (3.6's base: rare where few procedures charge one)
    fee_amount = case when abs(hashtext(code || 'fee')) % 33 = 0 then 50000 else 0 end`);
  // one code in the form a receiving unit gives (unit-YYMMDD-NNNN) with a rare name
  await pool.query(`update dossiers set code = '${CODE}', applicant = '{"name": "Đoàn Thị Xuyến"}'
    where code = 'B12345-230101-0001'`);
  await pool.query("vacuum analyze dossiers");
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  const units = new UnitDirectory(db);
  await units.refresh();
  ctx = { db, units, now: () => NOW };
});
after(async () => {
  if (!skip) await database.drop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] === "dossiers" ? ["Seq Scan on dossiers"] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** Runs `path`, then EXPLAINs every statement it issued; returns the plans' node types seen. */
async function plansOf(path: () => Promise<unknown>): Promise<{ statements: number; seq: string[]; text: string }> {
  captured = [];
  await path();
  const statements = captured.filter((q) => !/^\s*explain/i.test(q.sql));
  const seq: string[] = [];
  let text = "";
  for (const q of statements) {
    const { rows } = await database.pool.query(`explain (format json) ${q.sql}`, [...q.parameters]);
    const plan = rows[0]["QUERY PLAN"][0].Plan as PlanNode;
    const found = seqScans(plan);
    seq.push(...found);
    if (found.length) text += `${q.sql}\n${JSON.stringify(plan).slice(0, 2000)}\n`;
    if (process.env.MOTCUA_SHOW_PLANS) {
      const shown = await database.pool.query(`explain (analyze, costs off) ${q.sql}`, [...q.parameters]);
      console.log(`${q.sql}\n${shown.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
    }
  }
  return { statements: statements.length, seq, text };
}

const COMMUNE = ["B.007"];
const base = { userId: 7, pageSize: 20 };
const province = () => ctx.units.subtree("B");

const paths: [string, () => Promise<unknown>][] = [
  ["all dossiers of a commune", () => listDossiers(ctx, { ...base, units: COMMUNE })],
  ["all dossiers of the province", () => listDossiers(ctx, { ...base, units: province() })],
  [
    "page 2 by cursor (province)",
    async () => {
      const first = await listDossiers(ctx, { ...base, units: province() });
      return listDossiers(ctx, { ...base, units: province(), cursor: first.nextCursor! });
    },
  ],
  ["a state (province)", () => listDossiers(ctx, { ...base, units: province(), state: "resolved" })],
  ...(["mine", "submitted", "overdue", "due_soon", "late_without_apology"] as const).flatMap(
    (queue): [string, () => Promise<unknown>][] => [
      [`queue ${queue} (commune)`, () => listDossiers(ctx, { ...base, units: COMMUNE, queue })],
      [`queue ${queue} (province)`, () => listDossiers(ctx, { ...base, units: province(), queue })],
    ],
  ),
  ["search a common name without diacritics", () => listDossiers(ctx, { ...base, units: province(), q: "nguyen van" })],
  ["search a rare name", () => listDossiers(ctx, { ...base, units: province(), q: "doan thi xuyen" })],
  ["search a name in a commune", () => listDossiers(ctx, { ...base, units: COMMUNE, q: "tran thi" })],
  ["search a code prefix", () => listDossiers(ctx, { ...base, units: province(), q: "b.007-2301" })],
  ["lookup by code", () => getDossier(ctx, CODE)],
  ["dashboard stock figures (province)", () => stockFigures(ctx, { units: province() })],
  ["dashboard stock figures (commune)", () => stockFigures(ctx, { units: COMMUNE })],
  ...indicatorPaths(),
];

/** The dossiers behind each 766 indicator's part (reports-quality-dossiers.ts), a page of a commune and of the province. */
function indicatorPaths(): [string, () => Promise<unknown>][] {
  const period = { from: "2024-01-01", to: "2024-12-31", workingMinutes: () => 0, complaintCodes: [CODE] };
  return COMPUTED_766.flatMap((entry) =>
    INDICATOR_PARTS.flatMap((part): [string, () => Promise<unknown>][] =>
      (["commune", "province"] as const).map((where) => [
        `766 ${entry.id} ${part} (${where})`,
        async () => {
          const unitCodes = where === "commune" ? COMMUNE : province();
          const list = scopeOf(unitCodes, ctx.units);
          const scope = list.mode === "units" ? { ...list, receiving: true } : list;
          const page = indicatorPageSql(
            { ...period, unitCodes, provinces: ["B"] },
            { id: entry.id, part, scope, limit: 21 },
          );
          return page ? page.execute(ctx.db) : sql`select 1`.execute(ctx.db);
        },
      ]),
    ),
  );
}

for (const [name, path] of paths) {
  test(`no sequential scan of dossiers: ${name}`, { skip }, async () => {
    const { statements, seq, text } = await plansOf(path);
    assert.ok(statements > 0, "the path issued no statement");
    assert.deepEqual(seq, [], text);
  });
}

test("the generated data is what the paths are about", { skip }, async () => {
  const page = await listDossiers(ctx, { ...base, units: province() } satisfies ListQuery);
  assert.equal(page.items.length, 20);
  assert.equal(page.totalExact, false, "40,000 dossiers are counted by estimate");
  assert.ok(page.total > 20_000 && page.total < 80_000, `estimate ${page.total}`);
  const rare = await listDossiers(ctx, { ...base, units: province(), q: "doan thi xuyen" });
  assert.deepEqual(
    rare.items.map((d) => d.code),
    [CODE],
  );
  const overdue = await listDossiers(ctx, { ...base, units: province(), queue: "overdue" });
  assert.ok(overdue.items.length > 0, "some dossiers are overdue");
});
