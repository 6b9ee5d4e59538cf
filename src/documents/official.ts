// Building blocks of an administrative document in the format of Decree 30/2020/NĐ-CP (Phụ lục I):
// A4, Times New Roman 13–14 pt, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the national
// motto beside the issuing body; number and symbol; place and date in italics; "Nơi nhận:"; signature.
// Text is passed in as is, so the same blocks build real documents and templates holding placeholders.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
  type IRunOptions,
} from "docx";
import { xmlSafeText } from "./safe-text.ts";

export const FONT = "Times New Roman";
/** Body size in half-points: 13 pt. */
export const BODY_SIZE = 26;
/** A4 in twips (210 × 297 mm), the values Word itself writes. */
export const A4_TWIPS = { width: 11906, height: 16838 };
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };

/** Millimetres to twips, rounded up so a legal minimum (e.g. 15 mm) is never undershot. */
export const mmToTwip = (mm: number): number => Math.ceil((mm * 1440) / 25.4);

const FONT_ALL = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

export type RunStyle = Pick<IRunOptions, "bold" | "italics" | "underline" | "allCaps"> & { size?: number };

/** A run in the document font; `size` in points. */
export function run(text: string, style: RunStyle = {}): TextRun {
  const { size, ...rest } = style;
  return new TextRun({ text: xmlSafeText(text), font: FONT_ALL, size: (size ?? 13) * 2, ...rest });
}

export interface ParaOptions {
  align?: "left" | "center" | "right" | "justify";
  /** Space after, in points. */
  after?: number;
  before?: number;
  /** First-line indent in mm. */
  indentMm?: number;
  keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function para(children: TextRun[] | string, options: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof children === "string" ? [run(children)] : children,
    alignment: ALIGN[options.align ?? "left"],
    spacing: { after: (options.after ?? 0) * 20, before: (options.before ?? 0) * 20 },
    indent: options.indentMm ? { firstLine: convertMillimetersToTwip(options.indentMm) } : undefined,
    keepNext: options.keepNext,
  });
}

/** A short centred rule under a heading line (Decree 30 draws one under the issuing body's name). */
function rule(): Paragraph {
  return new Paragraph({
    children: [],
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    indent: { left: convertMillimetersToTwip(22), right: convertMillimetersToTwip(22) },
    spacing: { after: 60 },
  });
}

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
}

function layoutTable(rows: Paragraph[][][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({ children: cells.map((content, i) => cell(content, widths[i] ?? 50)) })),
  });
}

export interface Heading {
  /** Cơ quan chủ quản; upper-cased by the caller or the template. */
  parentName?: string;
  /** Cơ quan ban hành. */
  issuerName: string;
  /** "Số: 82/BC-UBND" — pass the whole text after "Số: ". */
  number: string;
  /** "Huế, ngày 06 tháng 7 năm 2020". */
  placeDate: string;
}

/**
 * The two-column header: issuing body over the number on the left, national motto over the place and
 * date on the right, with the number and the date line on one level as Decree 30 lays them out.
 */
export function heading(h: Heading): Table {
  const issuer = [
    ...(h.parentName ? [para([run(h.parentName, { size: 12 })], { align: "center" })] : []),
    para([run(h.issuerName, { size: 12, bold: true })], { align: "center" }),
    rule(),
  ];
  const motto = [
    para([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true })], { align: "center" }),
    para([run("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true, underline: {} })], { align: "center" }),
  ];
  const number = [para([run("Số: "), run(h.number)], { align: "center", before: 4 })];
  const date = [para([run(h.placeDate, { italics: true })], { align: "center", before: 4 })];
  return layoutTable(
    [
      [issuer, motto],
      [number, date],
    ],
    [42, 58],
  );
}

/** The issuing body of a document, each line as printed (upper case, Decree 30/2020/NĐ-CP Phụ lục I). */
export interface Issuer {
  /** Cơ quan chủ quản, e.g. ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]; regular type. */
  governing?: string[];
  /** Cơ quan ban hành, e.g. ["ỦY BAN NHÂN DÂN", "PHƯỜNG HƯƠNG XUÂN"]; bold. */
  lines: string[];
}

/**
 * The heading of a document that carries no number of its own (an appendix "kèm theo" a report): the
 * issuing body, its short rule below its last line, beside the national motto.
 */
export function issuerHeading(issuer: Issuer): Table {
  const left = [
    ...(issuer.governing ?? []).map((line) => para([run(line, { size: 12 })], { align: "center" })),
    ...issuer.lines.map((line) => para([run(line, { size: 12, bold: true })], { align: "center" })),
    rule(),
  ];
  const motto = [
    para([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true })], { align: "center" }),
    para([run("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true, underline: {} })], { align: "center" }),
  ];
  return layoutTable([[left, motto]], [42, 58]);
}

/** Document type and summary, e.g. "BÁO CÁO" / "Về tổ chức thực hiện …". */
export function title(lines: string[], options: { size?: number } = {}): Paragraph[] {
  return lines.map((text, i) =>
    para([run(text, { bold: true, size: options.size ?? (i === 0 ? 14 : 13) })], {
      align: "center",
      before: i === 0 ? 12 : 0,
      after: i === lines.length - 1 ? 12 : 0,
    }),
  );
}

export interface SignatureBlock {
  authority?: string;
  title: string;
  /** "(Ký, ghi rõ họ tên)" and the like. */
  hint?: string;
  name: string;
}

function signatureParagraphs(s: SignatureBlock): Paragraph[] {
  return [
    ...(s.authority ? [para([run(s.authority, { bold: true })], { align: "center" })] : []),
    para([run(s.title, { bold: true })], { align: "center" }),
    ...(s.hint ? [para([run(s.hint, { italics: true, size: 12 })], { align: "center" })] : []),
    para("", { after: 48 }),
    para([run(s.name, { bold: true })], { align: "center" }),
  ];
}

/** "Nơi nhận:" on the left, the signature on the right (Decree 30, Phụ lục I, mục II.8–9). */
export function recipientsAndSignature(recipients: Paragraph[] | null, signature: SignatureBlock): Table {
  const left = recipients ?? [para("")];
  return layoutTable([[left, signatureParagraphs(signature)]], [50, 50]);
}

/** The "Nơi nhận:" lines: "- X;" each, ending with "- Lưu: VT." */
export function recipientLines(lines: string[]): Paragraph[] {
  return [
    para([run("Nơi nhận:", { bold: true, italics: true, size: 12 })]),
    ...lines.map((line) => para([run(line, { size: 11 })])),
  ];
}

/** Signatures side by side (e.g. applicant and receiving officer on the receipt slip). */
export function signaturesSideBySide(signatures: SignatureBlock[]): Table {
  const width = Math.floor(100 / signatures.length);
  return layoutTable(
    [signatures.map(signatureParagraphs)],
    signatures.map(() => width),
  );
}

export interface OfficialDocument {
  children: FileChild[];
  landscape?: boolean;
}

/** Wraps content into an A4 document with the Decree 30 margins and font. */
export function officialDocument(doc: OfficialDocument): Document {
  return new Document({
    creator: "motcua",
    styles: {
      default: { document: { run: { font: FONT_ALL, size: BODY_SIZE } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4_TWIPS.width,
              height: A4_TWIPS.height,
              orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwip(MARGINS_MM.top),
              bottom: mmToTwip(MARGINS_MM.bottom),
              left: mmToTwip(MARGINS_MM.left),
              right: mmToTwip(MARGINS_MM.right),
            },
          },
        },
        children: doc.children,
      },
    ],
  });
}

export async function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
