// The live schema as facts for citus.ts: every table of the public schema with its columns (and whether they
// may be null), its primary and unique keys (constraints and unique indexes alike) and its foreign keys.
// Reads pg_catalog only: works on PostgreSQL and on PGlite.
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { TableFact } from "./citus.ts";

export async function loadSchemaFacts(db: Kysely<Database>): Promise<TableFact[]> {
  const columns = await sql<{ table: string; column: string; not_null: boolean }>`
    select c.relname as table, a.attname as column, a.attnotnull as not_null
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname, a.attnum`.execute(db);
  // unique indexes cover the primary and unique constraints and the unique indexes made without one
  const keys = await sql<{ table: string; name: string; primary: boolean; columns: string[] }>`
    select c.relname as table, ic.relname as name, i.indisprimary as primary,
      array(select coalesce(a.attname, '(expression)') from unnest(i.indkey) with ordinality k(attnum, o)
        left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.o) as columns
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and i.indisunique
    order by c.relname, ic.relname`.execute(db);
  const foreign = await sql<{
    table: string;
    name: string;
    references: string;
    columns: string[];
    referenced: string[];
  }>`
    select c.relname as table, k.conname as name, r.relname as references,
      array(select a.attname from unnest(k.conkey) with ordinality x(attnum, o)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.attnum order by x.o) as columns,
      array(select a.attname from unnest(k.confkey) with ordinality x(attnum, o)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.attnum order by x.o) as referenced
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and k.contype = 'f'
    order by c.relname, k.conname`.execute(db);
  const facts = new Map<string, TableFact>();
  for (const row of columns.rows) {
    const fact = facts.get(row.table) ?? { table: row.table, columns: {}, keys: [], foreignKeys: [] };
    fact.columns[row.column] = row.not_null;
    facts.set(row.table, fact);
  }
  for (const row of keys.rows) {
    facts.get(row.table)?.keys.push({
      name: row.name,
      kind: row.primary ? "primary" : "unique",
      columns: toArray(row.columns),
    });
  }
  for (const row of foreign.rows) {
    facts.get(row.table)?.foreignKeys.push({
      name: row.name,
      columns: toArray(row.columns),
      references: row.references,
      referencedColumns: toArray(row.referenced),
    });
  }
  return [...facts.values()];
}

/** name[] arrives as an array from pg, and as '{a,b}' text from some drivers. */
function toArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value ?? "");
  return text
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean)
    .map((s) => s.replace(/^"|"$/g, ""));
}
