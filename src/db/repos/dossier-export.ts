// Export of dossiers in the interchange format (CONTRACTS.md §2), streamed in keyset pages.
import { type Kysely, type Selectable, sql } from "kysely";
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { serializeDossier } from "../../dossier/interchange/index.ts";
import type { LifecycleEvent } from "../../dossier/events.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { digitizedForIndex } from "../../figures/digitized.ts";
import type { Database as Db } from "../engine.ts";
import type { Database, DossiersTable } from "../schema.ts";
import { eventFromRow, headerOf, recordOf } from "./dossier-store.ts";
import type { UnitDirectory } from "./units.ts";

export interface ExportFilter {
  /** The receiving unit or any unit below it. */
  unit?: string;
  /** Or: any of these units or any unit below them (the caller's scope). */
  units?: readonly string[];
  /** Local dates (inclusive) of receivedAt, or of the refusal for dossiers refused at intake. */
  from?: string;
  to?: string;
}

/**
 * What a stored dossier exports as (CONTRACTS §2), or undefined when it has no place in the format (still
 * submitted, or withdrawn before receipt). The importer compares a re-imported line with this.
 */
export function exportRecordOf(
  row: Selectable<DossiersTable>,
  log: readonly LifecycleEvent[],
  units: UnitDirectory,
): DossierRecord | undefined {
  const header = headerOf(row);
  const record = recordOf(header, log);
  if (!record) return undefined;
  const unit = units.find(row.unit_code);
  const applicant = row.applicant as DossierRecord["applicant"];
  return {
    ...record,
    unit: { code: row.unit_code, ...(unit ? { name: unit.name, parent: unit.parentCode } : {}) },
    ...(applicant && Object.keys(applicant).length ? { applicant } : {}),
    // the format's flag is the index's (components and result digitized), as an import reads it back
    digitized: digitizedForIndex(header),
    eResult: row.e_result,
    fee: { amount: row.fee_amount, paidOnline: row.fee_paid_online },
  };
}

const nextDay = (date: string) => new Date(startOfLocalDate(date).getTime() + 86_400_000);

/** The logs of the given dossiers, keyed `<province>|<code>`, in one query. */
export async function logsOf(
  db: Kysely<Database>,
  rows: readonly { province_code: string; code: string }[],
): Promise<Map<string, LifecycleEvent[]>> {
  const logs = new Map<string, LifecycleEvent[]>();
  if (!rows.length) return logs;
  const events = await db
    .selectFrom("dossier_events")
    .selectAll()
    .where(
      sql<boolean>`(province_code, dossier_code) in (${sql.join(rows.map((r) => sql`(${r.province_code}, ${r.code})`))})`,
    )
    .orderBy("province_code")
    .orderBy("dossier_code")
    .orderBy("seq")
    .execute();
  for (const event of events) {
    const key = `${event.province_code}|${event.dossier_code}`;
    const list = logs.get(key) ?? [];
    list.push(eventFromRow(event));
    logs.set(key, list);
  }
  return logs;
}

/** Yields one JSON line per dossier that has a place in the format, ordered by province and code. */
export async function* exportDossierLines(
  database: Db,
  units: UnitDirectory,
  filter: ExportFilter = {},
  pageSize = 1000,
): AsyncGenerator<string> {
  await units.refresh();
  const roots = filter.unit !== undefined ? [filter.unit] : filter.units;
  const scope = roots ? [...new Set(roots.flatMap((code) => units.subtree(code)))] : undefined;
  if (scope && !scope.length) return;
  const start = filter.from ? startOfLocalDate(filter.from) : undefined;
  const end = filter.to ? nextDay(filter.to) : undefined;
  let after: [string, string] | undefined;
  for (;;) {
    let query = database.db.selectFrom("dossiers").selectAll().orderBy("province_code").orderBy("code").limit(pageSize);
    if (scope) query = query.where("unit_code", "in", scope);
    // the instant that dates a dossier: its receipt, or its refusal when it was never received
    const dated = sql<Date>`coalesce(received_at, case when end_type = 'refused' then end_at end)`;
    if (start) query = query.where(dated, ">=", start);
    if (end) query = query.where(dated, "<", end);
    if (after) query = query.where(sql<boolean>`(province_code, code) > (${after[0]}, ${after[1]})`);
    const rows = await query.execute();
    if (!rows.length) return;
    const logs = await logsOf(database.db, rows);
    for (const row of rows) {
      const record = exportRecordOf(row, logs.get(`${row.province_code}|${row.code}`) ?? [], units);
      if (record) yield serializeDossier(record);
    }
    const last = rows[rows.length - 1]!;
    after = [last.province_code, last.code];
  }
}
