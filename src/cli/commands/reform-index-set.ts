// `motcua reform index import-set FILE.xlsx|FILE.json`, `… template --out FILE.xlsx [--set ID [--version N]]`
// and `… fix-plan --unit U --year Y [--plan ID]`: store a province's criteria set (validated whole: every
// problem listed, nothing stored on any), write the spreadsheet template (the default set, or a stored one, in
// the layout import-set reads), and turn a unit's lost criteria into tasks of next year's plan to raise the
// index (a second run adds nothing). docs/reform-index.md "CLI". Exit 2 on bad input.
import { readFileSync, writeFileSync } from "node:fs";
import { ServiceError } from "../../db/repos/dossiers/errors.ts";
import { createFixPlan } from "../../db/repos/reform-index/fix-plan.ts";
import { loadCriteriaSet, saveCriteriaSet, saveCriteriaSetFromWorkbook } from "../../db/repos/reform-index/sets.ts";
import { saveSurveys, type SurveyRow } from "../../db/repos/reform-index/surveys.ts";
import { foldVietnamese } from "../../catalog/fold.ts";
import { DEFAULT_COMMUNE_SET } from "../../reform/index/default-commune-set.ts";
import { setToSheets } from "../../reform/index/set-workbook.ts";
import { writeWorkbook } from "../../reform/records/workbook.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const help = `Usage: motcua reform index import-set FILE.xlsx|FILE.json [--data DIR]
       motcua reform index template --out FILE.xlsx [--set ID [--version N]] [--data DIR]
       motcua reform index fix-plan --unit U --year YYYY [--plan ID] [--data DIR]
       motcua reform index import-survey FILE.csv|FILE.json --province P --year YYYY [--data DIR]
import-set stores a criteria set (a new version; an existing id and version is refused) from JSON or from the
spreadsheet layout the template shows (sheets "Thông tin", "Tiêu chí", "Hướng dẫn"). template writes that
spreadsheet for the default set or a stored one. fix-plan makes each lost criterion of unit U in year YYYY a
task of its plan to raise the index in YYYY+1 (created as a draft when missing); running it again adds only
criteria not yet planned. import-survey stores the satisfaction survey results of the province's communes
for the year, all or nothing: CSV with a header unit,percent[,respondents,source] (or "Mã đơn vị;Tỷ lệ hài
lòng;Số phiếu;Nguồn", separated by ; when the percent has a decimal comma), or JSON [{unit, percent, …}].`;

const by = () => ({ userId: null, now: new Date() });

/** ServiceError → a Vietnamese message with every problem, exit 2. */
function failure(error: unknown): never {
  if (error instanceof ServiceError) {
    const problems = (error.invalidParams ?? []).map((p) => `\n  ${p.reason}`).join("");
    throw new CliFailure(`${error.message} [${error.code}]${problems}`, 2);
  }
  throw error;
}

async function importSet(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...dataOption });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(`cần đúng một tệp FILE.xlsx hoặc FILE.json\n${help}`);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new CliFailure(`không đọc được ${file}: ${(error as Error).message}`, 2);
  }
  const isXlsx = /\.xlsx$/i.test(file);
  let json: unknown;
  if (!isXlsx) {
    try {
      json = JSON.parse(content.toString("utf8"));
    } catch (error) {
      throw new CliFailure(`${file} không phải JSON hợp lệ: ${(error as Error).message}`, 2);
    }
  }
  return withDatabase(values.data, async (database) => {
    const set = await (isXlsx
      ? saveCriteriaSetFromWorkbook(database.db, content, by())
      : saveCriteriaSet(database.db, json, by())
    ).catch(failure);
    process.stdout.write(
      `Đã lưu bộ tiêu chí ${set.id} phiên bản ${set.version}: ${set.title}${set.province ? ` (tỉnh ${set.province}${set.year ? `, năm ${set.year}` : ""})` : ""}\n`,
    );
    return 0;
  });
}

async function template(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    out: { type: "string" },
    set: { type: "string" },
    version: { type: "string" },
  });
  if (positionals.length) throw new UsageError(`thừa tham số "${positionals.join(" ")}"\n${help}`);
  if (!values.out) throw new UsageError(`thiếu --out FILE.xlsx\n${help}`);
  if (values.version !== undefined && !/^\d+$/.test(values.version)) throw new UsageError("--version cần số nguyên");
  const write = async (set: typeof DEFAULT_COMMUNE_SET) => {
    writeFileSync(values.out as string, await writeWorkbook(setToSheets(set)));
    process.stdout.write(`Đã ghi mẫu bảng tính của bộ ${set.id} phiên bản ${set.version}: ${values.out}\n`);
    return 0;
  };
  if (!values.set) return write(DEFAULT_COMMUNE_SET);
  return withDatabase(values.data, async (database) =>
    write(
      await loadCriteriaSet(
        database.db,
        values.set as string,
        values.version ? Number(values.version) : undefined,
      ).catch(failure),
    ),
  );
}

