// serve's replica and pooler settings (docs/deploy-replicas.md): a hot standby for reads (--read-url /
// DATABASE_READ_URL), how far behind it may be (DATABASE_READ_MAX_LAG, seconds), and the session cache's direct
// connection when DATABASE_URL goes through PgBouncer in transaction mode (--listen-url / DATABASE_LISTEN_URL).
import type { Database } from "../db/engine.ts";
import { openDatabase } from "../db/engine.ts";
import { ReadReplica } from "../db/read-replica.ts";
import { UsageError } from "./errors.ts";

export interface ReplicaSettings {
  readUrl?: string;
  maxLagMs: number;
  listenUrl?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** Reads the flags (which win) and the environment; a bad value is a usage error naming it. */
export function replicaSettings(
  flags: { "read-url"?: string; "listen-url"?: string },
  env: Record<string, string | undefined>,
): ReplicaSettings {
  const readUrl = flags["read-url"] ?? (env.DATABASE_READ_URL || undefined);
  const listenUrl = flags["listen-url"] ?? (env.DATABASE_LISTEN_URL || undefined);
  if (readUrl !== undefined && !POSTGRES_URL.test(readUrl)) {
    throw new UsageError(
      `--read-url (DATABASE_READ_URL) phải là địa chỉ PostgreSQL postgres://…, không phải "${readUrl}" ` +
        "(--read-url must be a postgres:// URL of a hot standby)",
    );
  }
  if (listenUrl !== undefined && listenUrl !== "off" && !POSTGRES_URL.test(listenUrl)) {
    throw new UsageError(
      `--listen-url (DATABASE_LISTEN_URL) phải là địa chỉ postgres://… hoặc "off", không phải "${listenUrl}" ` +
        '(--listen-url must be a direct postgres:// URL or "off")',
    );
  }
  const lagText = env.DATABASE_READ_MAX_LAG ?? "5";
  const seconds = Number(lagText);
  if (!/^\d+(\.\d+)?$/.test(lagText.trim()) || !(seconds > 0)) {
    throw new UsageError(
      `DATABASE_READ_MAX_LAG phải là số giây dương (ví dụ 5), không phải "${lagText}" ` +
        "(DATABASE_READ_MAX_LAG must be a positive number of seconds)",
    );
  }
  return {
    maxLagMs: seconds * 1000,
    ...(readUrl ? { readUrl } : {}),
    ...(listenUrl ? { listenUrl } : {}),
  };
}

/** Opens the standby's pool (lazily: a standby that is down now is probed again later) for `primary`. */
export async function openReplica(primary: Database, settings: ReplicaSettings): Promise<ReadReplica | undefined> {
  if (!settings.readUrl) return undefined;
  if (primary.engine !== "postgres") {
    throw new UsageError(
      "--read-url (DATABASE_READ_URL) cần cơ sở dữ liệu chính là PostgreSQL (DATABASE_URL) " +
        "(a read replica needs DATABASE_URL: the embedded database has no standby)",
    );
  }
  const replica = await openDatabase({
    databaseUrl: settings.readUrl,
    applicationName: "motcua-read",
    connectTimeoutMs: 2_000,
    lazy: true,
  });
  return new ReadReplica(primary, replica, { maxLagMs: settings.maxLagMs });
}
