// Đánh giá mức độ hài lòng: once, after the result is returned, by whoever holds the receipt's secret.
// The rating is a `rate` event in the log (the core refuses a second one) and a ratings row for the figures,
// which names the officer rated (officerRated) so ratings can be counted per officer (officerRatings).
import { type Kysely, sql, type Transaction } from "kysely";
import type { LifecycleEvent } from "../../../dossier/events.ts";
import { project } from "../../../dossier/evolve.ts";
import type { Actor, Role } from "../../../dossier/status.ts";
import type { Database } from "../../schema.ts";
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

const STAFF: ReadonlySet<Role> = new Set<Role>(["front_desk", "officer", "leader"]);
const userId = (id: string | null | undefined): number | null => (id && /^\d{1,15}$/.test(id) ? Number(id) : null);

/**
 * The officer a rating is about: the staff member who handed the result over (the last `returned` event's
 * actor: the person the applicant met); when the system returned it (online), the dossier's assignee. Null when
 * neither is a user of this database (imported history acts as `import`).
 */
export async function officerRated(
  db: Kysely<Database> | Transaction<Database>,
  log: readonly LifecycleEvent[],
): Promise<number | null> {
  const returned = log.findLast((e) => e.type === "returned");
  const candidates = [
    returned && STAFF.has(returned.actor.role) ? userId(returned.actor.id) : null,
    userId(project(log).assignee),
  ].filter((id): id is number => id !== null);
  for (const id of candidates) {
    const user = await db.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst();
    if (user) return Number(user.id);
  }
  return null;
}

export async function rateDossier(ctx: ServiceContext, input: RatingInput) {
  const comment = input.comment?.trim() || undefined;
  return executeCommand(
    ctx,
    input.code,
    { action: "rate", score: input.score, ...(comment ? { comment } : {}) },
    {
      revision: null,
      authorize: () => CITIZEN,
      async afterAppend(trx, row, log) {
        const officer = await officerRated(trx, log);
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
            officer_id: officer,
            procedure_assessment: input.procedureAssessment ?? null,
            comment: comment ?? null,
          })
          .execute();
      },
    },
  );
}

export interface OfficerRatingsQuery {
  /** Ratings of dossiers whose receiving or current unit is one of these; undefined = every unit. */
  units?: readonly string[];
  /** Ratings given from `from` (inclusive) to `to` (exclusive). */
  from: Date;
  to: Date;
}

export interface OfficerRatings {
  officer: { id: string; username: string; fullName: string };
  /** Ratings of dossiers this officer served. */
  ratings: number;
  /** Of these, the ones that scored the officer (officerScore), with their average stars and distribution. */
  officerRatings: number;
  averageOfficerStars: number | null;
  officerScores: Record<"very_satisfied" | "satisfied" | "neutral" | "dissatisfied", number>;
  /** Average stars given to the service on the dossiers this officer served. */
  averageServiceStars: number | null;
}

/** Ratings counted per officer rated, in the period, most rated first. */
export async function officerRatings(db: Kysely<Database>, query: OfficerRatingsQuery): Promise<OfficerRatings[]> {
  let q = db
    .selectFrom("ratings as r")
    .innerJoin("dossiers as d", (j) =>
      j.onRef("d.province_code", "=", "r.province_code").onRef("d.code", "=", "r.dossier_code"),
    )
    .innerJoin("users as u", "u.id", "r.officer_id")
    .where("r.at", ">=", query.from)
    .where("r.at", "<", query.to);
  if (query.units) {
    const units = [...query.units];
    if (units.length === 0) return [];
    q = q.where((eb) => eb.or([eb("d.unit_code", "in", units), eb("d.current_unit_code", "in", units)]));
  }
  const count = (score: string) => sql<number>`count(*) filter (where r.officer_score = ${score})`.as(`s_${score}`);
  const rows = await q
    .select([
      "u.id",
      "u.username",
      "u.full_name",
      sql<number>`count(*)`.as("ratings"),
      sql<number>`count(r.officer_stars)`.as("officer_ratings"),
      sql<number | null>`avg(r.officer_stars)`.as("avg_officer"),
      sql<number | null>`avg(r.stars)`.as("avg_service"),
      count("very_satisfied"),
      count("satisfied"),
      count("neutral"),
      count("dissatisfied"),
    ])
    .groupBy(["u.id", "u.username", "u.full_name"])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("u.username")
    .execute();
  const round = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
  return rows.map((r) => ({
    officer: { id: String(r.id), username: r.username, fullName: r.full_name },
    ratings: Number(r.ratings),
    officerRatings: Number(r.officer_ratings),
    averageOfficerStars: round(r.avg_officer),
    officerScores: {
      very_satisfied: Number(r.s_very_satisfied),
      satisfied: Number(r.s_satisfied),
      neutral: Number(r.s_neutral),
      dissatisfied: Number(r.s_dissatisfied),
    },
    averageServiceStars: round(r.avg_service),
  }));
}
