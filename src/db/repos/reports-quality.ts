// The Decision 766 indicators (src/figures/quality.ts) computed in the database instead of over every dossier
// and event of the period loaded into Node (issue 20: a province's year took 79 s and 4.6 GB). One SQL
// condition per indicator, next to the pure definition it mirrors, so a rebuilt formula (the official guide
// of Decision 766) changes both; quality.db.test.ts proves the results equal to the pure fold. The average
// processing time needs the working calendar: it runs the pure processingMinutes over narrow rows read in
// chunks in end order (bounded memory). Codes behind each figure: at most CODES_LIMIT per list.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DossierRecord } from "../../dossier/record.ts";
import { type Period, periodBounds } from "../../figures/period.ts";
import {
  type AverageIndicator,
  INDICATOR_TEXT,
  processingMinutes,
  type QualityIndicator,
  type RateIndicator,
  type WorkingMinutes,
} from "../../figures/quality.ts";
import { ratio } from "../../figures/ratio.ts";
import type { Database } from "../schema.ts";

/** The most codes listed behind one figure (the counts are always complete). */
export const CODES_LIMIT = 1000;
const CHUNK = 5000;

export interface SqlQualityQuery extends Period {
  /** Receiving units (a unit's subtree) and their provinces; undefined = every unit. */
  unitCodes?: readonly string[];
  provinces?: readonly string[];
  workingMinutes: WorkingMinutes;
  minutesPerDay?: number;
}

/** Which dossiers an indicator counts over (its denominator) — endEventOf's "finished", or received. */
type Base = "finished" | "received" | "receivedWithFee";

interface RateSql {
  id: keyof typeof INDICATOR_TEXT;
  base: Base;
  /** The numerator's condition on a dossier of the base. */
  numerator: RawBuilder<unknown>;
}

/** Each rate indicator of qualityIndicators, as SQL on the projection columns. */
export const RATE_SQL: RateSql[] = [
  // onTimeBy766: at most one supplement request before the end, not late against the deadline in force at the
  // end (finish_class is timeliness(end, deadlineInForce(end)), dossier-store.ts projectionRow)
  { id: "on-time-766", base: "finished", numerator: sql`d.supplement_requests <= 1 and d.finish_class <> 'late'` },
  { id: "online-rate", base: "received", numerator: sql`d.channel in ('online_partial', 'online_full')` },
  { id: "online-payment-rate", base: "receivedWithFee", numerator: sql`d.fee_paid_online` },
  // digitizedForIndex: components digitized, and the result digitized as recorded (an import: as imported)
  {
    id: "digitization-rate",
    base: "finished",
    numerator: sql`d.digitized and coalesce(d.result_digitized, d.source = 'import')`,
  },
  { id: "e-result-rate", base: "finished", numerator: sql`d.e_result` },
];

function baseSql(base: Base, s: Date, e: Date): RawBuilder<unknown> {
  switch (base) {
    case "finished":
      // the first of resolved / declined (or returned without them): end_type as projectionRow stores it
      return sql`d.received_at is not null and d.end_type in ('resolved', 'declined', 'returned')
        and d.end_at >= ${s} and d.end_at < ${e}`;
    case "received":
      return sql`d.received_at >= ${s} and d.received_at < ${e}`;
    case "receivedWithFee":
      return sql`d.received_at >= ${s} and d.received_at < ${e} and d.fee_amount > 0`;
  }
}

function scopeOf(query: SqlQualityQuery): RawBuilder<unknown> {
  const provinces = query.provinces ? sql`d.province_code = any(${[...query.provinces]}::text[])` : sql`true`;
  const units = query.unitCodes ? sql`d.unit_code = any(${[...query.unitCodes]}::text[])` : sql`true`;
  return sql`${provinces} and ${units}`;
}

