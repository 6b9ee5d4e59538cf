// Migration 0019 on a database that already holds rows (issue 19): a database migrated to 0018 gets audit rows on
// three chains, a document register, CCHC reports, hand entries, surveys and fix tasks; then 0019 runs. Every row
// is kept with its province backfilled, every chain verifies with the same heads, the repositories read and
// continue what was there, new audit rows join their province's chain, and a row moved to another province
// (province_code is in the key, not in the hash) is named by the verifier.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import pg from "pg";
import { type Database, openDatabase } from "./engine.ts";
import { listMigrations } from "./migrate.ts";
import { verifyChains } from "./repos/audit-chain.ts";
import { documentNumber } from "./repos/document-register.ts";
import { listSurveys } from "./repos/reform-index/surveys.ts";
import { manualEntries } from "./repos/reform-report/manual.ts";
import { reportsFor } from "./repos/reform-report/register.ts";
import { testEngine, withDatabase } from "./testing.ts";

const TARGET = "0019_province_keys";

/** An empty database of the test engine (not the migrated template: this test applies the migrations itself). */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testEngine === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set (start one with scripts/pg-cluster.sh)");
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const name = `motcua_pk_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 4 });
    return {
      database,
      async drop() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "motcua-pk-"));
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    async drop() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function apply(pool: pg.Pool, which: (name: string) => boolean) {
  await pool.query(
    "create table if not exists motcua_migrations (name text primary key, applied_at timestamptz not null default now())",
  );
  for (const m of listMigrations().filter((m) => which(m.name))) {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query(m.sql);
      await client.query("insert into motcua_migrations (name) values ($1)", [m.name]);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw new Error(`${m.name}: ${(error as Error).message}`);
    } finally {
      client.release();
    }
  }
}

const SEED = `
insert into units (code, name, kind, parent_code, province_code) values
  ('P1', 'Tỉnh Một', 'province', null, 'P1'), ('P1.01', 'Xã Một', 'commune', 'P1', 'P1'),
  ('P2', 'Tỉnh Hai', 'province', null, 'P2'), ('P2.01', 'Xã Hai', 'commune', 'P2', 'P2');
insert into users (username, full_name, kind, password_hash, unit_code, is_superuser) values
  ('mot.canbo', 'Cán bộ Một', 'staff', 'x', 'P1.01', false),
  ('hai.canbo', 'Cán bộ Hai', 'staff', 'x', 'P2.01', false),
  ('quantri', 'Quản trị', 'staff', 'x', null, true);
insert into audit_log (user_id, action, subject, detail)
  select u.id, 'seed.' || u.username, 's-' || g, jsonb_build_object('g', g)
  from users u cross join generate_series(1, 3) g order by g, u.id;
insert into audit_log (user_id, action, subject) values (null, 'seed.system', 'system');
insert into document_counters (unit_code, form, year, last_number) values ('P1.01', 'gtn', 2026, 2), ('P2.01', 'gtn', 2026, 1);
insert into document_numbers (unit_code, form, year, number, subject, text, issued_on) values
  ('P1.01', 'gtn', 2026, 1, 'A#1', '01/GTN', '2026-01-02'), ('P1.01', 'gtn', 2026, 2, 'A#2', '02/GTN', '2026-01-03'),
  ('P2.01', 'gtn', 2026, 1, 'B#1', '01/GTN', '2026-01-02');
insert into reform_reports (province_code, unit_code, "from", "to", version, kind, figures) values
  ('P1', 'P1.01', '2026-01-01', '2026-03-31', 1, 'quarter', '{}'), ('P1', 'P1.01', '2026-01-01', '2026-03-31', 2, 'quarter', '{}');
insert into reform_sheet_manual (province_code, unit_code, "from", "to", code, value) values
  ('P1', 'P1.01', '2026-01-01', '2026-03-31', '1.1', 3);
insert into reform_index_surveys (province_code, unit_code, year, percent) values ('P2', 'P2.01', 2025, 87.5);
insert into reform_plans (province_code, unit_code, kind, number, title, issued_on, issuer, year, period_from, period_to)
  values ('P1', 'P1.01', 'plan', '1/KH', 'Kế hoạch', '2026-01-05', 'UBND', 2026, '2026-01-01', '2026-12-31');
insert into reform_tasks (province_code, plan_id, ordinal, area, content, output_kind, lead, kind, source)
  select 'P1', id, 1, 'a', 'b', 'c', 'd', 'one_off', 'own' from reform_plans;
insert into reform_index_fix_tasks (province_code, unit_code, year, code, task_id)
  select 'P1', 'P1.01', 2025, '1.1', id from reform_tasks;
