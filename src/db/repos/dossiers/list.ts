// The staff lists: dossiers in the caller's units, filtered by state, queue or a search without diacritics on
// the code or the applicant's name, a page at a time by keyset (a cursor) and ordered by an index
// (list-sql.ts, migration 0014). The queues read the projection columns with the same rules as
// src/dossier/queues.ts (overdue, due soon, late without a timely apology). A count is exact up to
// COUNT_CAP and the planner's estimate beyond (totalExact: false; the web says "khoảng").
import { type RawBuilder, sql } from "kysely";
import type { WorkingCalendar } from "../../../calendar/index.ts";
import { dueSoonMinutesOf } from "../../../dossier/queues.ts";
import { OPEN_STATUSES } from "../../../dossier/status.ts";
import {
  type Cursor,
  cappedCountSql,
  cursorAfter,
  decodeCursor,
  estimateSql,
  type Order,
  pageSql,
  type Scope,
  scopeOf,
} from "./list-sql.ts";
import { searchDossiers } from "./list-search.ts";
import type { DossierRow, ServiceContext } from "./service.ts";
import { calendarOf } from "./terms.ts";

export const QUEUES = ["mine", "due_soon", "overdue", "late_without_apology", "submitted"] as const;
export type Queue = (typeof QUEUES)[number];

export interface ListQuery {
  /** Units whose dossiers the caller may see (current or receiving unit); undefined = every unit. */
  units?: readonly string[];
  state?: string;
  queue?: Queue;
  q?: string;
  userId: number;
  pageSize: number;
  /** The page after this cursor (the previous page's nextCursor). */
  cursor?: string;
  /** Without a cursor: page numbers as before keyset paging (reads page × pageSize rows; kept for old clients). */
  page?: number;
}

export interface ListPage {
  items: DossierRow[];
  /** Exact when totalExact, else the planner's estimate (more than COUNT_CAP rows). */
  total: number;
  totalExact: boolean;
  /** The cursor of the next page; null on the last page. */
  nextCursor: string | null;
}

/** Counted exactly up to this many rows; estimated beyond. */
export const COUNT_CAP = 1000;
/** Due soon: at most this many open dossiers with a deadline in the next 14 days are checked on the calendar. */
const DUE_SOON_CANDIDATES = 2000;

