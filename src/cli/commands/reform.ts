// `motcua reform …` (CONTRACTS.md §6): the CCHC statistics sheet (Phụ lục 01b) and the periodic CCHC report of a
// unit's subtree for a period; `motcua reform records …` goes to the reform records' command
// (reform-records.ts). The period is --from/--to, or --period (2024-H1, …) cut on
// --cut-day or the setting of --unit's province. Unknown unit, bad options: exit 2; a report whose figures
// break a check (CONTRACTS.md §4, the 01b checks) is not written: the violations go to stderr, exit 1.
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { localDate } from "../../calendar/local-time.ts";
import { metaForUnit } from "../../db/repos/reform-report/meta.ts";
import { computeSheet, reportInputs } from "../../db/repos/reform-report/sheet.ts";
import { cutDayOf, DEFAULT_PROVINCE_CUT_DAY, isCutDay } from "../../db/repos/report-settings.ts";
import { UnknownUnitError } from "../../db/repos/reports.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { tableToDocx } from "../../documents/grid.ts";
import { convertToPdf, PdfUnavailableError } from "../../documents/pdf.ts";
import { upper } from "../../documents/vn-format.ts";
import { tablesToXlsx } from "../../documents/xlsx.ts";
import { customPeriod, type Period, parsePeriodSpec, readPeriodSpec } from "../../figures/period.ts";
import { ReportBlockedError } from "../../reform/report/check.ts";
import { reportToDocx } from "../../reform/report/document.ts";
import { areaName } from "../../reform/report/meta.ts";
import { namePeriod } from "../../reform/report/period-kind.ts";
import { sheetTableSpec } from "../../reform/sheet/layout.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary =
  "CCHC statistics sheet and periodic report (motcua reform sheet|report --unit U --period 2024-H1 …; reform records …)";

export const help = `Usage: motcua reform sheet --unit U (--from YYYY-MM-DD --to YYYY-MM-DD | --period P [--cut-day N])
                          [--format json|xlsx|docx] [--out FILE]
       motcua reform report --unit U (--from D --to D | --period P [--cut-day N]) --out FILE.docx|FILE.pdf
                          [--date YYYY-MM-DD] [--number N] [--signer NAME] [--signer-title T] [--authority A]
       motcua reform records …   (the reform records: plans, tasks, legal documents, staff…)
       motcua reform index --unit U --year Y [--set FILE.json] [--format text|json|xlsx] [--out FILE]
                          (the CCHC index scorecard with lost points; at a province, the communes ranked)
       motcua reform index import-set FILE.xlsx|FILE.json | template --out F.xlsx | fix-plan --unit U --year Y
                          (store a criteria set; its spreadsheet template; lost criteria → next year's tasks)
The statistics sheet (Phụ lục 01b) of U and every unit below it, and the periodic CCHC report with its
appendices (01b, results by field). P is YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM, cut on day N of the month
before (1..28; default: the setting of U's province). JSON goes to stdout unless --out; xlsx and docx need
--out. Exit 2 on a usage error or unknown unit; exit 1 when the report's figures break a check.`;

const FORMATS = ["json", "xlsx", "docx"] as const;

