// The dashboard's stock figures (issue 15: "Đang quá hạn" as of now): dossiers open now in the caller's units,
// overdue and within the deadline, counted with the very conditions and count of the overdue queue
// (list.ts), so the headline, its drill-down (the queue) and an officer's queue show the same number. Exact up
// to COUNT_CAP each, the planner's estimate beyond (exact: false; the web says "khoảng").
import { countOf, OPEN, planOf } from "./list.ts";
import { scopeOf } from "./list-sql.ts";
import type { ServiceContext } from "./service.ts";

export interface StockFigures {
  /** The instant the figures are as of (now). */
  at: Date;
  open: number;
  overdue: number;
  /** open − overdue: received, not ended, not past the deadline in force (or its clock stopped). */
  withinDeadline: number;
  exact: boolean;
}

export async function stockFigures(
  ctx: ServiceContext,
  query: { units?: readonly string[]; userId?: number },
): Promise<StockFigures> {
  const at = ctx.now();
  const scope = scopeOf(query.units, ctx.units);
  const overduePlan = planOf({ queue: "overdue", userId: query.userId ?? 0 }, at);
  // open dossiers read the open-by-deadline indexes (migration 0014) in deadline order
  const [overdue, open] = await Promise.all([
    countOf(ctx, scope, overduePlan),
    countOf(ctx, scope, { where: [OPEN], order: "deadline" }),
  ]);
  return {
    at,
    open: open.total,
    overdue: overdue.total,
    withinDeadline: Math.max(0, open.total - overdue.total),
    exact: open.totalExact && overdue.totalExact,
  };
}
