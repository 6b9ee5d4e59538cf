// Ratings given in a period on dossiers of a scope, for the satisfaction report and the 766 index
// (figures/satisfaction.ts maps a stored score or assessment onto the report's scale).
import { type Kysely, sql } from "kysely";
import { periodBounds } from "../../figures/period.ts";
import { type RatingRecord, ratingOf } from "../../figures/satisfaction.ts";
import type { Database } from "../schema.ts";

/** Ratings given in the period (local dates) on dossiers of the scope (every unit when `unitCodes` is undefined). */
export async function loadPeriodRatings(
  db: Kysely<Database>,
  period: { from: string; to: string },
  unitCodes: string[] | undefined,
  kind: "score" | "procedure_assessment",
): Promise<RatingRecord[]> {
  const { start, end } = periodBounds(period);
  const units = unitCodes ? sql`d.unit_code = any(${unitCodes}::text[])` : sql`true`;
  const { rows } = await sql<{ field: string; unit_code: string; code: string; value: string | null }>`
    select d.field, d.unit_code, d.code, r.${sql.ref(kind)} as value
    from ratings r join dossiers d on d.province_code = r.province_code and d.code = r.dossier_code
    where ${units} and r.at >= ${start} and r.at < ${end}`.execute(db);
  const out: RatingRecord[] = [];
  for (const r of rows) {
    const rating = ratingOf(kind, r.value);
    if (rating) out.push({ field: r.field, unit: r.unit_code, rating, dossierCode: r.code });
  }
  return out;
}
