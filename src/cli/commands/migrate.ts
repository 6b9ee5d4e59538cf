import { databaseOptionsFromEnv, openDatabase } from "../../db/engine.ts";
import { migrate } from "../../db/migrate.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption } from "../database.ts";

export const summary = "apply pending database migrations";

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, dataOption, false);
  const database = await openDatabase(databaseOptionsFromEnv(values.data));
  try {
    const applied = await migrate(database.pool);
    process.stderr.write(
      applied.length ? `Đã áp dụng: ${applied.join(", ")}\n` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n",
    );
    return 0;
  } finally {
    await database.close();
  }
}
