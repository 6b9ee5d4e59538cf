// Satisfaction survey results by field or unit (khảo sát mức độ hài lòng; seed 004's table of ballots by
// field with "Đơn giản / Cần giảm giấy tờ / Phức tạp"). Ratings are an input: motcua stores them elsewhere.
import { compareVietnamese } from "./grouping.ts";
import { type Ratio, ratio } from "./ratio.ts";

/** The 3-point satisfaction scale, and seed 004's survey buckets. */
export const SATISFACTION_SCALE = ["satisfied", "neutral", "dissatisfied"] as const;
export const SURVEY_SCALE_004 = ["simple", "needs_fewer_papers", "complicated"] as const;
export type Rating = (typeof SATISFACTION_SCALE)[number] | (typeof SURVEY_SCALE_004)[number];

/** Ratings that count as satisfied in the quality index (hài lòng; "đơn giản"). */
export const POSITIVE_RATINGS: ReadonlySet<Rating> = new Set<Rating>(["satisfied", "simple"]);

export const RATING_WORDS: Record<Rating, string> = {
  satisfied: "Hài lòng",
  neutral: "Bình thường",
  dissatisfied: "Không hài lòng",
  simple: "Đơn giản",
  needs_fewer_papers: "Cần giảm giấy tờ",
  complicated: "Phức tạp",
};

/**
 * How a stored rating lands on the report's scales: the applicant's score (very satisfied counts as satisfied,
 * as the 766 index has no fourth step) and the seed 004 assessment of the procedure.
 */
const RATING_OF_SCORE: Readonly<Record<string, Rating>> = {
  very_satisfied: "satisfied",
  satisfied: "satisfied",
  neutral: "neutral",
  dissatisfied: "dissatisfied",
};
const RATING_OF_ASSESSMENT: Readonly<Record<string, Rating>> = {
  simple: "simple",
  fewer_papers: "needs_fewer_papers",
  complicated: "complicated",
};

/** The report's rating for a stored score or procedure assessment; undefined for none or an unknown value. */
export function ratingOf(kind: "score" | "procedure_assessment", value: string | null): Rating | undefined {
  if (value === null) return undefined;
  const map = kind === "score" ? RATING_OF_SCORE : RATING_OF_ASSESSMENT;
  return Object.hasOwn(map, value) ? map[value] : undefined;
}

export interface RatingRecord {
  field: string;
  unit?: string;
  rating: Rating;
  /** The dossier rated, when the rating came with one (drill-down). */
  dossierCode?: string;
}

export interface SatisfactionRow {
  key: string;
  ballots: number;
  counts: Partial<Record<Rating, number>>;
  shares: Partial<Record<Rating, Ratio>>;
}

export interface SatisfactionReport {
  report: "satisfaction";
  by: "field" | "unit";
  scale: readonly Rating[];
  rows: SatisfactionRow[];
  total: SatisfactionRow;
}

/** Ballots and the share of each rating of `scale`, one row per field (or unit), sorted in Vietnamese order. */
export function satisfactionReport(
  ratings: Iterable<RatingRecord>,
  scale: readonly Rating[] = SATISFACTION_SCALE,
  by: "field" | "unit" = "field",
): SatisfactionReport {
  const groups = new Map<string, Rating[]>();
  const all: Rating[] = [];
  for (const r of ratings) {
    if (!scale.includes(r.rating)) throw new RangeError(`rating "${r.rating}" is not on the scale ${scale.join("/")}`);
    const key = (by === "field" ? r.field : r.unit) ?? "";
    const list = groups.get(key) ?? [];
    list.push(r.rating);
    groups.set(key, list);
    all.push(r.rating);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => compareVietnamese(a, b))
    .map(([k, list]) => row(k, list, scale));
  return { report: "satisfaction", by, scale, rows, total: row("total", all, scale) };
}

function row(key: string, list: readonly Rating[], scale: readonly Rating[]): SatisfactionRow {
  const counts: Partial<Record<Rating, number>> = {};
  const shares: Partial<Record<Rating, Ratio>> = {};
  for (const rating of scale) {
    counts[rating] = list.filter((r) => r === rating).length;
    shares[rating] = ratio(counts[rating], list.length);
  }
  return { key, ballots: list.length, counts, shares };
}
