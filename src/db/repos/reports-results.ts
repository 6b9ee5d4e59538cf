// The results report (CONTRACTS.md §3) computed in SQL over the dossiers projection: one scan, one aggregate.
// Every column is a condition on projection columns written by projectionRow (end_at, end_type,
// finish_class: the end event and its timeliness, which do not depend on the period). Only "open at the
// period end" depends on the period through the deadline in force and the pause at `end`; for a dossier
// without supplement requests that is the receipt appointment, and the few with requests read their log
// (figures_overdue_at, migration 0005). Row keys and Vietnamese order come from the pure code (grouping.ts),
// so the SQL and the fold cannot disagree on a key. docs/figures.md "SQL" has the equivalence argument.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Channel, DossierRecord } from "../../dossier/record.ts";
import { compareVietnamese, type Grouping, rowKeyOf } from "../../figures/grouping.ts";
import { nextDate, type Period } from "../../figures/period.ts";
import { isAllZero, type ResultsDocument, type ResultsRow, TOTAL_KEY } from "../../figures/results.ts";
import {
  assertIdentity,
  RESULT_FIELDS,
  type ResultCounts,
  type ResultField,
  zeroCounts,
} from "../../figures/results-fields.ts";
import type { Database } from "../schema.ts";
import { FIGURE_COUNT_COLUMNS } from "./figure-counts.ts";
import { inUnits, type UnitScope } from "./unit-scope.ts";

export interface SqlResultsQuery extends Period, UnitScope {
  /** The unit named in the document (null: every unit). */
  unit?: string | null;
  /** Receiving units in scope (the unit and its subtree), with their provinces (unit-scope.ts); undefined: every unit. */
  unitCodes?: readonly string[];
  by?: Grouping;
  /**
   * Only dossiers received through this channel (01b 3.3.2 per channel, src/reform/sheet). The counters keep
   * no channel: a query with a channel is answered by the full scan (sqlResultsReportByScan).
   */
  channel?: Channel;
}

/** The SQL condition for each column, over `d` (dossiers) and `b` (bounds s, e). */
const OPEN = "(d.received_at is not null and (d.end_at is null or d.end_at >= b.e))";
const OVERDUE = `(case when not ${OPEN} then false
  when d.supplement_requests = 0 then coalesce(b.e > d.due_at, false)
  else figures_overdue_at(d.province_code, d.code, d.due_at, b.e) end)`;
const FINISHED = "d.end_type in ('resolved', 'declined', 'returned') and d.end_at < b.e";
const LOCAL_WEEKDAY = "extract(isodow from d.received_at at time zone 'Asia/Ho_Chi_Minh')";

export const COLUMN_SQL: Record<ResultField, string> = {
  carriedOver: "d.received_at < b.s",
  received: "d.received_at >= b.s",
  receivedSaturday: `d.received_at >= b.s and ${LOCAL_WEEKDAY} = 6`,
  receivedDirect: "d.received_at >= b.s and d.channel = 'direct'",
  receivedPostal: "d.received_at >= b.s and d.channel = 'postal'",
  receivedOnlinePartial: "d.received_at >= b.s and d.channel = 'online_partial'",
  receivedOnlineFull: "d.received_at >= b.s and d.channel = 'online_full'",
  finishedEarly: `${FINISHED} and d.finish_class = 'early'`,
  finishedOnTime: `${FINISHED} and d.finish_class = 'on_time'`,
  finishedLate: `${FINISHED} and d.finish_class = 'late'`,
  withdrawn: "d.end_type = 'withdrawn' and d.end_at < b.e",
  stopped: "d.end_type = 'stopped' and d.end_at < b.e",
  openWithinDeadline: `${OPEN} and not ${OVERDUE}`,
  openOverdue: `${OPEN} and ${OVERDUE}`,
  refusedAtIntake: "d.received_at is null",
  declined: "d.end_type = 'declined' and d.end_at < b.e",
};

/** Raw grouping columns per `by`; the row key is computed from them by rowKeyOf. */
const GROUP_COLUMNS: Record<Grouping, string[]> = {
  field: ["field"],
  "field-level": ["field", "level"],
  unit: ["unit_code"],
  procedure: ["procedure_code"],
};

/** `start` = from 00:00 local, `end` = the day after `to`, 00:00 local (never a bare '+07' offset). */
export function boundsSql(period: Period): RawBuilder<unknown> {
  return sql`(select (${period.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh' as s,
    (${period.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh' as e)`;
}

