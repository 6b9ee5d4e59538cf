// Versioned migrations: plain SQL files applied in name order, each in its own transaction, once.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ""), sql: readFileSync(MIGRATIONS_DIR + file, "utf8") }));
}

/** Applies pending migrations; returns the names applied. Safe to run from several processes at once. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query(
      "create table if not exists motcua_migrations (name text primary key, applied_at timestamptz not null default now())",
    );
    for (const migration of listMigrations()) {
      await client.query("begin");
      try {
        // serialize concurrent starters; the lock ends with the transaction
        await client.query("select pg_advisory_xact_lock(727274)");
        const done = await client.query("select 1 from motcua_migrations where name = $1", [migration.name]);
        if (done.rowCount === 0) {
          await client.query(migration.sql);
          await client.query("insert into motcua_migrations (name) values ($1)", [migration.name]);
          applied.push(migration.name);
        }
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    client.release();
  }
  return applied;
}
