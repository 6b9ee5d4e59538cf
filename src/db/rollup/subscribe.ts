// The national side of the roll-up: one subscription per province database to its two publications
// (tables.ts), its state, and waiting until every province has been applied. The national database is an
// ordinary motcua database (migrated), written only by the subscriptions: the triggers of its tables do not
// fire for replicated rows (session_replication_role = replica), so the counters arrive once, as the provinces
// computed them. docs/deploy-national.md.
import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { Database } from "../schema.ts";
import { RollupError } from "./publish.ts";
import { PUBLICATIONS, quoteIdent, ROLLUP_TABLES } from "./tables.ts";

export interface SubscribeOptions {
  /** Subscription (and replication slot) name; default national_<province code>. */
  name?: string;
  /** Copy the rows the province already holds (true), or only what it writes from now on. */
  copyData?: boolean;
}

const NAME = /^[a-z0-9_]{1,63}$/;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** What the national level reads from a province before subscribing to it. */
async function inspectProvince(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new RollupError("unreachable", `Không kết nối được cơ sở dữ liệu của tỉnh: ${(error as Error).message}`);
  }
  try {
    const pubs = await client.query<{ pubname: string }>("select pubname from pg_publication");
    const missing = PUBLICATIONS.map((p) => p.name).filter((n) => !pubs.rows.some((r) => r.pubname === n));
    if (missing.length) {
      throw new RollupError(
        "not-published",
        `Tỉnh chưa xuất bản dữ liệu (thiếu ${missing.join(", ")}): chạy motcua national publish trên cơ sở dữ liệu của tỉnh`,
      );
    }
    const units = await client.query<{ code: string; province_code: string; kind: string; current: boolean }>(
      "select code, province_code, kind, effective_to is null as current from units order by code",
    );
    const provinces = [...new Set(units.rows.map((u) => u.province_code))].sort();
    const main =
      units.rows.find((u) => u.kind === "province" && u.current && u.code === u.province_code)?.code ?? provinces[0];
    return { units: units.rows.map((u) => u.code), provinces, main: main ?? "" };
  } finally {
    await client.end();
  }
}

