// Sessions cached between requests (PostgreSQL): two server processes' worth of apps on one database. A cached
// session must end wherever a logout, a password change, a revoked grant or a deactivation happens, and
// nothing is cached while the LISTEN connection is down.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { openDatabase } from "../db/engine.ts";
import { testEngine } from "../db/testing.ts";
import { buildApp } from "./app.ts";
import { startTestApp, type TestApp } from "./testing.ts";

const onPostgres = testEngine === "postgres";
const skip = onPostgres ? false : "sessions are cached only on PostgreSQL (LISTEN/NOTIFY)";

let a: TestApp;
let b: Awaited<ReturnType<typeof buildApp>>;
let bDatabase: Awaited<ReturnType<typeof openDatabase>>;

before(async () => {
  if (!onPostgres) return;
  a = await startTestApp();
  bDatabase = await openDatabase({ databaseUrl: a.database.target, poolSize: 4 });
  b = await buildApp({ database: bDatabase });
  await a.addStaff("motcua.01", "P1.01", ["front_desk"]);
  await a.addStaff("cv.01", "P1.01", ["officer"]);
});

after(async () => {
  if (!onPostgres) return;
  await b.app.close();
  await bDatabase.close();
  await a.close();
});

const meAtB = (cookie: string) => b.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

/** Waits (up to 2 s) for B to see a change made elsewhere: a notification crosses a connection. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (await check()) return true;
    await sleep(50);
  }
  return false;
}

/** Removes rows without notifying anyone: what a cache that is not invalidated would miss. */
async function silently(sql: string, params: unknown[]) {
  const client = await a.database.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica"); // triggers off in this transaction
    await client.query(sql, params);
    await client.query("commit");
  } finally {
    client.release();
  }
}

test("B answers from its cache: a session removed without notice still works there", { skip }, async () => {
  const cookie = await a.login("motcua.01");
  assert.equal((await meAtB(cookie)).statusCode, 200);
  await silently("delete from sessions", []);
  assert.equal((await meAtB(cookie)).statusCode, 200, "cached");
  assert.equal((await a.request({ method: "GET", url: "/api/auth/me", cookie })).statusCode, 401, "A never saw it");
});

test("a logout at A ends the session at B; a logout at B ends it there at once", { skip }, async () => {
  const cookie = await a.login("motcua.01");
  assert.equal((await meAtB(cookie)).statusCode, 200);
  assert.equal((await a.request({ method: "POST", url: "/api/auth/logout", cookie })).statusCode, 200);
  assert.ok(await eventually(async () => (await meAtB(cookie)).statusCode === 401));

  const other = await a.login("motcua.01");
  assert.equal((await meAtB(other)).statusCode, 200);
  const out = await b.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: other } });
  assert.equal(out.statusCode, 200);
  assert.equal((await meAtB(other)).statusCode, 401, "no wait in the process that logged out");
});

test("a revoked grant and a deactivation made by another process reach B's cache", { skip }, async () => {
  const cookie = await a.login("cv.01");
  const grants = (await meAtB(cookie)).json().user.grants.map((g: { role: string; unitCode: string }) => g.role);
  assert.deepEqual(grants, ["officer"]);
  await a.database.pool.query("delete from role_grants where user_id = (select id from users where username = $1)", [
    "cv.01",
  ]);
  assert.ok(await eventually(async () => (await meAtB(cookie)).json().user.grants.length === 0));
  await a.database.pool.query("update users set active = false where username = $1", ["cv.01"]);
  assert.ok(await eventually(async () => (await meAtB(cookie)).statusCode === 401));
});

test("without its LISTEN connection B caches nothing, and it listens again", { skip }, async () => {
  await a.database.pool.query("update users set active = true where username = 'motcua.01'");
  const cookie = await a.login("motcua.01");
  assert.equal((await meAtB(cookie)).statusCode, 200);
  await a.database.pool.query(
    "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen motcua_sessions'",
  );
  assert.ok(await eventually(async () => !b.ctx.sessions.caching));
  await silently("delete from sessions", []);
  assert.equal((await meAtB(cookie)).statusCode, 401, "read from the database while not listening");
  assert.ok(await eventually(async () => b.ctx.sessions.caching), "listening again");
});
