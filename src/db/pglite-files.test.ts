// Where the embedded database's socket goes, and the directory's modes (no database started here).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { protectDataDir, SOCKET_PORT, socketPlace } from "./pglite-files.ts";

test("the socket goes in <data>/.socket (0700), or a private temporary directory when the path is too long", () => {
  const root = mkdtempSync(join(tmpdir(), "motcua-sock-"));
  try {
    const short = socketPlace(join(root, "data"));
    assert.equal(short.dir, join(root, "data", ".socket"));
    assert.equal(short.path, join(short.dir, `.s.PGSQL.${SOCKET_PORT}`));
    assert.equal(statSync(short.dir).mode & 0o777, 0o700);
    const deep = join(root, "d".repeat(60), "e".repeat(60));
    const long = socketPlace(deep);
    assert.ok(long.dir.startsWith(tmpdir()) && !long.dir.startsWith(deep), long.dir);
    assert.ok(Buffer.byteLength(long.path) <= 100);
    assert.equal(statSync(long.dir).mode & 0o777, 0o700);
    long.cleanup();
    assert.equal(existsSync(long.dir), false, "the temporary directory goes with the database");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("protectDataDir makes directories 0700 and files 0600, however loose they were", () => {
  const root = mkdtempSync(join(tmpdir(), "motcua-modes-"));
  try {
    const data = join(root, "data");
    protectDataDir(data);
    writeFileSync(join(data, "PG_VERSION"), "17\n", { mode: 0o666 });
    protectDataDir(data);
    assert.equal(statSync(data).mode & 0o777, 0o700);
    assert.equal(statSync(join(data, "PG_VERSION")).mode & 0o777, 0o600);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
