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

/** A unit's name and province; 404 unknown-unit when there is none. */
export async function unitOf(db: Db, code: string): Promise<{ name: string; province_code: string }> {
  const unit = await db
    .selectFrom("units")
    .select(["name", "province_code"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!unit) throw unknownUnit(code);
  return unit;
}

export async function loadScorecard(
  db: Db,
  q: { unit: string; year: number; set?: CriteriaSet; now: Date },
): Promise<UnitScorecard> {
  const unit = await unitOf(db, q.unit);
  const state = await yearState(db, unit.province_code, q.year, q.now);
  const set = q.set ?? state.set;
  const { inputs } = await loadIndexInputs(db, q.unit, q.year, q.now);
  const assessments = await listAssessments(db, q.unit, q.year);
  try {
    const survey = await surveyOf(db, q.unit, q.year, unit.province_code);
    const card = scorecard(set, { auto: autoValues(inputs), assessments, survey });
    return { ...card, unit: q.unit, unitName: unit.name, year: q.year, phase: state.phase };
  } catch (error) {
    asServiceError(error);
  }
}

/** A ranked commune with its own view (self total) beside the appraised total. */
export type Standing = RankedUnit & { selfTotal: number };

const COMMUNE_KINDS = ["commune", "ward", "special_zone"];

/**
 * The communes/wards taking part in the year (the index year may name them) at or under a unit, ranked by
 * total with their bands and self totals. The ranking of the CLI and of GET /api/reform/index/standings.
 */
export async function loadRanking(
  db: Db,
  q: { unit: string; year: number; set?: CriteriaSet; now: Date },
): Promise<{ unit: string; year: number; ranking: Standing[] }> {
  const root = await db
    .selectFrom("units")
    .select(["code", "name", "kind", "province_code"])
    .where("code", "=", q.unit)
    .executeTakeFirst();
  if (!root) throw unknownUnit(q.unit);
  const taking = (await findIndexYear(db, root.province_code, q.year))?.units;
  const takesPart = (u: { code: string; kind: string }) =>
    COMMUNE_KINDS.includes(u.kind) && (!taking || taking.includes(u.code));
  const communes = takesPart(root) ? [root.code] : [];
  let frontier = [q.unit];
  while (frontier.length) {
    const rows = await db.selectFrom("units").select(["code", "kind"]).where("parent_code", "in", frontier).execute();
    communes.push(...rows.filter(takesPart).map((r) => r.code));
    frontier = rows.map((r) => r.code);
  }
  const cards: UnitScorecard[] = [];
  for (const unit of communes) cards.push(await loadScorecard(db, { ...q, unit }));
  const totals = cards.map((c) => ({
    unit: c.unit,
    name: c.unitName,
    total: c.total,
    selfTotal: c.selfTotal,
    max: c.max,
    band: c.band,
    lost: c.lost.length,
  }));
  return { unit: q.unit, year: q.year, ranking: rankUnits(totals, q.set) };
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
