// Answers of the report routes (routes/reports*.ts): results (CONTRACTS.md §3), channels, late, Decision 766
// indicators, satisfaction, feedback. Each results field carries its Vietnamese label from
// src/figures/results-labels.ts (the one place it is worded), so the OpenAPI document shows it beside the name.
import { z } from "zod";
import { FEEDBACK_FIELDS } from "../../figures/feedback-report.ts";
import { GROUPINGS } from "../../figures/grouping.ts";
import type { ResultsRow as FiguresRow } from "../../figures/results.ts";
import { RESULT_FIELDS, type ResultField } from "../../figures/results-fields.ts";
import { labelOf } from "../../figures/results-labels.ts";
import { Instant, pageOf, Ratio } from "./common.ts";
import { Channel, DossierSummary } from "./dossiers.ts";

const count = z.number().int().min(0);
const counts = <const F extends string>(fields: readonly F[], describe: (field: F) => string = () => "") =>
  Object.fromEntries(fields.map((f) => [f, describe(f) ? count.describe(describe(f)) : count])) as Record<
    F,
    typeof count
  >;

/** One row of the results report: its key (field, unit, procedure…) and every figure, labelled. */
export const ResultsRow = z.object({
  key: z.string(),
  ...counts<ResultField>(RESULT_FIELDS, labelOf),
  /** Set when the row includes figures typed in by hand (POST /api/reports/manual). */
  manual: z.boolean().optional(),
});
export type ResultsRow = z.infer<typeof ResultsRow>;

// the schema's row is the figures' row (src/figures/results.ts), plus the manual mark: one list of fields
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameRow: Same<Omit<ResultsRow, "manual">, FiguresRow> = true;
void sameRow;

const Period = { unit: z.string().nullable(), from: z.string(), to: z.string() };
const ManualRef = z.object({ unit: z.string(), from: z.string(), to: z.string() });

/** GET /api/reports/results (format=json). */
export const ResultsReport = z.object({
  report: z.literal("results"),
  ...Period,
  by: z.enum(GROUPINGS),
  rows: z.array(ResultsRow),
  total: ResultsRow,
  /** The manual documents included in the report (unit and period). */
  manual: z.array(ManualRef).optional(),
  /** Manual documents overlapping the period without lying inside it: not counted. */
  manualExcluded: z.array(ManualRef).optional(),
});
export type ResultsReport = z.infer<typeof ResultsReport>;

const OnlineLevelName = z.enum(["full", "partial", "none"]);
const byChannel = z.object({ direct: count, postal: count, online_partial: count, online_full: count });

const ProceduresAtLevel = z.object({
  offered: count,
  withDossiers: count.optional(),
  withDossiersShare: Ratio.optional(),
  dossiers: count.optional(),
  withOnlineDossiers: count,
  withOnlineDossiersShare: Ratio,
  onlineDossiers: count,
  procedureCodes: z.array(z.string()),
});

/** GET /api/reports/channels: dossiers received by channel, online shares, procedures by online level. */
export const ChannelsReport = z.object({
  report: z.literal("channels"),
  ...Period,
  received: count,
  byChannel,
  onlineShare: Ratio,
  fullyOnlineShare: Ratio,
  postalShare: Ratio,
  procedures: z.object({ full: ProceduresAtLevel, partial: ProceduresAtLevel, none: ProceduresAtLevel }),
  byProcedure: z
    .array(
      z.object({
        code: z.string(),
        name: z.string().nullable(),
        onlineLevel: OnlineLevelName.nullable(),
        competentLevel: z.string().nullable(),
        offered: z.boolean(),
        received: count,
        byChannel,
      }),
    )
    .optional(),
  dossiers: z.record(Channel, z.array(z.string())),
});
export type ChannelsReport = z.infer<typeof ChannelsReport>;

export const LateRow = z.object({
  unit: z.string(),
  late: count,
  withApology: count,
  /** late − withApology: no timely apology. */
  withoutApology: count,
  /** Of withoutApology: an apology was sent, but on or after the due date (too late to count). */
  lateApology: count,
  lateCodes: z.array(z.string()),
  withoutApologyCodes: z.array(z.string()),
  lateApologyCodes: z.array(z.string()),
});
export type LateRow = z.infer<typeof LateRow>;

/** GET /api/reports/late: late dossiers by unit with and without an apology; overdue at the period's end. */
export const LateReport = z.object({
  report: z.literal("late"),
  ...Period,
  rows: z.array(LateRow),
  total: LateRow,
  overdueAtEnd: z.object({
    at: Instant,
    dossiers: z.array(
      z.object({
        code: z.string(),
        unit: z.string(),
        procedure: z.string(),
        receivedAt: Instant,
        dueAt: Instant,
        overdueMs: z.number(),
      }),
    ),
  }),
});
export type LateReport = z.infer<typeof LateReport>;

