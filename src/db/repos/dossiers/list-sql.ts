// The SQL of the staff lists (issue 20): a scope becomes UNION ALL arms, each an equality on the leading
// columns of an index (the province, and the receiving or current unit), so an ORDER BY … LIMIT over them is a
// Merge Append of short index ranges that reads about one page of rows, whatever the province's size. The
// expressions and partial-index predicates here repeat migration 0014 word for word (the planner matches them
// textually). Pagination is by keyset (a cursor naming the last row's sort key), never OFFSET over a scan.
import { type RawBuilder, sql } from "kysely";
import type { UnitDirectory } from "../units.ts";
import { ServiceError } from "./errors.ts";

/** Dossiers of whole provinces, or of units (as receiving or current unit) in their provinces. */
export type Scope =
  | { mode: "none" }
  | { mode: "provinces"; provinces: string[] }
  | {
      mode: "units";
      units: { code: string; province: string }[];
      /** Only the dossiers the units received (the reports' scope), not those they hold from elsewhere. */
      receiving?: boolean;
    };

/**
 * The scope of a list: every province when `units` is undefined (superuser); the provinces the units cover
 * entirely (a province leader's subtree) as provinces; otherwise the units each with the province of its
 * subtree's root (a dossier's province is its receiving unit's at receipt, ADR 0003; a dossier held by a
 * unit is assumed to be of that unit's province: transfers stay within a province).
 */
export function scopeOf(units: readonly string[] | undefined, directory: UnitDirectory): Scope {
  const provinceOf = new Map<string, string>();
  for (const unit of directory.all()) provinceOf.set(unit.code, directory.provinceOf(unit.code) ?? unit.provinceCode);
  if (units === undefined) return { mode: "provinces", provinces: [...new Set(provinceOf.values())].sort() };
  if (units.length === 0) return { mode: "none" };
  const inScope = new Set(units);
  const touched = new Set(units.map((u) => provinceOf.get(u) ?? directory.find(u)?.provinceCode ?? u));
  const whole = [...touched].every((p) => [...provinceOf].every(([u, up]) => up !== p || inScope.has(u)));
  if (whole) return { mode: "provinces", provinces: [...touched].sort() };
  return {
    mode: "units",
    units: [...inScope].sort().map((code) => ({ code, province: provinceOf.get(code) ?? code })),
  };
}

/** `listed`: the "recent first" key of every list (migration 0014). */
export const LISTED = sql`coalesce(d.received_at, d.submitted_at, d.created_at)`;
const LISTED_X = sql`coalesce(x.received_at, x.submitted_at, x.created_at)`;
/** The code as the code-prefix index holds it. */
export const CODE_KEY = sql`lower(d.code) collate "C"`;
const CODE_KEY_X = sql`lower(x.code) collate "C"`;

export type Order = "recent" | "deadline" | "code";

export interface Cursor {
  order: Order;
  /** The last row's key: an instant (recent, deadline) or the lower-cased code (code). */
  key: string;
  code: string;
  /** Search: "c" while paging code-prefix matches, "n" for name matches. */
  phase?: "c" | "n";
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.code, cursor.phase ?? ""])).toString("base64url");
}

export const badCursor = () =>
  new ServiceError(400, "validation-failed", "Con trỏ trang (cursor) không hợp lệ: hãy tải lại danh sách từ đầu", [
    { name: "cursor", reason: "Con trỏ trang không hợp lệ" },
  ]);

/** The cursor sent back by a client, checked to belong to a list ordered by `order` (or one of them). */
export function decodeCursor(text: string, order: Order | readonly Order[]): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || !parsed.every((p) => typeof p === "string")) throw badCursor();
  const [o, key, code, phase] = parsed as string[];
  if (
    !(Array.isArray(order) ? order : [order]).includes(o as Order) ||
    !code ||
    (phase !== "" && phase !== "c" && phase !== "n")
  )
    throw badCursor();
  if (o !== "code" && Number.isNaN(new Date(key!).getTime())) throw badCursor();
  return { order: o as Order, key: key!, code: code!, ...(phase ? { phase: phase as "c" | "n" } : {}) };
}

/** The cursor after `row` in a list ordered by `order`. */
export function cursorAfter(
  row: {
    code: string;
    received_at: Date | null;
    submitted_at: Date | null;
    created_at: Date;
    deadline_at: Date | null;
  },
  order: Order,
  phase?: "c" | "n",
): string {
  const key =
    order === "code"
      ? row.code.toLowerCase()
      : order === "deadline"
        ? row.deadline_at!.toISOString()
        : (row.received_at ?? row.submitted_at ?? row.created_at).toISOString();
  return encodeCursor({ order, key, code: row.code, ...(phase ? { phase } : {}) });
}

function orderBy(order: Order, alias: "d" | "x"): RawBuilder<unknown> {
  const listed = alias === "d" ? LISTED : LISTED_X;
  const code = alias === "d" ? sql`d.code` : sql`x.code`;
  switch (order) {
    case "recent":
      return sql`${listed} desc, ${code} desc`;
    case "deadline":
      return alias === "d" ? sql`d.deadline_at, d.code` : sql`x.deadline_at, x.code`;
    case "code":
      return sql`${alias === "d" ? CODE_KEY : CODE_KEY_X}, ${code}`;
  }
}

