// The Decision 766 indicators (src/figures/quality.ts) computed in the database instead of over every dossier
// and event of the period loaded into Node (issue 20: a province's year took 79 s and 4.6 GB). One SQL
// condition per indicator, next to the pure rule it mirrors (quality-rules.ts, the description "Mô tả công thức
// tính chỉ số 766"); reports-quality.db.test.ts proves the results equal to the pure fold on both engines. The
// average processing time (2.2) needs the working calendar: it runs the pure processingMinutes over narrow rows
// read in chunks in end order (bounded memory). Codes behind each figure: at most CODES_LIMIT per list.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DossierRecord } from "../../dossier/record.ts";
import { type Period, periodBounds } from "../../figures/period.ts";
import {
  type AverageIndicator,
  ProcessingTotals,
  processingMinutes,
  type QualityIndicator,
  type RateIndicator,
  rateIndicator,
  type WorkingMinutes,
} from "../../figures/quality.ts";
import type { ComputedId } from "../../figures/quality-catalog.ts";
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
  /** Dossiers with a PAKN or a "không hài lòng" rating in the period (5.4; complaintCodes below). */
  complaintCodes?: readonly string[];
}

interface RateSql {
  id: ComputedId;
  /** Received in the period, with a fee among them. */
  base: "received" | "receivedWithFee";
  numerator: RawBuilder<unknown>;
}

/** The rate indicators over the dossiers received in the period (3.3, 3.6, 4.1, 4.2), as SQL on the projection. */
export const RATE_SQL: RateSql[] = [
  { id: "online-rate", base: "received", numerator: sql`d.channel in ('online_partial', 'online_full')` },
  { id: "online-payment-rate", base: "receivedWithFee", numerator: sql`d.fee_paid_online` },
  { id: "e-result-rate", base: "received", numerator: sql`d.e_result` },
  // digitizedForIndex: components digitized, and the result digitized as recorded (an import: as imported)
  {
    id: "digitization-rate",
    base: "received",
    numerator: sql`d.digitized and coalesce(d.result_digitized, d.source = 'import')`,
  },
];

export function baseSql(base: RateSql["base"], s: Date, e: Date): RawBuilder<unknown> {
  const fee = base === "receivedWithFee" ? sql`and d.fee_amount > 0` : sql``;
  return sql`d.received_at >= ${s} and d.received_at < ${e} ${fee}`;
}

export function scopeOf(query: Pick<SqlQualityQuery, "unitCodes" | "provinces">): RawBuilder<unknown> {
  const provinces = query.provinces ? sql`d.province_code = any(${[...query.provinces]}::text[])` : sql`true`;
  const units = query.unitCodes ? sql`d.unit_code = any(${[...query.unitCodes]}::text[])` : sql`true`;
  return sql`${provinces} and ${units}`;
}

const count = (condition: RawBuilder<unknown>, name: string, codes = true) => [
  sql`count(*) filter (where ${condition}) as ${sql.ref(`n_${name}`)}`,
  ...(codes
    ? [
        sql`(array_agg(d.code order by d.code) filter (where ${condition}))[1:${CODES_LIMIT}] as ${sql.ref(`c_${name}`)}`,
      ]
    : []),
];

function rateOf(id: ComputedId, row: Record<string, unknown>, num: string, den: string): RateIndicator {
  return rateIndicator(
    id,
    { numerator: Number(row[`n_${num}`]), denominator: Number(row[`n_${den}`]) },
    (row[`c_${num}`] as string[] | null) ?? [],
    (row[`c_${den}`] as string[] | null) ?? [],
  );
}

