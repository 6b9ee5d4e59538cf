// Harness of the national roll-up tests: small PostgreSQL clusters with wal_level=logical started by
// scripts/pg-topology-rollup.sh (one migrated template, cloned per cluster), the real `motcua` command run as a
// process against each, and demo dossiers of one province written as interchange lines.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { main } from "../../src/cli/main.ts";
import { openDatabase } from "../../src/db/engine.ts";
import { exportProcedures } from "../../src/db/repos/catalog.ts";
import { executeCommand } from "../../src/db/repos/dossiers/service.ts";
import { UnitDirectory, unitFromRow } from "../../src/db/repos/units.ts";
import { listMigrations } from "../../src/db/migrate.ts";
import { generateDemo } from "../../src/demo/generate.ts";
import { serializeDossier } from "../../src/dossier/interchange/index.ts";
import type { TimeLimit } from "../../src/calendar/index.ts";
import type { DossierCommand } from "../../src/dossier/commands.ts";
import type { DossierRecord } from "../../src/dossier/record.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPT = `${root}scripts/pg-topology-rollup.sh`;

export const UNITS = {
  hue: `${root}src/units/data/hue.json`,
  daNang: `${root}src/units/data/da-nang.json`,
};
export const CATALOG = `${root}src/catalog/data/procedures.json`;

/** A fingerprint of the migrations: the template cluster is rebuilt when they change. */
function templateName(): string {
  let hash = 0;
  for (const { name, sql } of listMigrations()) {
    for (const ch of name + sql) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  }
  return `tpl-${(hash >>> 0).toString(36)}`;
}

async function script(...args: string[]): Promise<string> {
  const { stdout } = await run("bash", [SCRIPT, ...args], { encoding: "utf8" });
  return stdout.trim();
}

/**
 * `motcua …` on the database at `url`: the command line's own `main` (what bin/motcua.js runs), in this process
 * to spare a Node start per call (the test makes dozens); stdout is returned, a non-zero exit rejects with
 * stderr. Calls must not overlap (DATABASE_URL and stdout are process-wide).
 */
export async function motcua(url: string, ...args: string[]): Promise<string> {
  const saved = { url: process.env.DATABASE_URL, data: process.env.MOTCUA_DATA };
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.env.DATABASE_URL = url;
  delete process.env.MOTCUA_DATA;
  // commands write strings; the test runner's own messages to its parent are buffers and pass through
  const capture = (into: string[], original: typeof process.stdout.write) =>
    function (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: unknown[]) {
      if (typeof chunk === "string") return into.push(chunk) > 0;
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = capture(out, write.out);
  process.stderr.write = capture(err, write.err);
  let code: number;
  try {
    code = await main(args);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.data !== undefined) process.env.MOTCUA_DATA = saved.data;
  }
  if (code !== 0) throw new Error(`motcua ${args.join(" ")} exited ${code}: ${err.join("")}${out.join("")}`);
  return out.join("");
}

