// The dossiers of a unit (subtree) that play a part in a period, rebuilt from their stored logs as
// DossierRecords (recordOf), so the pure reports (channels, late, Decision 766, satisfaction) run on them.
// This loads every such dossier and its events: right at commune and district scale (thousands a period);
// the results report, which a province runs over millions, is computed in SQL instead (reports-results.ts).
import { type Kysely, sql } from "kysely";
import type { CompetentLevel, DossierRecord } from "../../dossier/record.ts";
import type { OfferedProcedure, OnlineLevel } from "../../figures/channels.ts";
import type { FeedbackRecord } from "../../figures/feedback-report.ts";
import { type Period, periodBounds } from "../../figures/period.ts";
import { lineage } from "../../people/policy.ts";
import { digitizedForIndex } from "../../figures/digitized.ts";
import type { Database } from "../schema.ts";
import { eventFromRow, headerOf, recordOf } from "./dossier-store.ts";
import { scopeSql } from "./reports-results.ts";
import { inUnits, type UnitScope } from "./unit-scope.ts";
import type { UnitDirectory } from "./units.ts";

export interface RecordsQuery extends Period, UnitScope {}

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
      digitized: digitizedForIndex(header),
      eResult: header.eResult,
      fee: { amount: header.feeAmount, paidOnline: header.feePaidOnline },
    });
  }
  return records;
}

/**
 * The feedback (PAKN) of a unit (subtree) that plays a part in a period: received before its end and not
 * answered before its start. Topic: about a dossier, else about a procedure, else other.
 */
export async function loadPeriodFeedback(db: Kysely<Database>, query: RecordsQuery): Promise<FeedbackRecord[]> {
  const { start, end } = periodBounds(query);
  let select = db
    .selectFrom("feedback")
    .select(["id", "unit_code", "dossier_code", "procedure_code", "received_at", "due_at", "answered_at", "published"])
    .where("received_at", "<", end)
    .where((eb) => eb.or([eb("answered_at", "is", null), eb("answered_at", ">=", start)]));
  if (query.unitCodes) select = select.where(inUnits(query));
  const rows = await select.orderBy("id").execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unit: r.unit_code,
    topic: r.dossier_code ? "dossier" : r.procedure_code ? "procedure" : "other",
    receivedAt: new Date(r.received_at),
    dueAt: new Date(r.due_at),
    answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
    published: r.published,
  }));
}

const LEVEL_OF_KIND: Record<string, CompetentLevel | undefined> = {
  province: "province",
  district: "district",
  commune: "commune",
  ward: "commune",
  special_zone: "commune",
};

/**
 * The competent levels (cấp thực hiện) the units handle: a province's, a district's, a commune's, ward's or
 * special zone's own level; an agency (a department, a branch) the level of the unit it belongs to.
 */
export function competentLevelsOf(units: UnitDirectory, unitCodes: readonly string[]): CompetentLevel[] {
  const levels = new Set<CompetentLevel>();
  for (const code of unitCodes) {
    for (const ancestor of lineage(code, units.parentOf)) {
      const level = LEVEL_OF_KIND[units.find(ancestor)?.kind ?? ""];
      if (level) {
        levels.add(level);
        break;
      }
    }
  }
  return (["province", "district", "commune"] as const).filter((l) => levels.has(l));
}

/**
 * The procedures offered in a period: of each code, the version in force on the period's last day (the latest
 * with effective_from ≤ `to`; later versions are not yet in force), leaving out placeholders (stand-ins a
 * dossier import made for unknown codes) and, when `levels` is given, procedures of other competent levels.
 * The online level is the national version's: a province override changes time limits, fees and steps only.
 */
export async function offeredProcedures(
  db: Kysely<Database>,
  query: { to: string; levels?: readonly CompetentLevel[] },
): Promise<OfferedProcedure[]> {
  if (query.levels && query.levels.length === 0) return [];
  const inForce = db
    .selectFrom("procedures")
    .select(["code", "name", "online_level", "level"])
    .distinctOn("code")
    .where("effective_from", "<=", query.to)
    .where("placeholder", "=", false)
    .orderBy("code")
    .orderBy("effective_from", "desc");
  let select = db.selectFrom(inForce.as("p")).selectAll("p");
  if (query.levels) select = select.where("p.level", "in", [...query.levels]);
  const rows = await select.orderBy("p.code").execute();
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    onlineLevel: p.online_level as OnlineLevel,
    competentLevel: p.level as CompetentLevel,
  }));
}
