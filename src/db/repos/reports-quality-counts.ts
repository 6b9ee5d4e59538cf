// The Decision 766 indicators from kept counters (issue 20: a busy unit's year took 2–3 s at 1M dossiers). The
// figures of sqlQualityIndicators (reports-quality.ts), without the codes behind them, read mostly from
// quality_counts (migration 0017: per unit and local day or month, kept by triggers in the dossier's
// transaction); reports-quality-counts.db.test.ts proves them equal to the pure fold on both engines.
//   3.3, 3.6, 4.1, 4.2: differences of prefix sums of the counters at the receipt day.
//   2.1 and 5.4: the dossiers without supplement requests from the counters (open_on/open_off, ended,
//     ended_on_time: migration 0017 derives the identities); those with requests (a few percent), whose end and
//     wait come from the log, by handledRow over an index of their ends; 5.4 subtracts the period's complained
//     dossiers that are on time (each few) by handledRow over their codes.
//   2.2: the completed dossiers without requests summed in one index-only aggregate that places both instants
//     on the working calendar (reports-quality-calendar.ts); those with requests through processingMinutes.
import { type Kysely, sql } from "kysely";
import { nextDate, periodBounds } from "../../figures/period.ts";
import {
  type AverageIndicator,
  ProcessingTotals,
  type QualityIndicator,
  rateIndicator,
  type RateIndicator,
} from "../../figures/quality.ts";
import type { ComputedId } from "../../figures/quality-catalog.ts";
import type { Database } from "../schema.ts";
import { calendarSegments, segmentStarts } from "./reports-quality-calendar.ts";
import { addProcessing, handledRow, type SqlQualityQuery, scopeOf } from "./reports-quality.ts";

const COLUMNS = [
  "received",
  "online",
  "with_fee",
  "paid_online",
  "e_result",
  "digitized",
  "open_on",
  "open_off",
  "ended",
  "ended_on_time",
] as const;
type Column = (typeof COLUMNS)[number];
/** Prefix sums of every counter before the period's first day (s) and before the day after its last (e). */
type Prefix = Record<`${"s" | "e"}_${Column}`, number>;

async function prefixSums(db: Kysely<Database>, query: SqlQualityQuery): Promise<Prefix> {
  const s = query.from;
  const e = nextDate(query.to);
  const ms = `${s.slice(0, 8)}01`;
  const me = `${e.slice(0, 8)}01`;
  const provinces = query.provinces ? sql`c.province_code = any(${[...query.provinces]}::text[])` : sql`true`;
  const units = query.unitCodes ? sql`c.unit_code = any(${[...query.unitCodes]}::text[])` : sql`true`;
  // P(D) = the months before D's month + the days of D's month before D
  const before = (month: string, day: string) =>
    sql`((c.span = 'm' and c.day < ${month}::date) or (c.span = 'd' and c.day >= ${month}::date and c.day < ${day}::date))`;
  const sums = COLUMNS.flatMap((c) => [
    sql`coalesce(sum(c.${sql.ref(c)}) filter (where ${before(ms, s)}), 0)::int as ${sql.ref(`s_${c}`)}`,
    sql`coalesce(sum(c.${sql.ref(c)}) filter (where ${before(me, e)}), 0)::int as ${sql.ref(`e_${c}`)}`,
  ]);
  const { rows } = await sql<Prefix>`
    select ${sql.join(sums)} from quality_counts c
    where ${provinces} and ${units} and (${before(ms, s)} or ${before(me, e)})`.execute(db);
  return rows[0]!;
}

