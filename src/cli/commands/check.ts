// `motcua check <file.json>`: checks a results document against the rules of CONTRACTS.md §4.
// Never opens a database. Exit 0: no violation; 1: violations (one per line on stdout); 2: unreadable input.
import { readFile } from "node:fs/promises";
import { checkResultsDocument, formatViolation, type LooseDocument } from "../../figures/check.ts";
import { parseCommandArgs } from "../args.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "check a results document (JSON) against the consistency rules; exit 1 on violations";

export const help = `Usage: motcua check [--json] <file.json>
Checks a results document (CONTRACTS.md §4): not-a-count, part-exceeds-whole, parts-do-not-sum, identity,
total-is-not-sum. Prints each violation on one line; --json prints them as one JSON array instead.
Exit codes: 0 no violation, 1 violations found, 2 unreadable or invalid input.`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    help: { type: "boolean", short: "h" },
    json: { type: "boolean" },
  });
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one file, got ${positionals.length}\n${help}`);
  const document = parseDocument(await readText(positionals[0]!));
  const violations = checkResultsDocument(document);
  if (values.json) process.stdout.write(`${JSON.stringify(violations)}\n`);
  else for (const violation of violations) process.stdout.write(`${formatViolation(violation)}\n`);
  return violations.length > 0 ? 1 : 0;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CliFailure(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
}

/** Parses the JSON and checks the document's shape: an object with a `rows` array of objects and an optional `total` object. */
export function parseDocument(text: string): LooseDocument {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliFailure(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  if (!isObject(value)) throw new CliFailure("invalid results document: not a JSON object", 2);
  const { rows, total } = value;
  if (!Array.isArray(rows) || !rows.every(isObject)) {
    throw new CliFailure('invalid results document: "rows" must be an array of objects', 2);
  }
  if (total !== undefined && !isObject(total)) {
    throw new CliFailure('invalid results document: "total" must be an object', 2);
  }
  return { rows, total };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