/** The rate indicators over one base of received dossiers. */
async function rates(db: Kysely<Database>, query: SqlQualityQuery, base: RateSql["base"]): Promise<RateIndicator[]> {
  const { start, end } = periodBounds(query);
  const defs = RATE_SQL.filter((r) => r.base === base);
  const columns = [...count(sql`true`, "all"), ...defs.flatMap((r, i) => count(r.numerator, String(i)))];
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join(columns)} from dossiers d where ${scopeOf(query)} and ${baseSql(base, start, end)}`.execute(db);
  return defs.map((r, i) => rateOf(r.id, rows[0]!, String(i), "all"));
}

/**
 * A supplement event `v` the record's timeline keeps (recordTimeline, history.ts; the pure rules read only
 * those): a request that pauses the clock (after receipt), a supplement after receipt giving the new appointment
 * — not an online submission's intake round-trip before receipt (migration 0020 reads the log the same way).
 */
const TIMELINE_SUPPLEMENT = sql`(case when v.type = 'supplement_requested' then v.payload ->> 'clockPaused' = 'true'
  else v.payload ->> 'dueAt' is not null and v.seq > (select min(r.seq) from dossier_events r
    where r.province_code = v.province_code and r.dossier_code = v.dossier_code
      and r.type in ('received', 'accepted')) end)`;

/**
 * 2.1 and 5.4 per dossier `d` "tiếp nhận, xử lý trong kỳ" (processingEnd766, inPeriod766, onTime766), one row:
 * `fin`, the end of processing — the projection's end when before the period's end `e` (a stored refusal is no
 * end there), else `e`; an unanswered single supplement request ends processing at the request unless resolved
 * or returned — and `on_time`: at most one request, and the end less the wait from request to supplement no
 * later than the appointment of receipt (due_at). The requests are read from the log before that end.
 */
export function handledOf(e: Date): RawBuilder<unknown> {
  return sql`(select y.fin, (y.n <= 1 and (d.due_at is null
      or y.fin - coalesce(case when y.n = 1 then y.rcv - y.req end, interval '0') <= d.due_at)) as on_time
    from (select x.n, x.req, x.rcv, case when x.n = 1 and x.rcv is null and x.kind not in ('resolved', 'returned')
        then x.req else x.bound end as fin
      from (select k.kind, k.bound, coalesce(l.n, 0) as n, l.req, case when l.rcv >= l.req then l.rcv end as rcv
        from (select
            case when d.end_at < ${e} and d.end_type <> 'refused' then d.end_type else 'open' end as kind,
            case when d.end_at < ${e} and d.end_type <> 'refused' then d.end_at else ${e}::timestamptz end as bound) k
        left join lateral (select count(*) filter (where v.type = 'supplement_requested') as n,
            min(v.at) filter (where v.type = 'supplement_requested') as req,
            min(v.at) filter (where v.type = 'supplement_received') as rcv
          from dossier_events v where v.province_code = d.province_code and v.dossier_code = d.code
            and v.type in ('supplement_requested', 'supplement_received') and v.at < k.bound
            and ${TIMELINE_SUPPLEMENT} and d.supplement_requests > 0) l on true) x) y)`;
}

/** The dossiers 2.1 and 5.4 may count, before the end of processing is known: received before the period's end, not ended before its start. */
export function handledCandidate(s: Date, e: Date): RawBuilder<unknown> {
  return sql`d.received_at < ${e} and (d.end_at is null or d.end_at >= ${s} or d.end_type = 'refused')`;
}

/** 5.4's complaint: the dossier is among the period's complaintCodes. */
export const complainedOf = (query: Pick<SqlQualityQuery, "complaintCodes">): RawBuilder<unknown> =>
  sql`d.code = any(${[...(query.complaintCodes ?? [])]}::text[])`;

/**
 * 2.1 and 5.4 over the dossiers handled in the period (handledOf: processing ends in it or after): the counts
 * (and, with `codes`, the code lists) over the dossiers that also meet `only`.
 */
export async function handledRow(
  db: Kysely<Database>,
  query: SqlQualityQuery,
  only: RawBuilder<unknown>,
  codes: boolean,
): Promise<Record<string, unknown>> {
  const { start: s, end: e } = periodBounds(query);
  const onTime = sql`h.on_time`;
  const columns = [
    ...count(sql`true`, "all", codes),
    ...count(onTime, "ontime", codes),
    ...count(sql`${onTime} and not (${complainedOf(query)})`, "ok", codes),
  ];
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join(columns)} from dossiers d cross join lateral ${handledOf(e)} h
    where ${scopeOf(query)} and ${only} and ${handledCandidate(s, e)} and h.fin >= ${s}`.execute(db);
  return rows[0]!;
}

async function handled(db: Kysely<Database>, query: SqlQualityQuery): Promise<RateIndicator[]> {
  const row = await handledRow(db, query, sql`true`, true);
  return [rateOf("on-time-766", row, "ontime", "all"), rateOf("satisfaction-rate", row, "ok", "all")];
}

