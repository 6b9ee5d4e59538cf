// The scorecard: every node of a criteria set scored from automatic values (auto.ts) or assessments
// (self-score, appraisal 1 and 2, final), with the computation shown in Vietnamese, the lost-points list and
// the total. The total is the sum of the scored leaves; each leaf is clamped to [0, max] (penalty: [−max, 0],
// signed: [−max, max]); a leaf without max or without any score is left out of total and maximum (pending).
import { type CriteriaNode, type CriteriaSet, CriteriaSetError, missingMaxima, type Rule, ruleOf } from "./criteria.ts";
import type { Evidence } from "../records/model.ts";

/** A value motcua computed for an automatic node. */
export type AutoValue =
  | {
      kind: "ratio";
      numerator: number;
      denominator: number;
      unproven?: number;
      label: string;
      note?: string;
      /** "full": nothing to count (0/0) earns the maximum (no late dossier needs an apology); default 0. */
      noneMeans?: "full";
      /** What is behind the numerator or missing from it (shown in the computation, at most a few). */
      items?: string[];
    }
  | { kind: "count"; count: number; items: string[]; label: string }
  | { kind: "yes_no"; yes: boolean; label: string; reason: string };

/** A node's assessment: the unit's self-score, the appraisal rounds and the final score, with evidence. */
export interface Assessment {
  selfScore: number | null;
  selfNote?: string | null;
  evidence: Evidence[];
  appraisal1: number | null;
  appraisal2: number | null;
  final: number | null;
  appraiserNote?: string | null;
  explanation?: string | null;
}

export interface ScoredNode {
  code: string;
  name: string;
  max: number | null;
  rule: Rule["kind"];
  source: "auto" | "assessment" | "sum" | "none";
  score: number | null;
  selfScore: number | null;
  inputs: Record<string, number | string | boolean>;
  formula: string;
  reason: string | null;
  evidenceRequired: string[];
  warnings: string[];
  children: ScoredNode[];
}

export interface LostPoint {
  code: string;
  name: string;
  lost: number;
  max: number;
  reason: string;
}

/** The satisfaction survey of a unit and year (SIPAS-like), as entered or imported. */
export interface SurveyInput {
  percent: number;
  respondents?: number | null;
  source?: string | null;
}

/** The survey component of a scorecard: points = percent × the set's survey maximum. */
export interface SurveyScore {
  percent: number | null;
  respondents: number | null;
  source: string | null;
  max: number | null;
  points: number | null;
  formula: string;
}

