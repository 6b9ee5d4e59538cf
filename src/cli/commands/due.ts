// `motcua due`: the appointment of a receipt on the national calendar with default office hours (CONTRACTS.md §5).
// Pure computation: never opens a database.
import { parseCommandArgs } from "../args.ts";
import { UsageError } from "../errors.ts";
import { CalendarError, formatLocal, getCalendar, parseInstant, parseLimit } from "../../calendar/index.ts";

export const summary = 'in ngày hẹn trả kết quả: due --received <ISO> --limit "<thời hạn>" [--cutoff HH:MM]';

export const help = `Usage: motcua due --received <ISO instant> --limit "<limit>" [--cutoff HH:MM]
Prints the appointment (ngày hẹn trả) on the national calendar with the default office hours, as
YYYY-MM-DDTHH:mm:ss+07:00 (docs/calendar.md).
  --received  thời điểm tiếp nhận, ISO 8601 có múi giờ / the receipt instant, ISO 8601 with an offset
  --limit     thời hạn / the time limit, in Vietnamese or English (any case; decimals with "," or "."):
                "3 ngày làm việc"  = "3 working days"
                "4 giờ làm việc"   = "4 working hours"
                "15 ngày"          = "15 calendar days" (Bộ luật Dân sự 2015, Điều 147–148)
                "trong ngày"       = "same day"
  --cutoff    giờ chốt nhận của thời hạn trong ngày (mặc định: hết giờ làm việc) / the same-day cut-off`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      received: { type: "string" },
      limit: { type: "string" },
      cutoff: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (values.received === undefined) throw new UsageError("thiếu --received (thời điểm tiếp nhận)");
  if (values.limit === undefined) throw new UsageError("thiếu --limit (thời hạn giải quyết)");
  const receivedAt = parseInstant(values.received);
  if (!receivedAt) {
    throw new UsageError(
      `--received không hợp lệ: "${values.received}" (cần ISO 8601 có múi giờ, ví dụ 2026-03-02T09:00:00+07:00)`,
    );
  }
  try {
    const limit = parseLimit(values.limit, values.cutoff);
    process.stdout.write(`${formatLocal(getCalendar().appointment(receivedAt, limit))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CalendarError) throw new UsageError(error.message);
    throw error;
  }
}
