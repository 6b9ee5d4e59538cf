// Keyset pages are the list: walking a list by cursor yields exactly the rows of the plain query (scope as
// receiving OR current unit, the queue's filter) in the same order, without a repeat or a gap — for a commune,
// the province, the queues, and a search (code-prefix matches first, then names). Counts are exact up to the
// cap and say when they are estimates. 3,000 generated dossiers (bench/results-report-data.ts), both engines.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { generateDossiers, seedBenchUnits } from "../../../../bench/results-report-data.ts";
import { createTestDatabase, type TestDatabase } from "../../testing.ts";
import { UnitDirectory } from "../units.ts";
import { COUNT_CAP, type ListQuery, listDossiers } from "./list.ts";
import type { ServiceContext } from "./service.ts";

const NOW = new Date("2024-12-20T10:00:00+07:00");
let database: TestDatabase;
let ctx: ServiceContext;

before(async () => {
  database = await createTestDatabase();
  const { pool } = database;
  await seedBenchUnits(pool);
  await generateDossiers(pool, 1, 3000);
  await pool.query(`update dossiers set applicant = jsonb_build_object('name',
      (array['Nguyễn Văn', 'Trần Thị', 'Lê Văn'])[abs(hashtext(code)) % 3 + 1] || ' Hòa'),
    assignee_id = case when end_at is null then 7 end,
    -- a few dossiers held by another commune than the one that received them
    current_unit_code = case when code like '%7-230101-0001' then 'B.007' else current_unit_code end,
    apology_at = case when code like '%3-230101-0001' then end_deadline_at end`);
  await pool.query("analyze dossiers");
  const units = new UnitDirectory(database.db);
  await units.refresh();
  ctx = { db: database.db, units, now: () => NOW };
});
after(async () => database.drop());

/** Every page of a list by cursor. */
async function walk(query: Omit<ListQuery, "userId" | "pageSize">, pageSize = 7): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 2000; pages++) {
    const page = await listDossiers(ctx, { ...query, userId: 7, pageSize, ...(cursor ? { cursor } : {}) });
    codes.push(...page.items.map((d) => d.code));
    assert.ok(page.items.length <= pageSize);
    if (!page.nextCursor) return codes;
    cursor = page.nextCursor;
  }
  throw new Error("the cursor never ended");
}

const RECENT = "order by coalesce(received_at, submitted_at, created_at) desc, code desc";
const SCOPE = "(unit_code = any($1) or current_unit_code = any($1))";
async function plain(where: string, units: string[], order = RECENT): Promise<string[]> {
  const { rows } = await database.pool.query(`select code from dossiers where ${SCOPE} and ${where} ${order}`, [units]);
  return rows.map((r) => r.code);
}

const LATE = `((end_type in ('resolved', 'declined', 'returned') and finish_class = 'late')
    or (end_at is null and state in ('received', 'processing', 'awaiting_supplement', 'awaiting_payment')
      and deadline_at is not null and deadline_at < '${NOW.toISOString()}'
      and not (state = 'awaiting_supplement' and paused_at is not null and paused_at <= deadline_at)))
  and (apology_at is null or apology_at > coalesce(end_deadline_at, deadline_at))`;

test("a commune's list by cursor is the plain query's rows in order (received here or held here)", async () => {
  const units = ["B.007"];
  const expected = await plain("true", units);
  assert.ok(expected.length > 20);
  assert.deepEqual(await walk({ units }), expected);
  assert.deepEqual(await walk({ units, queue: "late_without_apology" }, 5), await plain(LATE, units));
});

test("the province's list, a state and the overdue queue by cursor", async () => {
  const units = ctx.units.subtree("B");
  assert.deepEqual(await walk({ units }, 100), await plain("true", units));
  assert.deepEqual(await walk({ units, state: "withdrawn" }), await plain("state = 'withdrawn'", units));
  const overdue = await plain(
    `end_at is null and deadline_at < '${NOW.toISOString()}' and state <> 'submitted'`,
    units,
    "order by deadline_at, code",
  );
  assert.ok(overdue.length > 0);
  assert.deepEqual(await walk({ units, queue: "overdue" }), overdue);
  assert.deepEqual(await walk({ units, queue: "late_without_apology" }, 50), await plain(LATE, units));
});

test("search: code-prefix matches by code first, then names without diacritics recent first", async () => {
  const units = ctx.units.subtree("B");
  const byCode = (
    await database.pool.query("select code from dossiers where lower(code) like 'b12%' order by lower(code), code")
  ).rows.map((r) => r.code);
  assert.deepEqual(await walk({ units, q: "B12" }, 4), byCode);
  const tran = await plain("lower(f_unaccent(applicant ->> 'name')) like '%tran thi%'", units);
  assert.ok(tran.length > 100);
  assert.deepEqual(await walk({ units, q: "tran thi" }, 37), tran);
  const commune = await listDossiers(ctx, { units: ["B.007"], userId: 7, pageSize: 200, q: "Trần" });
  assert.deepEqual(
    commune.items.map((d) => d.code),
    await plain("lower(f_unaccent(applicant ->> 'name')) like '%tran%'", ["B.007"]),
  );
  assert.equal(commune.totalExact, true);
});

test("counts: exact up to the cap, an estimate beyond; old page numbers still work", async () => {
  const commune = await listDossiers(ctx, { units: ["B.007"], userId: 7, pageSize: 5 });
  assert.equal(commune.totalExact, true);
  assert.equal(commune.total, (await plain("true", ["B.007"])).length);
  const province = await listDossiers(ctx, { units: ctx.units.subtree("B"), userId: 7, pageSize: 5 });
  assert.equal(province.totalExact, false);
  assert.ok(province.total > COUNT_CAP);
  const third = await listDossiers(ctx, { units: ["B.007"], userId: 7, pageSize: 5, page: 3 });
  assert.deepEqual(
    third.items.map((d) => d.code),
    (await plain("true", ["B.007"])).slice(10, 15),
  );
});

test("a cursor from another list or a forged one is refused with a clear error", async () => {
  const units = ["B.007"];
  const page = await listDossiers(ctx, { units, userId: 7, pageSize: 5 });
  await assert.rejects(
    listDossiers(ctx, { units, userId: 7, pageSize: 5, queue: "overdue", cursor: page.nextCursor! }),
    {
      code: "validation-failed",
    },
  );
  await assert.rejects(listDossiers(ctx, { units, userId: 7, pageSize: 5, cursor: "bm9wZQ" }), /Con trỏ trang/);
});