export interface Scorecard {
  setId: string;
  setVersion: number;
  total: number;
  max: number;
  /** The unit's own view: automatic scores plus its self-scores (and the survey), to set against `total`. */
  selfTotal: number;
  survey: SurveyScore | null;
  percent: number | null;
  band: string | null;
  nodes: ScoredNode[];
  lost: LostPoint[];
  /** Leaves with a max but no score yet (not assessed), and leaves without a max (not scored by this set). */
  pending: string[];
  unscored: string[];
  warnings: { code: string; message: string }[];
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
/** Vietnamese number: decimal comma. */
export const vn = (x: number): string => String(round2(x)).replace(".", ",");
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The effective assessed score: the latest round that has one. */
export function assessedScore(a: Assessment | undefined): number | null {
  if (!a) return null;
  return a.final ?? a.appraisal2 ?? a.appraisal1 ?? a.selfScore;
}

interface Computed {
  score: number;
  inputs: ScoredNode["inputs"];
  formula: string;
  reason: string | null;
}

/** Scores an automatic value by the node's rule. */
export function scoreAuto(node: CriteriaNode, max: number, value: AutoValue): Computed {
  const rule = ruleOf(node);
  if (value.kind === "ratio") {
    const none = value.denominator === 0 && value.noneMeans === "full";
    const r = value.denominator === 0 ? (none ? 1 : 0) : value.numerator / value.denominator;
    const pct = `${vn(r * 100)}%`;
    const base = none
      ? `${value.label} = 0/0: không phát sinh, đạt tối đa`
      : `${value.label} = ${value.numerator}/${value.denominator} = ${pct}${itemsText(value.items)}`;
    const inputs = { numerator: value.numerator, denominator: value.denominator, ratio: round2(r * 100) / 100 };
    let score: number;
    let formula: string;
    if (rule.kind === "ratio") {
      score = round2(r * max);
      formula = `${base}; điểm = ${pct} × ${vn(max)} = ${vn(score)}`;
    } else if (rule.kind === "tiers") {
      const tier = [...rule.tiers].sort((a, b) => b.min - a.min).find((t) => r + 1e-9 >= t.min);
      score = tier ? tier.points : 0;
      formula = `${base}; mức đạt ${tier ? `≥ ${vn(tier.min * 100)}%` : "dưới mức thấp nhất"} = ${vn(score)} điểm`;
    } else throw new CriteriaSetError("rule-mismatch", `${node.code}: dữ liệu tỷ lệ cần quy tắc tỷ lệ hoặc mức`);
    const unproven = value.unproven ?? 0;
    if (unproven > 0 && node.unprovenDeduction) {
      const before = score;
      score = Math.max(0, round2(score - node.unprovenDeduction));
      formula += `; trừ ${vn(node.unprovenDeduction)} vì ${unproven} mục chưa có sản phẩm đầu ra/tài liệu kiểm chứng: ${vn(before)} − ${vn(node.unprovenDeduction)} = ${vn(score)}`;
      Object.assign(inputs, { unproven });
    }
    const score2 = clamp(score, 0, max);
    const reason =
      score2 >= max
        ? null
        : value.denominator === 0
          ? `${value.label}: không phát sinh`
          : value.items?.length
            ? `${value.label} đạt ${pct}${itemsText(value.items)}`
            : unproven > 0 && node.unprovenDeduction
              ? `${value.note ?? formula}`
              : `${value.label} đạt ${pct}`;
    return { score: score2, inputs, formula, reason };
  }
  if (value.kind === "count") {
    if (rule.kind !== "count") throw new CriteriaSetError("rule-mismatch", `${node.code}: dữ liệu đếm cần quy tắc đếm`);
    const score = round2(Math.min(max, value.count * rule.per));
    const formula = `${value.label} = ${value.count}${value.items.length ? ` (${value.items.join("; ")})` : ""}; điểm = min(${value.count} × ${vn(rule.per)}, ${vn(max)}) = ${vn(score)}`;
    const missing = Math.ceil((max - score) / rule.per);
    const reason = score >= max ? null : `${value.label} = ${value.count}; còn thiếu ${missing}`;
    return { score, inputs: { count: value.count, per: rule.per }, formula, reason };
  }
  if (rule.kind !== "yes_no")
    throw new CriteriaSetError("rule-mismatch", `${node.code}: dữ liệu có/không cần quy tắc có/không`);
  const score = value.yes ? max : 0;
  const formula = `${value.label}: ${value.yes ? "có" : "không"} → ${vn(score)} điểm`;
  return { score, inputs: { yes: value.yes }, formula, reason: value.yes ? null : value.reason };
}

const itemsText = (items: string[] | undefined) =>
  items?.length
    ? ` (${items.slice(0, 5).join("; ")}${items.length > 5 ? `; … ${items.length - 5} mục khác` : ""})`
    : "";

/** The data behind an automatic value, without scoring it (a node without a maximum shows it). */
export function describeValue(value: AutoValue): string {
  if (value.kind === "ratio") {
    if (value.denominator === 0) return `${value.label} = 0/0: không phát sinh`;
    return `${value.label} = ${value.numerator}/${value.denominator} = ${vn((value.numerator / value.denominator) * 100)}%${itemsText(value.items)}`;
  }
  if (value.kind === "count") return `${value.label} = ${value.count}${itemsText(value.items)}`;
  return `${value.label}: ${value.yes ? "có" : `không${value.reason ? ` (${value.reason})` : ""}`}`;
}

/** Scores an assessed leaf by its rule's range. */
function scoreAssessed(node: CriteriaNode, max: number, a: Assessment): Computed | null {
  const given = assessedScore(a);
  if (given === null) return null;
  const kind = ruleOf(node).kind;
  const [lo, hi] = kind === "penalty" ? [-max, 0] : kind === "signed" ? [-max, max] : [0, max];
  const score = round2(clamp(kind === "yes_no" ? (given > 0 ? max : 0) : given, lo, hi));
  const round =
    a.final !== null
      ? "điểm cuối cùng"
      : a.appraisal2 !== null
        ? "thẩm định lần 2"
        : a.appraisal1 !== null
          ? "thẩm định lần 1"
          : "tự chấm";
  const formula = `Chấm thủ công (${round}): ${vn(score)}/${vn(max)}${score !== given ? ` (giới hạn từ ${vn(given)})` : ""}`;
  const reason = score >= hi ? null : (a.appraiserNote ?? a.selfNote ?? a.explanation ?? "Theo kết quả chấm");
  return { score, inputs: { assessed: given }, formula, reason };
}

export interface ScoreInput {
  auto: Partial<Record<string, AutoValue>>;
  assessments: ReadonlyMap<string, Assessment>;
  survey?: SurveyInput | null;
}

function scoreNode(node: CriteriaNode, input: ScoreInput, card: Scorecard): ScoredNode {
  const rule = ruleOf(node);
  const a = input.assessments.get(node.code);
  const base: ScoredNode = {
    code: node.code,
    name: node.name,
    max: node.max,
    rule: rule.kind,
    source: "none",
    score: null,
    selfScore: a?.selfScore ?? null,
    inputs: {},
    formula: "",
    reason: null,
    evidenceRequired: node.evidence,
    warnings: [],
    children: [],
  };
  if (node.children.length) {
    base.children = node.children.map((c) => scoreNode(c, input, card));
    const scored = base.children.filter((c) => c.score !== null);
    base.source = "sum";
    base.score = scored.length ? round2(scored.reduce((s, c) => s + (c.score as number), 0)) : null;
    base.formula = scored.length
      ? `Tổng tiêu chí con: ${scored.map((c) => `${c.code} ${vn(c.score as number)}`).join(" + ")}`
      : "";
    return base;
  }
  const value = node.auto ? input.auto[node.auto] : undefined;
  if (node.max === null) {
    card.unscored.push(node.code);
    base.formula = `Chưa có điểm tối đa (chờ quyết định của tỉnh)${value ? `; dữ liệu: ${describeValue(value)}` : ""}`;
    return base;
  }
  const computed = value ? scoreAuto(node, node.max, value) : a ? scoreAssessed(node, node.max, a) : null;
  if (!computed) {
    card.pending.push(node.code);
    base.formula = node.auto ? "Chưa có dữ liệu tự động" : "Chưa chấm";
    return base;
  }
  Object.assign(base, computed, { source: value ? "auto" : "assessment" });
  if (!value && node.evidence.length && computed.score > 0 && !(a?.evidence.length ?? 0)) {
    const message = `${node.code}: có điểm nhưng chưa có tài liệu kiểm chứng (${node.evidence.join("; ")})`;
    base.warnings.push(message);
    card.warnings.push({ code: node.code, message });
  }
  const lost =
    rule.kind === "penalty" || rule.kind === "signed" ? Math.max(0, -computed.score) : node.max - computed.score;
  if (rule.kind !== "bonus" && lost > 1e-9)
    card.lost.push({
      code: node.code,
      name: node.name,
      lost: round2(lost),
      max: node.max,
      reason: computed.reason ?? "",
    });
  return base;
}

/** The maximum a leaf adds to the total (bonus and signed nodes add none: they are on top of the scale). */
function leafMax(n: ScoredNode): number {
  return n.rule === "bonus" || n.rule === "penalty" || n.rule === "signed" ? 0 : (n.max ?? 0);
}

export function scorecard(set: CriteriaSet, input: ScoreInput): Scorecard {
  const scoredCodes = new Set(
    [...input.assessments.entries()].filter(([, a]) => assessedScore(a) !== null).map(([c]) => c),
  );
  const missing = missingMaxima(set, scoredCodes);
  if (missing.length)
    throw new CriteriaSetError(
      "criteria-max-missing",
      `Tiêu chí có điểm nhưng chưa có điểm tối đa: ${missing.join(", ")}`,
      missing,
    );
  const card: Scorecard = {
    setId: set.id,
    setVersion: set.version,
    total: 0,
    max: 0,
    selfTotal: 0,
    survey: null,
    percent: null,
    band: null,
    nodes: [],
    lost: [],
    pending: [],
    unscored: [],
    warnings: [],
  };
  card.nodes = set.fields.map((f) => scoreNode(f, input, card));
  for (const leaf of leaves(card.nodes)) {
    if (leaf.score === null) continue;
    card.total += leaf.score;
    card.max += leafMax(leaf);
    const own = leaf.source === "auto" ? leaf.score : leaf.selfScore;
    if (own !== null)
      card.selfTotal += Math.max(
        leaf.rule === "penalty" || leaf.rule === "signed" ? -(leaf.max ?? 0) : 0,
        Math.min(leaf.max ?? 0, own),
      );
  }
  card.survey = surveyScore(set, input.survey ?? null);
  if (card.survey.points !== null) {
    card.total += card.survey.points;
    card.selfTotal += card.survey.points;
  }
  if (card.survey.max !== null && (card.survey.points !== null || !set.survey.optional)) card.max += card.survey.max;
  if (card.survey.percent === null && card.survey.max !== null && !set.survey.optional) card.pending.push("survey");
  if (card.survey.percent === null && card.survey.max === null) card.survey = null;
  card.total = round2(card.total);
  card.max = round2(card.max);
  card.selfTotal = round2(card.selfTotal);
  card.percent = card.max > 0 ? round2((card.total / card.max) * 100) : null;
  card.band = card.percent === null ? null : bandOf(set, card.percent);
  return card;
}

/**
 * The survey component: percent × the set's survey maximum (Hà Nội: "điểm khảo sát" out of 30 of 100 [HNP]).
 * Without a survey, an optional component adds nothing to total or maximum (the index is the appraised score
 * alone, Hà Nội 2022 [HN22]); a required one counts its maximum with no points and is pending.
 */
export function surveyScore(set: CriteriaSet, survey: SurveyInput | null): SurveyScore {
  const max = set.survey.max;
  const base = { respondents: survey?.respondents ?? null, source: survey?.source ?? null, max };
  if (!survey)
    return {
      ...base,
      percent: null,
      points: null,
      formula: max === null ? "" : `Chưa có kết quả khảo sát${set.survey.optional ? " (không bắt buộc)" : ""}`,
    };
  const percent = round2(clamp(survey.percent, 0, 100));
  if (max === null)
    return {
      ...base,
      percent,
      points: null,
      formula: `Mức độ hài lòng ${vn(percent)}%; bộ tiêu chí chưa quy định điểm khảo sát: không cộng vào tổng`,
    };
  const points = round2((percent / 100) * max);
  return {
    ...base,
    percent,
    points,
    formula: `Mức độ hài lòng ${vn(percent)}%${survey.respondents ? ` (${survey.respondents} phiếu)` : ""}; điểm = ${vn(percent)}% × ${vn(max)} = ${vn(points)}`,
  };
}

export function* leaves(nodes: readonly ScoredNode[]): Generator<ScoredNode> {
  for (const n of nodes) {
    if (n.children.length) yield* leaves(n.children);
    else yield n;
  }
}

export function bandOf(set: CriteriaSet, percent: number): string | null {
  return set.bands.find((b) => percent + 1e-9 >= b.minPercent)?.name ?? null;
}