/** Subscribes the national database to a province; refuses rows that would collide. Returns the name. */
export async function subscribeProvince(
  national: Kysely<Database>,
  provinceUrl: string,
  options: SubscribeOptions = {},
): Promise<{ name: string; provinces: string[]; units: number }> {
  const province = await inspectProvince(provinceUrl);
  const name = options.name ?? `national_${province.main.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`;
  if (!NAME.test(name)) throw new RollupError("bad-name", `Tên đăng ký không hợp lệ: "${name}" (chữ thường, số, _)`);
  const existing = await sql<{ n: number }>`select count(*)::int as n from pg_subscription
    where subname = ${name} and subdbid = (select oid from pg_database where datname = current_database())`.execute(
    national,
  );
  if (existing.rows[0]!.n) throw new RollupError("already-subscribed", `Đã có đăng ký ${name}`);
  if (options.copyData !== false) {
    const clash = await sql<{ code: string }>`
      select code from units where code = any(${province.units}::text[]) order by code limit 5`.execute(national);
    if (clash.rows.length) {
      throw new RollupError(
        "unit-collision",
        `Cơ sở dữ liệu toàn quốc đã có đơn vị ${clash.rows.map((r) => r.code).join(", ")} của tỉnh này: hai nguồn cho cùng một đơn vị`,
      );
    }
    for (const t of ROLLUP_TABLES.filter((t) => t.table !== "units")) {
      const present = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(t.table)}
        where province_code = any(${province.provinces}::text[])`.execute(national);
      if (present.rows[0]!.n) {
        throw new RollupError(
          "province-present",
          `Cơ sở dữ liệu toàn quốc đã có dữ liệu của tỉnh ${province.provinces.join(", ")} (bảng ${t.table}): sao chép lại sẽ trùng`,
        );
      }
    }
  }
  const publications = PUBLICATIONS.map((p) => quoteIdent(p.name)).join(", ");
  // CREATE SUBSCRIPTION cannot run inside a transaction block: one statement on its own
  await sql
    .raw(
      `create subscription ${quoteIdent(name)} connection ${literal(provinceUrl)} publication ${publications}` +
        ` with (copy_data = ${options.copyData === false ? "false" : "true"})`,
    )
    .execute(national);
  return { name, provinces: province.provinces, units: province.units.length };
}

/** Drops a subscription and its slot on the province (the province must be reachable). */
export async function unsubscribeProvince(national: Kysely<Database>, name: string): Promise<void> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_subscription where subname = ${name}`.execute(national);
  if (!rows[0]!.n) throw new RollupError("unknown-subscription", `Không có đăng ký ${name}`);
  await sql.raw(`drop subscription ${quoteIdent(name)}`).execute(national);
}

export interface SubscriptionStatus {
  name: string;
  enabled: boolean;
  /** The connection string without its password. */
  conninfo: string;
  tables: number;
  tablesReady: number;
  receivedLsn: string | null;
  lastMessageAt: string | null;
  applyErrors: number;
  syncErrors: number;
  /** Read from the province: bytes of WAL written there that this subscription has not applied; null: unreachable. */
  lagBytes: number | null;
}

const redact = (conninfo: string) =>
  conninfo.replace(/(:\/\/[^:/@]+:)[^@]*@/, "$1***@").replace(/password=\S+/g, "password=***");

async function subscriptions(national: Kysely<Database>) {
  const { rows } = await sql<{
    name: string;
    enabled: boolean;
    conninfo: string;
    tables: number;
    ready: number;
    received_lsn: string | null;
    last_msg: string | null;
    apply_errors: number;
    sync_errors: number;
  }>`
    select s.subname as name, s.subenabled as enabled, s.subconninfo as conninfo,
      (select count(*)::int from pg_subscription_rel r where r.srsubid = s.oid) as tables,
      (select count(*)::int from pg_subscription_rel r where r.srsubid = s.oid and r.srsubstate in ('r', 's')) as ready,
      (select max(w.received_lsn)::text from pg_stat_subscription w where w.subid = s.oid) as received_lsn,
      (select max(w.last_msg_receipt_time)::text from pg_stat_subscription w where w.subid = s.oid) as last_msg,
      coalesce(st.apply_error_count, 0)::int as apply_errors, coalesce(st.sync_error_count, 0)::int as sync_errors
    from pg_subscription s
    left join pg_stat_subscription_stats st on st.subid = s.oid
    where s.subdbid = (select oid from pg_database where datname = current_database())
    order by s.subname`.execute(national);
  return rows;
}

/** On the province: how far behind its current WAL the subscription's applied position is (bytes). */
async function lagOf(
  conninfo: string,
  name: string,
  target?: string,
): Promise<{ lag: number | null; at: string | null }> {
  const client = new pg.Client({ connectionString: conninfo, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ at: string; lag: string | null }>(
      `select coalesce($2::pg_lsn, pg_current_wal_insert_lsn())::text as at,
         (select pg_wal_lsn_diff(coalesce($2::pg_lsn, pg_current_wal_insert_lsn()), r.replay_lsn)
          from pg_stat_replication r where r.application_name = $1 and r.state = 'streaming'
          order by r.replay_lsn desc limit 1)::text as lag`,
      [name, target ?? null],
    );
    const lag = rows[0]?.lag;
    return { lag: lag === null || lag === undefined ? null : Math.max(0, Number(lag)), at: rows[0]?.at ?? null };
  } catch {
    return { lag: null, at: null };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Every subscription of this national database, with its lag read from its province. */
export async function rollupStatus(national: Kysely<Database>): Promise<SubscriptionStatus[]> {
  const out: SubscriptionStatus[] = [];
  for (const s of await subscriptions(national)) {
    const { lag } = await lagOf(s.conninfo, s.name);
    out.push({
      name: s.name,
      enabled: s.enabled,
      conninfo: redact(s.conninfo),
      tables: s.tables,
      tablesReady: s.ready,
      receivedLsn: s.received_lsn,
      lastMessageAt: s.last_msg,
      applyErrors: s.apply_errors,
      syncErrors: s.sync_errors,
      lagBytes: lag,
    });
  }
  return out;
}

/**
 * Waits until every subscription has copied its tables and applied its province's WAL as of the call (the
 * rule of PostgreSQL's own TAP tests, wait_for_catchup: the province's replay_lsn of the subscription reaches
 * its WAL position read first — the insert position, not pg_current_wal_lsn: with synchronous_commit off a
 * commit can still sit in the WAL buffers, before the write position). Throws RollupError "timeout" naming
 * the provinces still behind.
 */
export async function waitForCatchUp(national: Kysely<Database>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const targets = new Map<string, string>();
  for (;;) {
    const behind: string[] = [];
    for (const s of await subscriptions(national)) {
      if (!s.enabled || s.ready < s.tables || s.tables === 0) {
        behind.push(s.name);
        continue;
      }
      const { lag, at } = await lagOf(s.conninfo, s.name, targets.get(s.name));
      if (at && !targets.has(s.name)) targets.set(s.name, at);
      if (lag === null || lag > 0) behind.push(s.name);
    }
    if (!behind.length) return;
    if (Date.now() > deadline) {
      throw new RollupError(
        "timeout",
        `Chưa đồng bộ xong sau ${Math.round(timeoutMs / 1000)} giây: ${behind.join(", ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
