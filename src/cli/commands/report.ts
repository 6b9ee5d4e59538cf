// `motcua report results`: the results report (CONTRACTS.md §1, §3) from the database, as JSON (stdout),
// CSV (UTF-8 with BOM) or .xlsx (needs --out). Unknown unit, bad dates or options: exit 2.
import { writeFileSync } from "node:fs";
import { UnknownUnitError, resultsReport } from "../../db/repos/reports.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { resultsToCsv } from "../../figures/export-csv.ts";
import { resultsToXlsx } from "../../figures/export-xlsx.ts";
import { GROUPINGS, isGrouping } from "../../figures/grouping.ts";
import { customPeriod } from "../../figures/period.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "the results report (motcua report results --from D --to D [--unit U] [--by …] [--format …])";

const FORMATS = ["json", "csv", "xlsx"] as const;

const help = `Usage: motcua report results --from YYYY-MM-DD --to YYYY-MM-DD [--unit U]
         [--by ${GROUPINGS.join("|")}] [--format json|csv|xlsx] [--out FILE]
The results of the one-stop mechanism (CONTRACTS.md §3) for the unit and every unit below it (all units
without --unit). JSON goes to stdout unless --out; xlsx needs --out. Exit 2 on a usage error or unknown unit.`;

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
      from: { type: "string" },
      to: { type: "string" },
      unit: { type: "string" },
      by: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (!values.from || !values.to) throw new UsageError(`--from and --to are required\n${help}`);
  let period: ReturnType<typeof customPeriod>;
  try {
    period = customPeriod(values.from, values.to);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const by = values.by ?? "field";
  if (!isGrouping(by)) throw new UsageError(`--by must be one of ${GROUPINGS.join(", ")}`);
  const format = values.format ?? "json";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (format === "xlsx" && !values.out) throw new UsageError("--format xlsx needs --out FILE");
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    let report: Awaited<ReturnType<typeof resultsReport>>;
    try {
      report = await resultsReport(database.db, units, { ...period, unit: values.unit ?? null, by });
    } catch (error) {
      if (error instanceof UnknownUnitError) throw new CliFailure(error.message, 2);
      throw error;
    }
    const output =
      format === "xlsx"
        ? await resultsToXlsx(report)
        : format === "csv"
          ? resultsToCsv(report)
          : `${JSON.stringify(report)}\n`;
    if (values.out) {
      writeFileSync(values.out, output);
      process.stderr.write(`Đã ghi báo cáo vào ${values.out}\n`);
    } else process.stdout.write(output);
    return 0;
  });
}
