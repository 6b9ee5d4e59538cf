// motcua catalog import|export|seed: the procedure catalogue from and to JSON or CSV files.
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { FILE_ERROR_CODES, formatImportError } from "../../catalog/import-error.ts";
import { exportProceduresCsv, importProceduresCsv } from "../../catalog/procedure-csv.ts";
import { exportProceduresJson, importProceduresJson } from "../../catalog/procedure-json.ts";
import { exportProcedures, importProcedures, seedReferenceData } from "../../db/repos/catalog.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "import, export or seed the procedure catalogue (motcua catalog import <file>)";

export const help = `Usage:
  motcua catalog import <file.json|file.csv>   per-row report: bad rows on stderr, exit 1 if any row is rejected
  motcua catalog export [--format json|csv] [--out FILE]
  motcua catalog seed                            the starter catalogue and the units of Huế and Đà Nẵng (idempotent)
Columns and JSON shape: docs/catalog.md.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "import") return importCommand(rest);
  if (sub === "export") return exportCommand(rest);
  if (sub === "seed") return seedCommand(rest);
  if (sub === "--help" || sub === "-h") {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  throw new UsageError(help);
}

/** Reads an input file or stops with exit 2 (CONTRACTS.md §1: unreadable input). */
export function readInput(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new CliFailure(`Không đọc được tệp ${file}: ${(error as Error).message}`, 2);
  }
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...dataOption, format: { type: "string" } });
  if (positionals.length !== 1) throw new UsageError(`give one file to import\n${help}`);
  const file = positionals[0]!;
  const format = values.format ?? (extname(file).toLowerCase() === ".csv" ? "csv" : "json");
  if (format !== "csv" && format !== "json") throw new UsageError("--format must be json or csv");
  const text = readInput(file);
  const parsed = format === "csv" ? importProceduresCsv(text) : importProceduresJson(text);
  const fileErrors = parsed.errors.filter((e) => FILE_ERROR_CODES.has(e.code));
  if (fileErrors.length) {
    throw new CliFailure(`${file}: ${fileErrors.map(formatImportError).join("\n")}`, 2);
  }
  return withDatabase(values.data, async (database) => {
    const report = await importProcedures(database.db, parsed);
    const rejected = new Set(report.errors.map((e) => e.row)).size;
    process.stdout.write(
      `${JSON.stringify({ read: report.read, imported: report.imported, unchanged: report.unchanged, rejected })}\n`,
    );
    for (const error of report.errors) process.stderr.write(`${formatImportError(error)}\n`);
    return rejected ? 1 : 0;
  });
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { ...dataOption, format: { type: "string", default: "json" }, out: { type: "string" } },
    false,
  );
  if (values.format !== "json" && values.format !== "csv") throw new UsageError("--format must be json or csv");
  return withDatabase(values.data, async (database) => {
    const procedures = await exportProcedures(database.db);
    const text = values.format === "csv" ? exportProceduresCsv(procedures) : exportProceduresJson(procedures);
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`Đã xuất ${procedures.length} phiên bản thủ tục vào ${values.out}\n`);
    } else process.stdout.write(text);
    return 0;
  });
}

async function seedCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, dataOption, false);
  return withDatabase(values.data, async (database) => {
    const report = await seedReferenceData(database.db);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  });
}
