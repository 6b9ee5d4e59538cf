// `motcua due`: the appointment of a receipt on the national calendar with default office hours (CONTRACTS.md §5).
// Pure computation: never opens a database.
import { parseCommandArgs } from "../args.ts";
import { UsageError } from "../errors.ts";
import { CalendarError, formatLocal, getCalendar, parseInstant, parseLimit } from "../../calendar/index.ts";

export const summary = 'in ngày hẹn trả kết quả: due --received <ISO> --limit "<thời hạn>" [--cutoff HH:MM]';

const help = `Usage: motcua due --received <ISO instant> --limit "<limit>" [--cutoff HH:MM]
  --received  thời điểm tiếp nhận, ISO 8601 có múi giờ (ví dụ 2026-03-02T09:00:00+07:00)
  --limit     thời hạn: "3 working days", "4 working hours", "0,5 working days", "15 calendar days", "same day"
  --cutoff    giờ chốt nhận cho thời hạn "same day" (mặc định: hết giờ làm việc)
Prints the appointment as YYYY-MM-DDTHH:mm:ss+07:00.`;

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
