// The Decision 766 indicators from kept counters (issue 20: a busy unit's year took 2–3 s at 1M dossiers). The
// figures of sqlQualityIndicators (reports-quality.ts), without the codes behind them, read mostly from
// quality_counts (migration 0017: per unit and local day or month, kept by triggers in the dossier's
// transaction); reports-quality-counts.db.test.ts proves them equal to the pure fold on both engines.
//   3.3, 3.6, 4.1, 4.2: differences of prefix sums of the counters at the receipt day.
//   2.1 and 5.4: the dossiers without supplement requests from the counters (open_on/open_off, ended,
//     ended_on_time: migration 0017 derives the identities); those with requests (a few percent), whose end and
//     wait come from the log, by handledRow over an index of their ends; 5.4 subtracts the period's complained
//     dossiers that are on time (each few) by handledRow over their codes.
//   2.2: the completed dossiers without requests from quality_processing_counts (their working time computed by
//     the trigger on the calendar stored in quality_calendar, checked here against the calendar given; when
//     they differ, read from the dossiers); those with requests through processingMinutes.
import { type Kysely, sql } from "kysely";
import { startOfLocalDate } from "../../calendar/local-time.ts";
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
import { addProcessing, handledRow, type SqlQualityQuery } from "./reports-quality.ts";

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

/** The day after a local date's month starts, or the date itself when it is a first day: the first full month. */
const firstFullMonth = (date: string) => {
  if (date.endsWith("-01")) return date;
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

/**
 * quality_calendar agrees with the calendar the report is given on the days from..until: the same working days
 * and working time before each (relative to `from`), and the default windows on the first working days of each
 * weekday (office hours are per weekday). False means: compute 2.2 from the dossiers instead.
 */
async function calendarAgrees(db: Kysely<Database>, query: SqlQualityQuery, until: string): Promise<boolean> {
  const { rows } = await sql<{ day: string; working: boolean; before: string }>`
    select day::text as day, working, before_ms::text as before from quality_calendar
    where day >= ${query.from}::date and day <= ${until}::date order by day`.execute(db);
  const origin = startOfLocalDate(query.from);
  const at = (t: number) => Math.round(query.workingMinutes(origin, new Date(t)) * 60_000);
  const first = rows[0] ? Number(rows[0].before) : 0;
  const checked = new Set<number>();
  let day = query.from;
  for (const row of rows) {
    if (row.day !== day) return false;
    const midnight = startOfLocalDate(day).getTime();
    const base = at(midnight);
    if (base !== Number(row.before) - first || at(midnight + DAY_MS) - base > 0 !== row.working) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (row.working && !checked.has(weekday)) {
      checked.add(weekday);
      for (const [ms, worked] of WINDOW_CHECKS) if (at(midnight + ms) - base !== worked) return false;
    }
    day = nextDate(day);
  }
  return rows.length > 0 && day === nextDate(until);
}

const DAY_MS = 86_400_000;
/** (ms after midnight, working ms before it) on a working day with the default office hours (migration 0017). */
const WINDOW_CHECKS: [number, number][] = [
  [27_000_000, 0],
  [41_400_000, 14_400_000],
  [48_600_000, 14_400_000],
  [61_200_000, 27_000_000],
  [DAY_MS, 27_000_000],
];

/**
 * 2.2 of the completed dossiers without requests from quality_processing_counts (full months from the month
 * rows, the rest from the day rows), when the stored calendar agrees and every instant was placed on it; false
 * when it cannot (then the caller reads the dossiers).
 */
export async function countedProcessing(
  db: Kysely<Database>,
  query: SqlQualityQuery,
  totals: ProcessingTotals,
): Promise<boolean> {
  const s = query.from;
  const e = nextDate(query.to);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const until = query.to > today ? query.to : today;
  const fm = firstFullMonth(s);
  const em = `${e.slice(0, 8)}01`;
  const span =
    fm < em
      ? sql`((c.span = 'm' and c.day >= ${fm}::date and c.day < ${em}::date)
        or (c.span = 'd' and ((c.day >= ${s}::date and c.day < ${fm}::date) or (c.day >= ${em}::date and c.day < ${e}::date))))`
      : sql`(c.span = 'd' and c.day >= ${s}::date and c.day < ${e}::date)`;
  const provinces = query.provinces ? sql`c.province_code = any(${[...query.provinces]}::text[])` : sql`true`;
  const units = query.unitCodes ? sql`c.unit_code = any(${[...query.unitCodes]}::text[])` : sql`true`;
  const [agrees, { rows }] = await Promise.all([
    calendarAgrees(db, query, until),
    sql<{ procedure_code: string; completed: number; ms: string; unplaced: number }>`
      select c.procedure_code, sum(c.completed)::int as completed, sum(c.processing_ms)::text as ms,
        sum(c.unplaced)::int as unplaced
      from quality_processing_counts c where ${provinces} and ${units} and ${span}
      group by 1 having sum(c.completed) <> 0 or sum(c.unplaced) <> 0`.execute(db),
  ]);
  if (!agrees || rows.some((r) => r.unplaced !== 0)) return false;
  const perDay = query.minutesPerDay ?? 450;
  for (const r of rows) totals.addSum(r.procedure_code, r.completed, Number(r.ms) / 60_000 / perDay);
  return true;
}

/** 2.2: counted where it can be, plus those with requests through processingMinutes; else all from the dossiers. */
async function processing(db: Kysely<Database>, query: SqlQualityQuery, totals: ProcessingTotals): Promise<void> {
  // (both add to totals: the counted part only once it knows it can)
  const [counted] = await Promise.all([
    countedProcessing(db, query, totals),
    addProcessing(db, query, sql`d.supplement_requests > 0`, totals, []),
  ]);
  // the calendar changed since migration 0017 (or an instant outside 2000–2100): read the dossiers
  if (!counted) await addProcessing(db, query, sql`d.supplement_requests = 0`, totals, []);
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
    processing(db, query, totals),
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