/** Σ of working ms from receipt to completion, per procedure, of the completed dossiers without requests. */
async function plainProcessing(db: Kysely<Database>, query: SqlQualityQuery, totals: ProcessingTotals) {
  const { start, end } = periodBounds(query);
  const starts = segmentStarts();
  const perDay = query.minutesPerDay ?? 450;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  let until = query.to > today ? query.to : today;
  for (;;) {
    const cal = calendarSegments(query.from, until, start, query.workingMinutes, starts);
    const ms = (at: string) => sql`(extract(epoch from ${sql.ref(at)} - ${sql.ref(at)}::date) * 1000)::bigint`;
    const { rows } = await sql<{ procedure_code: string; n: number; matched: number; total: string; missing: string }>`
      with c as (
        select * from unnest(${cal.days}::date[], ${cal.segments}::int[], ${cal.starts}::bigint[],
          ${cal.bases}::bigint[], ${cal.slopes}::int[]) as c (day, seg, start, base, slope)
      ), d as (
        select d.procedure_code, d.received_at at time zone 'Asia/Ho_Chi_Minh' as r,
          d.end_at at time zone 'Asia/Ho_Chi_Minh' as x
        from dossiers d
        where ${scopeOf(query)} and d.received_at >= ${start} and d.received_at < ${end}
          and d.end_type in ('resolved', 'returned') and d.supplement_requests = 0
      ), m as (
        select d.procedure_code, d.r::date as rd, d.x::date as xd, ${ms("r")} as rms, ${ms("x")} as xms from d
      )
      select m.procedure_code, count(*)::int as n, count(cx.day)::int as matched,
        coalesce(sum(cx.base + cx.slope * (m.xms - cx.start) - cr.base - cr.slope * (m.rms - cr.start)), 0)::text
          as total,
        max(m.xd) filter (where cx.day is null)::text as missing
      from m
      join c cr on cr.day = m.rd and cr.seg = width_bucket(m.rms, ${starts}::bigint[])
      left join c cx on cx.day = m.xd and cx.seg = width_bucket(m.xms, ${starts}::bigint[])
      group by 1`.execute(db);
    const missing = rows.map((r) => r.missing).filter(Boolean);
    if (missing.length) {
      // a completion after the days passed (an imported future date): widen the calendar once
      const last = missing.sort().at(-1)!;
      if (last <= until) throw new Error(`2.2: completion day ${last} not placed on the calendar`);
      until = last;
      continue;
    }
    for (const r of rows) totals.addSum(r.procedure_code, r.n, Number(r.total) / 60_000 / perDay);
    return;
  }
}

const rate = (id: ComputedId, numerator: number, denominator: number): RateIndicator =>
  rateIndicator(id, { numerator, denominator }, [], []);

/** The indicators of qualityIndicators, in its order, from the counters; no codes behind them (empty lists). */
export async function countedQualityIndicators(
  db: Kysely<Database>,
  query: SqlQualityQuery,
): Promise<QualityIndicator[]> {
  const { start } = periodBounds(query);
  const complaints = [...(query.complaintCodes ?? [])];
  const bare = { ...query, complaintCodes: [] };
  const totals = new ProcessingTotals();
  // requests > 0 and an end (for 2.1) not before the period's start: the expression of dossiers_supplement_handled
  const withRequests = sql`d.supplement_requests > 0 and (case when d.end_at is null or d.end_type = 'refused'
    then 'infinity'::timestamptz else d.end_at end) >= ${start}`;
  const [p, requested, complained] = await Promise.all([
    prefixSums(db, query),
    handledRow(db, bare, withRequests, false),
    complaints.length
      ? handledRow(db, bare, sql`d.code = any(${complaints}::text[])`, false)
      : Promise.resolve({ n_ontime: 0 }),
    plainProcessing(db, query, totals),
    addProcessing(db, query, sql`d.supplement_requests > 0`, totals, []),
  ]);
  const flow = (c: Column) => p[`e_${c}`] - p[`s_${c}`];
  const handled = p.e_open_on - p.s_ended + Number(requested.n_all);
  const onTime = flow("ended_on_time") + p.e_open_on - p.e_open_off + Number(requested.n_ontime);
  const average: AverageIndicator = totals.indicator([]);
  return [
    rate("on-time-766", onTime, handled),
    average,
    rate("online-rate", flow("online"), flow("received")),
    rate("online-payment-rate", flow("paid_online"), flow("with_fee")),
    rate("e-result-rate", flow("e_result"), flow("received")),
    rate("digitization-rate", flow("digitized"), flow("received")),
    rate("satisfaction-rate", onTime - Number(complained.n_ontime), handled),
  ];
}