`;

let empty: Awaited<ReturnType<typeof emptyDatabase>>;
let db: Database["db"];
let headsBefore: { chain: string; rows: number; head: string }[];

before(async () => {
  empty = await emptyDatabase();
  db = empty.database.db;
  await apply(empty.database.pool, (name) => name < TARGET);
  await empty.database.pool.query(SEED);
  // the chains' heads as 0015 left them (this version's verifier already reads 0019's column)
  const heads = await empty.database.pool.query<{ chain: string; rows: number; head: string }>(
    "select chain, seq::int as rows, hash as head from audit_chain_heads",
  );
  headsBefore = heads.rows;
  // and the later migrations: the verifier is this version's (0021 seals before it checks)
  await apply(empty.database.pool, (name) => name >= TARGET);
});

after(async () => {
  await empty?.drop();
});

const byChain = (a: { chain: string }, b: { chain: string }) => a.chain.localeCompare(b.chain);

test("audit rows take their chain's province ('' national); every chain verifies with the same heads", async () => {
  const rows = await db
    .selectFrom("audit_log")
    .select(["action", "province_code"])
    .where("action", "like", "seed.%")
    .execute();
  const provinces = new Map(rows.map((r) => [r.action, r.province_code]));
  assert.deepEqual(Object.fromEntries(provinces), {
    "seed.mot.canbo": "P1",
    "seed.hai.canbo": "P2",
    "seed.quantri": "",
    "seed.system": "",
  });
  const report = await verifyChains(db);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.auditChains.sort(byChain), [...headsBefore].sort(byChain));
  assert.deepEqual(headsBefore.map((h) => [h.chain, h.rows]).sort(), [
    ["", 4],
    ["P1", 3],
    ["P2", 3],
  ]);
  const chains = await db.selectFrom("audit_chain").select(["chain", "province_code"]).execute();
  assert.ok(chains.every((c) => c.chain === c.province_code));
  // the backfill lifted the chain's append-only guard for its own update only
  await assert.rejects(empty.database.pool.query("update audit_chain set seq = seq"), /append-only/);
  await assert.rejects(empty.database.pool.query("update audit_chain_heads set province_code = 'P9'"), /check/);
});

test("a new audit row joins its user's province chain; one moved to another province is named", async () => {
  const user = await db.selectFrom("users").select("id").where("username", "=", "hai.canbo").executeTakeFirstOrThrow();
  await db.insertInto("audit_log").values({ user_id: user.id, action: "after", subject: "x", detail: "{}" }).execute();
  await db
    .insertInto("audit_log")
    .values({ user_id: null, province_code: "P1", action: "after.given", subject: "y", detail: "{}" })
    .execute();
  const report = await verifyChains(db);
  assert.deepEqual(report.problems, []);
  const rows = Object.fromEntries(report.auditChains.map((c) => [c.chain, c.rows]));
  assert.deepEqual(rows, { "": 4, P1: 4, P2: 4 });
  await empty.database.pool.query("update audit_log set province_code = 'P1' where action = 'after'");
  const moved = await verifyChains(db);
  assert.equal(moved.problems.length, 1);
  assert.equal(moved.problems[0]!.kind, "edited");
  assert.equal(moved.problems[0]!.chain, "P2");
  assert.match(moved.problems[0]!.message, /chuyển sang tỉnh P1/);
  await empty.database.pool.query("update audit_log set province_code = 'P2' where action = 'after'");
});

test("the document register keeps its numbers under the unit's province and continues them", async () => {
  const numbers = await db
    .selectFrom("document_numbers")
    .select(["province_code", "unit_code", "number"])
    .orderBy("unit_code")
    .orderBy("number")
    .execute();
  assert.deepEqual(
    numbers.map((n) => `${n.province_code}/${n.unit_code}/${n.number}`),
    ["P1/P1.01/1", "P1/P1.01/2", "P2/P2.01/1"],
  );
  const request = { unitCode: "P1.01", form: "gtn", issuedOn: "2026-02-01", text: (n: number) => `0${n}/GTN` };
  assert.equal((await documentNumber(db, { ...request, subject: "A#2" })).number, 2, "a reprint keeps its number");
  assert.equal((await documentNumber(db, { ...request, subject: "A#3" })).number, 3, "the register continues");
});

test("the CCHC rows keep their keys under the province and are read by the repositories", async () => {
  const reports = await reportsFor(db, ["P1.01"], { from: "2026-01-01", to: "2026-03-31" });
  assert.deepEqual(
    reports.map((r) => r.version),
    [2, 1],
  );
  const manual = await manualEntries(db, { unit: "P1.01", from: "2026-01-01", to: "2026-03-31" });
  assert.deepEqual(
    manual.map((m) => [m.code, m.value]),
    [["1.1", 3]],
  );
  const surveys = await listSurveys(db, { units: ["P2.01"], year: 2025 });
  assert.deepEqual(
    surveys.map((s) => [s.unit, s.percent]),
    [["P2.01", 87.5]],
  );
  const fixes = await db.selectFrom("reform_index_fix_tasks").select(["province_code", "code"]).execute();
  assert.deepEqual(fixes, [{ province_code: "P1", code: "1.1" }]);
});

test("the keys refuse a second row for the same unit and period in the same province", async () => {
  await assert.rejects(
    empty.database.pool.query(
      `insert into reform_reports (province_code, unit_code, "from", "to", version, kind, figures)
       values ('P1', 'P1.01', '2026-01-01', '2026-03-31', 2, 'quarter', '{}')`,
    ),
    /duplicate key|unique/,
  );
  await assert.rejects(
    empty.database.pool.query(
      "insert into document_numbers (province_code, unit_code, form, year, number, subject, text, issued_on) values ('P1', 'P1.01', 'gtn', 2026, 9, 'A#1', 'x', '2026-01-01')",
    ),
    /duplicate key|unique/,
  );
});