/**
 * The dossiers that play a part in the period: received before `end` and not ended before `start`, or refused
 * at intake in [start, end); within the unit scope.
 */
export function scopeSql(query: SqlResultsQuery): RawBuilder<unknown> {
  const channel = query.channel ? sql`d.channel = ${query.channel}` : sql`true`;
  return sql`from dossiers d cross join ${boundsSql(query)} b
    where ${inUnits(query, "d")} and ${channel}
      and ((d.received_at < b.e and (d.end_at is null or d.end_at >= b.s))
        or (d.received_at is null and d.end_type = 'refused' and d.end_at >= b.s and d.end_at < b.e))`;
}

type RawRow = Record<string, unknown> & Record<ResultField, number>;

/** The key a raw group row belongs to, by the pure rowKeyOf (a dossier-shaped view of the group columns). */
export function keyOfGroup(by: Grouping, row: Record<string, unknown>): string {
  const view = {
    unit: { code: String(row.unit_code ?? "") },
    procedure: {
      code: String(row.procedure_code ?? ""),
      field: (row.field as string | null) ?? undefined,
      level: (row.level as DossierRecord["procedure"]["level"] | null) ?? undefined,
    },
  } as DossierRecord;
  return rowKeyOf(view, by);
}

/** The aggregate SQL (also what the benchmark times). */
export function resultsAggregateSql(query: SqlResultsQuery): RawBuilder<RawRow> {
  const by = query.by ?? "field";
  const groups = GROUP_COLUMNS[by].map((c) => `d.${c}`).join(", ");
  const counts = RESULT_FIELDS.map((f) => `count(*) filter (where ${COLUMN_SQL[f]})::int as "${f}"`).join(",\n  ");
  return sql<RawRow>`select ${sql.raw(groups)}, ${sql.raw(counts)} ${scopeSql(query)} group by ${sql.raw(groups)}`;
}

/**
 * The same aggregate from the counters (migration 0006, figure_counts): every column but the open split of
 * dossiers with supplement requests is a difference of prefix sums P(S), P(E) of per-day counts, where
 * P(T) = the month rows before T's month + the day rows of T's month before T. The dossiers with supplement
 * requests open at `end` are found through their GiST index and classified on their log as in the full scan;
 * they come out as separate raw rows (+overdue, −within) that assembleDocument adds to their key.
 * docs/figures.md "Counts" has the equivalence argument.
 */
