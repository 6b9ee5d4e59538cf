// Opens the database a command works on (--data / MOTCUA_DATA / DATABASE_URL), migrated, and closes it after.
import { type Database, DatabaseBusyError, databaseOptionsFromEnv, openDatabase } from "../db/engine.ts";
import { migrate } from "../db/migrate.ts";
import { CliFailure } from "./errors.ts";

export const dataOption = { data: { type: "string" } } as const;

export async function openCommandDatabase(dataFlag: string | undefined): Promise<Database> {
  try {
    const database = await openDatabase(databaseOptionsFromEnv(dataFlag));
    await migrate(database.pool);
    return database;
  } catch (error) {
    if (error instanceof DatabaseBusyError) throw new CliFailure(error.message, 2);
    if ((error as { code?: string }).code === "ECONNREFUSED") {
      throw new CliFailure(`Không kết nối được cơ sở dữ liệu (DATABASE_URL): ${(error as Error).message}`, 2);
    }
    throw error;
  }
}

export async function withDatabase<T>(
  dataFlag: string | undefined,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openCommandDatabase(dataFlag);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
