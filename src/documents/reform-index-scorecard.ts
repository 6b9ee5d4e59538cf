// A unit's CCHC index scorecard (bảng điểm Chỉ số CCHC) as .xlsx and .docx: the criteria tree with maxima,
// the unit's self-score, the appraisal rounds and the score reached, how each score was computed and the
// evidence cited (file and pages); then the lost-points list (tiêu chí bị trừ điểm) as seed 003 writes it.
// Both files are drawn from the same TableSpecs (grid.ts, xlsx.ts), so they can never disagree. No database
// access: the caller passes the scorecard (src/reform/index/score.ts) and the stored assessments.
import type { FileChild } from "docx";
import { PHASES, type Phase } from "../reform/index/phases.ts";
import type { LostPoint, ScoredNode } from "../reform/index/score.ts";
import { gridTable, type TableSpec, type Value } from "./grid.ts";
import { officialDocument, para, run, toBuffer } from "./official.ts";
import { tablesToXlsx } from "./xlsx.ts";

/** One cited evidence file: its stored name and the pages the appraiser should read. */
export interface EvidenceRef {
  name: string;
  pages?: string | null;
}

/** The stored assessment of a leaf as the export needs it. */
export interface ExportAssessment {
  selfScore: number | null;
  selfNote?: string | null;
  appraisal1: number | null;
  appraisal2: number | null;
  final: number | null;
  appraiserNote?: string | null;
  explanation?: string | null;
  evidence: EvidenceRef[];
}

export interface ScorecardExport {
  unit: string;
  unitName: string;
  year: number;
  setId: string;
  setVersion: number;
  /** The phase's Vietnamese name. */
  phaseName: string;
  total: number;
  /** The unit's own view (score.ts: automatic scores, self-scores and the survey). */
  selfTotal: number;
  max: number;
  percent: number | null;
  band: string | null;
  nodes: ScoredNode[];
  lost: LostPoint[];
  assessments: Readonly<Record<string, ExportAssessment>>;
}

function* flatten(nodes: readonly ScoredNode[], depth = 0): Generator<[ScoredNode, number]> {
  for (const n of nodes) {
    yield [n, depth];
    yield* flatten(n.children, depth + 1);
  }
}

const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
const vn = (x: number): string => String(round2(x)).replace(".", ",");

/** The export of a loaded scorecard (the phase named) with its stored assessments, evidence by file name. */
export function scorecardExport(
  card: Omit<ScorecardExport, "phaseName" | "assessments"> & { phase: string },
  assessments: Readonly<Record<string, ExportAssessment>>,
): ScorecardExport {
  return { ...card, phaseName: PHASES[card.phase as Phase] ?? card.phase, assessments };
}

const cell = (v: number | null | undefined): Value => (v === null || v === undefined ? "" : v);

const evidenceText = (refs: readonly EvidenceRef[]): string =>
  refs.map((e) => `${e.name}${e.pages ? `, tr. ${e.pages}` : ""}`).join("; ");

function explanationOf(n: ScoredNode, a: ExportAssessment | undefined): string {
  const lines = [n.source === "sum" ? "" : n.formula];
  if (a?.evidence.length) lines.push(`Tài liệu kiểm chứng: ${evidenceText(a.evidence)}`);
  if (a?.selfNote) lines.push(`Đơn vị giải trình: ${a.selfNote}`);
  if (a?.explanation) lines.push(`Giải trình bổ sung: ${a.explanation}`);
  if (a?.appraiserNote) lines.push(`Ý kiến thẩm định: ${a.appraiserNote}`);
  lines.push(...n.warnings);
  return lines.filter(Boolean).join("\n");
}

const captionOf = (card: ScorecardExport) => [
  `BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${card.year}`,
  card.unitName.toUpperCase(),
];

