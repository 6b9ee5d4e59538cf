// A static scan of the repositories' SQL (src/db/repos): each top-level function or method that names a
// distributed table (Kysely's selectFrom/insertInto/updateTable/deleteFrom/…Join("t"), or `from t`, `join t`,
// `into t`, `update t` in SQL text) but never names province_code, itself or through a condition builder it
// calls (a function of the same file, or imported from another repository file, that names province_code and
// no table — list-sql.ts armsOf, reports-quality.ts scopeOf, unit-scope.ts inUnits; a call to another query
// vouches for nothing: its province filter is not the caller's). On Citus such a query goes to every
// node instead of one. SPANS_PROVINCES lists the functions that read every province on purpose, each with why;
// query-scan.db.test.ts fails on any other (docs/deploy-national.md "Queries"). A heuristic, not a parser:
// comments are left out, calls are recognised by name.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export interface UnscopedQuery {
  file: string;
  name: string;
  tables: string[];
}

/**
 * The functions that read or write every province on purpose (key: "<file under src/db/repos> <function>").
 * Each reason says why the query cannot name one province; a new entry needs the same.
 */
export const SPANS_PROVINCES: Record<string, string> = {
  "people.ts grantsOf":
    "a user's grants wherever held: users are national reference rows (ADR 0003) and one account may hold grants in several provinces",
  "people.ts sessionOf":
    "the session's actor with all its grants (as grantsOf), once per session cache miss; the province is what the grants tell",
  "staff-directory.ts listUsersOfUnits":
    "the users of some units with every grant they hold, wherever held (the administration page shows them all)",
  "feedback.ts findFeedback":
    "by the deployment-wide id a citizen or a link gives (one identity sequence); the route checks the caller's units on the row",
  "feedback.ts listPublishedFeedback": "the public page of answered items of the whole deployment, newest first",
  "figure-counts.ts rebuildFigureCounts":
    "rebuilds the counters of every province from their dossiers (migrate --rebuild)",
  "dossier-import.ts start":
    "loads every province's overrides and manual periods once: one dossier file may hold any province's dossiers",
};

/** Top-level declarations and class methods: `[export] [async] function f`, `export const f[: T] =`, `  async m(`. */
const DECLARATION =
  /^(?:export\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?const\s+(\w+)\s*(?::[^=]+)?=|^ {2}(?:async\s+)?(\w+)\s*\(/;

/** The source without comments (`//` from a line's start, and block comments); strings are left alone. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/^\s*\/\/.*$/gm, "");
}

/** Splits a source file into its declarations (name and text). */
export function declarationsOf(source: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let current: { name: string; lines: string[] } | null = null;
  for (const line of withoutComments(source).split("\n")) {
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

/** The names a piece of code calls: `f(` (not `x.f(`) and `this.f(`. */
export function callsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\w.$])(\w+)\s*\(|\bthis\.(\w+)\s*\(/g)) out.add((m[1] ?? m[2])!);
  return out;
}

/** Local name → [module specifier, exported name] of a file's named imports. */
export function importsOf(source: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const m of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const part of m[1]!.split(",")) {
      const [exported, local] = part
        .replace(/^\s*type\s+/, "")
        .split(/\s+as\s+/)
        .map((s) => s.trim());
      if (exported) out.set(local ?? exported, [m[2]!, exported]);
    }
  }
  return out;
}

interface Declaration {
  file: string;
  name: string;
  tables: string[];
  calls: Set<string>;
  /** Names province_code itself, or (after resolve) through what it calls. */
  scoped: boolean;
}

interface SourceFile {
  file: string;
  declarations: Declaration[];
  imports: Map<string, [string, string]>;
}

const PROVINCE = /province_code|provinceCode/;

function parse(file: string, source: string, tables: readonly string[]): SourceFile {
  const declarations = declarationsOf(source).map((d) => ({
    file,
    name: d.name,
    tables: tablesNamed(d.text, tables),
    calls: callsIn(d.text),
    scoped: PROVINCE.test(d.text),
  }));
  return { file, declarations, imports: importsOf(source) };
}

/** Marks as scoped every declaration that calls a scoped condition builder (same file or imported), to a fixed point. */
function resolve(files: readonly SourceFile[]): void {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const find = (file: string, name: string) => byFile.get(file)?.declarations.find((d) => d.name === name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of files) {
      for (const d of f.declarations) {
        if (d.scoped) continue;
        for (const call of d.calls) {
          const imported = f.imports.get(call);
          const target = imported
            ? imported[0].startsWith(".") && find(join(dirname(f.file), imported[0]), imported[1])
            : find(f.file, call);
          // a condition builder (names no table) vouches for the caller's query; another query does not
          if (target && target !== d && target.scoped && !target.tables.length) {
            d.scoped = true;
            changed = true;
            break;
          }
        }
      }
    }
  }
}

const unscopedOf = (files: readonly SourceFile[]): UnscopedQuery[] =>
  files.flatMap((f) =>
    f.declarations
      .filter((d) => d.tables.length > 0 && !d.scoped)
      .map(({ file, name, tables }) => ({ file, name, tables })),
  );

/** The declarations of one source that name a distributed table and never province_code (same-file helpers count). */
export function unscopedIn(file: string, source: string, tables: readonly string[]): UnscopedQuery[] {
  const parsed = [parse(file, source, tables)];
  resolve(parsed);
  return unscopedOf(parsed);
}

function readTree(dir: string, root: string, tables: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...readTree(path, root, tables));
    else if (entry.endsWith(".ts") && !entry.endsWith(".test.ts") && !entry.endsWith(".testing.ts")) {
      out.push(parse(relative(root, path), readFileSync(path, "utf8"), tables));
    }
  }
  return out;
}

/** Every unscoped query of the non-test .ts files under `dir`, allow-listed ones included (with `allowed`). */
export function scanAll(dir: string, tables: readonly string[]): (UnscopedQuery & { allowed?: string })[] {
  const files = readTree(dir, dir, tables);
  resolve(files);
  return unscopedOf(files).map((q) => {
    const allowed = SPANS_PROVINCES[`${q.file} ${q.name}`];
    return allowed ? { ...q, allowed } : q;
  });
}

/** The unscoped queries under `dir` that SPANS_PROVINCES does not allow. */
export function scanRepositories(dir: string, tables: readonly string[]): UnscopedQuery[] {
  return scanAll(dir, tables)
    .filter((q) => !q.allowed)
    .map(({ file, name, tables }) => ({ file, name, tables }));
}
