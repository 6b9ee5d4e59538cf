import { databaseOptionsFromEnv, openDatabase } from "../../db/engine.ts";
import { migrate } from "../../db/migrate.ts";
import { rebuildFigureCounts, verifyFigureCounts } from "../../db/repos/figure-counts.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption } from "../database.ts";

export const summary = "apply pending database migrations [--verify-counters] [--rebuild-counters]";

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      ...dataOption,
      // the results report's counters (docs/figures.md "Counters"): compare with a recomputation / recompute
      "verify-counters": { type: "boolean" },
      "rebuild-counters": { type: "boolean" },
    },
    false,
  );
  const database = await openDatabase(databaseOptionsFromEnv(values.data));
  try {
    const applied = await migrate(database.pool);
    process.stderr.write(
      applied.length ? `Đã áp dụng: ${applied.join(", ")}\n` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n",
    );
    if (values["rebuild-counters"]) {
      const rows = await rebuildFigureCounts(database.db);
      process.stderr.write(`Đã tính lại bộ đếm báo cáo kết quả: ${rows} dòng.\n`);
    }
    if (values["verify-counters"]) {
      const mismatches = await verifyFigureCounts(database.db);
      for (const m of mismatches) process.stdout.write(`${JSON.stringify(m)}\n`);
      process.stderr.write(
        mismatches.length
          ? `Bộ đếm báo cáo kết quả lệch với dữ liệu hồ sơ (${mismatches.length}${mismatches.length === 20 ? "+" : ""} khóa); sửa bằng --rebuild-counters.\n`
          : "Bộ đếm báo cáo kết quả khớp với dữ liệu hồ sơ.\n",
      );
      if (mismatches.length) return 1;
    }
    return 0;
  } finally {
    await database.close();
  }
}