const Described = {
  id: z.string(),
  /** Section of Decision 766's formula description ("2.1"). */
  code: z.string().optional(),
  name: z.string(),
  formula: z.string(),
  source: z.string().optional(),
};

export const Indicator = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("rate"),
    ...Described,
    ...Ratio.shape,
    numeratorCodes: z.array(z.string()),
    denominatorCodes: z.array(z.string()),
    score: z
      .object({
        threshold: z.number(),
        maxPoints: z.number().nullable(),
        share: z.number().nullable(),
        points: z.number().nullable(),
      })
      .loose()
      .optional(),
  }),
  z.object({
    kind: z.literal("average"),
    ...Described,
    unit: z.string(),
    value: z.number().nullable(),
    count: z.number(),
    totalDays: z.number(),
    codes: z.array(z.string()),
    byProcedure: z
      .array(z.object({ procedure: z.string(), count: z.number(), totalDays: z.number(), value: z.number() }))
      .optional(),
  }),
]);
export type Indicator = z.infer<typeof Indicator>;

/** GET /api/reports/indicators: Decision 766's indicators, each with its formula and the dossiers behind it. */
export const IndicatorsReport = z.object({
  report: z.literal("indicators"),
  ...Period,
  indicators: z.array(Indicator),
  /** false: the figures alone, from the counters (the codes behind them left empty). */
  codes: z.boolean().optional(),
  /** The indicators motcua has no data for, with their source and why (never estimated). */
  notComputed: z.array(z.object({ code: z.string(), title: z.string(), reason: z.string() }).loose()).optional(),
});
export type IndicatorsReport = z.infer<typeof IndicatorsReport>;

/** GET /api/reports/indicators/{id}/dossiers: one part of an indicator, a page of dossiers at a time. */
export const IndicatorDossiers = pageOf(DossierSummary).extend({
  /** The indicator's figure for the same period and unit (from the counters; its code lists empty). */
  indicator: Indicator,
  part: z.enum(["numerator", "denominator"]),
  ...Period,
});
export type IndicatorDossiers = z.infer<typeof IndicatorDossiers>;

export const SatisfactionRow = z.object({
  key: z.string(),
  ballots: count,
  counts: z.record(z.string(), z.number()),
  shares: z.record(z.string(), Ratio),
});
export type SatisfactionRow = z.infer<typeof SatisfactionRow>;

/** GET /api/reports/satisfaction */
export const SatisfactionReport = z.object({
  report: z.literal("satisfaction"),
  by: z.enum(["field", "unit"]),
  scale: z.array(z.string()),
  rows: z.array(SatisfactionRow),
  total: SatisfactionRow,
  ...Period,
});
export type SatisfactionReport = z.infer<typeof SatisfactionReport>;

export const FeedbackRow = z.object({
  key: z.string(),
  label: z.string().optional(),
  ...counts(FEEDBACK_FIELDS),
  /** answeredInTime / answered. */
  inTimeRate: Ratio,
});
export type FeedbackRow = z.infer<typeof FeedbackRow>;

/** GET /api/reports/feedback: PAKN answered in time, by unit or topic, with the formulas. */
export const FeedbackReport = z.object({
  report: z.literal("feedback"),
  ...Period,
  by: z.enum(["unit", "topic"]),
  rows: z.array(FeedbackRow),
  total: FeedbackRow,
  ids: z.object({ answeredLate: z.array(z.number()), openOverdue: z.array(z.number()) }),
  formulas: z.record(z.string(), z.string()),
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;

/** GET /api/reports/results/dossiers: the dossiers behind one cell of the results report, paged. */
export const ResultsDrillDown = z.object({
  rowKey: z.string(),
  field: z.enum(RESULT_FIELDS),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  dossiers: z.array(z.object({ code: z.string(), unitCode: z.string(), procedureCode: z.string(), field: z.string() })),
});
export type ResultsDrillDown = z.infer<typeof ResultsDrillDown>;

/** GET /api/reports/period-settings: the province's reporting cut day (null province: calendar periods). */
export const PeriodSettings = z.object({ province: z.string().nullable(), cutDay: z.number().int().min(1).max(28) });
export type PeriodSettings = z.infer<typeof PeriodSettings>;

/** POST /api/reports/manual: the results typed in by hand were accepted (replacing an earlier document or not). */
export const ManualAccepted = z.object({
  accepted: z.literal(true),
  replaced: z.boolean(),
  manual: z.literal(true),
  /** The document as stored (a manual results document: unit, period, grouping, rows, total). */
  document: z.object({ report: z.literal("results"), unit: z.string(), from: z.string(), to: z.string() }).loose(),
});
