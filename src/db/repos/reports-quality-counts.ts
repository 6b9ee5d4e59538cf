// The Decision 766 indicators from kept counters (issue 20: a busy unit's year took 2–3 s at 1M dossiers). The
// figures of sqlQualityIndicators (reports-quality.ts), without the codes behind them, read from counters kept by
// triggers in the dossier's transaction; reports-quality-counts.db.test.ts proves them equal to the pure fold on
// both engines.
//   3.3, 3.6, 4.1, 4.2: differences of prefix sums of quality_counts (migration 0017) at the receipt day.
//   2.1 and 5.4: the dossiers without supplement requests from quality_counts (open_on/open_off, ended,
//     ended_on_time: migration 0017 derives the identities), those with requests from quality_request_counts
//     (the same columns, kept from the row and its log: migration 0020) plus the closed episodes that reopened
//     in the period (quality_request_resumes); 5.4 subtracts the period's complained dossiers that are on time
//     (each few) by handledRow over their codes.
//   2.2: the completed dossiers from quality_processing_counts and quality_request_processing (their working
//     time computed by the triggers on the calendar stored in quality_calendar, checked here against the
//     calendar given; when they differ, every completed dossier is read through processingMinutes).
import { type Kysely, sql } from "kysely";
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { nextDate } from "../../figures/period.ts";
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

/** The counted columns of quality_counts (migration 0017). */
export const COLUMNS = [
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
  // the request dossiers' counters (0020) add to the same 2.1 columns; they count no receipt for the rates
  const { rows } = await sql<Prefix>`
    select ${sql.join(sums)} from (
      select span, day, province_code, unit_code, received, online, with_fee, paid_online, e_result, digitized,
        open_on, open_off, ended, ended_on_time from quality_counts
      union all
      select span, day, province_code, unit_code, 0, 0, 0, 0, 0, 0, open_on, open_off, ended, ended_on_time
      from quality_request_counts) c
    where ${provinces} and ${units} and (${before(ms, s)} or ${before(me, e)})`.execute(db);
  return rows[0]!;
}

/** The local dates from `from` up to (not including) `until`. */
function daysBetween(from: string, until: string): string[] {
  const days: string[] = [];
  for (let d = from; d < until; d = nextDate(d)) days.push(d);
  return days;
}

/** The first days of the months from `from` (a first day) up to (not including) `until`. */
function monthsBetween(from: string, until: string): string[] {
  const months: string[] = [];
  for (let m = from; m < until; m = firstFullMonth(nextDate(m))) months.push(m);
  return months;
}

/**
 * R(S, E) of migration 0020: the request dossiers closed at the period's start (awaiting their single request
 * since before it) that reopened in the period — by the reopening day for the partial months at either end and
 * by month for the full months between, each an index range "closed before S".
 */
