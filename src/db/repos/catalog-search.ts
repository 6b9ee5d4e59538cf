// Search of the public catalogue: the version of each procedure in force on a date, diacritic-free in SQL
// (unaccent + pg_trgm, index `procedures_search`), with a word-similarity fallback for typos; and the fields
// (lĩnh vực) with their counts.
import { type Kysely, sql } from "kysely";
import { foldVietnamese } from "../../catalog/fold.ts";
import type { Procedure } from "../../catalog/procedure.ts";
import type { Database } from "../schema.ts";
import { procedureFromRow, withoutPlaceholder } from "./catalog-rows.ts";

type Db = Kysely<Database>;

export interface ProcedureQuery {
  /** Words typed with or without diacritics, or a procedure code. */
  q?: string;
  field?: string;
  level?: Procedure["level"];
  online?: Procedure["onlineLevel"];
  /** Versions in force on this local date. */
  at: string;
  page: number;
  pageSize: number;
}

/**
 * The version of each procedure in force on `at` (placeholders left out): the public catalogue. Written as a
 * filter on `procedures p` itself (no newer version in force), so conditions on p.name reach the trigram index.
 */
function versionsInForce(db: Db, at: string) {
  return db
    .selectFrom("procedures as p")
    .selectAll("p")
    .where("p.effective_from", "<=", at)
    .where("p.placeholder", "=", false)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("procedures as newer")
            .select("newer.version")
            .whereRef("newer.code", "=", "p.code")
            .whereRef("newer.effective_from", ">", "p.effective_from")
            .where("newer.effective_from", "<=", at),
        ),
      ),
    );
}

/**
 * Searches the catalogue in force on a date. Every word of `q` must occur in the unaccented name (trigram
 * index) or `q` must equal the code; when nothing matches that way, names word-similar to `q` are returned
 * instead (a typo: "chung thuk") and `approximate` is true. Ranked: code, the query as a phrase (earlier
 * first), similarity, shorter name; without `q`, by field and unaccented name.
 */
export async function searchProcedures(db: Db, query: ProcedureQuery) {
  const exact = await runSearch(db, query, false);
  if (exact.total > 0 || !query.q?.trim() || foldVietnamese(query.q).length < 3) return exact;
  return runSearch(db, query, true);
}

async function runSearch(db: Db, query: ProcedureQuery, approximate: boolean) {
  const folded = foldVietnamese(query.q ?? "");
  const words = folded.split(/[^a-z0-9.]+/).filter(Boolean);
  const code = (query.q ?? "").trim();
  const name = sql<string>`lower(f_unaccent(p.name))`;
  let select = versionsInForce(db, query.at);
  if (query.field) select = select.where("p.field", "=", query.field);
  if (query.level) select = select.where("p.level", "=", query.level);
  if (query.online) select = select.where("p.online_level", "=", query.online);
  if (words.length) {
    // One `like` per word (not `like all (array)`, which a GIN index cannot serve): a bitmap AND on the index.
    const everyWord = sql.join(
      words.map((w) => sql`${name} like ${`%${w}%`}`),
      sql` and `,
    );
    select = select.where(
      approximate ? sql<boolean>`${folded} <% ${name}` : sql<boolean>`((${everyWord}) or p.code = ${code})`,
    );
  }
  const ordered = words.length
    ? select
        .orderBy(sql`p.code = ${code}`, "desc")
        .orderBy(sql`coalesce(nullif(strpos(${name}, ${folded}), 0), 100000)`)
        .orderBy(sql`word_similarity(${folded}, ${name})`, "desc")
        .orderBy(sql`length(p.name)`)
        .orderBy("p.code")
    : select.orderBy("p.field").orderBy(sql`lower(f_unaccent(p.name))`).orderBy("p.code");
  const rows = await ordered
    .select(sql<number>`count(*) over ()`.as("total"))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const counted = await select.select(sql<number>`count(*) over ()`.as("total")).limit(1).execute();
    total = counted[0]?.total ?? 0;
  }
  return {
    items: rows.map(({ total: _, ...row }) => withoutPlaceholder(procedureFromRow(row))),
    total,
    page: query.page,
    pageSize: query.pageSize,
    approximate,
  };
}

/** Fields (lĩnh vực) of the catalogue in force on `at`, with how many procedures each holds. */
export async function listFields(db: Db, at: string): Promise<{ name: string; count: number }[]> {
  const rows = await versionsInForce(db, at)
    .clearSelect()
    .select(["p.field as name", sql<number>`count(*)`.as("count")])
    .groupBy("p.field")
    .execute();
  // Neither engine sorts Vietnamese by dictionary order: the application does.
  return rows.sort((a, b) => a.name.localeCompare(b.name, "vi"));
}
