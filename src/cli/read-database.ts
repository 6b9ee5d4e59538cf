// The reads of a read-only command (`motcua report`, `motcua export`) on a hot standby, as serve sends its
// reports there (docs/deploy-replicas.md): --read-url or DATABASE_READ_URL names the standby, and the command
// reads from it when it is up and within DATABASE_READ_MAX_LAG of the primary (the same ReadReplica rules),
// else from the primary. A command makes no write of its own to wait for. A standby that fails during the
// read (it went down) costs nothing but time: the work runs again on the primary, from the start.
import type { Database } from "../db/engine.ts";
import { isUnavailable } from "../db/read-routing.ts";
import { openReplica, replicaSettings } from "./replica-settings.ts";

export const readUrlOption = { "read-url": { type: "string" } } as const;

/** The help line of the option, for the commands' usage texts. */
export const READ_URL_HELP =
  "--read-url URL (or DATABASE_READ_URL): read from this hot standby when it is up and within DATABASE_READ_MAX_LAG\n" +
  "seconds (default 5) of DATABASE_URL, else from DATABASE_URL; PostgreSQL only (docs/deploy-replicas.md).";

/**
 * Runs `work` on the database its reads go to: the standby of `flags["read-url"]` / env DATABASE_READ_URL when
 * it is usable, else `primary`; again on `primary` when the standby fails midway. Says on stderr where it read.
 */
export async function withReadDatabase<T>(
  primary: Database,
  flags: { "read-url"?: string | undefined },
  env: Record<string, string | undefined>,
  work: (reads: Database) => Promise<T>,
): Promise<T> {
  const settings = replicaSettings(flags["read-url"] === undefined ? {} : { "read-url": flags["read-url"] }, env);
  const reads = await openReplica(primary, settings);
  if (!reads) return work(primary);
  try {
    const before = { ...reads.counts };
    const database = await reads.choose("cli");
    if (database === primary) {
      const why = reads.counts.down > before.down ? "không kết nối được" : "chậm hơn giới hạn độ trễ";
      process.stderr.write(
        `Bản sao ${reads.replica.location} ${why}: đọc từ cơ sở dữ liệu chính ${primary.location}\n`,
      );
      return await work(primary);
    }
    process.stderr.write(`Đọc từ bản sao ${reads.replica.location}\n`);
    try {
      return await work(database);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      reads.failed(error);
      process.stderr.write(
        `Bản sao ${reads.replica.location} ngừng giữa chừng: đọc lại từ cơ sở dữ liệu chính ${primary.location}\n`,
      );
      return await work(primary);
    }
  } finally {
    await reads.replica.close();
  }
}
