// The periodic CCHC report as a .docx in the layout of Decree 30/2020/NĐ-CP (Phụ lục I): issuing body and
// national motto, "Số: …/BC-UBND", place and date, "BÁO CÁO" and its summary, sections I–V, "Nơi nhận" and
// the signature; then the appendices on their own pages: seed 000's Phụ lục 1–5 (plans, procedures by level,
// legal documents, results by field, staff) and Phụ lục 01b (seed 001). The text and the appendices are drawn from one ReportInputs (figures.ts), after the
// checks (check.ts) have passed.
import { Document, type FileChild, type ISectionOptions, PageOrientation } from "docx";
import { gridTable, type TableSpec } from "../../documents/grid.ts";
import { resultsAppendixSpec } from "../../documents/appendices.ts";
import {
  A4_TWIPS,
  BODY_SIZE,
  FONT,
  heading,
  MARGINS_MM,
  mmToTwip,
  para,
  recipientLines,
  recipientsAndSignature,
  run,
  type SignatureBlock,
  title,
  toBuffer,
} from "../../documents/official.ts";
import { decreeDate, upper } from "../../documents/vn-format.ts";
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { sheetTableSpec } from "../sheet/layout.ts";
import { legalSpec, plansSpec, proceduresSpec, staffSpec } from "./appendix-specs.ts";
import { assertReportable, ReportBlockedError } from "./check.ts";
import { checkEdits, EDITED_SECTIONS, type ReportEdits } from "./edits.ts";
import { fillText, type ReportFigures, type ReportInputs, reportFigures } from "./figures.ts";
import { namePeriod, type PeriodName } from "./period-kind.ts";
import { type ReportLevel, reportTemplate } from "./template.ts";

export interface ReportMeta {
  /** "ỦY BAN NHÂN DÂN" over "XÃ AN HÒA". */
  issuerParent?: string;
  issuer: string;
  /** "UBND xã An Hòa": how the text names the unit. */
  unitName: string;
  /** "An Hòa" for the place-and-date line. */
  place: string;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  /** The number before "/BC-UBND"; blank until issued ("…"). */
  number?: string;
  level: ReportLevel;
  recipients: string[];
  signature: SignatureBlock;
}

export interface ComposedReport {
  period: PeriodName;
  numberText: string;
  placeDate: string;
  titleLines: string[];
  sections: { heading: string; paragraphs: string[] }[];
  closing: string;
  figures: ReportFigures;
}

/** "ngày 04 tháng 6 năm 2024" (Decree 30: days below 10, January and February padded) for a local date. */
function dateWords(date: string): string {
  return decreeDate(startOfLocalDate(date));
}

/**
 * The report's text with its figures filled in: the template's, with sections III–V replaced by the unit's
 * edits when given (checked first: ReportBlockedError names a typed figure or an unknown name).
 */
export function composeReport(inputs: ReportInputs, meta: ReportMeta, edits: ReportEdits = {}): ComposedReport {
  const period = namePeriod(inputs.sheet);
  const template = reportTemplate(period, meta.level, meta.unitName);
  const figures = reportFigures(inputs);
  const findings = checkEdits(edits, figures);
  if (findings.length) {
    throw new ReportBlockedError(
      findings.map((f) => ({
        on: "text" as const,
        code: f.code,
        text: `${f.code}: ${f.section} ¶${f.paragraph} — ${f.text}`,
      })),
    );
  }
  const sections = template.sections.map((s, i) => {
    const edited = (Object.keys(EDITED_SECTIONS) as (keyof ReportEdits)[]).find((k) => EDITED_SECTIONS[k] === i);
    const paragraphs = edited && edits[edited]?.length ? edits[edited]! : s.paragraphs;
    return { heading: fillText(s.heading, figures), paragraphs: paragraphs.map((p) => fillText(p, figures)) };
  });
  return {
    period,
    numberText: `${meta.number ?? "…"}/BC-UBND`,
    placeDate: `${meta.place}, ${dateWords(meta.date)}`,
    titleLines: ["BÁO CÁO", template.summary],
    sections,
    closing: template.closing,
    figures,
  };
}

/** The note under each appendix's caption. */
function attachedTo(meta: ReportMeta): string {
  return `(Kèm theo Báo cáo số ${meta.number ?? "…"}/BC-UBND ${dateWords(meta.date)} của ${meta.unitName})`;
}

function tableBlock(spec: TableSpec): FileChild[] {
  return [
    ...spec.caption.map((line, i) => para([run(line, { bold: true, size: i === 0 ? 13 : 14 })], { align: "center" })),
    ...(spec.note ? [para([run(spec.note, { italics: true })], { align: "center" })] : []),
    para("", { after: 6 }),
    gridTable(spec),
    ...(spec.footnotes ?? []).map((n) => para([run(n, { italics: true, size: 12 })])),
  ];
}

function section(children: FileChild[], landscape = false): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: A4_TWIPS.width,
          height: A4_TWIPS.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: mmToTwip(MARGINS_MM.top),
          bottom: mmToTwip(MARGINS_MM.bottom),
          left: mmToTwip(MARGINS_MM.left),
          right: mmToTwip(MARGINS_MM.right),
        },
      },
    },
    children,
  };
}

/**
 * The appendix table specs in seed 000's order — Phụ lục 1 (plans), 2 (procedures by level), 3 (legal
 * documents), 4 (results by field), 5 (staff), when the inputs carry them — then Phụ lục 01b (seed 001).
 */
export function appendixSpecs(inputs: ReportInputs, meta: ReportMeta, period: PeriodName): TableSpec[] {
  const note = attachedTo(meta);
  const specs: TableSpec[] = [];
  if (inputs.records) specs.push(plansSpec(inputs.records.appendix1, period.title, note));
  if (inputs.procedures) specs.push(proceduresSpec(inputs.procedures, note));
  if (inputs.records) specs.push(legalSpec(inputs.records.appendix3, note));
  specs.push(
    resultsAppendixSpec([...inputs.results.rows], {
      label: "Phụ lục 4",
      note,
      total: { ...inputs.results.total, key: "Tổng cộng" },
    }),
  );
  if (inputs.records) specs.push(staffSpec(inputs.records.appendix5, note));
  specs.push(sheetTableSpec(inputs.sheet, { subject: upper(meta.unitName), periodTitle: upper(period.title), note }));
  return specs;
}

/** The report and its appendices as one .docx. */
export async function reportToDocx(inputs: ReportInputs, meta: ReportMeta, edits: ReportEdits = {}): Promise<Buffer> {
  assertReportable(inputs);
  const report = composeReport(inputs, meta, edits);
  const body: FileChild[] = [
    heading({
      parentName: meta.issuerParent,
      issuerName: meta.issuer,
      number: report.numberText,
      placeDate: report.placeDate,
    }),
    ...title(report.titleLines),
  ];
  for (const s of report.sections) {
    body.push(para([run(s.heading, { bold: true })], { before: 6, after: 3, keepNext: true }));
    for (const p of s.paragraphs) body.push(para(p, { align: "justify", indentMm: 10, after: 3 }));
  }
  body.push(para(report.closing, { align: "justify", indentMm: 10, after: 6 }));
  body.push(recipientsAndSignature(recipientLines(meta.recipients), meta.signature));
  const appendices = appendixSpecs(inputs, meta, report.period).map((spec) =>
    section(tableBlock(spec), spec.landscape),
  );
  const doc = new Document({
    creator: "motcua",
    title: `Báo cáo CCHC ${report.period.title}`,
    styles: {
      default: { document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: BODY_SIZE } } },
    },
    sections: [section(body), ...appendices],
  });
  return toBuffer(doc);
}
