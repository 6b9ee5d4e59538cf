import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { migrate } from "./migrate.ts";

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

test("migrations are applied once and re-running applies nothing", async () => {
  assert.deepEqual(await migrate(t.pool), []);
  const { rows } = await t.pool.query("select name from motcua_migrations order by name");
  assert.ok(rows.length >= 2);
});

test("the dossier event log refuses updates and deletes", async () => {
  await t.pool.query("insert into units (code, name, kind, province_code) values ('T1', 'Tỉnh Thử', 'province', 'T1')");
  await t.pool.query(
    `insert into dossiers (province_code, code, unit_code, current_unit_code, procedure_code, field, channel, state, source, received_at)
     values ('T1', 'T1-260302-0001', 'T1', 'T1', 'P', 'Chứng thực', 'direct', 'received', 'live', now())`,
  );
  await t.pool.query(
    "insert into dossier_events (province_code, dossier_code, seq, type, at) values ('T1', 'T1-260302-0001', 1, 'received', now())",
  );
  await assert.rejects(t.pool.query("update dossier_events set type = 'x'"), /append-only/);
  await assert.rejects(t.pool.query("delete from dossier_events"), /append-only/);
});

test("diacritic-insensitive matching works on this engine", async () => {
  const { rows } = await t.pool.query("select lower(f_unaccent('Chứng thực bản sao ĐẤT ĐAI')) as folded");
  assert.equal(rows[0].folded, "chung thuc ban sao dat dai");
});
