// `motcua report results`: the results report (CONTRACTS.md §1, §3) from the database, as JSON (stdout),
// CSV (UTF-8 with BOM) or .xlsx (needs --out). The period is --from/--to, or --period (2026-Q3, …) cut on
// --cut-day or the province setting of --unit's province (report_settings; 1 = calendar periods).
// Unknown unit, bad dates or options: exit 2.
import { writeFileSync } from "node:fs";
import { cutDayOf, DEFAULT_PROVINCE_CUT_DAY, isCutDay } from "../../db/repos/report-settings.ts";
import { UnknownUnitError, resultsReport } from "../../db/repos/reports.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { resultsToCsv } from "../../figures/export-csv.ts";
import { resultsToXlsx } from "../../documents/results-xlsx.ts";
import type { Database } from "../../db/engine.ts";
import { GROUPINGS, type Grouping, isGrouping } from "../../figures/grouping.ts";
import { customPeriod, type Period, parsePeriodSpec, readPeriodSpec } from "../../figures/period.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";
import { READ_URL_HELP, readUrlOption, withReadDatabase } from "../read-database.ts";

export const summary =
  "the results report (motcua report results --from D --to D | --period 2026-Q3 [--cut-day N] [--unit U] [--by …] [--format …])";

const FORMATS = ["json", "csv", "xlsx"] as const;

export const help = `Usage: motcua report results (--from YYYY-MM-DD --to YYYY-MM-DD | --period P [--cut-day N]) [--unit U]
         [--by ${GROUPINGS.join("|")}] [--format json|csv|xlsx] [--keys] [--out FILE] [--read-url URL]
The results of the one-stop mechanism (CONTRACTS.md §3) for the unit and every unit below it (all units
without --unit). P is YYYY (year), YYYY-H1|H2 (half-year), YYYY-Q1..Q4 (quarter) or YYYY-MM (month), cut on
day N of the month before (1..28; 1 = calendar periods; default: the setting of --unit's province, else 1).
JSON and CSV go to stdout unless --out; xlsx needs --out. CSV: UTF-8 with BOM, the header row in Vietnamese in
the order the screen shows the columns, "Tổng cộng" last; --keys writes the JSON field names and "total"
instead, for programs. A cell starting with = + - @ is written with a leading ' (never a live formula).
${READ_URL_HELP}
Exit 2 on a usage error or unknown unit.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h") {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (sub !== "results") throw new UsageError(`unknown report "${sub ?? ""}"\n${help}`);
  const { values } = parseCommandArgs(
    rest,
    {
      ...dataOption,
      ...readUrlOption,
      from: { type: "string" },
      to: { type: "string" },
      period: { type: "string" },
      "cut-day": { type: "string" },
      unit: { type: "string" },
      by: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      keys: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const cutDay = values["cut-day"] === undefined ? undefined : Number(values["cut-day"]);
  if (cutDay !== undefined && (!/^\d+$/.test(values["cut-day"]!) || !isCutDay(cutDay))) {
    throw new UsageError("--cut-day must be an integer from 1 to 28");
  }
  let period: Period | undefined;
  if (values.period !== undefined) {
    if (values.from !== undefined || values.to !== undefined) {
      throw new UsageError(`give either --period or --from/--to, not both\n${help}`);
    }
    try {
      readPeriodSpec(values.period);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  } else {
    if (cutDay !== undefined) throw new UsageError("--cut-day goes with --period");
    if (!values.from || !values.to) throw new UsageError(`--from and --to (or --period) are required\n${help}`);
    try {
      period = customPeriod(values.from, values.to);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const by = values.by ?? "field";
  if (!isGrouping(by)) throw new UsageError(`--by must be one of ${GROUPINGS.join(", ")}`);
  const format = values.format ?? "json";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (format === "xlsx" && !values.out) throw new UsageError("--format xlsx needs --out FILE");
  if (values.keys && format !== "csv") throw new UsageError("--keys goes with --format csv");
  const report = await withDatabase(values.data, (primary) =>
    withReadDatabase(primary, values, process.env, (database) => compute(database, values, period, cutDay, by)),
  );
  const output =
    format === "xlsx"
      ? await resultsToXlsx(report)
      : format === "csv"
        ? resultsToCsv(report, { keys: values.keys === true })
        : `${JSON.stringify(report)}\n`;
  if (values.out) {
    writeFileSync(values.out, output);
    process.stderr.write(`Đã ghi báo cáo vào ${values.out}\n`);
  } else process.stdout.write(output);
  return 0;
}

/** The report, read from `database` (the primary or its standby); the period cut on the province's day if needed. */
async function compute(
  database: Database,
  values: { unit?: string; period?: string },
  given: Period | undefined,
  cutDay: number | undefined,
  by: Grouping,
): Promise<Awaited<ReturnType<typeof resultsReport>>> {
  const units = new UnitDirectory(database.db);
  await units.refresh();
  try {
    let period = given;
    if (!period) {
      const province = values.unit ? units.provinceOf(values.unit) : undefined;
      if (values.unit && !units.find(values.unit)) throw new UnknownUnitError(`Không có đơn vị ${values.unit}`);
      const cut = cutDay ?? (province ? await cutDayOf(database.db, province) : DEFAULT_PROVINCE_CUT_DAY);
      period = parsePeriodSpec(values.period!, cut);
    }
    return await resultsReport(database.db, units, { ...period, unit: values.unit ?? null, by });
  } catch (error) {
    if (error instanceof UnknownUnitError) throw new CliFailure(error.message, 2);
    throw error;
  }
}
