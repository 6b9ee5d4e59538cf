// The dossiers of a unit (subtree) that play a part in a period, rebuilt from their stored logs as
// DossierRecords (recordOf), so the pure reports (channels, late, Decision 766, satisfaction) run on them.
// This loads every such dossier and its events: right at commune and district scale (thousands a period);
// the results report, which a province runs over millions, is computed in SQL instead (reports-results.ts).
import { type Kysely, sql } from "kysely";
import type { DossierRecord } from "../../dossier/record.ts";
import type { Period } from "../../figures/period.ts";
import type { Database } from "../schema.ts";
import { eventFromRow, headerOf, recordOf } from "./dossier-store.ts";
import { scopeSql } from "./reports-results.ts";

export interface RecordsQuery extends Period {
  unitCodes?: readonly string[];
}

/** The dossiers counted by the period's results report, with digitization and fee facts from the row. */
export async function loadPeriodRecords(db: Kysely<Database>, query: RecordsQuery): Promise<DossierRecord[]> {
  const { rows } = await sql<Parameters<typeof headerOf>[0]>`select d.* ${scopeSql(query)} order by d.code`.execute(db);
  return recordsOf(db, rows);
}

/** Rebuilds records for stored rows (one query for all their events). */
export async function recordsOf(
  db: Kysely<Database>,
  rows: readonly Parameters<typeof headerOf>[0][],
): Promise<DossierRecord[]> {
  if (!rows.length) return [];
  const events = await db
    .selectFrom("dossier_events")
    .selectAll()
    .where(
      sql<boolean>`(province_code, dossier_code) in (select * from unnest(${rows.map((r) => r.province_code)}::text[], ${rows.map((r) => r.code)}::text[]))`,
    )
    .orderBy("province_code")
    .orderBy("dossier_code")
    .orderBy("seq")
    .execute();
  const logs = new Map<string, ReturnType<typeof eventFromRow>[]>();
  for (const row of events) {
    const key = `${row.province_code}\u0000${row.dossier_code}`;
    const list = logs.get(key) ?? [];
    list.push(eventFromRow(row));
    logs.set(key, list);
  }
  const records: DossierRecord[] = [];
  for (const row of rows) {
    const header = headerOf(row);
    const record = recordOf(header, logs.get(`${row.province_code}\u0000${row.code}`) ?? []);
    if (!record) continue;
    records.push({
      ...record,
      digitized: header.digitized,
      eResult: header.eResult,
      fee: { amount: header.feeAmount, paidOnline: header.feePaidOnline },
    });
  }
  return records;
}
