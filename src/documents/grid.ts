// A report table described once (caption, merged multi-row header, body, totals) and drawn both into
// .docx (here) and .xlsx (xlsx.ts), so the two files of an appendix can never disagree.
import {
  AlignmentType,
  BorderStyle,
  type FileChild,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  type Heading,
  heading,
  type Issuer,
  issuerHeading,
  officialDocument,
  para,
  run,
  toBuffer,
} from "./official.ts";
import { countText } from "./vn-format.ts";

/** A header cell as in HTML: cells covered by an earlier row- or column-span are left out. */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface PlacedCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Column {
  /** Width in characters (xlsx); docx widths are proportional to it. */
  width: number;
  align?: "left" | "center" | "right";
  /** Percentages (0–100): .xlsx stores the fraction in a percent number format ("71,21%"). */
  percent?: boolean;
}

export type Value = string | number;

export interface TableSpec {
  /** Lines above the table, e.g. ["Phụ lục 4", "KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT CÔNG VIỆC", …]. */
  caption: string[];
  /** Italic line under the caption, e.g. "(Kèm theo Báo cáo số 82/BC-UBND ngày 03/9/2020 của UBND phường)". */
  note?: string;
  /** The issuing body above the caption (Decree 30: upper case, short rule below its last line). */
  issuer?: Issuer;
  header: HeaderCell[][];
  columns: Column[];
  body: Value[][];
  /** The totals row; its label spans `totalLabelSpan` columns. */
  total?: Value[];
  totalLabelSpan?: number;
  /** Seed 004 prints the totals first, seed 000 last. */
  totalFirst?: boolean;
  footnotes?: string[];
  landscape?: boolean;
}

/** Places HTML-style header rows on a grid (the HTML table algorithm); throws if they do not tile it. */
export function placeHeader(rows: HeaderCell[][], width: number): PlacedCell[] {
  const taken: boolean[][] = rows.map(() => new Array<boolean>(width).fill(false));
  const placed: PlacedCell[] = [];
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (col < width && taken[r]![col]) col++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (col + colSpan > width || r + rowSpan > rows.length) {
        throw new Error(`header cell "${cell.text}" overflows the ${width}-column grid`);
      }
      for (let i = r; i < r + rowSpan; i++) for (let j = col; j < col + colSpan; j++) taken[i]![j] = true;
      placed.push({ text: cell.text, row: r, col, rowSpan, colSpan });
      col += colSpan;
    }
  });
  if (taken.some((row) => row.some((t) => !t))) throw new Error("header rows leave gaps in the grid");
  return placed;
}

/** Row order of the body with the totals row where the layout puts it. */
export function orderedRows(spec: TableSpec): { values: Value[]; total: boolean }[] {
  const body = spec.body.map((values) => ({ values, total: false }));
  if (!spec.total) return body;
  const total = { values: spec.total, total: true };
  return spec.totalFirst ? [total, ...body] : [...body, total];
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function textCell(text: string, o: { bold?: boolean; align: keyof typeof ALIGN; span?: number; rowSpan?: number }) {
  return new TableCell({
    children: text
      .split("\n")
      .map((line) => new Paragraph({ children: [run(line, { bold: o.bold, size: 12 })], alignment: ALIGN[o.align] })),
    borders: BORDERS,
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
  });
}

/** Integers with a dot between thousands, decimals with a comma ("5.970", "71,2"). */
export function formatValue(v: Value): string {
  if (typeof v === "string") return v;
  return Number.isInteger(v) ? countText(v) : String(v).replace(".", ",");
}

/** The bordered table of a spec as a docx Table. */
export function gridTable(spec: TableSpec): Table {
  const width = spec.columns.length;
  const placed = placeHeader(spec.header, width);
  const headerRows = spec.header.map(
    (_, r) =>
      new TableRow({
        tableHeader: true,
        children: placed
          .filter((c) => c.row === r)
          .map((c) => textCell(c.text, { bold: true, align: "center", span: c.colSpan, rowSpan: c.rowSpan })),
      }),
  );
  const labelSpan = spec.totalLabelSpan ?? 1;
  const bodyRows = orderedRows(spec).map(({ values, total }) => {
    const cells = values.map((v, i) => {
      const span = total && i === 0 ? labelSpan : undefined;
      const col = total && i > 0 ? i + labelSpan - 1 : i;
      const align = total && i === 0 ? "center" : (spec.columns[col]?.align ?? "center");
      return textCell(formatValue(v), { bold: total, align, span });
    });
    return new TableRow({ children: cells, cantSplit: true });
  });
  const sum = spec.columns.reduce((a, c) => a + c.width, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: spec.columns.map((c) => Math.round((c.width / sum) * (spec.landscape ? 14287 : 9355))),
    rows: [...headerRows, ...bodyRows],
  });
}

/** The caption, table and footnotes of a spec, optionally under a Decree 30 heading, as a .docx file. */
export async function tableToDocx(spec: TableSpec, options: { heading?: Heading } = {}): Promise<Buffer> {
  const children: FileChild[] = [];
  if (options.heading) children.push(heading(options.heading));
  else if (spec.issuer) children.push(issuerHeading(spec.issuer));
  spec.caption.forEach((line, i) => {
    children.push(para([run(line, { bold: true, size: i === 0 ? 13 : 14 })], { align: "center" }));
  });
  if (spec.note) children.push(para([run(spec.note, { italics: true })], { align: "center" }));
  children.push(para("", { after: 6 }));
  children.push(gridTable(spec));
  for (const note of spec.footnotes ?? []) children.push(para([run(note, { italics: true, size: 12 })]));
  return toBuffer(officialDocument({ children, landscape: spec.landscape }));
}
