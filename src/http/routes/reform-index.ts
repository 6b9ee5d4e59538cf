// The CCHC index: a unit's scorecard (automatic nodes recomputed from current data, lost points), the ranking
// of a province's or district's communes, and the assessment of a node. Thin routes over
// src/db/repos/reform-index. Self-assessment fields: the unit's reform officer (reform.manage on the unit);
// appraisal and final fields: reform.manage on the level above (the appraising council's secretariat).
import { z } from "zod";
import { saveAssessment } from "../../db/repos/reform-index/assessments.ts";
import { loadRanking, loadScorecard } from "../../db/repos/reform-index/scorecard.ts";
import { can } from "../../people/policy.ts";
import { forbidden } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { changedBy, manageUnit, readScope } from "./reform-records-access.ts";
import { IndexAssessment, IndexRanking, IndexScorecard } from "../schemas/reform-index.ts";

const Year = z.coerce.number().int().min(2000).max(2100);
const Query = z.object({ unit: z.string().min(1).max(32), year: Year });
const Score = z.number().min(-1000).max(1000).nullable();
const Evidence = z.object({
  fileId: z.string().min(1).max(64),
  pages: z.string().max(100).nullable().optional(),
  note: z.string().max(500).nullable().optional(),
});

export const getReformIndexScorecard = defineRoute({
  method: "GET",
  url: "/api/reform/index/scorecard",
  summary: "Bảng điểm Chỉ số CCHC của đơn vị trong năm: điểm, cách tính, tiêu chí bị trừ điểm",
  tags: ["reform"],
  access: "staff",
  response: IndexScorecard,
  query: Query,
  async handler({ ctx, actor, query }) {
    await readScope(ctx, actor, query.unit);
    return withLocalInstants(await loadScorecard(ctx.database.db, { ...query, now: ctx.now() }).catch(dossierProblem));
  },
});

export const getReformIndexRanking = defineRoute({
  method: "GET",
  url: "/api/reform/index/ranking",
  summary: "Xếp hạng Chỉ số CCHC các xã, phường thuộc tỉnh hoặc huyện, kèm xếp loại",
  tags: ["reform"],
  access: "staff",
  response: IndexRanking,
  query: Query,
  async handler({ ctx, actor, query }) {
    await readScope(ctx, actor, query.unit);
    return await loadRanking(ctx.database.db, { ...query, now: ctx.now() }).catch(dossierProblem);
  },
});

const APPRAISAL = ["appraisal1", "appraisal2", "final", "appraiserNote"] as const;

export const putReformIndexAssessment = defineRoute({
  method: "PUT",
  url: "/api/reform/index/assessments/:unit/:year/:code",
  summary: "Tự chấm, giải trình, thẩm định một tiêu chí (theo giai đoạn của năm đánh giá)",
  tags: ["reform"],
  access: "staff",
  response: IndexAssessment,
  params: z.object({ unit: z.string().min(1).max(32), year: Year, code: z.string().regex(/^\d+(\.\d+)*$/) }),
  body: z
    .object({
      version: z.number().int().positive().optional(),
      selfScore: Score.optional(),
      selfNote: z.string().max(2000).nullable().optional(),
      evidence: z.array(Evidence).max(50).optional(),
      appraisal1: Score.optional(),
      appraisal2: Score.optional(),
      final: Score.optional(),
      appraiserNote: z.string().max(2000).nullable().optional(),
      explanation: z.string().max(4000).nullable().optional(),
      explanationEvidence: z.array(Evidence).max(50).optional(),
    })
    .strict(),
  async handler({ ctx, actor, params, body }) {
    const { version, ...change } = body;
    await manageUnit(ctx, actor, params.unit);
    if (APPRAISAL.some((k) => change[k] !== undefined)) {
      const units = await ctx.units.fresh();
      const parent = units.parentOf(params.unit);
      if (!parent || !can(actor, "reform.manage", parent, units.parentOf)) throw forbidden();
    }
    const saved = await saveAssessment(
      ctx.database.db,
      { ...params, change, expectedVersion: version },
      changedBy(ctx, actor),
    ).catch(dossierProblem);
    return withLocalInstants(saved);
  },
});
