// `motcua holidays <year>`: the national non-working weekdays and worked weekend days of a year (CONTRACTS.md §1),
// as JSON (the contract) or, with --format table, as a table a person reads: dates, weekdays and names.
// Pure computation: never opens a database.
import { parseCommandArgs } from "../args.ts";
import { UsageError } from "../errors.ts";
import {
  type CalendarDay,
  describeYear,
  FIRST_YEAR,
  holidaysOf,
  LAST_YEAR,
  type YearView,
} from "../../calendar/index.ts";

export const summary = `in ngày nghỉ và ngày làm bù của một năm (${FIRST_YEAR}–${LAST_YEAR}): holidays <năm>`;

export const help = `Usage: motcua holidays <year> [--format json|table]
Prints the national calendar's days off and worked weekend days of a year ${FIRST_YEAR}–${LAST_YEAR}.
  --format json   (default) {"year","daysOff","workingSaturdays"}: every Monday–Friday date that is not a
                  working day and every Saturday/Sunday that is a swapped working day, sorted ascending
  --format table  one line per day: date, weekday, day off or working day, and its name (Vietnamese)`;

const FORMATS = ["json", "table"] as const;

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/** The name a person reads for a day: the law's name, else what the swap or the compensation is. */
function nameOf(day: CalendarDay, official: boolean): string {
  if (day.kind === "working_day") return "Làm việc bù (hoán đổi ngày làm việc)";
  if (day.name) return day.name;
  return official ? "Nghỉ hoán đổi hoặc nghỉ bù (theo thông báo)" : "Nghỉ bù";
}

const LAW_NAMES: Record<string, string> = {
  "labour-code-2019": "Bộ luật Lao động 2019 (45/2019/QH14), Điều 112",
  "labour-code-2012": "Bộ luật Lao động 2012 (10/2012/QH13), Điều 115",
  "labour-code-1994-2007": "Bộ luật Lao động 1994, Điều 73 (sửa đổi 2007)",
  "labour-code-1994": "Bộ luật Lao động 1994, Điều 73",
};

/** The year as a table: a heading, one aligned line per day, the legal basis last. */
export function holidaysTable(view: YearView): string {
  const official = view.base.type === "official";
  const rows = view.days.map((day) => {
    const [y, m, d] = day.date.split("-");
    const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
    return [`${d}/${m}/${y}`, WEEKDAYS[weekday]!, day.kind === "day_off" ? "Nghỉ" : "Làm việc", nameOf(day, official)];
  });
  const header = ["Ngày", "Thứ", "Loại", "Tên"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]!) : c))
      .join("  ")
      .trimEnd();
  const basis =
    view.base.type === "official"
      ? view.base.citations.map((c) => `  ${c.covers}`).join("\n")
      : `  ${LAW_NAMES[view.base.law] ?? view.base.law} (tính theo luật, chưa có thông báo chính thức)`;
  return [
    `Năm ${view.year}: ${view.daysOff.length} ngày nghỉ từ thứ Hai đến thứ Sáu, ${view.workingSaturdays.length} ngày làm bù vào cuối tuần`,
    "",
    format(header),
    ...rows.map(format),
    "",
    "Căn cứ:",
    basis,
  ].join("\n");
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("cần đúng một tham số: năm (ví dụ: motcua holidays 2026)");
  const format = values.format ?? "json";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format phải là một trong: ${FORMATS.join(", ")}`);
  }
  const text = positionals[0]!;
  const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new UsageError(`năm không hợp lệ: "${text}" (cần một năm từ ${FIRST_YEAR} đến ${LAST_YEAR})`);
  }
  if (format === "table") process.stdout.write(`${holidaysTable(describeYear(year))}\n`);
  else process.stdout.write(`${JSON.stringify(holidaysOf(year))}\n`);
  return 0;
}
