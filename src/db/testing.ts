// A fresh, migrated database for one test file, on the engine the test run selects:
// MOTCUA_TEST_ENGINE=pglite (default) or postgres with TEST_DATABASE_URL pointing at a throwaway cluster.
// Creating a database from nothing costs seconds, so each run migrates one template and copies it.
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "./engine.ts";
import { migrate } from "./migrate.ts";
import { listMigrations } from "./migrate.ts";

export const testEngine = (process.env.MOTCUA_TEST_ENGINE ?? "pglite") as "pglite" | "postgres";

/** A fingerprint of the migrations, so a stale template is never reused. */
function templateTag(): string {
  let hash = 0;
  for (const { name, sql } of listMigrations()) {
    for (const ch of name + sql) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  }
  return (hash >>> 0).toString(36);
}

export interface TestDatabase extends Database {
  /** For postgres: the URL of this test database; for pglite: its directory. */
  target: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return testEngine === "postgres" ? createPostgresTestDb() : createPgliteTestDb();
}

async function createPgliteTestDb(): Promise<TestDatabase> {
  const template = join(tmpdir(), `motcua-pglite-template-${templateTag()}`);
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}`;
    const db = await openDatabase({ dataDir: building });
    await migrate(db.pool);
    await db.close();
    rmSync(join(building, ".motcua.lock"), { recursive: true, force: true });
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another process won the race
    }
  }
  return openPgliteCopy(template);
}

/** A private copy of a closed PGlite directory (a template, a cached demo), opened; `drop` removes it. */
export async function openPgliteCopy(source: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "motcua-test-"));
  cpSync(source, dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  return {
    ...db,
    target: dir,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDb(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set (start one with scripts/pg-cluster.sh)");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = `motcua_template_${templateTag()}`;
  try {
    await admin.query("select pg_advisory_lock(727275)");
    const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${template}`);
      const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, template), poolSize: 2 });
      await migrate(db.pool);
      await db.close();
    }
    const name = `motcua_test_${process.pid}_${Date.now().toString(36)}`;
    // a closed pool's backends leave asynchronously: retry while the template still shows them
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    }
    await admin.query("select pg_advisory_unlock(727275)");
    const url = withDatabase(adminUrl, name);
    const db = await openDatabase({ databaseUrl: url, poolSize: 40 });
    return {
      ...db,
      target: url,
      async drop() {
        await db.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  } catch (error) {
    await admin.end();
    throw error;
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