export function keysetSql(cursor: Cursor | undefined): RawBuilder<unknown> {
  if (!cursor) return sql`true`;
  switch (cursor.order) {
    case "recent":
      return sql`(${LISTED}, d.code) < (${new Date(cursor.key)}::timestamptz, ${cursor.code})`;
    case "deadline":
      return sql`(d.deadline_at, d.code) > (${new Date(cursor.key)}::timestamptz, ${cursor.code})`;
    case "code":
      return sql`(${CODE_KEY}, d.code) > (${cursor.key} collate "C", ${cursor.code})`;
  }
}

/** The index-prefix equality of each arm of the scope. */
function armsOf(scope: Scope): RawBuilder<unknown>[] {
  switch (scope.mode) {
    case "none":
      return [];
    case "provinces":
      return scope.provinces.map((p) => sql`d.province_code = ${p}`);
    case "units": {
      const codes = scope.units.map((u) => u.code);
      return [
        ...scope.units.map((u) => sql`d.province_code = ${u.province} and d.unit_code = ${u.code}`),
        ...(scope.receiving ? [] : heldFromElsewhere(scope.units, codes)),
      ];
    }
  }
}

/** Held by a unit of the scope but received elsewhere: disjoint from the units' own arms; `current_unit_code <>
 * unit_code` (implied) lets the planner use the partial indexes of transferred dossiers (migration 0014). */
function heldFromElsewhere(units: { code: string; province: string }[], codes: string[]): RawBuilder<unknown>[] {
  return units.map(
    (u) =>
      sql`d.province_code = ${u.province} and d.current_unit_code = ${u.code} and d.current_unit_code <> d.unit_code
        and d.unit_code <> all(${codes}::text[])`,
  );
}

/** The scope as one boolean condition (for plans that read a non-ordered index: the name search). */
export function scopeCondition(scope: Scope): RawBuilder<unknown> {
  const arms = armsOf(scope);
  return arms.length
    ? sql`(${sql.join(
        arms.map((a) => sql`(${a})`),
        sql` or `,
      )})`
    : sql`false`;
}

export interface PageQuery {
  scope: Scope;
  /** Conditions every row meets. */
  where: RawBuilder<unknown>[];
  /** Alternatives (each a list of conditions) that become arms of their own, each with its partial index. */
  alternatives?: RawBuilder<unknown>[][];
  order: Order;
  after?: Cursor;
  limit: number;
}

/**
 * One page in order: each arm (scope × alternatives) reads at most `limit` rows in order from its index, the
 * arms' rows are merged and cut. (PostgreSQL 15 plans an ORDER BY over a UNION ALL as a sort of all the arms'
 * rows, never a lazy merge, so each arm carries its own ORDER BY … LIMIT.)
 */
export function pageSql(query: PageQuery, select: RawBuilder<unknown> = sql`d.*`): RawBuilder<Record<string, unknown>> {
  const arms = armSql(query, select);
  // no arm (an empty scope): the scope's condition is `false`
  if (!arms.length)
    return sql<Record<string, unknown>>`select d.* from dossiers d where ${scopeCondition(query.scope)}`;
  if (arms.length === 1) return arms[0]!;
  return sql<Record<string, unknown>>`select x.* from (${sql.join(arms, sql` union all `)}) x
    order by ${orderBy(query.order, "x")} limit ${query.limit}`;
}

function armSql(query: PageQuery, select: RawBuilder<unknown>, ordered = true): RawBuilder<Record<string, unknown>>[] {
  const alternatives = query.alternatives?.length ? query.alternatives : [[]];
  return armsOf(query.scope).flatMap((arm) =>
    alternatives.map((alt) => {
      const all = [arm, ...query.where, ...alt, keysetSql(query.after)];
      const order = ordered ? sql`order by ${orderBy(query.order, "d")}` : sql``;
      return sql<Record<string, unknown>>`(select ${select} from dossiers d where ${sql.join(all, sql` and `)}
        ${order} limit ${query.limit})`;
    }),
  );
}

/**
 * How many rows meet the query, counting at most `cap` + 1 per arm. A "recent first" arm is read in index order
 * (else the planner may read the table itself up to the cap); a deadline queue's arm reads the open dossiers'
 * partial indexes in whatever order is cheapest.
 */
export function cappedCountSql(query: Omit<PageQuery, "limit" | "after">, cap: number): RawBuilder<{ n: number }> {
  const arms = armSql({ ...query, limit: cap + 1 }, sql`1 as one`, query.order !== "deadline");
  if (!arms.length) return sql<{ n: number }>`select 0 as n`;
  return sql<{ n: number }>`select count(*)::int as n from (${sql.join(arms, sql` union all `)}) c`;
}

/** The planner's estimate of how many rows meet the conditions (no row is read). */
export function estimateSql(scope: Scope, where: RawBuilder<unknown>[], alternatives?: RawBuilder<unknown>[][]) {
  const alt = alternatives?.length
    ? sql`(${sql.join(
        alternatives.map((a) => sql`(${a.length ? sql.join(a, sql` and `) : sql`true`})`),
        sql` or `,
      )})`
    : sql`true`;
  return sql`explain (format json) select 1 from dossiers d where ${sql.join([scopeCondition(scope), ...where, alt], sql` and `)}`;
}
