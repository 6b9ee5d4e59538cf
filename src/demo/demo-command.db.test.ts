// `motcua demo` in process (runCli, src/cli/testing.ts: what the binary prints, its exit code) on a test
// database of either engine: an empty database filled, a second run on the same day changing nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { runCli } from "../cli/testing.ts";
import { type Database, openDatabase } from "../db/engine.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../db/testing.ts";
import { verifyPassword } from "../people/passwords.ts";
import { DEMO_PASSWORD } from "./staff.ts";

const TODAY = "2026-03-18T10:30:00+07:00";

let target: TestDatabase;
let database: Database;

/** `motcua demo …` on the test database; rejects unless it exits 0 (as execFile did for the binary). */
async function demo() {
  const args = ["demo", "--dossiers", "1000", "--seed", "3", "--today", TODAY];
  const postgres = testEngine === "postgres";
  if (!postgres) args.push("--data", target.target);
  const run = await runCli(args, { env: { DATABASE_URL: postgres ? target.target : undefined } });
  assert.equal(run.status, 0, run.stderr);
  return run;
}

async function counts() {
  const one = async (table: "dossiers" | "dossier_events" | "users" | "role_grants" | "ratings" | "feedback") =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    dossiers: await one("dossiers"),
    events: await one("dossier_events"),
    users: await one("users"),
    grants: await one("role_grants"),
    ratings: await one("ratings"),
    feedback: await one("feedback"),
  };
}

async function reopen() {
  database =
    testEngine === "postgres"
      ? await openDatabase({ databaseUrl: target.target, poolSize: 2 })
      : await openDatabase({ dataDir: target.target });
}

before(async () => {
  target = await createTestDatabase();
  await target.close(); // the command opens the database itself (one process at a time for PGlite)
});
after(async () => {
  await database?.close();
  await target.drop();
});

test("motcua demo fills an empty database, and a second run on the same day changes nothing", async () => {
  const first = await demo();
  assert.match(first.stdout, new RegExp(`password for all: ${DEMO_PASSWORD}`));
  assert.match(first.stdout, /1000 imported, 0 unchanged, 0 rejected/);
  await reopen();
  const filled = await counts();
  assert.equal(filled.dossiers, 1000);
  assert.ok(filled.events > 2 * filled.dossiers, `${filled.events} events`);
  assert.ok(filled.users >= 50, `${filled.users} users`);
  assert.equal(filled.grants, filled.users - 1, "one role per account, none for the superuser");
  assert.ok(filled.ratings > 100, `${filled.ratings} ratings`);
  assert.ok(filled.feedback > 0);

  const states = await database.db
    .selectFrom("dossiers")
    .select(["state", (eb) => eb.fn.countAll().as("n")])
    .groupBy("state")
    .execute();
  const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
  for (const state of ["returned", "refused"]) assert.ok(byState[state]! > 0, `${state}: ${JSON.stringify(byState)}`);
  const open = await database.db
    .selectFrom("dossiers")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("end_at", "is", null)
    .where("received_at", "is not", null)
    .executeTakeFirstOrThrow();
  assert.ok(Number(open.n) > 0, "open dossiers for the queues");
  const saturday = await sql<{ n: number }>`
    select count(*)::int as n from dossiers
    where extract(isodow from received_at at time zone 'Asia/Ho_Chi_Minh') = 6`.execute(database.db);
  assert.ok(saturday.rows[0]!.n > 0, "Saturday intake");

  // every dossier has the lookup secret its receipt prints; the one the summary names opens the lookup
  const secretless = await database.db
    .selectFrom("dossiers")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("lookup_secret", "is", null)
    .executeTakeFirstOrThrow();
  assert.equal(Number(secretless.n), 0);
  const [, code, secret] = /mã hồ sơ (\S+), mã tra cứu (\S+)/.exec(first.stdout) ?? [];
  const sample = await database.db
    .selectFrom("dossiers")
    .select(["lookup_secret", "end_at"])
    .where("code", "=", code!)
    .executeTakeFirstOrThrow();
  assert.deepEqual(sample, { lookup_secret: secret, end_at: null });
  // the officer rated is the front desk of the dossier's unit (units that have demo staff; older units have none)
  const officerRatings = await sql<{ n: number; named: number }>`
    select count(*)::int as n, count(*) filter (where g.user_id = r.officer_id)::int as named
    from ratings r join dossiers d on d.code = r.dossier_code
    join role_grants g on g.unit_code = d.unit_code and g.role = 'front_desk'
    where r.officer_score is not null`.execute(database.db);
  assert.ok(officerRatings.rows[0]!.n > 50, `${officerRatings.rows[0]!.n} officer ratings`);
  assert.equal(officerRatings.rows[0]!.named, officerRatings.rows[0]!.n);
  // open dossiers were assigned by the unit's leader to its officer, and some started by that officer
  const steps = await sql<{ type: string; n: number; wrong: number }>`
    select e.type, count(*)::int as n,
      count(*) filter (where u.username not like '%.' || case e.type when 'assigned' then 'lanhdao' else 'chuyenvien' end)::int as wrong
    from dossier_events e join users u on u.id::text = e.actor_id
    where e.type in ('assigned', 'processing_started') group by e.type order by e.type`.execute(database.db);
  assert.deepEqual(
    steps.rows.map((r) => [r.type, r.n > 0, r.wrong]),
    [
      ["assigned", true, 0],
      ["processing_started", true, 0],
    ],
  );

  const admin = await database.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", "admin")
    .executeTakeFirstOrThrow();
  assert.ok(admin.is_superuser);
  assert.ok(await verifyPassword(DEMO_PASSWORD, admin.password_hash));
  const leader = await database.db
    .selectFrom("role_grants")
    .innerJoin("users", "users.id", "role_grants.user_id")
    .select(["role_grants.role", "role_grants.unit_code", "role_grants.province_code"])
    .where("users.username", "=", "kimtra.lanhdao")
    .executeTakeFirstOrThrow();
  assert.deepEqual(leader, { role: "leader", unit_code: "20017", province_code: "46" });
  await database.close();

  const second = await demo();
  assert.match(second.stdout, /0 imported, 1000 unchanged, 0 rejected/);
  await reopen();
  assert.deepEqual(await counts(), filled);
});

test("a small demo with no PAKN among its dossiers completes", async () => {
  const small = await createTestDatabase();
  await small.close();
  try {
    const postgres = testEngine === "postgres";
    const args = ["demo", "--dossiers", "30", "--seed", "3", "--today", TODAY];
    if (!postgres) args.push("--data", small.target);
    const run = await runCli(args, { env: { DATABASE_URL: postgres ? small.target : undefined } });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout + run.stderr, /0 feedback/);
  } finally {
    await small.drop();
  }
});
