// Answers of the public routes (routes/public.ts): what anyone with a dossier's code and secret may read. No
// person's name, ID, phone or officer appears here (db/repos/dossiers/public.ts).
import { z } from "zod";
import { COUNTS as PUBLIC_FIELDS, type PublicStatisticsRow as StoredRow } from "../../db/repos/dossiers/statistics.ts";
import { labelOf } from "../../figures/results-labels.ts";
import { Instant } from "./common.ts";
import { DossierStatus } from "./dossiers.ts";

/** GET /api/public/lookup (and the answer to a supplement sent online). */
export const LookupResult = z.object({
  code: z.string(),
  state: DossierStatus,
  stateCode: z.number().optional(),
  stateName: z.string().optional(),
  procedure: z.object({ code: z.string(), name: z.string().optional() }).optional(),
  unit: z.object({ code: z.string(), name: z.string().optional() }).optional(),
  submittedAt: Instant.nullish(),
  receivedAt: Instant.nullish(),
  dueAt: Instant.nullish(),
  /** The deadline in force (moved by a supplement). */
  deadlineAt: Instant.nullish(),
  extendedDueAt: Instant.nullish(),
  returnedAt: Instant.nullish(),
  history: z.array(
    z.object({
      type: z.string(),
      at: Instant,
      toState: z.string().nullish(),
      description: z.string().optional(),
      /** supplement_requested: what the applicant must bring. */
      missing: z.array(z.string()).optional(),
      /** received, accepted, supplement_received: the appointment then in force. */
      dueAt: Instant.optional(),
      /** extended: the new appointment. */
      newDueAt: Instant.optional(),
      /** returned: how the result was handed over. */
      via: z.string().optional(),
      /** declined (trả lại hồ sơ): why the dossier does not qualify, as the written notice says. */
      reason: z.string().optional(),
    }),
  ),
  canRate: z.boolean().optional(),
});
export type LookupResult = z.infer<typeof LookupResult>;

/** POST /api/public/submissions: the new dossier's code and the secret its owner looks it up with. */
export const SubmissionAnswer = z.object({
  code: z.string(),
  lookupSecret: z.string(),
  state: DossierStatus,
  submittedAt: Instant.nullable(),
});
export type SubmissionAnswer = z.infer<typeof SubmissionAnswer>;

/** POST /api/public/ratings */
export const RatedAnswer = z.object({ code: z.string(), rated: z.literal(true) });

export const PublicStatisticsRow = z.object({
  key: z.string(),
  ...(Object.fromEntries(PUBLIC_FIELDS.map((f) => [f, z.number().int().describe(labelOf(f))])) as Record<
    (typeof PUBLIC_FIELDS)[number],
    z.ZodNumber
  >),
});
export type PublicStatisticsRow = z.infer<typeof PublicStatisticsRow>;
const sameRow: [PublicStatisticsRow] extends [StoredRow]
  ? [StoredRow] extends [PublicStatisticsRow]
    ? true
    : false
  : false = true;
void sameRow;

/** An extension with an apology letter: which dossier, procedure, unit, the old and the new appointment. */
export const PublicApology = z.object({
  code: z.string(),
  procedure: z.string().optional(),
  unit: z.string(),
  dueAt: Instant.nullable(),
  newDueAt: Instant.nullable(),
  at: Instant,
  day: z.string(),
});
export type PublicApology = z.infer<typeof PublicApology>;

/** GET /api/public/statistics: results by field, the on-time rate in percent, the apologies of the period. */
export const PublicStatistics = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(PublicStatisticsRow),
  total: PublicStatisticsRow,
  /** Finished early or on time / finished, in percent; null when nothing finished. */
  onTimeRate: z.number().nullable(),
  apologies: z.array(PublicApology),
});
export type PublicStatistics = z.infer<typeof PublicStatistics>;

/** GET /api/public/apologies */
export const PublicApologies = z.object({ items: z.array(PublicApology) });
