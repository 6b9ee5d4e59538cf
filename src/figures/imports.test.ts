// The figures are the law of the reports: pure folds over dossier logs. They read no database, answer no HTTP
// request and write no file format (the .xlsx/.docx writers live in src/documents).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const dir = new URL("./", import.meta.url);
const FORBIDDEN = [
  /^exceljs$/,
  /^docx(-templates)?$/,
  /^(kysely|pg|@electric-sql\/.*|fastify)$/,
  /\/(db|http|documents)\//,
];

test("src/figures imports no database, transport or file-format module", () => {
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  assert.ok(sources.includes("results.ts"));
  for (const file of sources) {
    const text = readFileSync(new URL(file, dir), "utf8");
    for (const [, specifier] of text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)) {
      for (const rule of FORBIDDEN) assert.doesNotMatch(specifier!, rule, `${file} imports ${specifier}`);
    }
  }
});
