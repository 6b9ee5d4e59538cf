// Answers of the CCHC index routes (routes/reform-index*.ts, docs/reform-index.md): a unit's scorecard and
// card, the ranking and standings, a saved assessment, criteria sets, a province's index year, surveys, the
// trend over years and the "what to fix" plan. Tied to the repositories' types below (a renamed field fails
// to compile).
import { z } from "zod";
import type { StoredAssessment } from "../../db/repos/reform-index/assessments.ts";
import type { CardAssessment as CardAssessmentOf } from "../../db/repos/reform-index/card.ts";
import type { FixPlanResult } from "../../db/repos/reform-index/fix-plan.ts";
import type { Standing, TrendPoint, UnitScorecard } from "../../db/repos/reform-index/scorecard.ts";
import type { IndexYear as IndexYearOf } from "../../db/repos/reform-index/sets.ts";
import type { StoredSurvey } from "../../db/repos/reform-index/surveys.ts";
import { criteriaSetSchema } from "../../reform/index/criteria.ts";
import { PHASES } from "../../reform/index/phases.ts";
import type { ScoredNode as ScoredNodeOf } from "../../reform/index/score.ts";
import { DateText, Instant, type Json } from "./common.ts";
import { ReformEvidence, ReformPlan, ReformTask } from "./reform-records.ts";

const int = z.number().int();
const Phase = z.enum(Object.keys(PHASES) as [keyof typeof PHASES]).describe("Giai đoạn của năm đánh giá");
const maybeText = z.string().nullable().optional();