export function resultsCountsSql(query: SqlResultsQuery): RawBuilder<RawRow> {
  const by = query.by ?? "field";
  const s = query.from;
  const e = nextDate(query.to);
  const ms = `${s.slice(0, 8)}01`;
  const me = `${e.slice(0, 8)}01`;
  const columns = GROUP_COLUMNS[by];
  const counterGroups = columns.map((c) => (c === "level" ? "nullif(c.level, '')" : `c.${c}`)).join(", ");
  const counterSelect = columns.map((c) => (c === "level" ? "nullif(c.level, '') as level" : `c.${c}`)).join(", ");
  const dossierGroups = columns.map((c) => `d.${c}`).join(", ");
  const countersIn = inUnits(query, "c");
  const dossiersIn = inUnits(query, "d");
  // the rows of P(S) and of P(E): 1 or 0
  const inS = sql`(case when (c.span = 'm' and c.day < ${ms}::date)
    or (c.span = 'd' and c.day >= ${ms}::date and c.day < ${s}::date) then 1 else 0 end)`;
  const inE = sql`(case when (c.span = 'm' and c.day < ${me}::date)
    or (c.span = 'd' and c.day >= ${me}::date and c.day < ${e}::date) then 1 else 0 end)`;
  const end = sql`((${e}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
  const received = "(w.received_direct + w.received_postal + w.received_online_partial + w.received_online_full)";
  const flow = (column: string) => sql.raw(`sum((w.in_e - w.in_s) * ${column})`);
  // first plain sums per group and (in P(S), in P(E)) — at most four rows per group — then the differences
  const sums = FIGURE_COUNT_COLUMNS.map((c) => `sum(c.${c}) as ${c}`).join(", ");
  return sql<RawRow>`
    with w as (
      select ${sql.raw(counterSelect)}, ${inS} as in_s, ${inE} as in_e, ${sql.raw(sums)}
      from figure_counts c
      where ${countersIn}
        and ((c.span = 'm' and c.day < ${me}::date)
          or (c.span = 'd' and ((c.day >= ${ms}::date and c.day < ${s}::date) or (c.day >= ${me}::date and c.day < ${e}::date))))
      group by ${sql.raw(counterGroups)}, in_s, in_e
    ), a as (
      select ${sql.raw(columns.map((c) => `w.${c}`).join(", "))},
        sum(w.in_s * (${sql.raw(received)} - w.ended)) as carried,
        ${flow(received)} as received,
        ${flow("w.received_saturday")} as saturday,
        ${flow("w.received_direct")} as direct,
        ${flow("w.received_postal")} as postal,
        ${flow("w.received_online_partial")} as online_partial,
        ${flow("w.received_online_full")} as online_full,
        ${flow("w.finished_early")} as early,
        ${flow("w.finished_on_time")} as on_time,
        ${flow("w.finished_late")} as late,
        ${flow("w.withdrawn")} as withdrawn,
        ${flow("w.stopped")} as stopped,
        ${flow("w.refused")} as refused,
        ${flow("w.declined")} as declined,
        sum(w.in_e * (${sql.raw(received)} - w.ended)) as open,
        sum(w.in_e * (w.overdue_on - w.overdue_off)) as overdue
      from w
      group by ${sql.raw(columns.map((c) => `w.${c}`).join(", "))}
    )
    select ${sql.raw(columns.join(", "))}, carried::int as "carriedOver", received::int as "received",
      saturday::int as "receivedSaturday", direct::int as "receivedDirect", postal::int as "receivedPostal",
      online_partial::int as "receivedOnlinePartial", online_full::int as "receivedOnlineFull",
      early::int as "finishedEarly", on_time::int as "finishedOnTime", late::int as "finishedLate",
      withdrawn::int as "withdrawn", stopped::int as "stopped", (open - overdue)::int as "openWithinDeadline",
      overdue::int as "openOverdue", refused::int as "refusedAtIntake", declined::int as "declined"
    from a
    union all
    select ${sql.raw(columns.join(", "))}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -overdue, overdue, 0, 0
    from (
      select ${sql.raw(dossierGroups)},
        count(*) filter (where not coalesce(l.type = 'supplement_requested'
            and coalesce(l.at <= coalesce(l.resumed_due, d.due_at), true), false)
          and coalesce(${end} > coalesce(r.due, d.due_at), false))::int as overdue
      from dossiers d
      left join lateral (${lastPauseOrResume(end)}) l on true
      left join lateral (select (${resumedDue(end)}) as due) r on true
      where d.supplement_requests > 0 and d.received_at is not null
        and tstzrange(d.received_at, d.end_at, '(]') @> ${end} and ${dossiersIn}
      group by ${sql.raw(dossierGroups)}
    ) x
    where overdue > 0`;
}

/**
 * figures_overdue_at (migration 0005) inlined for the counters' report: the same reads of the log as subqueries
 * instead of SQL function calls (a third of the time for the thousands of supplement dossiers open at a 10M
 * database's period end). The receipt appointment replaced by the last resume with a dueAt before `before`:
 */
function resumedDue(before: RawBuilder<unknown> | string): RawBuilder<unknown> {
  const bound = typeof before === "string" ? sql.raw(before) : before;
  return sql`select (y.payload ->> 'dueAt')::timestamptz
    from dossier_events y
    where y.province_code = d.province_code and y.dossier_code = d.code and y.type = 'supplement_received'
      and y.payload ->> 'dueAt' is not null and y.at < ${bound}
    order by y.seq desc limit 1`;
}

/** The last clock-pausing request or resume with a dueAt before `end`, and the deadline in force when it happened. */
function lastPauseOrResume(end: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select x.type, x.at, (${resumedDue("x.at")}) as resumed_due
    from dossier_events x
    where x.province_code = d.province_code and x.dossier_code = d.code and x.at < ${end}
      and ((x.type = 'supplement_requested' and (x.payload ->> 'clockPaused')::boolean)
        or (x.type = 'supplement_received' and x.payload ->> 'dueAt' is not null))
    order by x.seq desc limit 1`;
}

