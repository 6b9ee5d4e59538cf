// The dossiers behind one Decision 766 indicator, a page at a time (issue 20: the full answer with the codes
// sorted every dossier of the period — 457 / 550 ms p50 / p95 for a busy unit's year at 1M dossiers). Each part
// of an indicator (its numerator, its denominator; the dossiers an average is taken over) is the figure's own
// SQL condition (reports-quality.ts) as the `where` of a staff list (list-sql.ts): recent first, by keyset,
// each arm of the scope reading its receiving unit's (or its province's) index of the list order from the
// period's end backwards, so a page reads about a page of rows when the part is most of the base. The count
// is the figure itself (the counters, reports-quality-counts.ts): exact, and equal to the report's.
import { type RawBuilder, sql } from "kysely";
import { periodBounds } from "../../figures/period.ts";
import type { ComputedId } from "../../figures/quality-catalog.ts";
import { type Cursor, LISTED, pageSql, type Scope } from "./dossiers/list-sql.ts";
import {
  baseSql,
  complainedOf,
  handledCandidate,
  handledOf,
  RATE_SQL,
  type SqlQualityQuery,
} from "./reports-quality.ts";

export const INDICATOR_PARTS = ["numerator", "denominator"] as const;
export type IndicatorPart = (typeof INDICATOR_PARTS)[number];

/** The page of one part of an indicator, recent first (the staff lists' order and cursor). */
export interface IndicatorPageQuery {
  id: ComputedId;
  part: IndicatorPart;
  /** The report's scope as a list scope of receiving units (receiving: true) or whole provinces. */
  scope: Scope;
  after?: Cursor;
  limit: number;
}

/**
 * The conditions a dossier of the part meets, or undefined when the indicator has no such part (an average has
 * no numerator: its dossiers are the denominator's). Every condition bounds the list key (received before the
 * period's end) so an arm's index range starts at the period's end.
 */
export function partConditions(
  id: ComputedId,
  part: IndicatorPart,
  query: SqlQualityQuery,
): RawBuilder<unknown>[] | undefined {
  const { start: s, end: e } = periodBounds(query);
  const received = (base: "received" | "receivedWithFee") => [
    sql`${LISTED} >= ${s}`,
    sql`${LISTED} < ${e}`,
    baseSql(base, s, e),
  ];
  const handled = (condition: RawBuilder<unknown>) => [
    sql`${LISTED} < ${e}`,
    handledCandidate(s, e),
    sql`(select h.fin >= ${s} and ${condition} from ${handledOf(e)} h)`,
  ];
  switch (id) {
    case "average-processing-days":
      return part === "numerator" ? undefined : [...received("received"), sql`d.end_type in ('resolved', 'returned')`];
    case "on-time-766":
      return handled(part === "numerator" ? sql`h.on_time` : sql`true`);
    case "satisfaction-rate":
      return handled(part === "numerator" ? sql`h.on_time and not (${complainedOf(query)})` : sql`true`);
    default: {
      const rate = RATE_SQL.find((r) => r.id === id)!;
      return [...received(rate.base), ...(part === "numerator" ? [rate.numerator] : [])];
    }
  }
}

/** The statement of one page of a part: `limit` rows after the cursor (undefined: no such part). */
export function indicatorPageSql(
  query: SqlQualityQuery,
  page: IndicatorPageQuery,
): RawBuilder<Record<string, unknown>> | undefined {
  const where = partConditions(page.id, page.part, query);
  if (!where) return undefined;
  return pageSql({ scope: page.scope, where, order: "recent", after: page.after, limit: page.limit });
}
