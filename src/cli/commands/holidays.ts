// `motcua holidays <year>`: the national non-working weekdays and worked weekend days of a year (CONTRACTS.md §1).
// Pure computation: never opens a database.
import { parseCommandArgs } from "../args.ts";
import { UsageError } from "../errors.ts";
import { FIRST_YEAR, holidaysOf, LAST_YEAR } from "../../calendar/index.ts";

export const summary = `in ngày nghỉ và ngày làm bù của một năm (${FIRST_YEAR}–${LAST_YEAR}) dạng JSON: holidays <năm>`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { help: { type: "boolean", short: "h" } });
  if (values.help) {
    process.stdout.write(
      `Usage: motcua holidays <year>\nPrints {"year","daysOff","workingSaturdays"} for a year ${FIRST_YEAR}–${LAST_YEAR}.\n`,
    );
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("cần đúng một tham số: năm (ví dụ: motcua holidays 2026)");
  const text = positionals[0]!;
  const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new UsageError(`năm không hợp lệ: "${text}" (cần một năm từ ${FIRST_YEAR} đến ${LAST_YEAR})`);
  }
  process.stdout.write(`${JSON.stringify(holidaysOf(year))}\n`);
  return 0;
}
