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
import { findIndexYear } from "./sets.ts";
import { surveyOf } from "./surveys.ts";

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
    const survey = await surveyOf(db, q.unit, q.year);
    const card = scorecard(set, { auto: autoValues(inputs), assessments, survey });
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
  const root = await db
    .selectFrom("units")
    .select(["code", "province_code"])
    .where("code", "=", q.unit)
    .executeTakeFirst();
  if (!root) throw unknownUnit(q.unit);
  const taking = (await findIndexYear(db, root.province_code, q.year))?.units;
  const takesPart = (code: string) => !taking || taking.includes(code);
  const communes: { code: string; name: string }[] = [];
  let frontier = [q.unit];
  while (frontier.length) {
    const rows = await db
      .selectFrom("units")
      .select(["code", "name", "kind"])
      .where("parent_code", "in", frontier)
      .execute();
    for (const r of rows)
      if (["commune", "ward", "special_zone"].includes(r.kind) && takesPart(r.code))
        communes.push({ code: r.code, name: r.name });
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

export interface TrendPoint {
  year: number;
  setId: string;
  setVersion: number;
  total: number;
  selfTotal: number;
  max: number;
  percent: number | null;
  band: string | null;
  lost: number;
  phase: string;
}

/**
 * A unit's index over the years from..to (at most 10): total, its own view (selfTotal), band and the count of
 * lost criteria, each year scored with that year's set. A year with nothing scored has max 0 and no band.
 */
export async function loadTrend(
  db: Db,
  q: { unit: string; from: number; to: number; now: Date },
): Promise<{ unit: string; unitName: string; years: TrendPoint[] }> {
  if (q.to < q.from || q.to - q.from > 9)
    throw new ServiceError(422, "trend-range-invalid", "Khoảng năm phải từ 1 đến 10 năm, năm đầu trước năm cuối");
  const years: TrendPoint[] = [];
  let unitName = q.unit;
  for (let year = q.from; year <= q.to; year++) {
    const c = await loadScorecard(db, { unit: q.unit, year, now: q.now });
    unitName = c.unitName;
    years.push({
      year,
      setId: c.setId,
      setVersion: c.setVersion,
      total: c.total,
      selfTotal: c.selfTotal,
      max: c.max,
      percent: c.percent,
      band: c.band,
      lost: c.lost.length,
      phase: c.phase,
    });
  }
  return { unit: q.unit, unitName, years };
}