/** A scored criterion with its computation in Vietnamese and its children (the tree of the set). */
export const ScoredNode = z.object({
  code: z.string(),
  name: z.string(),
  max: z.number().nullable(),
  rule: z.enum(["sum", "manual", "yes_no", "tiers", "ratio", "count", "bonus", "penalty", "signed"]),
  source: z.enum(["auto", "assessment", "sum", "none"]),
  score: z.number().nullable(),
  selfScore: z.number().nullable(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  formula: z.string(),
  reason: z.string().nullable(),
  evidenceRequired: z.array(z.string()),
  warnings: z.array(z.string()),
  get children() {
    return z.array(ScoredNode);
  },
});

export type ScoredNode = z.infer<typeof ScoredNode>;

const LostPoint = z.object({
  code: z.string(),
  name: z.string(),
  lost: z.number(),
  max: z.number(),
  reason: z.string(),
});
export type LostPoint = z.infer<typeof LostPoint>;

/** A unit's scorecard for a year (GET /api/reform/index/scorecard). */
export const IndexScorecard = z.object({
  unit: z.string(),
  unitName: z.string(),
  year: int,
  phase: z.string(),
  setId: z.string(),
  setVersion: int,
  total: z.number(),
  max: z.number(),
  selfTotal: z.number().describe("Tự chấm: điểm tự động cộng điểm tự chấm (và khảo sát)"),
  survey: z
    .object({
      percent: z.number().nullable(),
      respondents: z.number().nullable(),
      source: z.string().nullable(),
      max: z.number().nullable(),
      points: z.number().nullable(),
      formula: z.string(),
    })
    .nullable(),
  percent: z.number().nullable(),
  band: z.string().nullable(),
  nodes: z.array(ScoredNode),
  lost: z.array(
    z.object({ code: z.string(), name: z.string(), lost: z.number(), max: z.number(), reason: z.string() }),
  ),
  pending: z.array(z.string()),
  unscored: z.array(z.string()),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type IndexScorecard = z.infer<typeof IndexScorecard>;

/** A ranked commune (standard competition ranking) with its own view beside the appraised total. */
export const IndexStanding = z.object({
  unit: z.string(),
  name: z.string(),
  total: z.number(),
  selfTotal: z.number(),
  max: z.number(),
  band: z.string().nullable(),
  lost: int.describe("Số tiêu chí bị trừ điểm"),
  rank: int,
  of: int,
  percent: z.number().nullable(),
});
export type IndexStanding = z.infer<typeof IndexStanding>;

/** GET /api/reform/index/ranking. */
export const IndexRanking = z.object({ unit: z.string(), year: int, ranking: z.array(IndexStanding) });

const assessmentFields = {
  code: z.string(),
  selfScore: z.number().nullable(),
  selfNote: maybeText,
  appraisal1: z.number().nullable(),
  appraisal2: z.number().nullable(),
  final: z.number().nullable(),
  appraiserNote: maybeText,
  explanation: maybeText,
  version: int,
  updatedAt: Instant,
};

/** PUT /api/reform/index/assessments/…: the node's assessment as stored. */
export const IndexAssessment = z.object({
  ...assessmentFields,
  evidence: z.array(ReformEvidence),
  explanationEvidence: z.array(ReformEvidence),
});

const NamedEvidence = ReformEvidence.extend({ name: z.string().describe("Tên tệp đã lưu") });

/** An assessment as the card shows it: each cited file with its stored name. */
export const CardAssessment = z.object({
  ...assessmentFields,
  evidence: z.array(NamedEvidence),
  explanationEvidence: z.array(NamedEvidence),
});
export type CardAssessment = z.infer<typeof CardAssessment>;
export type NamedEvidence = z.infer<typeof NamedEvidence>;

const deadlines = {
  self: DateText.nullable(),
  appraisal1: DateText.nullable(),
  explanation: DateText.nullable(),
  appraisal2: DateText.nullable(),
  final: DateText.nullable(),
  locked: z.boolean(),
};

/** A province's index year: its set, the communes taking part (null: all), the phases' deadlines. */
export const IndexYear = z.object({
  provinceCode: z.string(),
  year: int,
  setId: z.string(),
  setVersion: int,
  units: z.array(z.string()).nullable(),
  ...deadlines,
  version: int,
});
export type IndexYear = z.infer<typeof IndexYear>;

/** GET/PUT /api/reform/index/years/:province/:year (configured false: the defaults, nothing stored). */
export const IndexYearAnswer = IndexYear.extend({ configured: z.boolean() });

/** GET /api/reform/index/card: the scorecard with every stored assessment, the phase and what the reader may do. */
export const IndexCard = IndexScorecard.extend({
  unitKind: z
    .string()
    .nullable()
    .describe("province, district, commune, ward, special_zone: the index scores communes and wards"),
  phase: Phase,
  phaseName: z.string(),
  assessments: z.record(z.string(), CardAssessment),
  indexYear: IndexYear.nullable(),
  may: z.object({ self: z.boolean(), appraise: z.boolean() }),
});
export type IndexCard = z.infer<typeof IndexCard>;

/** GET /api/reform/index/standings: the ranking and the count of units in each band. */
export const IndexStandings = z.object({
  unit: z.string(),
  year: int,
  setId: z.string(),
  setVersion: int,
  ranking: z.array(IndexStanding),
  bands: z.array(z.object({ name: z.string(), minPercent: z.number().nullable(), count: int })),
});
export type IndexStandings = z.infer<typeof IndexStandings>;

/** GET /api/reform/index/sets: every stored version and the shipped default. */
export const IndexSetList = z.object({
  sets: z.array(
    z.object({
      setId: z.string(),
      version: int,
      title: z.string(),
      province: z.string().nullable(),
      year: int.nullable(),
      decision: z.string().nullable(),
      createdAt: Instant.nullable(),
      shipped: z.boolean(),
    }),
  ),
});

/** GET /api/reform/index/sets/:setId/:version: the set as data (src/reform/index/criteria.ts). */
export const IndexSet = criteriaSetSchema;

/** POST /api/reform/index/sets: the version stored. */
export const IndexSetSaved = z.object({
  setId: z.string(),
  version: int,
  title: z.string(),
  province: z.string().nullable(),
  year: int.nullable(),
});

const Survey = z.object({
  unit: z.string(),
  year: int,
  percent: z.number(),
  respondents: int.nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  version: int,
  updatedAt: Instant,
});

/** GET /api/reform/index/surveys. */
export const IndexSurveys = z.object({ unit: z.string(), year: int, surveys: z.array(Survey) });
/** PUT /api/reform/index/surveys/:province/:year. */
export const IndexSurveysSaved = z.object({ province: z.string(), year: int, surveys: z.array(Survey) });

/** GET /api/reform/index/trend: a unit's index over the years, each year scored with its own set. */
export const IndexTrend = z.object({
  unit: z.string(),
  unitName: z.string(),
  years: z.array(
    z.object({
      year: int,
      setId: z.string(),
      setVersion: int,
      total: z.number(),
      selfTotal: z.number(),
      max: z.number(),
      percent: z.number().nullable(),
      band: z.string().nullable(),
      lost: int,
      phase: Phase,
    }),
  ),
});

/** POST /api/reform/index/fix-plan: the plan the tasks went into and the tasks created or already there. */
export const IndexFixPlan = z.object({
  unit: z.string(),
  year: int,
  plan: ReformPlan.nullable(),
  planCreated: z.boolean(),
  created: z.array(z.object({ code: z.string(), task: ReformTask })),
  existing: z.array(z.object({ code: z.string(), taskId: int })),
});

// the schemas state the repositories' shapes (as serialized): a field renamed on either side fails to compile
export const sameShapes = {
  node: (v: ScoredNodeOf): z.input<typeof ScoredNode> => v,
  ruleKinds: (v: z.infer<typeof ScoredNode>["rule"]): ScoredNodeOf["rule"] => v,
  scorecard: (v: UnitScorecard): z.input<typeof IndexScorecard> => v,
  standing: (v: Standing): z.input<typeof IndexStanding> => v,
  assessment: (v: Json<StoredAssessment>): z.input<typeof IndexAssessment> => v,
  card: (v: Json<CardAssessmentOf>): z.input<typeof CardAssessment> => v,
  year: (v: IndexYearOf): z.input<typeof IndexYear> => v,
  survey: (v: Json<StoredSurvey>): z.input<typeof Survey> => v,
  trend: (v: TrendPoint): Omit<z.input<typeof IndexTrend>["years"][number], "phase"> => v,
  fixPlan: (v: Json<FixPlanResult>): z.input<typeof IndexFixPlan> => v,
};
