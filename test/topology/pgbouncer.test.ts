// The app through PgBouncer in transaction mode (issue 19; docs/deploy-replicas.md "Pooling"): Debian's
// PgBouncer started by scripts/pg-topology.sh in front of a real primary. The migrations and the HTTP smoke
// path (intake → actions → report → lookup) run through it; the session cache LISTENs on a direct connection
// (DATABASE_LISTEN_URL), so a logout through the pooler still ends a cached session at once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../src/db/engine.ts";
import { PDF } from "../../src/http/routes/dossiers.fixtures.ts";
import { SessionCache } from "../../src/http/session-cache.ts";
import * as harness from "./replica-harness.ts";

const { admin, localToday, onDatabase } = harness;

let topology: harness.Topology;
let pooled: Database;
let server: harness.Server;
let cookie: Record<string, string> = {};

before(async () => {
  // no standby; the migrations run through PgBouncer
  topology = await harness.startMotcuaTopology("/tmp/motcua-topo-bouncer", 54360, {
    standby: false,
    migrateVia: "bouncer",
  });
  pooled = await harness.openMotcua(topology.bouncerUrl, { poolSize: 10 });
  server = await harness.startServer({ database: pooled, listenUrl: onDatabase(topology.primaryUrl, "motcua") });
  cookie = await harness.signIn(server, ["motcua.01", "cv.01", "ld.01", "ld.p1"]);
});

after(async () => {
  await server?.close();
  await pooled?.close();
  await topology?.stop();
});

test("the app's sessions are PgBouncer's clients, in transaction mode, in Vietnam's time zone", async () => {
  const pools = await admin<{ database: string; pool_mode: string }>(
    onDatabase(topology.bouncerUrl, "pgbouncer"),
    "show pools",
  );
  assert.equal(pools.find((p) => p.database === "motcua")?.pool_mode, "transaction");
  const clients = await admin<{ database: string }>(onDatabase(topology.bouncerUrl, "pgbouncer"), "show clients");
  assert.ok(clients.filter((c) => c.database === "motcua").length >= 1, "the app is connected to PgBouncer");
  // the app's startup "options" cannot pass PgBouncer (ignore_startup_parameters); the pooler sets the zone
  const zone = await pooled.pool.query<{ TimeZone: string }>("show timezone");
  assert.equal(zone.rows[0]!.TimeZone, "Asia/Ho_Chi_Minh");
});

test("smoke path through PgBouncer: intake → actions → report → lookup", async () => {
  const created = await server.intake(cookie["motcua.01"]!);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const code = created.body.code as string;
  let revision = created.body.revision as number;
  const act = async (who: string, action: string, body: Record<string, unknown> = {}) => {
    const reply = await server.call("POST", `/api/dossiers/${code}/actions/${action}`, {
      cookie: cookie[who],
      body: { revision, ...body },
    });
    assert.equal(reply.status, 200, `${action}: ${JSON.stringify(reply.body)}`);
    revision = reply.body.revision;
    return reply.body;
  };
  await act("motcua.01", "assign", { assignee: "cv.01" });
  await act("cv.01", "start_processing");
  const draft = await server.call("POST", "/api/files", {
    cookie: cookie["cv.01"],
    body: { unitCode: "P1.01", name: "du-thao.pdf", dataBase64: PDF.toString("base64") },
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  await act("cv.01", "propose_result", { draft: { document: { id: draft.body.id } } });
  await act("ld.01", "approve");
  await act("ld.01", "resolve", { result: { record: "Giấy khai sinh số 12/2026" } });
  const returned = await act("motcua.01", "return", { via: "direct", handover: { record: "Ký nhận sổ số 3" } });
  assert.equal(returned.state, "returned");

  const today = localToday();
  const report = await server.call("GET", `/api/reports/results?from=${today.slice(0, 8)}01&to=${today}&unit=P1`, {
    cookie: cookie["ld.p1"],
  });
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.equal(report.body.total.received, 1);

  const lookup = await server.call("GET", `/api/public/lookup?code=${code}&secret=${created.body.lookupSecret}`);
  assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
  assert.equal(lookup.body.code, code);
  assert.equal(lookup.body.applicant, undefined, "nothing personal in the lookup");
});

test("concurrent intakes share PgBouncer's server connections without mixing transactions", async () => {
  const replies = await Promise.all(Array.from({ length: 40 }, () => server.intake(cookie["motcua.01"]!)));
  assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
  assert.equal(new Set(replies.map((r) => r.body.code)).size, 40, "40 distinct dossiers");
  const stored = await admin<{ n: string }>(
    onDatabase(topology.primaryUrl, "motcua"),
    "select count(*) as n from dossiers",
  );
  assert.equal(Number(stored[0]!.n), 41);
});

test("the session cache LISTENs on the direct connection: a logout through PgBouncer ends the cached session", async () => {
  assert.equal(server.ctx.sessions.caching, true, "the LISTEN connection is up");
  const listening = await admin<{ n: string }>(
    onDatabase(topology.primaryUrl, "motcua"),
    "select count(*) as n from pg_stat_activity where query ilike 'listen motcua_sessions%'",
  );
  assert.equal(Number(listening[0]!.n), 1, "one direct session LISTENs");
  const fresh = await server.login("ld.01");
  assert.equal((await server.call("GET", "/api/auth/me", { cookie: fresh })).status, 200);
  assert.equal((await server.call("GET", "/api/auth/me", { cookie: fresh })).status, 200); // now cached
  // ended from another process (here: straight in the database, as a second app server would), not by this one
  await admin(
    onDatabase(topology.primaryUrl, "motcua"),
    "delete from sessions where user_id = (select id from users where username = 'ld.01')",
  );
  let status = 200;
  for (let i = 0; i < 40 && status === 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = (await server.call("GET", "/api/auth/me", { cookie: fresh })).status;
  }
  assert.equal(status, 401, "the notification reached the cache and the session is gone");
});

test("why the setting exists: a LISTEN through PgBouncer in transaction mode misses the logout", async () => {
  const throughPooler = new SessionCache(pooled, onDatabase(topology.bouncerUrl, "motcua"));
  await throughPooler.start();
  try {
    assert.equal(throughPooler.active, true, "the LISTEN itself succeeds, so nothing looks wrong");
    const token = (await server.login("cv.01")).split("=")[1]!;
    assert.ok(await throughPooler.actorOf(token));
    assert.ok(await throughPooler.actorOf(token)); // cached
    await admin(
      onDatabase(topology.primaryUrl, "motcua"),
      "delete from sessions where user_id = (select id from users where username = 'cv.01')",
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(await throughPooler.actorOf(token), "the notification never arrived: the ended session is still served");
  } finally {
    await throughPooler.close();
  }
});
