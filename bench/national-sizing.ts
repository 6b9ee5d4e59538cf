// Storage per dossier for docs/deploy-national.md: on a populated motcua database (a province), the bytes each
// table takes per dossier (heap, indexes, TOAST), and what the national level would hold of it through the
// roll-up's publications (src/db/rollup/tables.ts) — measured in the same run on the same rows: the published
// columns' average width (pg_column_size over a sample) plus the tuple header, the province's own indexes of
// those tables, the counters whole. The ratio national / province is the baseline comparison. Read-only.
//
//   node --import tsx bench/national-sizing.ts [--url postgres://…/motcua_hot_1000000] [--sample 2]
//   (default: BENCH_DATABASE_URL or TEST_DATABASE_URL; the database must hold dossiers, e.g. bench/hot-paths.ts's)
import { parseArgs } from "node:util";
import pg from "pg";
import { ROLLUP_LOG_TABLES, ROLLUP_TABLES, type RollupTable } from "../src/db/rollup/tables.ts";

const { values } = parseArgs({
  options: { url: { type: "string" }, sample: { type: "string", default: "2" } },
});
const url = values.url ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error("give --url (a populated motcua database) or BENCH_DATABASE_URL");
const client = new pg.Client({ connectionString: url });
await client.connect();

const one = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0] as T;
const dossiers = Number((await one<{ n: string }>("select count(*) as n from dossiers")).n);
if (!dossiers) throw new Error("no dossiers in this database");
const perMillion = (bytes: number) => (bytes / dossiers) * 1e6;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

// the province: every table's total size (heap + indexes + TOAST)
const { rows: tables } = await client.query<{ table: string; total: string; heap: string; indexes: string }>(
  `select c.relname as table, pg_total_relation_size(c.oid) as total, pg_table_size(c.oid) as heap,
     pg_indexes_size(c.oid) as indexes
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
);
const database = Number((await one<{ size: string }>("select pg_database_size(current_database()) as size")).size);
const province = tables.reduce((sum, t) => sum + Number(t.total), 0);

/** What the national level stores of one published table, estimated from this database's rows. */
async function nationalBytes(spec: RollupTable): Promise<{ rows: number; bytes: number }> {
  const table = tables.find((t) => t.table === spec.table);
  if (!table) return { rows: 0, bytes: 0 };
  const where = spec.where ? `where ${spec.where}` : "";
  const rows = Number((await one<{ n: string }>(`select count(*) as n from ${spec.table} ${where}`)).n);
  if (!spec.columns) return { rows, bytes: Number(table.total) };
  const cols = spec.columns.map((c) => `"${c}"`).join(", ");
  const width = await one<{ w: string | null }>(
    `select avg(pg_column_size(row(${cols}))) as w from ${spec.table} tablesample system (${Number(values.sample)}) ${where}`,
  );
  const all = Number((await one<{ n: string }>(`select count(*) as n from ${spec.table}`)).n) || 1;
  // heap: the row + 24 bytes of tuple header + 4 of line pointer, pages ~90 % full; indexes: the province's,
  // in proportion to the rows that cross (the national database has the same indexes, from the migrations)
  const heap = (rows * (Number(width.w ?? 0) + 28)) / 0.9;
  const indexes = (Number(table.indexes) * rows) / all;
  return { rows, bytes: heap + indexes };
}

let national = 0;
const lines: string[] = [];
for (const spec of [...ROLLUP_TABLES, ...ROLLUP_LOG_TABLES]) {
  const { rows, bytes } = await nationalBytes(spec);
  national += bytes;
  lines.push(`| ${spec.table} | ${rows.toLocaleString("en")} | ${gb(perMillion(bytes))} |`);
}

console.log(`database ${url.replace(/:[^:@/]*@/, "@")}: ${dossiers.toLocaleString("en")} dossiers\n`);
console.log("| table (province) | total | per 1M dossiers | of which indexes |");
console.log("|---|---|---|---|");
for (const t of tables.slice(0, 8)) {
  console.log(
    `| ${t.table} | ${gb(Number(t.total))} | ${gb(perMillion(Number(t.total)))} | ${gb(perMillion(Number(t.indexes)))} |`,
  );
}
console.log(`| all tables | ${gb(province)} | ${gb(perMillion(province))} | |`);
console.log(`| the database (pg_database_size) | ${gb(database)} | ${gb(perMillion(database))} | |\n`);
console.log("| published table | rows crossing | national bytes per 1M dossiers |");
console.log("|---|---|---|");
for (const line of lines) console.log(line);
console.log(
  `\nnational ${gb(perMillion(national))} per 1M dossiers against the province's ${gb(perMillion(database))}: ` +
    `ratio ${(national / database).toFixed(2)}`,
);
await client.end();
