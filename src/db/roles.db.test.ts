// The application's PostgreSQL role of docs/security.md: with exactly the grants shown there, it adds history
// (an audit row, noted by the owner's trigger and chained by the owner's audit_seal, migration 0021) but cannot
// edit, delete or truncate it, write a chain or the pending list, nor disable a trigger.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { createTestDatabase, type TestDatabase, testEngine } from "./testing.ts";

const skip = testEngine !== "postgres" ? "PostgreSQL roles (MOTCUA_TEST_ENGINE=postgres)" : false;

/** The statements of docs/security.md "PostgreSQL roles", with a test role name. */
const GRANTS = (role: string) => [
  `create role ${role} login password 'mat-khau-vai-tro-2026'`,
  `grant usage on schema public to ${role}`,
  `grant select, insert, update, delete on all tables in schema public to ${role}`,
  `grant usage, select on all sequences in schema public to ${role}`,
  `revoke update, delete, truncate on audit_log, dossier_events from ${role}`,
  `revoke all on audit_chain, audit_chain_heads, audit_pending, dossier_event_chain from ${role}`,
];

let database: TestDatabase;
let app: pg.Client;
const role = `motcua_app_${process.pid}`;

before(async () => {
  if (skip) return;
  database = await createTestDatabase();
  for (const statement of GRANTS(role)) await database.pool.query(statement);
  const url = new URL(database.target);
  url.username = role;
  url.password = "mat-khau-vai-tro-2026";
  app = new pg.Client({ connectionString: url.toString() });
  await app.connect();
});
after(async () => {
  if (skip) return;
  await app.end();
  await database.pool.query(`drop owned by ${role}`);
  await database.drop();
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop role if exists ${role}`);
  await admin.end();
});

const refused = async (statement: string) => {
  await assert.rejects(app.query(statement), (error: { code?: string }) => {
    assert.ok(error.code === "42501" || error.code === "P0001", `${statement}: ${error.code}`);
    return true;
  });
};

test("the application's role adds audit rows, chained; it cannot rewrite history", { skip }, async () => {
  await app.query(`insert into audit_log (action, subject) values ('thu', 'vai-tro')`);
  // the server seals as the application's role: audit_seal runs with its owner's rights
  await app.query("select audit_seal()");
  const chained = await database.pool.query(
    "select c.hash from audit_chain c join audit_log a on a.id = c.id where a.subject = 'vai-tro'",
  );
  assert.equal(chained.rowCount, 1, "audit_seal chained the row");
  await refused("update audit_log set subject = 'sua' where subject = 'vai-tro'");
  await refused("delete from audit_log where subject = 'vai-tro'");
  await refused("truncate audit_log");
  await refused("update dossier_events set reason = 'sua'");
  await refused("delete from dossier_events");
  await refused("insert into audit_chain (id, chain, seq, prev_hash, hash) values (0, 'x', 1, 'a', 'b')");
  await refused("update audit_chain_heads set seq = 0");
  await refused("delete from audit_pending");
  await refused("insert into audit_pending (province_code, id) values ('', 0)");
  await refused("alter table audit_log disable trigger audit_log_chain");
  await refused("set session_replication_role = replica");
});
