// The CCHC index for the web and for download: a unit's scorecard with every stored assessment (self-score,
// appraisal rounds, notes, evidence with file names), the year's phase and deadlines and what the reader may
// change; the same scorecard as .xlsx/.docx/.pdf; the ranking with each unit's self total and the band counts;
// and an evidence file cited by an assessment, for whoever may read the unit's index (the appraiser did not
// upload it). Thin routes over src/db/repos/reform-index and src/documents/reform-index-scorecard.ts.
import { z } from "zod";
import { listAssessments, type StoredAssessment, yearState } from "../../db/repos/reform-index/assessments.ts";
import { loadScorecard, type UnitScorecard } from "../../db/repos/reform-index/scorecard.ts";
import type { Db } from "../../db/repos/reform/common.ts";
import { asciiName } from "../../documents/delivery.ts";
import {
  type EvidenceRef,
  renderScorecard,
  type ScorecardExport,
  selfTotal,
} from "../../documents/reform-index-scorecard.ts";
import { PHASES } from "../../reform/index/phases.ts";
import { rankUnits } from "../../reform/index/ranking.ts";
import { type Actor, can } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { sendDocument } from "./documents.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { readScope } from "./reform-records-access.ts";

const Year = z.coerce.number().int().min(2000).max(2100);
const Query = z.object({ unit: z.string().min(1).max(32), year: Year });
const COMMUNE_KINDS = new Set(["commune", "ward", "special_zone"]);

type Evidence = StoredAssessment["evidence"][number];
type NamedEvidence = Evidence & { name: string };
type CardAssessment = Omit<StoredAssessment, "evidence" | "explanationEvidence"> & {
  evidence: NamedEvidence[];
  explanationEvidence: NamedEvidence[];
};

/** The stored names of the files the assessments cite (a file gone from the store keeps its id as name). */
async function fileNames(db: Db, assessments: Iterable<StoredAssessment>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const a of assessments) for (const e of [...a.evidence, ...a.explanationEvidence]) ids.add(e.fileId);
  if (!ids.size) return new Map();
  const rows = await db
    .selectFrom("files")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function loadCard(ctx: AppContext, q: { unit: string; year: number }) {
  const db = ctx.database.db;
  const now = ctx.now();
  const card = await loadScorecard(db, { ...q, now }).catch(dossierProblem);
  const stored = await listAssessments(db, q.unit, q.year);
  const names = await fileNames(db, stored.values());
  const named = (list: Evidence[]): NamedEvidence[] =>
    list.map((e) => ({ ...e, name: names.get(e.fileId) ?? e.fileId }));
  const assessments: Record<string, CardAssessment> = {};
  for (const [code, a] of stored)
    assessments[code] = { ...a, evidence: named(a.evidence), explanationEvidence: named(a.explanationEvidence) };
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
  query: Query,
  async handler({ ctx, actor, query }) {
    await readScope(ctx, actor, query.unit);
    const { card, assessments, indexYear } = await loadCard(ctx, query);
    return withLocalInstants({
      ...card,
      unitKind: ctx.units.find(query.unit)?.kind ?? null,
      phaseName: PHASES[card.phase as keyof typeof PHASES] ?? card.phase,
      selfTotal: selfTotal(card.nodes),
      assessments,
      indexYear,
      may: mayOf(ctx, actor, query.unit),
    });
  },
});

function exportOf(card: UnitScorecard, assessments: Record<string, CardAssessment>): ScorecardExport {
  const refs: Record<string, ScorecardExport["assessments"][string]> = {};
  for (const [code, a] of Object.entries(assessments))
    refs[code] = { ...a, evidence: a.evidence.map((e): EvidenceRef => ({ name: e.name, pages: e.pages ?? null })) };
  return {
    ...card,
    phaseName: PHASES[card.phase as keyof typeof PHASES] ?? card.phase,
    assessments: refs,
  };
}

export const getReformIndexCardFile = defineRoute({
  method: "GET",
  url: "/api/reform/index/card/export",
  summary: "Tải bảng điểm Chỉ số CCHC của đơn vị kèm danh sách tiêu chí bị trừ điểm (.xlsx, .docx hoặc .pdf)",
  tags: ["reform"],
  access: "staff",
  query: Query.extend({ format: z.enum(["xlsx", "docx", "pdf"]).default("xlsx") }),
  async handler({ ctx, actor, query, reply }) {
    await readScope(ctx, actor, query.unit);
    const { card, assessments } = await loadCard(ctx, query);
    const source = query.format === "xlsx" ? "xlsx" : "docx";
    const bytes = await renderScorecard(exportOf(card, assessments), source);
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
  query: Query,
  async handler({ ctx, actor, query }) {
    const scope = await readScope(ctx, actor, query.unit);
    const db = ctx.database.db;
    const now = ctx.now();
    const state = await yearState(db, ctx.units.find(query.unit)?.provinceCode ?? query.unit, query.year, now);
    // an index year may name the units taking part (a province ranking only some of its communes)
    const taking = (state.year as { units?: readonly string[] | null } | undefined)?.units;
    const communes = scope.filter(
      (code) => COMMUNE_KINDS.has(ctx.units.find(code)?.kind ?? "") && (!taking || taking.includes(code)),
    );
    const cards: UnitScorecard[] = [];
    for (const unit of communes)
      cards.push(await loadScorecard(db, { unit, year: query.year, now }).catch(dossierProblem));
    const selfOf = new Map(cards.map((c) => [c.unit, selfTotal(c.nodes)]));
    const ranking = rankUnits(
      cards.map((c) => ({
        unit: c.unit,
        name: c.unitName,
        total: c.total,
        max: c.max,
        band: c.band,
        lost: c.lost.length,
      })),
    ).map((r) => ({ ...r, selfTotal: selfOf.get(r.unit) ?? 0 }));
    const { set } = state;
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
