// A static scan of the repositories' SQL (src/db/repos): each top-level function or method that names a
// distributed table (Kysely's selectFrom/insertInto/updateTable/deleteFrom/…Join("t"), or `from t`, `join t`,
// `into t`, `update t` in SQL text) but never names province_code. On Citus such a query goes to every node
// instead of one (it still answers correctly: a national report does this on purpose). A heuristic, not a
// parser: a function that receives its filter from a helper that adds province_code is listed too, so the list
// in docs/deploy-national.md is read by a person, not enforced.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface UnscopedQuery {
  file: string;
  name: string;
  tables: string[];
}

/** Top-level declarations and class methods: `[export] [async] function f`, `export const f =`, `  async m(`. */
const DECLARATION =
  /^(?:export\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?const\s+(\w+)\s*=|^ {2}(?:async\s+)?(\w+)\s*\(/;

/** Splits a source file into its declarations (name and text). */
export function declarationsOf(source: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let current: { name: string; lines: string[] } | null = null;
  for (const line of source.split("\n")) {
    const match = DECLARATION.exec(line);
    const name = match?.[1] ?? match?.[2] ?? match?.[3];
    if (name && !["if", "for", "while", "switch", "return", "catch"].includes(name)) {
      if (current) out.push({ name: current.name, text: current.lines.join("\n") });
      current = { name, lines: [line] };
    } else current?.lines.push(line);
  }
  if (current) out.push({ name: current.name, text: current.lines.join("\n") });
  return out;
}

/** The distributed tables a piece of code names. */
export function tablesNamed(text: string, tables: readonly string[]): string[] {
  const found = new Set<string>();
  for (const table of tables) {
    const kysely = new RegExp(
      `(?:selectFrom|insertInto|updateTable|deleteFrom|Join|mergeInto)\\(\\s*["'\`]${table}(?:\\s+as\\s+\\w+)?["'\`]`,
    );
    const raw = new RegExp(`\\b(?:from|join|into|update)\\s+${table}\\b`, "i");
    if (kysely.test(text) || raw.test(text)) found.add(table);
  }
  return [...found].sort();
}

/** The declarations of `source` that name a distributed table and never province_code. */
export function unscopedIn(file: string, source: string, tables: readonly string[]): UnscopedQuery[] {
  return declarationsOf(source)
    .map((d) => ({ file, name: d.name, tables: tablesNamed(d.text, tables), text: d.text }))
    .filter((d) => d.tables.length > 0 && !/province_code|provinceCode/.test(d.text))
    .map(({ file, name, tables }) => ({ file, name, tables }));
}

/** Scans every non-test .ts file under `dir`. */
export function scanRepositories(dir: string, tables: readonly string[], root = dir): UnscopedQuery[] {
  const out: UnscopedQuery[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...scanRepositories(path, tables, root));
    else if (entry.endsWith(".ts") && !entry.endsWith(".test.ts") && !entry.endsWith(".testing.ts")) {
      out.push(...unscopedIn(relative(root, path), readFileSync(path, "utf8"), tables));
    }
  }
  return out;
}
