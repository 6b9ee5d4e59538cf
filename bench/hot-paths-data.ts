// The 1M-dossier database of bench/hot-paths.ts, generated once and kept: a named PostgreSQL cluster under
// /tmp (scripts/pg-cluster.sh with its own directory and port, never stopped by the bench) holding a database
// filled by the import bench's generator (bench/import-lines.ts: demo dossiers renumbered) through
// importDossierLines, then analyzed. A later run finds the same count and reuses it (migrations added since are
// applied; indexes they create are built on the existing rows).
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { exportProcedures, seedReferenceData } from "../src/db/repos/catalog.ts";
import { importDossierLines } from "../src/db/repos/dossier-import.ts";
import { UnitDirectory, unitFromRow } from "../src/db/repos/units.ts";
import { withDatabase } from "../src/db/testing.ts";
import { writeDemoLines } from "./import-lines.ts";

/** The admin URL of the kept cluster (started when it is not running), or BENCH_/TEST_DATABASE_URL when set. */
export function benchCluster(dir: string, port: number): string {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return given;
  const script = new URL("../scripts/pg-cluster.sh", import.meta.url).pathname;
  return execFileSync("bash", [script, "start"], {
    env: { ...process.env, PGTEST_DIR: dir, PGTEST_PORT: String(port) },
    encoding: "utf8",
  }).trim();
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Opens (creating and filling when needed) database `name` with `size` imported dossiers. */
export async function hotPathsDatabase(
  admin: string,
  name: string,
  size: number,
  poolSize?: number,
): Promise<Database> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const exists = (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount;
  if (!exists) await client.query(`create database ${name}`);
  await client.query(`alter database ${name} set jit = off`);
  await client.end();
  const database = await openDatabase({ databaseUrl: withDatabase(admin, name), ...(poolSize ? { poolSize } : {}) });
  const migrating = performance.now();
  const applied = await migrate(database.pool);
  if (applied.length) log(`migrations ${applied.join(", ")} applied in ${seconds(performance.now() - migrating)}`);
  const have = Number((await database.pool.query("select count(*) as n from dossiers")).rows[0].n);
  if (have === size) return database;
  if (have !== 0) throw new Error(`${name} holds ${have} dossiers, not ${size}: drop it (drop database ${name})`);
  await fill(database, size);
  return database;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function fill(database: Database, size: number): Promise<void> {
  await seedReferenceData(database.db);
  const units = (await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute()).map(
    unitFromRow,
  );
  const procedures = await exportProcedures(database.db);
  const dir = mkdtempSync(join(tmpdir(), "motcua-hot-lines-"));
  try {
    const file = join(dir, "dossiers.jsonl");
    let t = performance.now();
    await writeDemoLines(file, size, { units, procedures });
    log(`${size.toLocaleString("en")} lines written in ${seconds(performance.now() - t)}`);
    t = performance.now();
    let shown = 0;
    const summary = await importDossierLines(
      database,
      new UnitDirectory(database.db),
      createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY }),
      {
        createMissing: false,
        batchSize: 500,
        onReject: (r) => {
          throw new Error(`line ${r.line} rejected: ${r.reason}: ${r.message}`);
        },
        onProgress: (read) => {
          if (read - shown >= 100_000) {
            shown = read;
            log(`  imported ${read.toLocaleString("en")} (${seconds(performance.now() - t)})`);
          }
        },
      },
    );
    if (summary.imported !== size) throw new Error(`imported ${summary.imported} of ${size}`);
    log(`imported ${size.toLocaleString("en")} dossiers in ${seconds(performance.now() - t)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const table of ["dossiers", "dossier_events", "figure_counts", "ratings"])
    await database.pool.query(`vacuum analyze ${table}`);
}
