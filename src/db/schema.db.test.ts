// schema.ts (the Kysely `Database` interface) must say what the migrations build: every table with every column,
// nothing more. The interface is read with the TypeScript compiler API (names only; types are Kysely's business),
// the database from information_schema after applying every migration to a fresh database.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import ts from "typescript";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

const SCHEMA_FILE = new URL("./schema.ts", import.meta.url);
/** The per-area table types schema.ts re-exports (src/db/schema/*.ts). */
const SCHEMA_DIR = new URL("./schema/", import.meta.url);
/** Tables the application never reads through Kysely. */
const NOT_IN_KYSELY = new Set(["motcua_migrations"]);

type Declared<T> = { node: T; source: ts.SourceFile };

/** Table name → column names, as `interface Database` in schema.ts declares them. */
function declaredTables(): Map<string, string[]> {
  const files = [SCHEMA_FILE, ...readdirSync(SCHEMA_DIR).map((name) => new URL(name, SCHEMA_DIR))];
  const interfaces = new Map<string, Declared<ts.InterfaceDeclaration>>();
  const aliases = new Map<string, Declared<ts.TypeAliasDeclaration>>();
  for (const file of files) {
    const source = ts.createSourceFile(file.pathname, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    for (const node of source.statements) {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, { node, source });
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, { node, source });
    }
  }
  const names = (members: ts.NodeArray<ts.TypeElement>) =>
    members.filter(ts.isPropertySignature).map((m) => (m.name as ts.Identifier | ts.StringLiteral).text);
  const columnsOfName = (name: string, table: string): string[] => {
    const declared = interfaces.get(name);
    if (declared) {
      const { node, source } = declared;
      const inherited = (node.heritageClauses ?? []).flatMap((clause) =>
        clause.types.map((t) => t.expression.getText(source)).flatMap((base) => columnsOfName(base, table)),
      );
      return [...inherited, ...names(node.members)];
    }
    const alias = aliases.get(name);
    if (alias) return columnsOf(alias.node.type, alias.source, table);
    throw new Error(`schema.ts: cannot find ${name}, the type of table ${table}`);
  };
  const columnsOf = (type: ts.TypeNode, source: ts.SourceFile, table: string): string[] => {
    if (ts.isTypeLiteralNode(type)) return names(type.members);
    if (ts.isTypeReferenceNode(type)) return columnsOfName(type.typeName.getText(source), table);
    throw new Error(`schema.ts: cannot read the columns of table ${table} (${type.getText(source)})`);
  };
  const database = interfaces.get("Database");
  assert.ok(database, "schema.ts declares `interface Database`");
  const tables = new Map<string, string[]>();
  for (const member of database.node.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const table = (member.name as ts.Identifier).text;
    tables.set(table, columnsOf(member.type, database.source, table));
  }
  return tables;
}

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

/** Table name → column names with their SQL types, as the migrations built them. */
async function builtTables(): Promise<Map<string, Map<string, string>>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(t.db);
  const tables = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (NOT_IN_KYSELY.has(row.table_name)) continue;
    const columns = tables.get(row.table_name) ?? new Map<string, string>();
    columns.set(row.column_name, row.data_type);
    tables.set(row.table_name, columns);
  }
  return tables;
}

test("schema.ts declares exactly the tables and columns the migrations build", async () => {
  const declared = declaredTables();
  const built = await builtTables();
  const problems: string[] = [];
  for (const [table, columns] of built) {
    const names = declared.get(table);
    if (!names) {
      const list = [...columns].map(([c, type]) => `${c} (${type})`).join(", ");
      problems.push(
        `table ${table} is built by the migrations but missing from schema.ts: add \`${table}: …Table;\` at the end ` +
          `of interface Database and an interface for it with the columns ${list}`,
      );
      continue;
    }
    for (const [column, type] of columns) {
      if (!names.includes(column)) {
        problems.push(`column ${table}.${column} (${type}) is built by the migrations: add it to ${table}'s interface`);
      }
    }
    for (const column of names) {
      if (!columns.has(column)) {
        problems.push(`schema.ts declares ${table}.${column}, which no migration builds: remove it or add a migration`);
      }
    }
  }
  for (const table of declared.keys()) {
    if (!built.has(table)) {
      problems.push(`schema.ts declares table ${table}, which no migration builds: remove it or add a migration`);
    }
  }
  assert.deepEqual(problems, [], `schema.ts and src/db/migrations disagree:\n${problems.join("\n")}`);
});

test("the reading of schema.ts finds every table's columns (the check above cannot pass on an empty read)", () => {
  const declared = declaredTables();
  assert.ok(declared.size >= 20, `${declared.size} tables read`);
  assert.ok(declared.get("dossiers")?.includes("content_hash"));
  assert.ok(declared.get("dossier_events")?.includes("idempotency_key"));
});
