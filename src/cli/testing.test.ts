// runCli (src/cli/testing.ts) against the real binary: the same exit code and the same bytes on stdout and
// stderr as `node bin/motcua.js`, and the process left as it was found (streams, environment, directory).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "./testing.ts";

const BIN = fileURLToPath(new URL("../../bin/motcua.js", import.meta.url));

test("in process, a command prints exactly what the binary prints, with its exit code", async () => {
  for (const args of [
    ["holidays", "2026", "--format", "table"],
    ["due", "--bogus"],
  ]) {
    const spawned = spawnSync(process.execPath, [BIN, ...args], { encoding: "buffer" });
    const inProcess = await runCli(args);
    assert.equal(inProcess.status, spawned.status, args.join(" "));
    assert.deepEqual(inProcess.stdoutBytes, spawned.stdout, args.join(" "));
    assert.equal(inProcess.stdout, spawned.stdout.toString("utf8"));
    assert.equal(inProcess.stderr, spawned.stderr.toString("utf8"), args.join(" "));
  }
});

test("exit codes and streams of the dispatcher: no command, unknown command, --help", async () => {
  const none = await runCli([]);
  assert.equal(none.status, 2);
  assert.match(none.stdout, /^motcua — /);
  const unknown = await runCli(["nope"]);
  assert.deepEqual([unknown.status, unknown.stdout], [2, ""]);
  assert.match(unknown.stderr, /^motcua: unknown command "nope"/);
  const help = await runCli(["due", "--help"]);
  assert.deepEqual([help.status, help.stderr], [0, ""]);
  assert.match(help.stdout, /^Usage: motcua due/);
});

test("the environment and the working directory apply to the run only; the streams are restored", async () => {
  const write = process.stdout.write;
  const errWrite = process.stderr.write;
  const tty = process.stdout.isTTY;
  const cwd = process.cwd();
  const databaseUrl = process.env.DATABASE_URL;
  // the run's DATABASE_URL: a port nothing listens on, refused at once
  const refused = await runCli(["audit", "verify"], { env: { DATABASE_URL: "postgres://motcua@127.0.0.1:1/none" } });
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /^motcua audit: Không kết nối được cơ sở dữ liệu \(DATABASE_URL\): .*ECONNREFUSED/);
  assert.equal(process.env.DATABASE_URL, databaseUrl);
  // the run's directory: a relative file name is read from it
  const dir = mkdtempSync(join(tmpdir(), "motcua-runcli-"));
  try {
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ rows: [{ key: "a", received: 2, receivedDirect: 3 }] }));
    const checked = await runCli(["check", "bad.json"], { cwd: dir, env: { MOTCUA_RUNCLI_PROBE: "x" } });
    assert.equal(checked.status, 1, checked.stderr);
    assert.match(checked.stdout, /part-exceeds-whole/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(process.cwd(), cwd);
  assert.equal(process.env.MOTCUA_RUNCLI_PROBE, undefined);
  assert.equal(process.stdout.write, write);
  assert.equal(process.stderr.write, errWrite);
  assert.equal(process.stdout.isTTY, tty);
});

test("concurrent runs are serialized: each gets its own output", async () => {
  const years = ["2024", "2025", "2026"];
  const runs = await Promise.all(years.map((year) => runCli(["holidays", year])));
  assert.deepEqual(
    runs.map((r) => JSON.parse(r.stdout).year),
    years.map(Number),
  );
});