export const OPEN = sql`d.end_at is null and d.state in (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`))})`;
/** Open, with a deadline, and not awaiting a supplement requested by the deadline (the clock is stopped). */
const OPEN_RUNNING = sql`${OPEN} and d.deadline_at is not null
  and not (d.state = 'awaiting_supplement' and d.paused_at is not null and d.paused_at <= d.deadline_at)`;
/** No apology dated at or before the deadline missed (the predicate of dossiers_late_listed). */
const NO_TIMELY_APOLOGY = sql`(d.apology_at is null or d.apology_at > coalesce(d.end_deadline_at, d.deadline_at))`;
/** Finished late without a timely apology: exactly the predicate of dossiers_late_listed (migration 0014). */
const ENDED_LATE_NO_APOLOGY = sql`d.end_type in ('resolved', 'declined', 'returned') and d.finish_class = 'late'
    and (d.apology_at is null or d.apology_at > coalesce(d.end_deadline_at, d.deadline_at))`;

/** Up to this far ahead a deadline may still be less than a working day away (Tết: nine days off). */
const DUE_SOON_HORIZON_MS = 14 * 86_400_000;

export interface Plan {
  where: RawBuilder<unknown>[];
  alternatives?: RawBuilder<unknown>[][];
  order: Order;
}

export function planOf(query: Pick<ListQuery, "state" | "queue" | "userId">, now: Date): Plan {
  const where: RawBuilder<unknown>[] = query.state ? [sql`d.state = ${query.state}`] : [];
  switch (query.queue) {
    case "mine":
      return { where: [...where, sql`d.assignee_id = ${query.userId}`, sql`d.end_at is null`], order: "recent" };
    case "submitted":
      return { where: [...where, sql`d.state = 'submitted'`, sql`d.end_at is null`], order: "recent" };
    case "overdue":
      return { where: [...where, OPEN_RUNNING, sql`d.deadline_at < ${now}`], order: "deadline" };
    case "due_soon":
      return {
        where: [
          ...where,
          OPEN_RUNNING,
          sql`d.deadline_at >= ${now}`,
          sql`d.deadline_at <= ${new Date(now.getTime() + DUE_SOON_HORIZON_MS)}`,
        ],
        order: "deadline",
      };
    case "late_without_apology":
      return {
        where,
        // two arms per scope arm: each reads its own partial index (ended late; open) recent first
        alternatives: [[ENDED_LATE_NO_APOLOGY], [OPEN_RUNNING, sql`d.deadline_at < ${now}`, NO_TIMELY_APOLOGY]],
        order: "recent",
      };
    case undefined:
      return { where, order: "recent" };
  }
}

/** Less than two working days of the unit's calendar left (src/dossier/queues.ts DUE_SOON_WORKING_DAYS). */
export function isDueSoon(calendar: WorkingCalendar, now: Date, deadline: Date): boolean {
  const left = calendar.workingMinutesBetween(now, deadline);
  return left >= 0 && left < dueSoonMinutesOf(calendar.workingDayMinutes);
}

export async function listDossiers(ctx: ServiceContext, query: ListQuery): Promise<ListPage> {
  const now = ctx.now();
  const scope = scopeOf(query.units, ctx.units);
  const q = query.q?.trim();
  if (q) return searchDossiers(ctx, { ...query, q }, scope, planOf(query, now).where);
  const plan = planOf(query, now);
  const after = query.cursor ? decodeCursor(query.cursor, plan.order) : undefined;
  if (query.queue === "due_soon") return dueSoon(ctx, query, scope, plan, now, after);
  const skip = after ? 0 : ((query.page ?? 1) - 1) * query.pageSize;
  const [rows, counted] = await Promise.all([
    runPage(ctx, { ...plan, scope, after, limit: skip + query.pageSize + 1 }),
    countOf(ctx, scope, plan),
  ]);
  const items = rows.slice(skip, skip + query.pageSize);
  const more = rows.length > skip + query.pageSize;
  return {
    items,
    ...counted,
    nextCursor: more && items.length ? cursorAfter(items.at(-1)!, plan.order) : null,
  };
}

async function runPage(ctx: ServiceContext, query: Parameters<typeof pageSql>[0]): Promise<DossierRow[]> {
  const { rows } = await pageSql(query).execute(ctx.db);
  return rows as unknown as DossierRow[];
}

/** Estimated totals (past COUNT_CAP) are kept this long per list: they need not be fresher than that. */
const ESTIMATE_TTL_MS = 30_000;
const estimates = new Map<string, { total: number; until: number }>();

/** The list's count statement, with instants rounded to the minute: the key of its cached estimate. */
function estimateKey(sqlText: string, parameters: readonly unknown[]): string {
  const params = parameters.map((p) => (p instanceof Date ? Math.floor(p.getTime() / 60_000) : p));
  return `${sqlText}|${JSON.stringify(params)}`;
}

/**
 * Exact up to COUNT_CAP (at most COUNT_CAP + 1 narrow rows per arm, in index order), else the planner's
 * estimate, kept ESTIMATE_TTL_MS for the same list (a busy list then costs one statement a page, not three).
 */
export async function countOf(
  ctx: ServiceContext,
  scope: Scope,
  plan: Plan,
): Promise<{ total: number; totalExact: boolean }> {
  const capped = cappedCountSql({ ...plan, scope }, COUNT_CAP);
  const compiled = capped.compile(ctx.db);
  const key = estimateKey(compiled.sql, compiled.parameters);
  const now = Date.now();
  const known = estimates.get(key);
  if (known && known.until > now) return { total: known.total, totalExact: false };
  const { rows } = await capped.execute(ctx.db);
  const n = rows[0]!.n;
  if (n <= COUNT_CAP) return { total: n, totalExact: true };
  const total = Math.max(COUNT_CAP + 1, await estimate(ctx, scope, plan.where, plan.alternatives));
  if (estimates.size > 1_000) estimates.clear();
  estimates.set(key, { total, until: now + ESTIMATE_TTL_MS });
  return { total, totalExact: false };
}

export async function estimate(
  ctx: ServiceContext,
  scope: Scope,
  where: RawBuilder<unknown>[],
  alternatives?: RawBuilder<unknown>[][],
): Promise<number> {
  const query = estimateSql(scope, where, alternatives);
  const compiled = query.compile(ctx.db);
  const key = estimateKey(compiled.sql, compiled.parameters);
  const known = estimates.get(key);
  if (known && known.until > Date.now()) return known.total;
  const { rows } = await query.execute(ctx.db);
  const plan = (rows[0] as { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] })["QUERY PLAN"];
  const total = Math.round(plan[0].Plan["Plan Rows"]);
  if (estimates.size > 1_000) estimates.clear();
  estimates.set(key, { total, until: Date.now() + ESTIMATE_TTL_MS });
  return total;
}

/**
 * Due soon needs each unit's calendar (less than a working day left): the open dossiers whose deadline is in
 * the next 14 days, in deadline order (at most DUE_SOON_CANDIDATES), checked here; the page is cut after the
 * cursor. Exact while the candidates are fewer than the cap.
 */
async function dueSoon(
  ctx: ServiceContext,
  query: ListQuery,
  scope: Scope,
  plan: Plan,
  now: Date,
  after: Cursor | undefined,
): Promise<ListPage> {
  const candidates = await runPage(ctx, { ...plan, scope, limit: DUE_SOON_CANDIDATES });
  const soon: DossierRow[] = [];
  for (const row of candidates) {
    const calendar = await calendarOf(ctx.db, ctx.units, row.unit_code);
    if (isDueSoon(calendar, now, row.deadline_at!)) soon.push(row);
  }
  const start = after
    ? soon.findIndex(
        (r) =>
          r.deadline_at!.getTime() > new Date(after.key).getTime() ||
          (r.deadline_at!.getTime() === new Date(after.key).getTime() && r.code > after.code),
      )
    : ((query.page ?? 1) - 1) * query.pageSize;
  const from = start < 0 ? soon.length : start;
  const items = soon.slice(from, from + query.pageSize);
  return {
    items,
    total: soon.length,
    totalExact: candidates.length < DUE_SOON_CANDIDATES,
    nextCursor: from + query.pageSize < soon.length && items.length ? cursorAfter(items.at(-1)!, "deadline") : null,
  };
}