/** Count and first codes of the base and of the numerator, for the rate indicators over one base. */
async function rates(db: Kysely<Database>, query: SqlQualityQuery, base: Base): Promise<RateIndicator[]> {
  const { start, end } = periodBounds(query);
  const defs = RATE_SQL.filter((r) => r.base === base);
  const columns = defs.flatMap((r, i) => [
    sql`count(*) filter (where ${r.numerator}) as ${sql.ref(`n${i}`)}`,
    sql`(array_agg(d.code order by d.code) filter (where ${r.numerator}))[1:${CODES_LIMIT}] as ${sql.ref(`c${i}`)}`,
  ]);
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as n, (array_agg(d.code order by d.code))[1:${CODES_LIMIT}] as codes, ${sql.join(columns)}
    from dossiers d where ${scopeOf(query)} and ${baseSql(base, start, end)}`.execute(db);
  const row = rows[0]!;
  return defs.map((r, i) => ({
    kind: "rate",
    id: r.id,
    ...INDICATOR_TEXT[r.id],
    ...ratio(Number(row[`n${i}`]), Number(row.n)),
    numeratorCodes: (row[`c${i}`] as string[] | null) ?? [],
    denominatorCodes: (row.codes as string[] | null) ?? [],
  }));
}

/** Σ processingMinutes over the finished dossiers, CHUNK rows at a time in (end_at, code) order. */
async function averageProcessing(db: Kysely<Database>, query: SqlQualityQuery): Promise<AverageIndicator> {
  const { start, end } = periodBounds(query);
  const perDay = query.minutesPerDay ?? 450;
  let totalDays = 0;
  let count = 0;
  const codes: string[] = [];
  let after: { at: Date; code: string } | undefined;
  for (;;) {
    const keyset = after ? sql`(d.end_at, d.code) > (${after.at}, ${after.code})` : sql`true`;
    const { rows } = await sql<{
      province_code: string;
      code: string;
      received_at: Date;
      end_at: Date;
      supplement_requests: number;
    }>`select d.province_code, d.code, d.received_at, d.end_at, d.supplement_requests from dossiers d
      where ${scopeOf(query)} and ${baseSql("finished", start, end)} and ${keyset}
      order by d.end_at, d.code limit ${CHUNK}`.execute(db);
    if (!rows.length) break;
    const paused = rows.filter((r) => r.supplement_requests > 0);
    const events = new Map<string, DossierRecord["events"]>();
    if (paused.length) {
      const { rows: log } = await sql<{ province_code: string; dossier_code: string; type: string; at: Date }>`
        select province_code, dossier_code, type, at from dossier_events
        where (province_code, dossier_code) in (select * from unnest(${paused.map((r) => r.province_code)}::text[],
          ${paused.map((r) => r.code)}::text[]))
          and type in ('supplement_requested', 'supplement_received')
        order by province_code, dossier_code, seq`.execute(db);
      for (const e of log) {
        const key = `${e.province_code}|${e.dossier_code}`;
        const list = events.get(key) ?? [];
        list.push({ type: e.type, at: e.at } as DossierRecord["events"][number]);
        events.set(key, list);
      }
    }
    for (const r of rows) {
      const record = { receivedAt: r.received_at, events: events.get(`${r.province_code}|${r.code}`) ?? [] };
      totalDays += processingMinutes(record as DossierRecord, r.end_at, query.workingMinutes) / perDay;
      count++;
      if (codes.length < CODES_LIMIT) codes.push(r.code);
    }
    const last = rows.at(-1)!;
    after = { at: last.end_at, code: last.code };
    if (rows.length < CHUNK) break;
  }
  return {
    kind: "average",
    id: "average-processing-days",
    ...INDICATOR_TEXT["average-processing-days"],
    unit: "working days",
    value: count === 0 ? null : totalDays / count,
    count,
    totalDays,
    codes: codes.sort(),
  };
}

/** The indicators of qualityIndicators (without satisfaction, which the route adds from the ratings). */
export async function sqlQualityIndicators(db: Kysely<Database>, query: SqlQualityQuery): Promise<QualityIndicator[]> {
  const [finished, received, withFee, average] = await Promise.all([
    rates(db, query, "finished"),
    rates(db, query, "received"),
    rates(db, query, "receivedWithFee"),
    averageProcessing(db, query),
  ]);
  const all = [...finished, ...received, ...withFee];
  const byId = (id: string) => all.find((i) => i.id === id)!;
  return [
    byId("on-time-766"),
    average,
    byId("online-rate"),
    byId("online-payment-rate"),
    byId("digitization-rate"),
    byId("e-result-rate"),
  ];
}
