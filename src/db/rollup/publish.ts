// A province's side of the national roll-up: the two publications of tables.ts, created or brought up to date
// (idempotent), on a PostgreSQL 15 server started with wal_level=logical. docs/deploy-national.md.
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { PUBLICATIONS, publicationTableList, quoteIdent } from "./tables.ts";

/** A refusal of a roll-up command, with a stable code and a Vietnamese message. */
export class RollupError extends Error {
  override name = "RollupError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PublishResult {
  /** The province codes of the unit tree this database publishes (a merged province keeps its former ones). */
  provinces: string[];
  publications: { name: string; created: boolean; tables: string[] }[];
}

/** The server is PostgreSQL (PGlite cannot replicate) with wal_level=logical. */
export async function assertLogical(db: Kysely<Database>): Promise<void> {
  let level: string | undefined;
  try {
    level = (await sql<{ wal_level: string }>`show wal_level`.execute(db)).rows[0]?.wal_level;
  } catch {
    level = undefined;
  }
  if (level === undefined) {
    throw new RollupError(
      "not-postgres",
      "Tổng hợp toàn quốc cần PostgreSQL (DATABASE_URL), không dùng cơ sở dữ liệu nhúng",
    );
  }
  if (level !== "logical") {
    throw new RollupError(
      "wal-level",
      `Máy chủ PostgreSQL cần wal_level = logical để xuất bản dữ liệu (hiện tại: ${level}); đặt trong postgresql.conf rồi khởi động lại`,
    );
  }
}

/** The distinct province codes of the stored unit tree. */
export async function provincesOf(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ province_code: string }>`
    select distinct province_code from units order by province_code`.execute(db);
  return rows.map((r) => r.province_code);
}

/** Creates the publications, or sets their table lists to the current ones. */
export async function publishProvince(db: Kysely<Database>): Promise<PublishResult> {
  await assertLogical(db);
  const provinces = await provincesOf(db);
  if (!provinces.length) {
    throw new RollupError(
      "no-units",
      "Cơ sở dữ liệu chưa có đơn vị nào: nhập cây đơn vị của tỉnh trước (motcua units import)",
    );
  }
  const publications: PublishResult["publications"] = [];
  await db.transaction().execute(async (trx) => {
    for (const p of PUBLICATIONS) {
      const exists = await sql<{ n: number }>`
        select count(*)::int as n from pg_publication where pubname = ${p.name}`.execute(trx);
      const list = publicationTableList(p.tables);
      const created = exists.rows[0]!.n === 0;
      if (created) {
        await sql
          .raw(`create publication ${quoteIdent(p.name)} for ${list} with (publish = '${p.publish}')`)
          .execute(trx);
      } else {
        await sql.raw(`alter publication ${quoteIdent(p.name)} set ${list}`).execute(trx);
        await sql.raw(`alter publication ${quoteIdent(p.name)} set (publish = '${p.publish}')`).execute(trx);
      }
      publications.push({ name: p.name, created, tables: p.tables.map((t) => t.table) });
    }
  });
  return { provinces, publications };
}

/** Drops the publications (subscriptions to them stop receiving). */
export async function unpublishProvince(db: Kysely<Database>): Promise<string[]> {
  const dropped: string[] = [];
  for (const p of PUBLICATIONS) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_publication where pubname = ${p.name}`.execute(db);
    if (rows[0]!.n) {
      await sql.raw(`drop publication ${quoteIdent(p.name)}`).execute(db);
      dropped.push(p.name);
    }
  }
  return dropped;
}
