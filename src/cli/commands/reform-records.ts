// motcua reform records import|export|template: the reform records (plans, tasks, legal documents, staff, …)
// from and to a JSON document or an .xlsx workbook (docs/reform-records.md "Import and export"). Dispatched by
// `motcua reform records …` (reform.ts). An import with any problem writes nothing and exits 1.
import { readFile, writeFile } from "node:fs/promises";
import { exportDocument, importDocument } from "../../db/repos/reform/interchange.ts";
import { unitSubtree } from "../../db/repos/reform/common.ts";
import { documentToSheets, parseDocument, type Problem, sheetsToDocument } from "../../reform/records/interchange.ts";
import { readWorkbook, writeWorkbook } from "../../reform/records/workbook.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "reform records: import/export plans, tasks and registers (.json or .xlsx)";

const USAGE = `usage: motcua reform records import [--unit U] [--dry-run] <file.json|file.xlsx>
       motcua reform records export --unit U [--from YYYY-MM-DD] [--to YYYY-MM-DD] <file.json|file.xlsx>
       motcua reform records template <file.xlsx>`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isXlsx = (file: string) => /\.xlsx$/i.test(file);

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "import") return runImport(rest);
  if (sub === "export") return runExport(rest);
  if (sub === "template") return runTemplate(rest);
  if (sub === "--help" || sub === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}

async function readInput(file: string): Promise<{ document: unknown; problems: Problem[] }> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new CliFailure(`không đọc được tệp ${file} (${(error as NodeJS.ErrnoException).code ?? error})`, 2);
  }
  if (isXlsx(file)) {
    try {
      return sheetsToDocument(await readWorkbook(content));
    } catch {
      throw new CliFailure(`tệp ${file} không phải bảng tính .xlsx đọc được`, 2);
    }
  }
  try {
    return { document: JSON.parse(content.toString("utf8")), problems: [] };
  } catch (error) {
    throw new CliFailure(`tệp ${file} không phải JSON hợp lệ: ${(error as Error).message}`, 2);
  }
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    unit: { type: "string" },
    "dry-run": { type: "boolean" },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw new UsageError(USAGE);
  const input = await readInput(file);
  const parsed = parseDocument(input.document);
  parsed.problems.unshift(...input.problems);
  return withDatabase(values.data, async (database) => {
    let scope: string[] | undefined;
    if (values.unit) {
      const subtree = await unitSubtree(database.db, values.unit);
      if (!subtree) throw new CliFailure(`không có đơn vị ${values.unit}`, 2);
      scope = subtree.codes;
    }
    const by = { userId: null, now: new Date() };
    const dry = values["dry-run"] === true;
    const result = dry
      ? await database.db
          .transaction()
          .execute(async (trx) => {
            const r = await importDocument(trx as never, parsed, { scope, by });
            throw Object.assign(new Error("dry run"), { result: r });
          })
          .catch((error: { result?: Awaited<ReturnType<typeof importDocument>> }) => {
            if (!error.result) throw error;
            return error.result;
          })
      : await importDocument(database.db, parsed, { scope, by });
    for (const p of result.problems) process.stderr.write(`${p.at}: ${p.code}: ${p.message}\n`);
    if (result.problems.length) {
      process.stderr.write(`Không nhập: ${result.problems.length} lỗi; không có gì được ghi\n`);
      process.stdout.write(`${JSON.stringify({ imported: false, problems: result.problems.length })}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify({ imported: !dry, dryRun: dry, ...result.summary })}\n`);
    return 0;
  });
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    unit: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
  });
  const [file, extra] = positionals;
  if (!file || extra || !values.unit) throw new UsageError(USAGE);
  for (const name of ["from", "to"] as const) {
    const value = values[name];
    if (value !== undefined && !DATE.test(value)) throw new UsageError(`--${name} must be YYYY-MM-DD`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError("--from must not be after --to");
  return withDatabase(values.data, async (database) => {
    const doc = await exportDocument(database.db, { unit: values.unit!, from: values.from, to: values.to });
    if (!doc) throw new CliFailure(`không có đơn vị ${values.unit}`, 2);
    const content = isXlsx(file)
      ? await writeWorkbook(documentToSheets(doc as never))
      : `${JSON.stringify(doc, null, 2)}\n`;
    await write(file, content);
    const tasks = doc.plans.reduce((n, p) => n + p.tasks.length, 0);
    process.stderr.write(
      `Đã xuất ${doc.plans.length} kế hoạch, ${tasks} nhiệm vụ, ${doc.records.length} hồ sơ vào ${file}\n`,
    );
    return 0;
  });
}

async function runTemplate(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, { ...dataOption });
  const [file, extra] = positionals;
  if (!file || extra || !isXlsx(file)) throw new UsageError(USAGE);
  await write(file, await writeWorkbook(documentToSheets({ plans: [], records: [] })));
  process.stderr.write(`Đã ghi mẫu bảng tính ${file}\n`);
  return 0;
}

async function write(file: string, content: string | Buffer) {
  try {
    await writeFile(file, content);
  } catch (error) {
    throw new CliFailure(`không ghi được tệp ${file} (${(error as NodeJS.ErrnoException).code ?? error})`, 2);
  }
}
