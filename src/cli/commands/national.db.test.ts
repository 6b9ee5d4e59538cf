// `motcua national` refusals as a real process, on a test database of either engine (the roll-up itself runs on
// logical-replication clusters in test/topology/rollup.test.ts): the embedded engine cannot replicate (exit 2), a
// PostgreSQL server without wal_level=logical cannot publish (exit 1, the setting named), usage errors exit 2 —
// each with a Vietnamese message on stderr and nothing created.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase, testEngine } from "../../db/testing.ts";

const BIN = fileURLToPath(new URL("../../../bin/motcua.js", import.meta.url));
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await database.close(); // the CLI opens it next
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
});

function motcua(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.MOTCUA_DATA;
  if (testEngine === "postgres") env.DATABASE_URL = database.target;
  const data = testEngine === "postgres" ? [] : ["--data", database.target];
  const result = spawnSync(process.execPath, [BIN, ...args, ...data], { env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("publish is refused where it cannot replicate, with the reason", () => {
  const run = motcua("national", "publish");
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

test("usage errors exit 2 before touching a database", () => {
  const missing = motcua("national", "subscribe");
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--province-url/);
  const unknown = motcua("national", "merge");
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Usage:/);
  const wait = motcua("national", "status", "--wait", "soon");
  assert.equal(wait.status, 2);
  assert.match(wait.stderr, /--wait/);
});
