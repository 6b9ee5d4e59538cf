// The report appendices as table specs: the one-stop results (seed 000, Phụ lục 4), the channels table
// (seed 004), late dossiers by unit with and without an apology (seed 002), satisfaction by field (seed 004).
// Each is rendered to .docx and .xlsx from the same spec.
import type { HeaderCell, TableSpec } from "./grid.ts";
import { RESULT_FIELDS } from "../figures/results-fields.ts";
import { tableToDocx } from "./grid.ts";
import { TIMELINESS_LABELS } from "./deadline-terms.ts";
import { largestRemainder } from "./percent.ts";
import type { AppendixOptions, LateByUnitRow, ReportRef, ResultsRow, SatisfactionRow } from "./types.ts";
import { tablesToXlsx } from "./xlsx.ts";

// the columns of the results report (CONTRACTS.md §3), defined once in src/figures
const RESULT_COUNTS = RESULT_FIELDS satisfies readonly (keyof ResultsRow)[];

/** The totals row: every count summed over the rows. */
export function sumResults(rows: ResultsRow[], key = "Tổng cộng"): ResultsRow {
  const total = { key } as ResultsRow;
  for (const field of RESULT_COUNTS) total[field] = rows.reduce((a, r) => a + r[field], 0);
  return total;
}

/** "03/9/2020" from "2020-09-03": days below 10 and months 1–2 with a leading zero, as vn-format prints. */
function isoShort(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${String(d).padStart(2, "0")}/${m! <= 2 ? String(m).padStart(2, "0") : m}/${y}`;
}

/**
 * "(Kèm theo Báo cáo số 82/BC-UBND ngày 03/9/2020 của UBND phường Hương Xuân)": an appendix names the report
 * it goes with instead of carrying a number of its own (seed 000); absent parts are dots for the clerk.
 */
export function attachedNote(report: ReportRef = {}): string {
  const number = report.number?.trim() || "……/BC-……";
  const date = report.date ? isoShort(report.date) : "……/……/………";
  return `(Kèm theo Báo cáo số ${number} ngày ${date} của ${report.issuer?.trim() || "……………"})`;
}

function caption(
  defaultLabel: string,
  title: string[],
  o: AppendixOptions,
): Pick<TableSpec, "caption" | "note" | "issuer"> {
  const note = o.note ?? (o.report ? attachedNote(o.report) : undefined);
  return { caption: [o.label ?? defaultLabel, ...title], note, ...(o.issuer ? { issuer: o.issuer } : {}) };
}

export interface ResultsAppendixOptions extends AppendixOptions {
  /** Header of the key column; default "Lĩnh vực, công việc thực hiện cơ chế một cửa". */
  keyLabel?: string;
  /**
   * Seed 000 has no column for withdrawn or stopped dossiers, so its rows cannot show the identity of
   * CONTRACTS.md §3; true adds the two columns. By default the seed's layout exactly, as a clerk pastes it.
   */
  withdrawnStopped?: boolean;
  /** The totals row; computed from the rows when absent. */
  total?: ResultsRow;
}

/** Phụ lục 4 of seed 000: "KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT CÔNG VIỆC THEO CƠ CHẾ MỘT CỬA". */
export function resultsAppendixSpec(rows: ResultsRow[], o: ResultsAppendixOptions = {}): TableSpec {
  const ws = o.withdrawnStopped ?? false;
  const total = o.total ?? sumResults(rows);
  const header: HeaderCell[][] = [
    [
      { text: "TT", rowSpan: 3 },
      { text: o.keyLabel ?? "Lĩnh vực, công việc thực hiện cơ chế một cửa", rowSpan: 3 },
      { text: "Số hồ sơ giải quyết", colSpan: ws ? 11 : 9 },
    ],
    [
      { text: "Hồ sơ chưa giải quyết (trước kỳ báo cáo)", rowSpan: 2 },
      { text: "Hồ sơ nhận (trong kỳ báo cáo)", colSpan: 2 },
      { text: "Hồ sơ đã giải quyết", colSpan: 3 },
      ...(ws ? [{ text: "Hồ sơ rút, dừng giải quyết", colSpan: 2 }] : []),
      { text: "Hồ sơ đang giải quyết", colSpan: 3 },
    ],
    [
      { text: "Tổng số" },
      { text: "Tiếp nhận ngày thứ 7" },
      // seed 000 words these three with "hẹn"; they count against the deadline in force (hạn), so they take
      // the screen's words (src/documents/deadline-terms.ts)
      { text: TIMELINESS_LABELS.finishedEarly },
      { text: TIMELINESS_LABELS.finishedOnTime },
      { text: TIMELINESS_LABELS.finishedLate },
      ...(ws ? [{ text: "Rút hồ sơ" }, { text: "Dừng giải quyết" }] : []),
      { text: "Tổng số" },
      { text: "Trong hạn" },
      { text: "Quá hạn" },
    ],
  ];
  const counts = (r: ResultsRow): number[] => [
    r.carriedOver,
    r.received,
    r.receivedSaturday,
    r.finishedEarly,
    r.finishedOnTime,
    r.finishedLate,
    ...(ws ? [r.withdrawn, r.stopped] : []),
    r.openWithinDeadline + r.openOverdue,
    r.openWithinDeadline,
    r.openOverdue,
  ];
  const numberColumns = (ws ? 11 : 9) as number;
  return {
    ...caption("Phụ lục 4", ["KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT CÔNG VIỆC", "THEO CƠ CHẾ MỘT CỬA"], o),
    header,
    columns: [
      { width: 7 },
      { width: 32, align: "left" },
      ...Array.from({ length: numberColumns }, () => ({ width: 10 })),
    ],
    body: rows.map((r, i) => [i + 1, r.key, ...counts(r)]),
    total: ["Tổng cộng", ...counts(total)],
    totalLabelSpan: 2,
    landscape: true,
  };
}

/**
 * Seed 004's results by field: STT, "Lĩnh vực, công việc giải quyết theo cấp", the total handled (carried over
 * and received), the finished (total, on time = before or on the appointment, late) and the open (total,
 * within, overdue), the totals row first with an empty STT — the layout of the seed's table, unchanged.
 */
export function resultsByFieldSpec(rows: ResultsRow[], o: ResultsAppendixOptions = {}): TableSpec {
  const total = o.total ?? sumResults(rows);
  const counts = (r: ResultsRow): number[] => [
    r.carriedOver + r.received,
    r.finishedEarly + r.finishedOnTime + r.finishedLate,
    r.finishedEarly + r.finishedOnTime,
    r.finishedLate,
    r.openWithinDeadline + r.openOverdue,
    r.openWithinDeadline,
    r.openOverdue,
  ];
  return {
    ...caption("Phụ lục", ["KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THEO LĨNH VỰC"], o),
    header: [
      [
        { text: "STT", rowSpan: 2 },
        { text: o.keyLabel ?? "Lĩnh vực, công việc giải quyết theo cấp", rowSpan: 2 },
        { text: "Tổng số", rowSpan: 2 },
        { text: "Hồ sơ đã giải quyết", colSpan: 3 },
        { text: "Hồ sơ đang giải quyết", colSpan: 3 },
      ],
      [
        { text: "Tổng số" },
        { text: "Đúng hạn" },
        { text: "Trễ hạn" },
        { text: "Tổng số" },
        { text: "Trong hạn" },
        { text: "Quá hạn" },
      ],
    ],
    columns: [{ width: 6 }, { width: 36, align: "left" }, ...Array.from({ length: 7 }, () => ({ width: 10 }))],
    body: rows.map((r, i) => [i + 1, r.key, ...counts(r)]),
    total: ["", "Tổng cộng", ...counts(total)],
    totalFirst: true,
  };
}

export interface ChannelsAppendixOptions extends AppendixOptions {
  /** "level" prints the pre-2022 online levels of seed 004 (Mức độ 2 = not online, 3 = partial, 4 = full). */
  by?: "channel" | "level";
}

/** Seed 004's table of dossiers by channel / online level with shares, the totals row first. */
export function channelsAppendixSpec(total: ResultsRow, o: ChannelsAppendixOptions = {}): TableSpec {
  const lines: [string, number][] =
    o.by === "level"
      ? [
          ["Mức độ 2", total.receivedDirect + total.receivedPostal],
          ["Mức độ 3", total.receivedOnlinePartial],
          ["Mức độ 4", total.receivedOnlineFull],
        ]
      : [
          ["Trực tiếp", total.receivedDirect],
          ["Qua dịch vụ bưu chính công ích", total.receivedPostal],
          ["Trực tuyến một phần", total.receivedOnlinePartial],
          ["Trực tuyến toàn trình", total.receivedOnlineFull],
        ];
  const sum = lines.reduce((a, [, n]) => a + n, 0);
  const shares = largestRemainder(lines.map(([, n]) => n));
  if (sum !== total.received) {
    throw new RangeError(`channels sum to ${sum}, but ${total.received} dossiers were received`);
  }
  return {
    ...caption("Phụ lục", ["HỒ SƠ TIẾP NHẬN THEO KÊNH VÀ MỨC ĐỘ DỊCH VỤ CÔNG TRỰC TUYẾN"], o),
    header: [
      [
        { text: "STT" },
        { text: o.by === "level" ? "Mức độ" : "Kênh tiếp nhận" },
        { text: "Số lượng" },
        { text: "Tỷ lệ %" },
      ],
    ],
    columns: [{ width: 6 }, { width: 40, align: "left" }, { width: 14 }, { width: 12, percent: true }],
    body: lines.map(([label, n], i) => [i + 1, label, n, shares[i]!]),
    total: ["", "Tổng cộng", sum, sum === 0 ? 0 : 100],
    totalFirst: true,
  };
}

/** Late dossiers by unit, with and without an apology letter (seed 002's footnote made a table). */
export function lateByUnitSpec(rows: LateByUnitRow[], o: AppendixOptions = {}): TableSpec {
  for (const r of rows) {
    if (r.withApology > r.late)
      throw new RangeError(`${r.unit}: ${r.withApology} apologies for ${r.late} late dossiers`);
  }
  const line = (r: LateByUnitRow) => [r.late, r.withApology, r.late - r.withApology];
  const late = rows.reduce((a, r) => a + r.late, 0);
  const withApology = rows.reduce((a, r) => a + r.withApology, 0);
  return {
    ...caption("Phụ lục", ["HỒ SƠ GIẢI QUYẾT TRỄ HẠN VÀ VĂN BẢN XIN LỖI THEO ĐƠN VỊ"], o),
    header: [
      [
        { text: "STT", rowSpan: 2 },
        { text: "Cơ quan, đơn vị", rowSpan: 2 },
        { text: "Số hồ sơ giải quyết trễ hạn", colSpan: 3 },
      ],
      [{ text: "Tổng số" }, { text: "Có văn bản xin lỗi" }, { text: "Chưa có văn bản xin lỗi" }],
    ],
    columns: [{ width: 6 }, { width: 44, align: "left" }, { width: 12 }, { width: 14 }, { width: 14 }],
    body: rows.map((r, i) => [i + 1, r.unit, ...line(r)]),
    total: ["Tổng cộng", ...line({ unit: "", late, withApology })],
    totalLabelSpan: 2,
  };
}

/** Seed 004's survey table: ballots per field and the share of each answer. */
export function satisfactionSpec(rows: SatisfactionRow[], o: AppendixOptions = {}): TableSpec {
  const line = (r: SatisfactionRow): number[] => [
    r.simple + r.fewerPapers + r.complicated,
    ...largestRemainder([r.simple, r.fewerPapers, r.complicated]),
  ];
  const sum = (k: "simple" | "fewerPapers" | "complicated") => rows.reduce((a, r) => a + r[k], 0);
  return {
    ...caption("Phụ lục", ["KẾT QUẢ KHẢO SÁT MỨC ĐỘ HÀI LÒNG THEO LĨNH VỰC"], o),
    header: [
      [
        { text: "STT" },
        { text: "Lĩnh vực" },
        { text: "Số lượng phiếu" },
        { text: "Đơn giản (%)" },
        { text: "Cần giảm giấy tờ (%)" },
        { text: "Phức tạp (%)" },
      ],
    ],
    columns: [
      { width: 6 },
      { width: 40, align: "left" },
      { width: 12 },
      { width: 12, percent: true },
      { width: 14, percent: true },
      { width: 12, percent: true },
    ],
    body: rows.map((r, i) => [i + 1, r.field, ...line(r)]),
    total: [
      "Tổng cộng",
      ...line({ field: "", simple: sum("simple"), fewerPapers: sum("fewerPapers"), complicated: sum("complicated") }),
    ],
    totalLabelSpan: 2,
  };
}

export type AppendixFormat = "docx" | "xlsx";

/** Renders one appendix spec to the requested format. */
export async function renderAppendix(
  spec: TableSpec,
  format: AppendixFormat,
  options: { heading?: AppendixOptions["heading"]; sheetName?: string } = {},
): Promise<Buffer> {
  if (format === "xlsx") return tablesToXlsx([{ name: options.sheetName ?? spec.caption[0] ?? "Phụ lục", spec }]);
  return tableToDocx(spec, { heading: options.heading });
}
