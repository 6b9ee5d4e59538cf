// `motcua national` refusals in process (runCli, src/cli/testing.ts), on a test database of either engine (the
// roll-up itself runs on logical-replication clusters in test/topology/rollup.test.ts): the embedded engine cannot
// replicate (exit 2), a PostgreSQL server without wal_level=logical cannot publish (exit 1, the setting named),
// usage errors exit 2 — each with a Vietnamese message on stderr and nothing created.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";
import { runCli } from "../testing.ts";

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await database.close(); // the CLI opens it next
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
});

/** `motcua …` on the test database, in this process (runCli: what the binary prints, its exit code). */
function motcua(...args: string[]) {
  const postgres = testEngine === "postgres";
  const data = postgres ? [] : ["--data", database.target];
  return runCli([...args, ...data], {
    env: { DATABASE_URL: postgres ? database.target : undefined, MOTCUA_DATA: undefined },
  });
}

test("publish is refused where it cannot replicate, with the reason", async () => {
  const run = await motcua("national", "publish");
  assert.equal(run.stdout, "");
  if (testEngine === "pglite") {
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cần PostgreSQL/);
  } else {
    // scripts/pg-cluster.sh runs with the default wal_level (replica)
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /wal_level = logical.*\[wal-level\]/);
  }
});

test("usage errors exit 2 before touching a database", async () => {
  const missing = await motcua("national", "subscribe");
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--province-url/);
  const unknown = await motcua("national", "merge");
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Usage:/);
  const wait = await motcua("national", "status", "--wait", "soon");
  assert.equal(wait.status, 2);
  assert.match(wait.stderr, /--wait/);
});