async function averageProcessing(db: Kysely<Database>, query: SqlQualityQuery): Promise<AverageIndicator> {
  const totals = new ProcessingTotals();
  const codes: string[] = [];
  await addProcessing(db, query, sql`true`, totals, codes);
  return totals.indicator(codes.sort());
}

/**
 * 2.2: adds processingMinutes of each dossier received in the period, completed (any time) and meeting `only` to
 * `totals` (and its code to `codes` while under CODES_LIMIT), CHUNK rows at a time in (end_at, code) order.
 */
export async function addProcessing(
  db: Kysely<Database>,
  query: SqlQualityQuery,
  only: RawBuilder<unknown>,
  totals: ProcessingTotals,
  codes: string[],
): Promise<void> {
  const { start, end } = periodBounds(query);
  const perDay = query.minutesPerDay ?? 450;
  let after: { at: Date; code: string } | undefined;
  for (;;) {
    const keyset = after ? sql`(d.end_at, d.code) > (${after.at}, ${after.code})` : sql`true`;
    const { rows } = await sql<{
      province_code: string;
      code: string;
      procedure_code: string;
      received_at: Date;
      end_at: Date;
      supplement_requests: number;
    }>`select d.province_code, d.code, d.procedure_code, d.received_at, d.end_at, d.supplement_requests
      from dossiers d
      where ${scopeOf(query)} and ${baseSql("received", start, end)} and d.end_type in ('resolved', 'returned')
        and ${only} and ${keyset}
      order by d.end_at, d.code limit ${CHUNK}`.execute(db);
    if (!rows.length) break;
    const paused = rows.filter((r) => r.supplement_requests > 0);
    const events = new Map<string, DossierRecord["events"]>();
    if (paused.length) {
      const { rows: log } = await sql<{ province_code: string; dossier_code: string; type: string; at: Date }>`
        select province_code, dossier_code, type, at from dossier_events v
        where (province_code, dossier_code) in (select * from unnest(${paused.map((r) => r.province_code)}::text[],
          ${paused.map((r) => r.code)}::text[]))
          and type in ('supplement_requested', 'supplement_received') and ${TIMELINE_SUPPLEMENT}
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
      totals.add(r.procedure_code, processingMinutes(record as DossierRecord, r.end_at, query.workingMinutes) / perDay);
      if (codes.length < CODES_LIMIT) codes.push(r.code);
    }
    const last = rows.at(-1)!;
    after = { at: last.end_at, code: last.code };
    if (rows.length < CHUNK) break;
  }
}

/** The indicators of qualityIndicators, in its order. */
export async function sqlQualityIndicators(db: Kysely<Database>, query: SqlQualityQuery): Promise<QualityIndicator[]> {
  const [[onTime, satisfaction], received, withFee, average] = await Promise.all([
    handled(db, query),
    rates(db, query, "received"),
    rates(db, query, "receivedWithFee"),
    averageProcessing(db, query),
  ]);
  const all = [...received, ...withFee];
  const byId = (id: ComputedId) => all.find((i) => i.id === id)!;
  return [
    onTime!,
    average,
    byId("online-rate"),
    byId("online-payment-rate"),
    byId("e-result-rate"),
    byId("digitization-rate"),
    satisfaction!,
  ];
}

/**
 * 5.4's complaints: dossiers with a PAKN received, or a "không hài lòng" score given, in the period — found from
 * the feedback and ratings of the period (each few; indexes of migration 0017), not over the scope's dossiers.
 * A PAKN names a dossier of its own province (feedback.province_code).
 */
export async function complaintCodes(
  db: Kysely<Database>,
  query: Period & Pick<SqlQualityQuery, "unitCodes" | "provinces">,
): Promise<string[]> {
  const { start, end } = periodBounds(query);
  const { rows } = await sql<{ code: string }>`
    select d.code from dossiers d
    where (d.province_code, d.code) in (
        select f.province_code, f.dossier_code from feedback f
        where f.dossier_code is not null and f.received_at >= ${start} and f.received_at < ${end}
        union
        select r.province_code, r.dossier_code from ratings r
        where r.score = 'dissatisfied' and r.at >= ${start} and r.at < ${end})
      and ${scopeOf(query)}
    order by d.code`.execute(db);
  return rows.map((r) => r.code);
}
