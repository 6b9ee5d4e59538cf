// The CCHC index for the web and for download: a unit's scorecard with every stored assessment (self-score,
// appraisal rounds, notes, evidence with file names), the year's phase and deadlines and what the reader may
// change; the same scorecard as .xlsx/.docx/.pdf; the ranking with each unit's self total and the band counts;
// and an evidence file cited by an assessment, for whoever may read the unit's index (the appraiser did not
// upload it). Thin routes over src/db/repos/reform-index and src/documents/reform-index-scorecard.ts.
import { z } from "zod";
import { listAssessments, yearState } from "../../db/repos/reform-index/assessments.ts";
import { cardAssessments } from "../../db/repos/reform-index/card.ts";
import { loadRanking, loadScorecard } from "../../db/repos/reform-index/scorecard.ts";
import { asciiName, MEDIA_TYPES } from "../../documents/delivery.ts";
import { renderScorecard, scorecardExport } from "../../documents/reform-index-scorecard.ts";
import { PHASES } from "../../reform/index/phases.ts";
import { type Actor, can } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { sendDocument } from "./documents.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { readScope } from "./reform-records-access.ts";
import { IndexCard, IndexStandings } from "../schemas/reform-index.ts";

const Year = z.coerce.number().int().min(2000).max(2100);
const Query = z.object({ unit: z.string().min(1).max(32), year: Year });

async function loadCard(ctx: AppContext, q: { unit: string; year: number }) {
  const db = ctx.database.db;
  const now = ctx.now();
  const card = await loadScorecard(db, { ...q, now }).catch(dossierProblem);
  const assessments = await cardAssessments(db, q.unit, q.year);
  const province = ctx.units.find(q.unit)?.provinceCode ?? q.unit;
  const state = await yearState(db, province, q.year, now);
  return { card, assessments, indexYear: state.year ?? null };
}

function mayOf(ctx: AppContext, actor: Actor | undefined, unit: string) {
  const parent = ctx.units.parentOf(unit);
  return {
    self: can(actor, "reform.manage", unit, ctx.units.parentOf),
    appraise: parent !== null && parent !== undefined && can(actor, "reform.manage", parent, ctx.units.parentOf),
  };
}

export const getReformIndexCard = defineRoute({
  method: "GET",
  url: "/api/reform/index/card",
  summary:
    "Bảng điểm Chỉ số CCHC kèm từng kết quả tự chấm, thẩm định, tài liệu kiểm chứng, giai đoạn và hạn của năm đánh giá",
  tags: ["reform"],
  access: "staff",
  response: IndexCard,
  query: Query,
  async handler({ ctx, actor, query }) {
    await readScope(ctx, actor, query.unit);
    const { card, assessments, indexYear } = await loadCard(ctx, query);
    return withLocalInstants({
      ...card,
      unitKind: ctx.units.find(query.unit)?.kind ?? null,
      phaseName: PHASES[card.phase as keyof typeof PHASES] ?? card.phase,
      assessments,
      indexYear,
      may: mayOf(ctx, actor, query.unit),
    });
  },
});

export const getReformIndexCardFile = defineRoute({
  method: "GET",
  url: "/api/reform/index/card/export",
  summary: "Tải bảng điểm Chỉ số CCHC của đơn vị kèm danh sách tiêu chí bị trừ điểm (.xlsx, .docx hoặc .pdf)",
  tags: ["reform"],
  access: "staff",
  produces: [MEDIA_TYPES.xlsx, MEDIA_TYPES.docx, MEDIA_TYPES.pdf],
  query: Query.extend({ format: z.enum(["xlsx", "docx", "pdf"]).default("xlsx") }),
  async handler({ ctx, actor, query, reply }) {
    await readScope(ctx, actor, query.unit);
    const { card, assessments } = await loadCard(ctx, query);
    const source = query.format === "xlsx" ? "xlsx" : "docx";
    const bytes = await renderScorecard(scorecardExport(card, assessments), source);
    return sendDocument(reply, bytes, source, query.format, [
      "Bảng điểm Chỉ số CCHC",
      card.unitName,
      String(card.year),
    ]);
  },
});

export const getReformIndexStandings = defineRoute({
  method: "GET",
  url: "/api/reform/index/standings",
  summary: "Xếp hạng Chỉ số CCHC các xã, phường: điểm tự chấm, điểm thẩm định, xếp loại và số đơn vị mỗi loại",
  tags: ["reform"],
  access: "staff",
  response: IndexStandings,
  query: Query,
  async handler({ ctx, actor, query }) {
    await readScope(ctx, actor, query.unit);
    const db = ctx.database.db;
    const now = ctx.now();
    const { set } = await yearState(db, ctx.units.find(query.unit)?.provinceCode ?? query.unit, query.year, now);
    const { ranking } = await loadRanking(db, { unit: query.unit, year: query.year, now }).catch(dossierProblem);
    const bands = [
      ...set.bands.map((b) => ({
        name: b.name,
        minPercent: b.minPercent,
        count: ranking.filter((r) => r.band === b.name).length,
      })),
      { name: "Chưa xếp loại", minPercent: null, count: ranking.filter((r) => r.band === null).length },
    ];
    return { unit: query.unit, year: query.year, setId: set.id, setVersion: set.version, ranking, bands };
  },
});

export const getReformIndexEvidence = defineRoute({
  method: "GET",
  url: "/api/reform/index/evidence/:unit/:year/:code/:fileId",
  summary: "Xem tài liệu kiểm chứng mà đơn vị đã dẫn cho một tiêu chí (người đọc được Chỉ số CCHC của đơn vị)",
  tags: ["reform"],
  access: "staff",
  params: z.object({
    unit: z.string().min(1).max(32),
    year: Year,
    code: z.string().regex(/^\d+(\.\d+)*$/),
    fileId: z.string().min(1).max(64),
  }),
  produces: ["*/*"], // the cited file as uploaded: any type
  async handler({ ctx, actor, params, reply }) {
    await readScope(ctx, actor, params.unit);
    const db = ctx.database.db;
    const a = (await listAssessments(db, params.unit, params.year)).get(params.code);
    const cited = a && [...a.evidence, ...a.explanationEvidence].some((e) => e.fileId === params.fileId);
    const file = cited
      ? await db
          .selectFrom("files")
          .select(["name", "mime", "content"])
          .where("id", "=", params.fileId)
          .executeTakeFirst()
      : undefined;
    if (!file) throw notFound("tài liệu kiểm chứng");
    const inline = ["application/pdf", "image/jpeg", "image/png"].includes(file.mime);
    const utf8 = encodeURIComponent(file.name.normalize("NFC"));
    reply
      .type(file.mime)
      .header(
        "content-disposition",
        `${inline ? "inline" : "attachment"}; filename="${asciiName(file.name)}"; filename*=UTF-8''${utf8}`,
      )
      .header("content-security-policy", "sandbox")
      .header("x-content-type-options", "nosniff");
    return reply.send(Buffer.from(file.content));
  },
});