/** The required --unit and --year (YYYY) of an index command; a usage error (exit 2) otherwise. */
export function unitYearOf(values: { unit?: string; year?: string }, usage: string): { unit: string; year: number } {
  if (!values.unit) throw new UsageError(`thiếu --unit\n${usage}`);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError(`--year cần dạng YYYY\n${usage}`);
  return { unit: values.unit, year: Number(values.year) };
}

async function fixPlan(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    unit: { type: "string" },
    year: { type: "string" },
    plan: { type: "string" },
  });
  if (positionals.length) throw new UsageError(`thừa tham số "${positionals.join(" ")}"\n${help}`);
  const unitYear = unitYearOf(values, help);
  if (values.plan !== undefined && !/^\d+$/.test(values.plan)) throw new UsageError("--plan cần mã số kế hoạch");
  return withDatabase(values.data, async (database) => {
    const q = { ...unitYear, planId: values.plan ? Number(values.plan) : undefined };
    const r = await createFixPlan(database.db, q, by()).catch(failure);
    const lines = [
      r.plan
        ? `Kế hoạch ${r.plan.number} (mã ${r.plan.id})${r.planCreated ? " — dự thảo mới lập" : ""}: ${r.plan.title}`
        : "Không có tiêu chí bị trừ điểm: không lập kế hoạch",
      ...r.created.map((x) => `+ ${x.code}: nhiệm vụ ${x.task.ordinal} (mã ${x.task.id}) hạn ${x.task.deadline}`),
      ...r.existing.map((x) => `= ${x.code}: đã có nhiệm vụ (mã ${x.taskId})`),
      `Thêm ${r.created.length} nhiệm vụ; ${r.existing.length} tiêu chí đã có nhiệm vụ từ trước.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  });
}

const SURVEY_COLUMNS: Record<string, keyof SurveyRow> = {
  unit: "unit",
  "ma don vi": "unit",
  percent: "percent",
  "ty le hai long": "percent",
  "ty le hai long (%)": "percent",
  respondents: "respondents",
  "so phieu": "respondents",
  source: "source",
  nguon: "source",
};

/** CSV rows as survey rows; numbers with a decimal comma; problems name the line. */
export function readSurveyCsv(text: string): SurveyRow[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const sep = (lines[0] ?? "").includes(";") ? ";" : ",";
  const header = (lines[0] ?? "").split(sep).map((h) => SURVEY_COLUMNS[foldVietnamese(h).toLowerCase().trim()]);
  if (!header.includes("unit") || !header.includes("percent"))
    throw new CliFailure("tệp khảo sát cần dòng tiêu đề có cột unit (Mã đơn vị) và percent (Tỷ lệ hài lòng)", 2);
  return lines.slice(1).map((line, i) => {
    const row: Record<string, unknown> = {};
    line.split(sep).forEach((cell, c) => {
      const key = header[c];
      const v = cell.trim();
      if (!key || v === "") return;
      if (key === "percent" || key === "respondents") {
        const n = Number(v.replace(",", "."));
        if (!Number.isFinite(n)) throw new CliFailure(`dòng ${i + 2}: "${v}" không phải số`, 2);
        row[key] = n;
      } else row[key] = v;
    });
    return row as unknown as SurveyRow;
  });
}

async function importSurvey(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    province: { type: "string" },
    year: { type: "string" },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(`cần đúng một tệp FILE.csv hoặc FILE.json\n${help}`);
  if (!values.province) throw new UsageError(`thiếu --province\n${help}`);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError(`--year cần dạng YYYY\n${help}`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliFailure(`không đọc được ${file}: ${(error as Error).message}`, 2);
  }
  let rows: SurveyRow[];
  if (/\.json$/i.test(file)) {
    try {
      rows = JSON.parse(text);
    } catch (error) {
      throw new CliFailure(`${file} không phải JSON hợp lệ: ${(error as Error).message}`, 2);
    }
    if (!Array.isArray(rows)) throw new CliFailure(`${file}: cần một mảng [{unit, percent, …}]`, 2);
  } else rows = readSurveyCsv(text);
  return withDatabase(values.data, async (database) => {
    const q = { provinceCode: values.province as string, year: Number(values.year), rows };
    const saved = await saveSurveys(database.db, q, by()).catch(failure);
    process.stdout.write(`Đã lưu kết quả khảo sát năm ${q.year} của ${saved.length} đơn vị\n`);
    return 0;
  });
}

export const SUBCOMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  "import-set": importSet,
  template,
  "fix-plan": fixPlan,
  "import-survey": importSurvey,
};

export async function run(sub: string, args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  return (SUBCOMMANDS[sub] as (args: string[]) => Promise<number>)(args);
}
