// `motcua demo`'s databases for the browser tests, built once per machine and copied for each file (PGlite).
// Several files ask for the same demo (DEFAULT_DEMO): loading it is the command's whole run (20–40 s), copying
// its directory takes a second. An entry is named by a fingerprint of everything that makes the data: the demo's
// options and every source file the command can read (src/ without tests or docs — the migrations, the demo
// generator, the repositories, the shipped catalogue —, bin/, package.json and package-lock.json, which pins
// PGlite and so its on-disk format). A changed source gives a new name, so a stale entry is never reused. An
// entry is built in a private directory and renamed into place: a reader sees a whole entry or none, and of two
// processes building the same entry one rename wins and the other's copy is removed. Entries unused for a day are
// removed. Every file's copy is its own: a file mutates it freely.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openPgliteCopy, type TestDatabase } from "../../src/db/testing.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PREFIX = "motcua-e2e-demo-";
const UNUSED_FOR = 24 * 60 * 60 * 1000;

/** The files whose content makes a demo database: sources and data under src/, the binary, the dependencies. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !/\.test\.ts$|\.md$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, "src"));
  walk(path.join(root, "bin"));
  files.push(path.join(root, "package.json"), path.join(root, "package-lock.json"));
  return files.sort();
}

/** The entry's name for `args` (the command's arguments): a hash of the arguments and of every source file. */
export function demoFingerprint(args: readonly string[]): string {
  const hash = createHash("sha256").update(JSON.stringify(args));
  for (const file of sourceFiles()) {
    hash.update(`\0${path.relative(root, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 24);
}

/** Removes the entries nobody has used for a day (each use touches its entry). */
function pruneUnused(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX) || name === path.basename(keep)) continue;
    const entry = path.join(tmpdir(), name);
    try {
      if (Date.now() - statSync(entry).mtimeMs > UNUSED_FOR) rmSync(entry, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another process
    }
  }
}

/**
 * A private copy of the demo database `args` describe, building the cache entry first if there is none:
 * `build()` returns a closed PGlite directory holding the demo, which becomes the entry (or is removed when
 * another process's entry got there first).
 */
export async function cachedDemo(args: readonly string[], build: () => Promise<string>): Promise<TestDatabase> {
  const entry = path.join(tmpdir(), `${PREFIX}${demoFingerprint(args)}`);
  if (!existsSync(entry)) {
    const built = await build();
    for (const held of [".motcua.lock", ".motcua.owner", ".socket"]) {
      rmSync(path.join(built, held), { recursive: true, force: true });
    }
    try {
      renameSync(built, entry);
    } catch {
      rmSync(built, { recursive: true, force: true }); // another process won the race: its entry is the same
    }
    pruneUnused(entry);
  }
  const now = new Date();
  utimesSync(entry, now, now);
  return openPgliteCopy(entry);
}
