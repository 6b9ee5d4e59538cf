// Đánh giá mức độ hài lòng: once, after the result is returned, by whoever holds the receipt's secret.
// The rating is a `rate` event in the log (the core refuses a second one) and a ratings row for the figures.
import type { Actor } from "../../../dossier/status.ts";
import { executeCommand, type ServiceContext } from "./service.ts";

export type ProcedureAssessment = "simple" | "fewer_papers" | "complicated";

export interface RatingInput {
  code: string;
  /** 1–5 stars for the service. */
  score: number;
  /** 1–5 stars for the officer who served. */
  officerScore?: number;
  /** Seed 004's survey: the procedure is simple / needs fewer papers / is complicated. */
  procedureAssessment?: ProcedureAssessment;
  comment?: string;
}

/** The ratings table's words for stars (5 rất hài lòng, 4 hài lòng, 3 bình thường, 1–2 không hài lòng). */
export function ratingWord(stars: number): "very_satisfied" | "satisfied" | "neutral" | "dissatisfied" {
  if (stars >= 5) return "very_satisfied";
  if (stars === 4) return "satisfied";
  if (stars === 3) return "neutral";
  return "dissatisfied";
}

const CITIZEN: Actor = { id: "citizen", role: "citizen", unit: "" };

export async function rateDossier(ctx: ServiceContext, input: RatingInput) {
  const comment = input.comment?.trim() || undefined;
  return executeCommand(
    ctx,
    input.code,
    { action: "rate", score: input.score, ...(comment ? { comment } : {}) },
    {
      revision: null,
      authorize: () => CITIZEN,
      async afterAppend(trx, row) {
        await trx
          .insertInto("ratings")
          .values({
            province_code: row.province_code,
            dossier_code: row.code,
            at: ctx.now(),
            score: ratingWord(input.score),
            stars: input.score,
            officer_score: input.officerScore === undefined ? null : ratingWord(input.officerScore),
            officer_stars: input.officerScore ?? null,
            procedure_assessment: input.procedureAssessment ?? null,
            comment: comment ?? null,
          })
          .execute();
      },
    },
  );
}
