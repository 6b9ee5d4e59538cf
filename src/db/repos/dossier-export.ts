// Export of dossiers in the interchange format (CONTRACTS.md §2), streamed in keyset pages.
import { sql } from "kysely";
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { serializeDossier } from "../../dossier/interchange/index.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import type { Database as Db } from "../engine.ts";
import { eventFromRow, headerOf, recordOf } from "./dossier-store.ts";
import type { UnitDirectory } from "./units.ts";

export interface ExportFilter {
  /** The receiving unit or any unit below it. */
  unit?: string;
  /** Local dates (inclusive) of receivedAt, or of the refusal for dossiers refused at intake. */
  from?: string;
  to?: string;
}

const nextDay = (date: string) => new Date(startOfLocalDate(date).getTime() + 86_400_000);

/** Yields one JSON line per dossier that has a place in the format, ordered by province and code. */
export async function* exportDossierLines(
  database: Db,
  units: UnitDirectory,
  filter: ExportFilter = {},
  pageSize = 1000,
): AsyncGenerator<string> {
  await units.refresh();
  const scope = filter.unit ? units.subtree(filter.unit) : undefined;
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
    const events = await database.db
      .selectFrom("dossier_events")
      .selectAll()
      .where(
        sql<boolean>`(province_code, dossier_code) in (${sql.join(rows.map((r) => sql`(${r.province_code}, ${r.code})`))})`,
      )
      .orderBy("province_code")
      .orderBy("dossier_code")
      .orderBy("seq")
      .execute();
    const logs = new Map<string, ReturnType<typeof eventFromRow>[]>();
    for (const event of events) {
      const key = `${event.province_code}|${event.dossier_code}`;
      const list = logs.get(key) ?? [];
      list.push(eventFromRow(event));
      logs.set(key, list);
    }
    for (const row of rows) {
      const header = headerOf(row);
      const record = recordOf(header, logs.get(`${row.province_code}|${row.code}`) ?? []);
      if (!record) continue; // still submitted, or withdrawn before receipt: no place in the format
      const unit = units.find(row.unit_code);
      const applicant = row.applicant as DossierRecord["applicant"];
      yield serializeDossier({
        ...record,
        unit: { code: row.unit_code, ...(unit ? { name: unit.name, parent: unit.parentCode } : {}) },
        ...(applicant && Object.keys(applicant).length ? { applicant } : {}),
        digitized: row.digitized,
        eResult: row.e_result,
        fee: { amount: row.fee_amount, paidOnline: row.fee_paid_online },
      });
    }
    const last = rows[rows.length - 1]!;
    after = [last.province_code, last.code];
  }
}
