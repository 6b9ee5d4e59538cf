// Answers of the public routes (routes/public.ts): what anyone with a dossier's code and secret may read. No
// person's name, ID, phone or officer appears here (db/repos/dossiers/public.ts).
import { z } from "zod";
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