const periodOptions = {
  ...dataOption,
  unit: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  period: { type: "string" },
  "cut-day": { type: "string" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "--help" || sub === "-h") {
    process.stdout.write(`${help}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub === "records") return runRecords(rest);
  if (sub === "index") return (await import("./reform-index.ts")).run(rest);
  if (sub === "sheet") return runSheet(rest);
  if (sub === "report") return runReport(rest);
  throw new UsageError(`unknown subcommand "${sub}"\n${help}`);
}

/** `motcua reform records …`: the reform records' own command (src/cli/commands/reform-records.ts), loaded lazily. */
async function runRecords(args: string[]): Promise<number> {
  const mod = await import("./reform-records.ts");
  return mod.run(args);
}

interface PeriodArgs {
  unit: string;
  period?: Period;
  spec?: string;
  cutDay?: number;
}

/** --unit and the period options, checked before the database opens. */
function readPeriodArgs(values: Record<string, string | boolean | undefined>): PeriodArgs {
  const unit = values.unit as string | undefined;
  if (!unit) throw new UsageError(`--unit is required\n${help}`);
  const cutText = values["cut-day"] as string | undefined;
  const cutDay = cutText === undefined ? undefined : Number(cutText);
  if (cutDay !== undefined && (!/^\d+$/.test(cutText!) || !isCutDay(cutDay))) {
    throw new UsageError("--cut-day must be an integer from 1 to 28");
  }
  const spec = values.period as string | undefined;
  if (spec !== undefined) {
    if (values.from !== undefined || values.to !== undefined) {
      throw new UsageError(`give either --period or --from/--to, not both\n${help}`);
    }
    try {
      readPeriodSpec(spec);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return { unit, spec, cutDay };
  }
  if (cutDay !== undefined) throw new UsageError("--cut-day goes with --period");
  if (!values.from || !values.to) throw new UsageError(`--from and --to (or --period) are required\n${help}`);
  try {
    return { unit, period: customPeriod(values.from as string, values.to as string) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Db = Parameters<Parameters<typeof withDatabase>[1]>[0];

/** The unit directory and the period (a --period cut on --cut-day or the province's setting); unknown unit → exit 2. */
async function resolve(database: Db, args: PeriodArgs): Promise<{ units: UnitDirectory; period: Period }> {
  const units = new UnitDirectory(database.db);
  await units.refresh();
  if (!units.find(args.unit)) throw new CliFailure(`Không có đơn vị ${args.unit}`, 2);
  if (args.period) return { units, period: args.period };
  const province = units.provinceOf(args.unit);
  const cut = args.cutDay ?? (province ? await cutDayOf(database.db, province) : DEFAULT_PROVINCE_CUT_DAY);
  return { units, period: parsePeriodSpec(args.spec!, cut) };
}

function unknownUnit(error: unknown): never {
  if (error instanceof UnknownUnitError) throw new CliFailure(error.message, 2);
  throw error;
}

function write(out: string | undefined, output: string | Buffer, what: string): void {
  if (out) {
    writeFileSync(out, output);
    process.stderr.write(`Đã ghi ${what} vào ${out}\n`);
  } else process.stdout.write(output);
}

async function runSheet(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { ...periodOptions, format: { type: "string" } }, false);
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const periodArgs = readPeriodArgs(values);
  const format = (values.format as string | undefined) ?? "json";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  }
  if (format !== "json" && !values.out) throw new UsageError(`--format ${format} needs --out FILE`);
  return withDatabase(values.data as string | undefined, async (database) => {
    const { units, period } = await resolve(database, periodArgs);
    const { sheet } = await computeSheet(database.db, units, { unit: periodArgs.unit, ...period }).catch(unknownUnit);
    if (format === "json") {
      write(values.out as string | undefined, `${JSON.stringify(sheet)}\n`, "Phụ lục 01b");
      return 0;
    }
    const unit = units.find(periodArgs.unit)!;
    const spec = sheetTableSpec(sheet, {
      subject: upper(`UBND ${areaName(unit.name)}`),
      periodTitle: upper(namePeriod(period).title),
    });
    const output = format === "xlsx" ? await tablesToXlsx([{ name: "Phụ lục 01b", spec }]) : await tableToDocx(spec);
    write(values.out as string, output, "Phụ lục 01b");
    return 0;
  });
}

async function runReport(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      ...periodOptions,
      date: { type: "string" },
      number: { type: "string" },
      signer: { type: "string" },
      "signer-title": { type: "string" },
      authority: { type: "string" },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const periodArgs = readPeriodArgs(values);
  const out = values.out as string | undefined;
  const kind = out ? extname(out).toLowerCase() : "";
  if (kind !== ".docx" && kind !== ".pdf") throw new UsageError(`--out FILE.docx or FILE.pdf is required\n${help}`);
  const date = (values.date as string | undefined) ?? localDate(new Date());
  try {
    customPeriod(date, date);
  } catch {
    throw new UsageError(`--date must be a date YYYY-MM-DD, got ${date}`);
  }
  return withDatabase(values.data as string | undefined, async (database) => {
    const { units, period } = await resolve(database, periodArgs);
    const inputs = await reportInputs(database.db, units, { unit: periodArgs.unit, ...period }).catch(unknownUnit);
    const meta = metaForUnit(units, periodArgs.unit, {
      date,
      number: values.number as string | undefined,
      signature: {
        name: values.signer as string | undefined,
        title: values["signer-title"] as string | undefined,
        authority: values.authority as string | undefined,
      },
    });
    let docx: Buffer;
    try {
      docx = await reportToDocx(inputs, meta);
    } catch (error) {
      if (error instanceof ReportBlockedError) throw new CliFailure(error.message, 1);
      throw error;
    }
    if (kind === ".docx") {
      write(out, docx, "báo cáo");
      return 0;
    }
    try {
      write(out, await convertToPdf(docx, "docx"), "báo cáo");
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw new CliFailure(error.message, 2);
      throw error;
    }
    return 0;
  });
}
