// --read-url / DATABASE_READ_URL of the read-only commands (src/cli/read-database.ts), without a standby:
// a bad URL and the embedded database are usage errors (exit 2); on PostgreSQL a standby out of reach leaves
// the reads on the primary and says so. test/topology/replica.test.ts proves the reads on a real standby.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase, testEngine } from "../db/testing.ts";
import { seedTestUnits } from "../http/testing.ts";
import { runCli } from "./testing.ts";

let database: TestDatabase;
const out = mkdtempSync(join(tmpdir(), "motcua-read-url-"));
const UNREACHABLE = "postgres://motcua@127.0.0.1:1/motcua";

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  if (testEngine === "pglite") await database.close(); // the command opens the embedded directory next
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const where = () =>
  testEngine === "postgres"
    ? { args: [], env: { DATABASE_URL: database.target, MOTCUA_DATA: undefined } }
    : { args: ["--data", database.target], env: { DATABASE_URL: undefined, MOTCUA_DATA: undefined } };
const report = ["report", "results", "--from", "2024-03-01", "--to", "2024-03-31", "--unit", "P1"];

test("a --read-url that is not a postgres:// URL is a usage error (exit 2), nothing printed", async () => {
  const { args, env } = where();
  const run = await runCli([...report, ...args, "--read-url", "mysql://x@h/db"], { env });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--read-url \(DATABASE_READ_URL\) phải là địa chỉ PostgreSQL/);
  assert.equal(run.stdout, "");
  const exported = await runCli(["export", ...args, join(out, "bad.jsonl")], {
    env: { ...env, DATABASE_READ_URL: "file:///tmp/x" },
  });
  assert.equal(exported.status, 2);
  assert.match(exported.stderr, /DATABASE_READ_URL/);
});

test("the embedded database has no standby: --read-url is refused; on PostgreSQL one out of reach reads the primary", async () => {
  const { args, env } = where();
  const plain = await runCli([...report, ...args], { env });
  assert.equal(plain.status, 0, plain.stderr);
  const run = await runCli([...report, ...args, "--read-url", UNREACHABLE], { env });
  if (testEngine === "pglite") {
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cần cơ sở dữ liệu chính là PostgreSQL/);
    return;
  }
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /không kết nối được: đọc từ cơ sở dữ liệu chính/);
  assert.deepEqual(JSON.parse(run.stdout), JSON.parse(plain.stdout));
  const file = join(out, "p1.jsonl");
  const exported = await runCli(["export", ...args, "--unit", "P1", file], {
    env: { ...env, DATABASE_READ_URL: UNREACHABLE },
  });
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stderr, /không kết nối được: đọc từ cơ sở dữ liệu chính/);
  assert.equal(readFileSync(file, "utf8"), "");
});