async function resumed(db: Kysely<Database>, query: SqlQualityQuery): Promise<{ n: number; on_time: number }> {
  const s = query.from;
  const e = nextDate(query.to);
  const fm = firstFullMonth(s);
  const em = `${e.slice(0, 8)}01`;
  const [days, months] =
    fm < em ? [[...daysBetween(s, fm), ...daysBetween(em, e)], monthsBetween(fm, em)] : [daysBetween(s, e), []];
  const provinces = query.provinces ? sql`c.province_code = any(${[...query.provinces]}::text[])` : sql`true`;
  const units = query.unitCodes ? sql`c.unit_code = any(${[...query.unitCodes]}::text[])` : sql`true`;
  const { rows } = await sql<{ n: number; on_time: number }>`
    select coalesce(sum(c.resumed), 0)::int as n, coalesce(sum(c.resumed_on_time), 0)::int as on_time
    from (select * from quality_request_resumes
        where span = 'd' and day = any(${days}::date[]) and start_day < ${s}::date
      union all
      select * from quality_request_resumes
        where span = 'm' and day = any(${months}::date[]) and start_day < ${s}::date) c
    where ${provinces} and ${units}`.execute(db);
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
 * 2.2 of the completed dossiers from quality_processing_counts and quality_request_processing (full months from
 * the month rows, the rest from the day rows), when the stored calendar agrees and every instant was placed on
 * it; false when it cannot (then the caller reads the dossiers).
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
      from (select span, day, province_code, unit_code, procedure_code, completed, processing_ms, unplaced
          from quality_processing_counts
        union all
        select span, day, province_code, unit_code, procedure_code, completed, processing_ms, unplaced
          from quality_request_processing) c
      where ${provinces} and ${units} and ${span}
      group by 1 having sum(c.completed) <> 0 or sum(c.unplaced) <> 0`.execute(db),
  ]);
  if (!agrees || rows.some((r) => r.unplaced !== 0)) return false;
  const perDay = query.minutesPerDay ?? 450;
  for (const r of rows) totals.addSum(r.procedure_code, r.completed, Number(r.ms) / 60_000 / perDay);
  return true;
}

/** 2.2: counted where it can be, else all from the dossiers. */
async function processing(db: Kysely<Database>, query: SqlQualityQuery, totals: ProcessingTotals): Promise<void> {
  // the calendar changed since migration 0017 (or an instant outside 2000–2100): read the dossiers
  if (!(await countedProcessing(db, query, totals))) await addProcessing(db, query, sql`true`, totals, []);
}

const rate = (id: ComputedId, numerator: number, denominator: number): RateIndicator =>
  rateIndicator(id, { numerator, denominator }, [], []);

/** Prefix sums of nothing: what an indicator that does not read the counters' flows is given. */
const NO_SUMS = Object.fromEntries(
  COLUMNS.flatMap((c) => [
    [`s_${c}`, 0],
    [`e_${c}`, 0],
  ]),
) as Prefix;

/**
 * The indicators of qualityIndicators, in its order, from the counters; no codes behind them (empty lists).
 * `only`: that one indicator, reading only what it needs (a drill-down's figure: 2.2's per-procedure sums are
 * the slowest part of a province's answer, and 2.1 does not need them).
 */
export async function countedQualityIndicators(
  db: Kysely<Database>,
  query: SqlQualityQuery,
  only?: ComputedId,
): Promise<QualityIndicator[]> {
  const wants = (...ids: ComputedId[]) => only === undefined || ids.includes(only);
  const complaints = wants("satisfaction-rate") ? [...(query.complaintCodes ?? [])] : [];
  const bare = { ...query, complaintCodes: [] };
  const totals = new ProcessingTotals();
  const [p, reopened, complained] = await Promise.all([
    only === "average-processing-days" ? NO_SUMS : prefixSums(db, query),
    wants("on-time-766", "satisfaction-rate") ? resumed(db, query) : { n: 0, on_time: 0 },
    complaints.length
      ? handledRow(db, bare, sql`d.code = any(${complaints}::text[])`, false)
      : Promise.resolve({ n_ontime: 0 }),
    wants("average-processing-days") ? processing(db, query, totals) : undefined,
  ]);
  const flow = (c: Column) => p[`e_${c}`] - p[`s_${c}`];
  const handled = p.e_open_on - p.s_ended + reopened.n;
  const onTime = flow("ended_on_time") + p.e_open_on - p.e_open_off + reopened.on_time;
  const average: AverageIndicator = totals.indicator([]);
  const all = [
    rate("on-time-766", onTime, handled),
    average,
    rate("online-rate", flow("online"), flow("received")),
    rate("online-payment-rate", flow("paid_online"), flow("with_fee")),
    rate("e-result-rate", flow("e_result"), flow("received")),
    rate("digitization-rate", flow("digitized"), flow("received")),
    rate("satisfaction-rate", onTime - Number(complained.n_ontime), handled),
  ];
  return only === undefined ? all : all.filter((indicator) => indicator.id === only);
}
