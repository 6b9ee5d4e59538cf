// The staff lists: dossiers in the caller's units, filtered by unit, state, queue and a search without
// diacritics on the code or the applicant's name, paged on the server. The queues read the projection columns
// with the same rules as src/dossier/queues.ts (overdue, due soon, late without a timely apology).
import { type ExpressionBuilder, sql } from "kysely";
import type { WorkingCalendar } from "../../../calendar/index.ts";
import { OPEN_STATUSES } from "../../../dossier/status.ts";
import type { Database } from "../../schema.ts";
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
  page: number;
  pageSize: number;
}

type Eb = ExpressionBuilder<Database, "dossiers">;

/** Awaiting a supplement requested by the deadline: the clock is stopped, the dossier is not late. */
const clockStopped = (eb: Eb) =>
  eb.and([
    eb("state", "=", "awaiting_supplement"),
    eb("paused_at", "is not", null),
    eb("paused_at", "<=", eb.ref("deadline_at")),
  ]);

const openAndRunning = (eb: Eb) =>
  eb.and([eb("state", "in", [...OPEN_STATUSES]), eb("deadline_at", "is not", null), eb.not(clockStopped(eb))]);

/** Late at `now` without an apology dated at or before the deadline it missed. */
const lateWithoutApology = (eb: Eb, now: Date) =>
  eb.and([
    eb.or([
      eb.and([eb("end_type", "in", ["resolved", "returned"]), eb("finish_class", "=", "late")]),
      eb.and([openAndRunning(eb), eb("deadline_at", "<", now)]),
    ]),
    eb.or([eb("apology_at", "is", null), eb("apology_at", ">", eb.fn.coalesce("end_deadline_at", "deadline_at"))]),
  ]);

/** Up to this far ahead a deadline may still be less than a working day away (Tết: nine days off). */
const DUE_SOON_HORIZON_MS = 14 * 86_400_000;

function filtered(ctx: ServiceContext, query: ListQuery, now: Date) {
  let base = ctx.db.selectFrom("dossiers");
  if (query.units) {
    const units = [...query.units];
    if (units.length === 0) base = base.where(sql<boolean>`false`);
    else base = base.where((eb) => eb.or([eb("current_unit_code", "in", units), eb("unit_code", "in", units)]));
  }
  if (query.state) base = base.where("state", "=", query.state);
  const q = query.q?.trim();
  if (q) {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    base = base.where((eb) =>
      eb.or([
        eb("code", "ilike", `${like}%`),
        eb(sql`lower(f_unaccent(applicant ->> 'name'))`, "like", sql<string>`'%' || lower(f_unaccent(${like})) || '%'`),
      ]),
    );
  }
  switch (query.queue) {
    case "mine":
      return base.where("assignee_id", "=", query.userId).where("end_at", "is", null);
    case "submitted":
      return base.where("state", "=", "submitted");
    case "overdue":
      return base.where((eb) => eb.and([openAndRunning(eb), eb("deadline_at", "<", now)]));
    case "due_soon":
      return base.where((eb) =>
        eb.and([
          openAndRunning(eb),
          eb("deadline_at", ">=", now),
          eb("deadline_at", "<=", new Date(now.getTime() + DUE_SOON_HORIZON_MS)),
        ]),
      );
    case "late_without_apology":
      return base.where((eb) => lateWithoutApology(eb, now));
    case undefined:
      return base;
  }
}

/** Less than one working day of the unit's calendar left. */
export function isDueSoon(calendar: WorkingCalendar, now: Date, deadline: Date): boolean {
  const left = calendar.workingMinutesBetween(now, deadline);
  return left >= 0 && left < calendar.workingDayMinutes;
}

export async function listDossiers(
  ctx: ServiceContext,
  query: ListQuery,
): Promise<{ items: DossierRow[]; total: number }> {
  const now = ctx.now();
  const byDeadline = query.queue === "overdue" || query.queue === "due_soon";
  const rows = filtered(ctx, query, now).selectAll();
  const ordered = byDeadline
    ? rows.orderBy("deadline_at", "asc").orderBy("code")
    : rows.orderBy(sql`coalesce(received_at, submitted_at, created_at)`, "desc").orderBy("code", "desc");
  const offset = (query.page - 1) * query.pageSize;
  if (query.queue === "due_soon") {
    // working time left needs each unit's calendar: filter the (few) candidates in the application
    const candidates = await ordered.execute();
    const soon: DossierRow[] = [];
    for (const row of candidates) {
      const calendar = await calendarOf(ctx.db, ctx.units, row.unit_code);
      if (isDueSoon(calendar, now, row.deadline_at!)) soon.push(row);
    }
    return { items: soon.slice(offset, offset + query.pageSize), total: soon.length };
  }
  const [items, count] = await Promise.all([
    ordered.limit(query.pageSize).offset(offset).execute(),
    filtered(ctx, query, now)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