export interface Cluster {
  name: string;
  url: string;
  halt(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Clusters NAME → PORT, each a copy of a migrated template (made once per migration set and kept halted under
 * /tmp, so a second run skips the migration). `stopAll` deletes the clusters, not the template.
 */
export async function startClusters(ports: Record<string, number>, templatePort: number) {
  const template = templateName();
  const clusterRoot = process.env.PGROLLUP_ROOT ?? "/tmp";
  // written once the template is migrated and halted: a run that died half-way leaves none
  const probe = `${clusterRoot}/motcua-rollup-${template}.ready`;
  let ready = false;
  try {
    readFileSync(probe);
    ready = true;
  } catch {}
  if (!ready) {
    // templates of earlier migration sets are stale: delete them (`stop` also stops one left running)
    for (const entry of readdirSync(clusterRoot).filter((e) => e.startsWith("motcua-rollup-tpl-"))) {
      if (entry.endsWith(".ready")) rmSync(`${clusterRoot}/${entry}`, { force: true });
      else await script("stop", entry.slice("motcua-rollup-".length));
    }
    const url = await script("start", template, String(templatePort));
    await motcua(url, "migrate");
    await script("halt", template);
    writeFileSync(probe, `${new Date().toISOString()}\n`);
  }
  const clusters: Record<string, Cluster> = {};
  for (const [name, port] of Object.entries(ports)) {
    const url = await script("clone", template, name, String(port));
    clusters[name] = {
      name,
      url,
      halt: async () => void (await script("halt", name)),
      start: async () => void (await script("start", name, String(port))),
    };
  }
  return {
    clusters,
    async stopAll() {
      for (const name of Object.keys(ports)) await script("stop", name).catch(() => {});
    },
  };
}

/** Demo dossiers of the province stored at `url` (its units and catalogue), as interchange lines. */
export async function demoRecords(url: string, seed: number, dossiers: number): Promise<DossierRecord[]> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    const rows = await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute();
    const procedures = await exportProcedures(database.db);
    const today = new Date("2026-11-30T17:00:00+07:00");
    return generateDemo({ seed, today, units: rows.map(unitFromRow), procedures, dossiers }).records;
  } finally {
    await database.close();
  }
}

/** Writes records as an interchange file and imports it with `motcua import`; returns its summary. */
export async function importRecords(url: string, file: string, records: readonly DossierRecord[]) {
  writeFileSync(file, records.map((r) => `${serializeDossier(r)}\n`).join(""));
  const summary = JSON.parse(await motcua(url, "import", file)) as { imported?: number; rejected?: number };
  assert.equal(summary.rejected ?? 0, 0, `rejected lines: ${JSON.stringify(summary)}`);
  return summary;
}

/** One SQL query on a cluster. */
export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

type Doc = { rows: ({ key: string } & Record<string, number>)[]; total: Record<string, number | string> };

/** The element-wise sum of results documents (rows by key, the total), for comparing with the national one. */
export function sumDocuments(docs: readonly Doc[]): {
  rows: Map<string, Record<string, number>>;
  total: Record<string, number>;
} {
  const rows = new Map<string, Record<string, number>>();
  const total: Record<string, number> = {};
  const add = (into: Record<string, number>, from: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(from)) if (typeof v === "number") into[k] = (into[k] ?? 0) + v;
  };
  for (const doc of docs) {
    for (const row of doc.rows) {
      const into = rows.get(row.key) ?? {};
      add(into, row);
      rows.set(row.key, into);
    }
    add(total, doc.total);
  }
  return { rows: new Map([...rows].sort(([a], [b]) => a.localeCompare(b))), total };
}

/**
 * Lifecycle commands on open dossiers of the province at `url` (through the dossier service, as the API runs
 * them): the dossier rows change, new events are appended, the counters move. Returns the codes acted on.
 */
export async function advanceOpenDossiers(url: string, at: Date, count: number): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    const open = await database.db
      .selectFrom("dossiers")
      .select(["code", "current_unit_code"])
      .where("state", "in", ["received", "processing"])
      .where("supplement_requests", "=", 0)
      .orderBy("code")
      .limit(count)
      .execute();
    const ctx = { db: database.db, units, now: () => at };
    for (const [i, row] of open.entries()) {
      // every other one waits for papers (its clock pauses: the overdue split reads the log), the rest withdrawn
      const command: DossierCommand<TimeLimit> =
        i % 2 === 0
          ? { action: "request_supplement", missing: ["Bản sao giấy tờ tùy thân"] }
          : { action: "withdraw", reason: "Công dân rút hồ sơ" };
      await executeCommand(ctx, row.code, command, {
        revision: null,
        idempotencyKey: `rollup-test:${row.code}`,
        authorize: () => ({ id: "rollup-test", role: "front_desk", unit: row.current_unit_code }),
      });
    }
    return open.map((r) => r.code);
  } finally {
    await database.close();
  }
}