/** The results document, computed in the database from the counters (resultsCountsSql). */
export async function sqlResultsReport(db: Kysely<Database>, query: SqlResultsQuery): Promise<ResultsDocument> {
  if (query.channel) return sqlResultsReportByScan(db, query);
  const by = query.by ?? "field";
  const { rows } = await resultsCountsSql(query).execute(db);
  return assembleDocument(query, by, rows);
}

/** The results document by the full scan (resultsAggregateSql): the oracle of the counters. */
export async function sqlResultsReportByScan(db: Kysely<Database>, query: SqlResultsQuery): Promise<ResultsDocument> {
  const by = query.by ?? "field";
  const { rows } = await resultsAggregateSql(query).execute(db);
  return assembleDocument(query, by, rows);
}

/** Merges raw group rows into keyed rows (several raw fields may share a key), sorted, zeros dropped, total. */
export function assembleDocument(query: SqlResultsQuery, by: Grouping, rows: readonly RawRow[]): ResultsDocument {
  const byKey = new Map<string, ResultCounts>();
  const total = zeroCounts();
  for (const raw of rows) {
    const key = keyOfGroup(by, raw);
    let counts = byKey.get(key);
    if (!counts) {
      counts = zeroCounts();
      byKey.set(key, counts);
    }
    for (const f of RESULT_FIELDS) {
      counts[f] += Number(raw[f]);
      total[f] += Number(raw[f]);
    }
  }
  const keys = [...byKey.keys()].sort(compareVietnamese);
  const document: ResultsDocument = {
    report: "results",
    unit: query.unit ?? null,
    from: query.from,
    to: query.to,
    by,
    rows: keys.map((key): ResultsRow => ({ key, ...byKey.get(key)! })).filter((row) => !isAllZero(row)),
    total: { key: TOTAL_KEY, ...total },
  };
  assertIdentity([...document.rows, document.total]);
  return document;
}

export interface DrillDownQuery extends SqlResultsQuery {
  /** A row key of the document, or "total". */
  rowKey: string;
  field: ResultField;
  page?: number;
  pageSize?: number;
}

export interface DrillDownPage {
  rowKey: string;
  field: ResultField;
  total: number;
  page: number;
  pageSize: number;
  dossiers: { code: string; unitCode: string; procedureCode: string; field: string }[];
}

/** The dossiers behind one cell (chi tiết hồ sơ của một ô), ordered by code, paged. */
export async function sqlDrillDown(db: Kysely<Database>, query: DrillDownQuery): Promise<DrillDownPage> {
  const by = query.by ?? "field";
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const rowFilter = query.rowKey === TOTAL_KEY ? sql`true` : await rowFilterSql(db, query, by);
  const cell = sql`${sql.raw(COLUMN_SQL[query.field])}`;
  const { rows } = await sql<{ code: string; unit_code: string; procedure_code: string; field: string; n: number }>`
    select d.code, d.unit_code, d.procedure_code, d.field, count(*) over ()::int as n
    ${scopeSql(query)} and (${cell}) and (${rowFilter})
    order by d.code limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  let total = rows[0]?.n ?? 0;
  if (!rows.length && page > 1) {
    const counted = await sql<{
      n: number;
    }>`select count(*)::int as n ${scopeSql(query)} and (${cell}) and (${rowFilter})`.execute(db);
    total = counted.rows[0]?.n ?? 0;
  }
  return {
    rowKey: query.rowKey,
    field: query.field,
    total,
    page,
    pageSize,
    dossiers: rows.map((r) => ({
      code: r.code,
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      field: r.field,
    })),
  };
}

/** The SQL condition selecting one row: by code for unit/procedure, by the raw (field, level) pairs mapping to the key otherwise. */
async function rowFilterSql(db: Kysely<Database>, query: DrillDownQuery, by: Grouping): Promise<RawBuilder<unknown>> {
  if (by === "unit") return sql`d.unit_code = ${query.rowKey}`;
  if (by === "procedure") return sql`d.procedure_code = ${query.rowKey}`;
  const { rows } = await sql<{ field: string; level: string | null }>`
    select distinct d.field, d.level from dossiers d where ${inUnits(query, "d")}`.execute(db);
  const pairs = rows.filter((r) => keyOfGroup(by, r) === query.rowKey);
  if (!pairs.length) return sql`false`;
  return sql`(d.field, coalesce(d.level, '')) in (select * from unnest(${pairs.map((p) => p.field)}::text[], ${pairs.map((p) => p.level ?? "")}::text[]))`;
}
