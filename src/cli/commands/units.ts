// motcua units import|export: the unit tree from and to JSON (docs/units.md).
import { writeFileSync } from "node:fs";
import { formatImportError } from "../../catalog/import-error.ts";
import { exportUnits, importUnits } from "../../db/repos/units.ts";
import { exportUnitsJson } from "../../units/unit-json.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";
import { readInput } from "./catalog.ts";

export const summary = "import or export the administrative unit tree (motcua units import <file.json>)";

export const help = `Usage:
  motcua units import <file.json>     all or nothing: any bad row (printed on stderr) and nothing is stored, exit 1
  motcua units export [--under CODE] [--out FILE]
A unit already stored is never modified: the same content is "unchanged", other content an error.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "import") return importCommand(rest);
  if (sub === "export") return exportCommand(rest);
  if (sub === "--help" || sub === "-h") {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  throw new UsageError(help);
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, dataOption);
  if (positionals.length !== 1) throw new UsageError(`give one file to import\n${help}`);
  const text = readInput(positionals[0]!);
  return withDatabase(values.data, async (database) => {
    const report = await importUnits(database.db, text);
    const fileError = report.errors.find((e) => e.row === 0);
    if (fileError) throw new CliFailure(`${positionals[0]}: ${fileError.message}`, 2);
    const rejected = new Set(report.errors.map((e) => e.row)).size;
    process.stdout.write(
      `${JSON.stringify({ read: report.read, created: report.created, unchanged: report.unchanged, rejected })}\n`,
    );
    for (const error of report.errors) process.stderr.write(`${formatImportError(error)}\n`);
    return rejected ? 1 : 0;
  });
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { ...dataOption, under: { type: "string" }, out: { type: "string" } },
    false,
  );
  return withDatabase(values.data, async (database) => {
    const units = await exportUnits(database.db, { under: values.under });
    if (values.under && !units.length) throw new CliFailure(`Không có đơn vị ${values.under}`, 2);
    const text = exportUnitsJson(units);
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`Đã xuất ${units.length} đơn vị vào ${values.out}\n`);
    } else process.stdout.write(text);
    return 0;
  });
}
