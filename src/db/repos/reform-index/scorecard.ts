// A unit's scorecard for a year, computed on read: automatic nodes from the current records and dossiers,
// the others from the stored assessments; and the ranking of the communes under a province or district.
import { type CriteriaSet, CriteriaSetError } from "../../../reform/index/criteria.ts";
import { autoValues } from "../../../reform/index/auto.ts";
import { rankUnits, type RankedUnit } from "../../../reform/index/ranking.ts";
import { type Scorecard, scorecard } from "../../../reform/index/score.ts";
import { ServiceError } from "../dossiers/errors.ts";
import { type Db, unknownUnit } from "../reform/common.ts";
import { listAssessments, yearState } from "./assessments.ts";
import { loadIndexInputs } from "./inputs.ts";

export interface UnitScorecard extends Scorecard {
  unit: string;
  unitName: string;
  year: number;
  phase: string;
}

function asServiceError(error: unknown): never {
  if (error instanceof CriteriaSetError) throw new ServiceError(422, error.code, error.message);
  throw error;
}

export async function loadScorecard(
  db: Db,
  q: { unit: string; year: number; set?: CriteriaSet; now: Date },
): Promise<UnitScorecard> {
  const unit = await db
    .selectFrom("units")
    .select(["name", "province_code"])
    .where("code", "=", q.unit)
    .executeTakeFirst();
  if (!unit) throw unknownUnit(q.unit);
  const state = await yearState(db, unit.province_code, q.year, q.now);
  const set = q.set ?? state.set;
  const { inputs } = await loadIndexInputs(db, q.unit, q.year, q.now);
  const assessments = await listAssessments(db, q.unit, q.year);
  try {
    const card = scorecard(set, { auto: autoValues(inputs), assessments });
    return { ...card, unit: q.unit, unitName: unit.name, year: q.year, phase: state.phase };
  } catch (error) {
    asServiceError(error);
  }
}

/** The communes/wards directly or indirectly under a unit, ranked by total with their bands. */
export async function loadRanking(
  db: Db,
  q: { unit: string; year: number; set?: CriteriaSet; now: Date },
): Promise<{ unit: string; year: number; ranking: RankedUnit[] }> {
  const root = await db.selectFrom("units").select("code").where("code", "=", q.unit).executeTakeFirst();
  if (!root) throw unknownUnit(q.unit);
  const communes: { code: string; name: string }[] = [];
  let frontier = [q.unit];
  while (frontier.length) {
    const rows = await db
      .selectFrom("units")
      .select(["code", "name", "kind"])
      .where("parent_code", "in", frontier)
      .execute();
    for (const r of rows)
      if (["commune", "ward", "special_zone"].includes(r.kind)) communes.push({ code: r.code, name: r.name });
    frontier = rows.map((r) => r.code);
  }
  const cards: UnitScorecard[] = [];
  for (const c of communes) cards.push(await loadScorecard(db, { ...q, unit: c.code }));
  const set = q.set;
  return {
    unit: q.unit,
    year: q.year,
    ranking: rankUnits(
      cards.map((c) => ({
        unit: c.unit,
        name: c.unitName,
        total: c.total,
        max: c.max,
        band: c.band,
        lost: c.lost.length,
      })),
      set,
    ),
  };
}
