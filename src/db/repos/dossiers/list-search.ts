// Search in the staff lists: code-prefix matches first (ordered by code, on dossiers_code_search), then the
// applicant's name without diacritics (recent first), as two index-backed queries whose pages are chained by
// the cursor (phase "c", then "n") — an OR of the two would defeat both indexes. The name query stops at the
// first page of matches: it first filters the scope's most recent NAME_PROBE dossiers in index order (a common
// name fills the page there); if they hold some matches it walks the scope in order until the page is full; only
// a name absent from them asks the trigram index (a rare name has few matches to sort).
import { type RawBuilder, sql } from "kysely";
import {
  badCursor,
  CODE_KEY,
  type Cursor,
  cursorAfter,
  decodeCursor,
  keysetSql,
  LISTED,
  pageSql,
  type Scope,
  scopeCondition,
} from "./list-sql.ts";
import { estimate, type ListPage, type ListQuery } from "./list.ts";
import type { DossierRow, ServiceContext } from "./service.ts";

/** The most recent dossiers of the scope a name is first looked for in. */
export const NAME_PROBE = 1000;
/** The trigram index needs three characters; a shorter name is only looked for among the NAME_PROBE. */
const TRIGRAM = 3;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A code prefix as the index holds it, or undefined when the text cannot begin a code. */
export function codePrefix(q: string): string | undefined {
  const lower = q.toLowerCase();
  return /^[a-z0-9][a-z0-9._-]*$/.test(lower) ? lower : undefined;
}

/** lower(code) starts with `prefix`: a range on the C-collated key ('~' sorts after every code character). */
const codeMatches = (prefix: string) =>
  sql`${CODE_KEY} >= ${prefix} collate "C" and ${CODE_KEY} < ${`${prefix}~`} collate "C"`;

const nameMatches = (q: string) =>
  sql`lower(f_unaccent(d.applicant ->> 'name')) like '%' || lower(f_unaccent(${escapeLike(q)})) || '%'`;

export async function searchDossiers(
  ctx: ServiceContext,
  query: ListQuery & { q: string },
  scope: Scope,
  where: RawBuilder<unknown>[],
): Promise<ListPage> {
  const prefix = codePrefix(query.q);
  const first = query.cursor ? undefined : ((query.page ?? 1) - 1) * query.pageSize;
  const want = (first ?? 0) + query.pageSize + 1;
  let after: Cursor | undefined;
  if (query.cursor) {
    after = decodeCursor(query.cursor, ["code", "recent"]);
    if ((after.phase === "n") !== (after.order === "recent")) throw badCursor();
  }
  let byCode: DossierRow[] = [];
  if (prefix && after?.phase !== "n") {
    const rows = await pageSql({
      scope,
      where: [...where, codeMatches(prefix)],
      order: "code",
      after,
      limit: want,
    }).execute(ctx.db);
    byCode = rows.rows as unknown as DossierRow[];
  }
  let named: DossierRow[] = [];
  const names = [nameMatches(query.q), ...(prefix ? [sql`not (${codeMatches(prefix)})`] : [])];
  if (byCode.length < want) {
    const nameAfter = after?.phase === "n" ? after : undefined;
    named = await byName(ctx, scope, where, names, nameAfter, want - byCode.length, query.q);
  }
  const rows = [...byCode.map((r) => ({ r, phase: "c" as const })), ...named.map((r) => ({ r, phase: "n" as const }))];
  const skip = first ?? 0;
  const page = rows.slice(skip, skip + query.pageSize);
  const more = rows.length > skip + query.pageSize;
  const last = page.at(-1);
  const nextCursor = more && last ? cursorAfter(last.r, last.phase === "c" ? "code" : "recent", last.phase) : null;
  if (!query.cursor && !more) return { items: page.map((x) => x.r), total: rows.length, totalExact: true, nextCursor };
  const estimated =
    (prefix ? await estimate(ctx, scope, [...where, codeMatches(prefix)]) : 0) +
    (await estimate(ctx, scope, [...where, ...names]));
  return {
    items: page.map((x) => x.r),
    total: Math.max(estimated, rows.length),
    totalExact: false,
    nextCursor,
  };
}

/**
 * The next `limit` name matches after `after`, recent first: among the scope's NAME_PROBE most recent rows
 * after the cursor when they hold `limit`; when they hold some, by walking the scope in order (a page is at
 * most ~limit × NAME_PROBE rows away); when they hold none, from the trigram index (a rare name).
 */
async function byName(
  ctx: ServiceContext,
  scope: Scope,
  base: RawBuilder<unknown>[],
  names: RawBuilder<unknown>[],
  after: Cursor | undefined,
  limit: number,
  q: string,
): Promise<DossierRow[]> {
  const recent = sql`${LISTED} desc, d.code desc`;
  const window = pageSql({ scope, where: base, order: "recent", after, limit: NAME_PROBE });
  const { rows } = await sql<Record<string, unknown>>`select d.* from (${window}) d
    where ${sql.join(names, sql` and `)} order by ${recent} limit ${limit}`.execute(ctx.db);
  if (rows.length >= limit || q.length < TRIGRAM) return rows as unknown as DossierRow[];
  if (rows.length > 0) {
    // at least one in NAME_PROBE: walking the scope in order finds a page within ~limit × NAME_PROBE rows
    // (the planner may still prefer the trigram index)
    const walked = await pageSql({ scope, where: [...base, ...names], order: "recent", after, limit }).execute(ctx.db);
    return walked.rows as unknown as DossierRow[];
  }
  // none among the most recent: a rare name, whose few matches the trigram index finds and a sort orders
  const all = [scopeCondition(scope), ...base, keysetSql(after), ...names];
  const matches = await sql<Record<string, unknown>>`with m as materialized (
      select d.* from dossiers d where ${sql.join(all, sql` and `)})
    select d.* from m d order by ${recent} limit ${limit}`.execute(ctx.db);
  return matches.rows as unknown as DossierRow[];
}
