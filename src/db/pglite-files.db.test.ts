// The embedded database on disk (docs/security.md): no TCP port, a Unix socket in a 0700 directory that a
// second OS user cannot reach, data files 0600/0700, and a lock whose dead holder is noticed at once.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { DatabaseBusyError, openDatabase } from "./engine.ts";
import { isSocket, SOCKET_PORT } from "./pglite-files.ts";
import { createTestDatabase, testEngine } from "./testing.ts";

const skip = testEngine !== "pglite" ? "the embedded database only (MOTCUA_TEST_ENGINE=pglite)" : false;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

let parent: string;
let dataDir: string;
before(async () => {
  if (skip) return;
  // a migrated database, copied under a parent anyone may enter, loosened as an old install left it
  const template = await createTestDatabase();
  await template.close();
  parent = mkdtempSync(join(tmpdir(), "motcua-files-"));
  chmodSync(parent, 0o755);
  dataDir = join(parent, "data");
  cpSync(template.target, dataDir, { recursive: true });
  rmSync(template.target, { recursive: true, force: true });
  chmodSync(dataDir, 0o777);
  chmodSync(join(dataDir, "PG_VERSION"), 0o666);
});
after(() => {
  if (parent) rmSync(parent, { recursive: true, force: true });
});

function loosePaths(dir: string): string[] {
  const loose: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isSymbolicLink()) continue;
      if ((statSync(path).mode & 0o077) !== 0) loose.push(path);
      if (entry.isDirectory()) walk(path);
    }
  };
  if ((statSync(dir).mode & 0o077) !== 0) loose.push(dir);
  walk(dir);
  return loose;
}

test("served on a Unix socket in a 0700 directory, never TCP; files 0600 and directories 0700", { skip }, async () => {
  const database = await openDatabase({ dataDir });
  try {
    const { host, port } = database.pool.options;
    assert.ok(host?.startsWith(`${dataDir}/`), `the pool reaches ${host}:${port}, not a TCP address`);
    assert.equal(port, SOCKET_PORT);
    assert.ok(isSocket(join(host!, `.s.PGSQL.${port}`)));
    assert.equal(statSync(host!).mode & 0o777, 0o700);
    // while open, files the server creates take its defaults, but nobody else may enter the directory
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dataDir, "base")).mode & 0o777, 0o700, "loosened directories are tightened");
    assert.equal(statSync(join(dataDir, "PG_VERSION")).mode & 0o777, 0o600, "loosened files are tightened");
    assert.equal((await database.pool.query("select 1 as one")).rows[0].one, 1);
  } finally {
    await database.close();
  }
  assert.deepEqual(loosePaths(dataDir), [], "at rest too");
});

const PROBE = "motcua-probe";
const asRoot = process.getuid?.() === 0;

test("a second OS user can neither connect to the database nor read its files", {
  skip: skip || (asRoot ? false : "needs root to create a second OS user (useradd); run as root in CI"),
}, async () => {
  spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PROBE]);
  assert.equal(spawnSync("id", ["-u", PROBE]).status, 0, `useradd ${PROBE}`);
  const database = await openDatabase({ dataDir });
  try {
    const { host, port } = database.pool.options;
    // what any local program would try: the socket (or the TCP address) the server itself uses
    const target = host!.startsWith("/") ? JSON.stringify(join(host!, `.s.PGSQL.${port}`)) : `${port}, "${host}"`;
    const probe = spawnSync(
      "runuser",
      [
        "-u",
        PROBE,
        "--",
        process.execPath,
        "-e",
        `require("net").connect(${target}).on("connect", () => { console.log("connected"); process.exit(0); })` +
          `.on("error", (e) => { console.log(e.code); process.exit(1); })`,
      ],
      { encoding: "utf8", cwd: "/" },
    );
    assert.notEqual(probe.stdout.trim(), "connected", "the second user reached the database");
    assert.match(probe.stdout.trim(), /EACCES|ENOENT/);
    const read = spawnSync("runuser", ["-u", PROBE, "--", "cat", join(dataDir, "PG_VERSION")], { encoding: "utf8" });
    assert.notEqual(read.status, 0, "the second user read a data file");
  } finally {
    await database.close();
  }
});

test("a second process is told the holder's PID; a holder killed with -9 is taken over at once", { skip }, async () => {
  const database = await openDatabase({ dataDir });
  try {
    await assert.rejects(openDatabase({ dataDir }), (error: Error) => {
      assert.ok(error instanceof DatabaseBusyError);
      assert.match(error.message, new RegExp(`PID ${process.pid}`));
      return true;
    });
  } finally {
    await database.close();
  }
  // another process holds the directory, then dies without releasing it
  const holder = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `import("./src/db/engine.ts").then(async (m) => { await m.openDatabase({ dataDir: ${JSON.stringify(dataDir)} });` +
        ` console.log("ready"); setInterval(() => {}, 1000); });`,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    holder.once("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
  await assert.rejects(openDatabase({ dataDir }), DatabaseBusyError, "held while alive");
  holder.removeAllListeners("exit");
  const exited = new Promise((resolve) => holder.once("exit", resolve));
  holder.kill("SIGKILL");
  await exited;
  const reopened = await openDatabase({ dataDir }); // old code: ELOCKED for the lock's 15 s staleness
  try {
    assert.equal((await reopened.pool.query("select 1 as one")).rows[0].one, 1);
  } finally {
    await reopened.close();
  }
});
