// The results report's counters (migrations 0006 and 0010, figure_counts): kept by triggers on `dossiers`, checked and
// rebuilt here against figure_counts_expected, their recomputation from the dossiers table.
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** The counter columns of figure_counts (and figure_counts_expected). */
export const FIGURE_COUNT_COLUMNS = [
  "received_direct",
  "received_postal",
  "received_online_partial",
  "received_online_full",
  "received_saturday",
  "ended",
  "finished_early",
  "finished_on_time",
  "finished_late",
  "withdrawn",
  "stopped",
  "refused",
  "overdue_on",
  "overdue_off",
  "declined",
] as const;

const KEY = "span, day, province_code, unit_code, procedure_code, field, level";

export interface FigureCountsMismatch {
  span: "d" | "m";
  day: string;
  provinceCode: string;
  unitCode: string;
  procedureCode: string;
  field: string;
  level: string;
  /** stored − recomputed, per counter column (only the columns that differ). */
  difference: Record<string, number>;
}

/**
 * Compares the stored counters with their recomputation from the dossiers table (counter rows at zero count
 * as absent). Returns the differing keys, at most `limit`; empty when they agree. Reads every dossier.
 */
export async function verifyFigureCounts(db: Kysely<Database>, limit = 20): Promise<FigureCountsMismatch[]> {
  const sums = FIGURE_COUNT_COLUMNS.map((c) => `sum(${c})::int as ${c}`).join(", ");
  const negated = FIGURE_COUNT_COLUMNS.map((c) => `-${c}`).join(", ");
  const { rows } = await sql<Record<string, unknown>>`
    select span, day::text as day, province_code, unit_code, procedure_code, field, level, ${sql.raw(sums)}
    from (
      select ${sql.raw(KEY)}, ${sql.raw(FIGURE_COUNT_COLUMNS.join(", "))} from figure_counts
      union all
      select ${sql.raw(KEY)}, ${sql.raw(negated)} from figure_counts_expected
    ) x
    group by ${sql.raw(KEY)}
    having (${sql.raw(FIGURE_COUNT_COLUMNS.map((c) => `sum(${c})`).join(", "))})
      <> (${sql.raw(FIGURE_COUNT_COLUMNS.map(() => "0").join(", "))})
    order by ${sql.raw(KEY)}
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    span: r.span as "d" | "m",
    day: String(r.day),
    provinceCode: String(r.province_code),
    unitCode: String(r.unit_code),
    procedureCode: String(r.procedure_code),
    field: String(r.field),
    level: String(r.level),
    difference: Object.fromEntries(
      FIGURE_COUNT_COLUMNS.filter((c) => Number(r[c]) !== 0).map((c) => [c, Number(r[c])]),
    ),
  }));
}

/** Recomputes every counter from the dossiers table (writers wait meanwhile). Returns the rows written. */
export async function rebuildFigureCounts(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table dossiers in share mode`.execute(trx);
    await sql`delete from figure_counts`.execute(trx);
    const result = await sql`insert into figure_counts select * from figure_counts_expected`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}