/** The scorecard table: one row per node (fields, criteria, sub-criteria), the totals row last. */
export function scorecardSpec(card: ScorecardExport): TableSpec {
  const body = [...flatten(card.nodes)].map(([n]) => {
    const a = card.assessments[n.code];
    return [
      n.code,
      n.name,
      cell(n.max),
      n.source === "auto" ? cell(n.score) : cell(a?.selfScore),
      cell(a?.appraisal1),
      cell(a?.appraisal2 ?? a?.final),
      cell(n.score),
      explanationOf(n, a),
    ];
  });
  return {
    caption: captionOf(card),
    note: `Bộ tiêu chí ${card.setId} phiên bản ${card.setVersion}; giai đoạn: ${card.phaseName}`,
    header: [
      [
        { text: "Mã", rowSpan: 2 },
        { text: "Lĩnh vực, tiêu chí, tiêu chí thành phần", rowSpan: 2 },
        { text: "Điểm tối đa", rowSpan: 2 },
        { text: "Tự chấm", rowSpan: 2 },
        { text: "Thẩm định", colSpan: 2 },
        { text: "Điểm đạt", rowSpan: 2 },
        { text: "Cách tính, tài liệu kiểm chứng, ý kiến", rowSpan: 2 },
      ],
      [{ text: "Lần 1" }, { text: "Lần 2, cuối cùng" }],
    ],
    columns: [
      { width: 8, align: "left" },
      { width: 44, align: "left" },
      { width: 9, align: "right" },
      { width: 9, align: "right" },
      { width: 9, align: "right" },
      { width: 11, align: "right" },
      { width: 9, align: "right" },
      { width: 56, align: "left" },
    ],
    body,
    total: ["Tổng điểm", card.max, card.selfTotal, "", "", card.total, totalNote(card)],
    totalLabelSpan: 2,
    landscape: true,
  };
}

function totalNote(card: ScorecardExport): string {
  const pct = card.percent === null ? "" : `${vn(card.percent)}%`;
  return [pct, card.band ? `xếp loại ${card.band}` : ""].filter(Boolean).join(", ");
}

/** The lost-points list (seed 003's "các tiêu chí bị trừ điểm"): code, name, points lost of the max, reason. */
export function lostPointsSpec(card: ScorecardExport): TableSpec {
  const lost = round2(card.lost.reduce((s, l) => s + l.lost, 0));
  return {
    caption: [...captionOf(card), "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM"],
    header: [["STT", "Mã", "Tiêu chí", "Bị trừ", "Điểm tối đa", "Lý do"].map((text) => ({ text }))],
    columns: [
      { width: 6 },
      { width: 8, align: "left" },
      { width: 44, align: "left" },
      { width: 9, align: "right" },
      { width: 9, align: "right" },
      { width: 56, align: "left" },
    ],
    body: card.lost.map((l, i) => [i + 1, l.code, l.name, l.lost, l.max, l.reason]),
    total: ["Tổng số điểm bị trừ", lost, "", ""],
    totalLabelSpan: 3,
    landscape: true,
  };
}

export type ScorecardFormat = "xlsx" | "docx";

/** The scorecard and its lost points as one file: two sheets (.xlsx) or two tables in one document (.docx). */
export async function renderScorecard(card: ScorecardExport, format: ScorecardFormat): Promise<Buffer> {
  const specs = [scorecardSpec(card), lostPointsSpec(card)];
  if (format === "xlsx")
    return tablesToXlsx([
      { name: "Bảng điểm", spec: specs[0]! },
      { name: "Bị trừ điểm", spec: specs[1]! },
    ]);
  const children: FileChild[] = [];
  specs.forEach((spec, i) => {
    const captions = i === 0 ? spec.caption : spec.caption.slice(-1);
    captions.forEach((line, j) => {
      children.push(para([run(line, { bold: true, size: j === 0 ? 13 : 14 })], { align: "center", before: 6 }));
    });
    if (spec.note) children.push(para([run(spec.note, { italics: true })], { align: "center" }));
    children.push(para("", { after: 6 }));
    children.push(gridTable(spec));
  });
  if (!card.lost.length) children.push(para([run("Không có tiêu chí bị trừ điểm.", { italics: true })]));
  return toBuffer(officialDocument({ children, landscape: true }));
}
