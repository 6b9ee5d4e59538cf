// The repository scan on made-up sources: what counts as naming the province (itself, or through a condition
// builder of the same file or an imported one), and what does not (a comment, another query's filter).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { callsIn, declarationsOf, importsOf, SPANS_PROVINCES, scanAll, unscopedIn } from "./query-scan.ts";

const TABLES = ["dossiers", "feedback"];

test("a condition builder that names province_code scopes its callers; another query does not", () => {
  const source = `
const inScope = (units) => sql\`d.province_code = any(\${p}) and d.unit_code = any(\${units})\`;
function viaHelper(db, units) {
  return sql\`select * from dossiers d where \${inScope(units)}\`.execute(db);
}
function correlated(d) {
  return sql\`select 1 from feedback f where f.province_code = d.province_code\`;
}
export async function borrowsAnotherQuery(db, units) {
  return sql\`select d.code, (\${correlated("d")}) from dossiers d where d.unit_code = any(\${units})\`.execute(db);
}
export async function commentOnly(db) {
  // filters on province_code later
  return db.selectFrom("feedback").selectAll().execute();
}
`;
  assert.deepEqual(unscopedIn("f.ts", source, TABLES), [
    { file: "f.ts", name: "borrowsAnotherQuery", tables: ["dossiers"] },
    { file: "f.ts", name: "commentOnly", tables: ["feedback"] },
  ]);
});

test("a comment never names a table; a typed const is a declaration of its own", () => {
  const source = `const DAY_MS = 86_400_000;
const WINDOWS: [number, number][] = [[1, 2]];
/** Reads from dossiers (a comment). */
export function pure() {
  return 1;
}
`;
  assert.deepEqual(
    declarationsOf(source).map((d) => d.name),
    ["DAY_MS", "WINDOWS", "pure"],
  );
  assert.deepEqual(unscopedIn("f.ts", source, TABLES), []);
});

test("calls and imports are read by name", () => {
  assert.deepEqual([...callsIn("a(1); x.b(2); this.c(3); await d (4)")].sort(), ["a", "c", "d"]);
  const imports = importsOf(`import { a, type B, c as d } from "./x.ts";\nimport type { E } from "../y.ts";`);
  assert.deepEqual(Object.fromEntries(imports), {
    a: ["./x.ts", "a"],
    B: ["./x.ts", "B"],
    d: ["./x.ts", "c"],
    E: ["../y.ts", "E"],
  });
});

test("an imported condition builder scopes across files; the allow-list names the rest with a reason", () => {
  const dir = mkdtempSync(join(tmpdir(), "query-scan-"));
  try {
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "scope.ts"), "export const inUnits = (u) => sql`province_code = any(u)`;\n");
    writeFileSync(
      join(dir, "sub", "use.ts"),
      `import { inUnits } from "../scope.ts";
export async function scoped(db, u) {
  return db.selectFrom("feedback").where(inUnits(u)).execute();
}
export async function listPublishedFeedback(db) {
  return db.selectFrom("feedback").selectAll().execute();
}
`,
    );
    writeFileSync(
      join(dir, "feedback.ts"),
      'export async function listPublishedFeedback(db) {\n  return db.selectFrom("feedback").execute();\n}\n',
    );
    const found = scanAll(dir, TABLES);
    assert.deepEqual(
      found.map((q) => [q.file, q.name, Boolean(q.allowed)]),
      [
        ["feedback.ts", "listPublishedFeedback", true],
        ["sub/use.ts", "listPublishedFeedback", false],
      ],
    );
    assert.equal(found[0]!.allowed, SPANS_PROVINCES["feedback.ts listPublishedFeedback"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
